package io.gridcare.notifications;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import io.gridcare.units.UnitGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice flow through its real entry point: source systems' events at /api/events, the engine running
 * NotifyCustomersProcess, the application's own push worker (role all) sending over the sandbox's real protocols
 * (SMPP, SMTP, Zalo ZNS, FCM), receipts coming back, and the ledger's account of it.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationFlowEndToEndTest {

  /** Sóc Sơn (PD09) customers on a substation of their own. */
  private static final String ZALO_CUSTOMER = "PD09NF0000601";
  private static final String APP_DEAD_TOKEN = "PD09NF0000602";
  private static final String SMS_UNDELIVERABLE = "PD09NF0000603";
  private static final String EMAIL_OPTED_OUT = "PD09NF0000604";
  private static final String SUBSTATION = "E2E09-T6";

  /** A Sóc Sơn supervisor: care staff (Tasklist) and the unit's supervisors, nothing more. */
  private static final String SUPERVISOR = "sup-pd09-e2e";
  private static final String SUPERVISOR_PASSWORD = "Giam-sat-PD09-e2e";

  private final Http source = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final Http supervisor = Http.to(TestStack.get().serverPort()).as(SUPERVISOR, SUPERVISOR_PASSWORD);
  private final JdbcClient sql;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  NotificationFlowEndToEndTest(@Autowired JdbcClient sql, @Autowired TaskService tasks,
      @Autowired RuntimeService runtime, @Autowired ManagementService management,
      @Autowired IdentityService identity) {
    this.sql = sql;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    TestUsers.ensure(identity, SUPERVISOR, SUPERVISOR_PASSWORD, Access.STAFF_GROUP, UnitGroups.supervisorsOf("PD09"));
  }

  @BeforeAll
  void customers() {
    send("billing", billing(ZALO_CUSTOMER, "Nguyễn Thị Hoa") + "," + billing(APP_DEAD_TOKEN, "Trần Văn Bình") + ","
        + billing(SMS_UNDELIVERABLE, "Lê Thị Cúc") + "," + billing(EMAIL_OPTED_OUT, "Phạm Văn Dũng"));
    send("crm", crm(ZALO_CUSTOMER, "0912345671", null) + "," + crm(APP_DEAD_TOKEN, "0912345672", null) + ","
        + crm(SMS_UNDELIVERABLE, "0912340000", null) + "," + crm(EMAIL_OPTED_OUT, null, "dung.pham@example.vn"));
    send("channels", """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","zaloUserId":"zalo-601"},
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","appRegistered":true,"pushTokens":["dead-602"]},
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","optedOut":["EMAIL"]}"""
        .formatted(ZALO_CUSTOMER, APP_DEAD_TOKEN, EMAIL_OPTED_OUT));
  }

  @Test
  void aBillReachesItsCustomerOnZaloOnceEvenWhenTheEventComesTwice() {
    String event = """
        {"eventId":"%s","type":"BILL_ISSUED","occurredAt":"2026-11-23T01:00:00Z",
         "payload":{"customerCode":"%s","period":"2026-11","amount":685400,"dueDate":"2026-12-15","kwh":246}}"""
        .formatted("bill-" + UUID.randomUUID(), ZALO_CUSTOMER);

    Response first = source.postJson("/api/events/billing", event);
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    long notice = first.json().path("noticeId").asLong();
    Response again = source.postJson("/api/events/billing", event);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("noticeId").asLong()).isEqualTo(notice);
    JsonNode report = awaitCompleted(notice);
    assertThat(report.path("recipients").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").path("ZALO").path("DELIVERED").asInt()
        + report.path("attemptsByChannel").path("ZALO").path("READ").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").has("SMS")).as("no fallback needed").isFalse();
    assertThat(attempts(notice)).isEqualTo(1);
  }

  @Test
  void anOutageFallsBackChannelByChannelAndTheCountsAddUp() {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Response accepted = source.postJson("/api/events/outages", """
        {"eventId":"%s","type":"OUTAGE_STARTED","occurredAt":"%s",
         "payload":{"unitCode":"PD09","substations":["%s"],"area":"Thôn Đông, xã Phù Linh",
                    "outageStart":"%s","expectedRestoration":"%s","reason":"sự cố đường dây 22kV"}}"""
        .formatted("oms-" + UUID.randomUUID(), start, SUBSTATION, start, start.plus(3, ChronoUnit.HOURS)));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

    JsonNode report = awaitCompleted(accepted.json().path("noticeId").asLong());

    JsonNode byStatus = report.path("recipientsByStatus");
    assertThat(report.path("recipients").asInt()).isEqualTo(4);
    assertThat(byStatus.path("DELIVERED").asInt() + byStatus.path("READ").asInt() + byStatus.path("FAILED").asInt()
        + byStatus.path("OPTED_OUT").asInt()).isEqualTo(4);
    // the dead push token: refused on the App, then the customer's SMS
    assertThat(report.path("attemptsByChannel").path("APP").path("FAILED").asInt()).isEqualTo(1);
    // 0912340000 is undeliverable at the sandbox SMSC: a failed receipt, and no channel left
    assertThat(byStatus.path("FAILED").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(report.path("smsSegments").asInt()).isPositive();
    assertThat(report.path("cost").decimalValue()).isPositive();
  }

  @Test
  void aPlannedOutageWaitsForASupervisorsApproval() {
    long notice = plannedOutage(5, "bảo dưỡng đường dây 22kV");

    Task approval = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(Long.toString(notice)).singleResult(), task -> task != null);
    assertThat(tasks.getVariable(approval.getId(), "audienceSize")).isEqualTo(4L);
    assertThat((String) tasks.getVariable(approval.getId(), "noticePreview")).contains("Phù Linh");
    assertThat(report(notice).path("notice").path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    tasks.complete(approval.getId(), java.util.Map.of("approvalDecision", "APPROVE"));

    JsonNode report = awaitCompleted(notice);
    assertThat(report.path("recipients").asInt()).isEqualTo(4);
  }

  /**
   * What Tasklist does, over the engine REST API it uses, as a unit supervisor (not an admin): find the task among
   * the group's, claim it, load the Camunda Form, submit it. Rejected, nothing is sent.
   */
  @Test
  void aUnitSupervisorRejectsAPlannedOutageInTasklistWithTheApprovalForm() {
    String notice = Long.toString(plannedOutage(6, "thay máy biến áp"));

    String id = claimApproval(notice);

    assertThat(supervisor.get("/engine-rest/task/" + id + "/form").json().path("camundaFormRef").path("key").asText())
        .isEqualTo("notice-approval");
    JsonNode form = supervisor.get("/engine-rest/task/" + id + "/deployed-form").json();
    JsonNode decision = fields(form).stream().filter(field -> "approvalDecision".equals(field.path("key").asText()))
        .findFirst().orElseThrow();
    assertThat(decision.path("values").findValuesAsText("value")).containsExactly("APPROVE", "REJECT", "RESCHEDULE");
    assertThat(fields(form)).extracting(field -> field.path("key").asText()).contains("approvalComment",
        "rescheduledAt", "audienceSize", "noticePreview");
    JsonNode shown = supervisor.get("/engine-rest/task/" + id + "/form-variables").json();
    assertThat(shown.path("audienceSize").path("value").asInt()).isEqualTo(4);
    assertThat(shown.path("noticePreview").path("value").asText()).contains("Phù Linh");

    submitApproval(id, """
        {"variables":{"approvalDecision":{"value":"REJECT"},
                      "approvalComment":{"value":"Trùng lịch cắt điện đã báo / Same outage already announced"}}}""");

    await().atMost(Duration.ofSeconds(30)).until(() -> report(Long.parseLong(notice)).path("notice").path("status")
        .asText(), "REJECTED"::equals);
    assertThat(sql.sql("select approved_by from notice where id = :id").param("id", Long.parseLong(notice))
        .query(String.class).single()).as("the decision is the supervisor's").isEqualTo(SUPERVISOR);
    assertThat(attempts(Long.parseLong(notice))).isZero();
  }

  @Test
  void aUnitSupervisorMovesAPlannedOutageNoticeToAnotherTimeInTasklist() {
    long notice = plannedOutage(8, "kéo dây hạ thế");
    String id = claimApproval(Long.toString(notice));
    // as the form's datetime field sends it: local time with Hanoi's offset
    OffsetDateTime later = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(2).truncatedTo(ChronoUnit.MINUTES);

    submitApproval(id, """
        {"variables":{"approvalDecision":{"value":"RESCHEDULE"},"rescheduledAt":{"value":"%s"},
                      "approvalComment":{"value":"Gửi gần ngày cắt điện hơn / Closer to the outage"}}}"""
        .formatted(later));

    String instance = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(Long.toString(notice)).singleResult(), Objects::nonNull).getId();
    Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
        .processInstanceId(instance).timers().singleResult(), Objects::nonNull);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(later.toInstant());
    assertThat(sql.sql("select send_at from notice where id = :id").param("id", notice)
        .query(Timestamp.class).single().toInstant()).isEqualTo(later.toInstant());
    assertThat(attempts(notice)).as("nothing is sent before the new time").isZero();
  }

  @Test
  void aUnitSupervisorApprovesAPlannedOutageInTasklistAndItIsSent() {
    long notice = plannedOutage(9, "sửa chữa lưới điện");
    String id = claimApproval(Long.toString(notice));

    submitApproval(id, """
        {"variables":{"approvalDecision":{"value":"APPROVE"}}}""");

    JsonNode report = awaitCompleted(notice);
    assertThat(report.path("notice").path("status").asText()).isEqualTo("COMPLETED");
    assertThat(sql.sql("select approved_by from notice where id = :id").param("id", notice)
        .query(String.class).single()).isEqualTo(SUPERVISOR);
    assertThat(attempts(notice)).isPositive();
  }

  /** As Tasklist does for the supervisor: the approval task among the group's, claimed. */
  private String claimApproval(String notice) {
    JsonNode task = await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(
        "/engine-rest/task?processInstanceBusinessKey=" + notice + "&candidateGroup=" + UnitGroups.supervisorsOf("PD09"))
        .json(), found -> found.size() == 1).get(0);
    String id = task.path("id").asText();
    assertThat(supervisor.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + SUPERVISOR + "\"}")
        .status()).isEqualTo(204);
    return id;
  }

  private void submitApproval(String task, String variables) {
    Response submitted = supervisor.postJson("/engine-rest/task/" + task + "/submit-form", variables);
    assertThat(submitted.status()).as(submitted.body()).isIn(200, 204);
  }

  /** A planned outage of the test substation in {@code days} days, for 8 hours; answers its notice. */
  private long plannedOutage(int days, String reason) {
    Instant start = Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Response accepted = source.postJson("/api/events/switching", """
        {"eventId":"%s","type":"PLANNED_OUTAGE_SCHEDULED","occurredAt":"%s",
         "payload":{"unitCode":"PD09","substations":["%s"],"area":"Thôn Đông, xã Phù Linh",
                    "outageStart":"%s","expectedRestoration":"%s","reason":"%s"}}"""
        .formatted("plan-" + UUID.randomUUID(), Instant.now(), SUBSTATION, start, start.plus(8, ChronoUnit.HOURS),
            reason));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    return accepted.json().path("noticeId").asLong();
  }

  /** Every input of a Camunda Form, nested groups included. */
  private static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> found = new java.util.ArrayList<>();
    for (JsonNode component : container.path("components")) {
      if (component.has("key")) {
        found.add(component);
      }
      found.addAll(fields(component));
    }
    return found;
  }

  @Test
  void abnormalConsumptionReachesTheCustomer() {
    Response accepted = source.postJson("/api/events/consumption", """
        {"eventId":"%s","type":"ABNORMAL_CONSUMPTION","occurredAt":"2026-11-23T01:00:00Z",
         "payload":{"customerCode":"%s","period":"2026-11","kwh":612,"averageKwh":245}}"""
        .formatted("cons-" + UUID.randomUUID(), APP_DEAD_TOKEN));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

    JsonNode report = awaitCompleted(accepted.json().path("noticeId").asLong());

    // the App refuses its only (dead) token; the SMS on 0912345672 is delivered
    assertThat(report.path("recipientsByStatus").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").path("SMS").path("DELIVERED").asInt()).isEqualTo(1);
  }

  @Test
  void aRequestStatusChangeToAnUndeliverableNumberEndsFailedAndShowsInTheHistory() {
    Response accepted = source.postJson("/api/events/crm", """
        {"eventId":"%s","type":"REQUEST_STATUS_CHANGED","occurredAt":"2026-11-23T01:00:00Z",
         "payload":{"customerCode":"%s","requestCode":"YC2611230001",
                    "status":{"vi":"Đã hoàn thành","en":"Completed"},"serviceName":"Cấp điện mới sinh hoạt"}}"""
        .formatted("crm-" + UUID.randomUUID(), SMS_UNDELIVERABLE));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

    JsonNode report = awaitCompleted(accepted.json().path("noticeId").asLong());

    // 0912340000 is undeliverable at the sandbox SMSC: the notice fails for this customer, on SMS only
    assertThat(report.path("recipientsByStatus").path("FAILED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").path("SMS").path("FAILED").asInt()).isEqualTo(1);
    JsonNode history = source.get("/api/customers/" + SMS_UNDELIVERABLE + "/notifications").json();
    assertThat(history.findValuesAsText("type")).contains("REQUEST_STATUS_CHANGED");
  }

  @Test
  void anInvalidEventIsRefusedNamingTheFieldAndNothingIsStored() {
    String eventId = "bad-" + UUID.randomUUID();
    Response refused = source.postJson("/api/events/billing", """
        {"eventId":"%s","type":"BILL_ISSUED","occurredAt":"2026-11-23T01:00:00Z",
         "payload":{"customerCode":"%s","period":"2026-11","amount":-5}}""".formatted(eventId, ZALO_CUSTOMER));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.json().path("errors").findValuesAsText("field")).contains("payload.amount");
    assertThat(source.postJson("/api/events/billing", "{\"eventId\":\"x\",\"type\":\"OUTAGE_STARTED\","
        + "\"occurredAt\":\"2026-11-23T01:00:00Z\",\"payload\":{}}").json().path("errors").findValuesAsText("field"))
        .contains("type");
    assertThat(source.postJson("/api/events/weather", "{}").status()).isEqualTo(404);
    assertThat(sql.sql("select count(*) from notification_event where event_id = :id").param("id", eventId)
        .query(Long.class).single()).isZero();
  }

  private JsonNode awaitCompleted(long notice) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> report(notice), report -> "COMPLETED".equals(report.path("notice").path("status").asText()));
  }

  private JsonNode report(long notice) {
    return source.get("/api/notices/" + notice).json();
  }

  private long attempts(long notice) {
    return sql.sql("select count(*) from delivery_attempt where notice_id = :id").param("id", notice)
        .query(Long.class).single();
  }

  private void send(String sourceName, String records) {
    Response response = source.postJson("/api/sources/" + sourceName + "/records", "{\"records\":[" + records + "]}");
    assertThat(response.json().path("rejected")).as(response.body()).isEmpty();
  }

  private static String billing(String code, String name) {
    return """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","fullName":"%s","customerType":"RESIDENTIAL",
         "address":"Thôn Đông, xã Phù Linh","substation":"%s","purposeOfUse":"RESIDENTIAL_LIVING"}"""
        .formatted(code, name, SUBSTATION);
  }

  private static String crm(String code, String mobile, String email) {
    return "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"2026-11-01T00:00:00Z\""
        + (mobile == null ? "" : ",\"mobile\":\"" + mobile + "\"")
        + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
  }

}
