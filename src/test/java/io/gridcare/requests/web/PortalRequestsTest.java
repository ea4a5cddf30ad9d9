package io.gridcare.requests.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.requests.RequestFlow;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public portal's requests on the whole stack, from the draft's warnings to the customer tracking a request
 * through automatic forwarding or an agent's review. The catalog rows are the test's own ({@code T_} codes), so
 * the test holds whatever the seeded catalog says.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalRequestsTest {

  static final String RESIDENT = "PD12RQ0000001";
  static final String RESIDENT_PHONE = "0912000101";
  static final String SHOP = "PD12RQ0000002";
  static final String SHOP_PHONE = "0912000102";
  static final String STREET = "Số 5, ngõ 10 phố Trần Thái Tông";
  // customers of one test each: a request of one would be a repeat in another
  static final String FORWARDED = "PD12RQ0000003";
  static final String REVIEWED = "PD12RQ0000004";
  static final String REJECTED = "PD12RQ0000005";
  static final String TRACKED = "PD12RQ0000006";
  static final String FLOODER = "PD12RQ0000007";
  static final String VERIFIED = "PD12RQ0000008";

  private final Http portal = Http.to(TestStack.get().serverPort());
  private final Http admin = portal.as(ADMIN, ADMIN_PASSWORD);
  private final JdbcClient sql;
  private final TaskService tasks;

  PortalRequestsTest(@Autowired JdbcClient sql, @Autowired TaskService tasks) {
    this.sql = sql;
    this.tasks = tasks;
  }

  @BeforeAll
  void catalogAndCustomers() {
    sql.sql("""
        insert into service_type (code, category, name_vi, name_en, promised_working_days,
            promised_working_days_rural, handled_by, requires_customer, free_text_allowed, auto_forward,
            required_fields, required_documents, position)
        values ('T_CAPACITY', 'PAID_SERVICE', 'Thay đổi công suất', 'Capacity change', 3, 5, 'POWER_COMPANY', true,
                false, true, '{CUSTOMER_CODE,CONTACT_NAME,PHONE,REQUESTED_CAPACITY_KW}', '{}', 901),
               ('T_NORM', 'CONTRACT_CHANGE', 'Thay đổi định mức', 'Household norm change', 3, null, 'POWER_COMPANY',
                true, false, true, '{CUSTOMER_CODE,CONTACT_NAME,PHONE,HOUSEHOLDS}', '{HOUSEHOLD_PROOF}', 902),
               ('T_CONNECT', 'NEW_CONNECTION', 'Cấp điện mới sinh hoạt', 'New residential connection', 7, 10,
                'POWER_COMPANY', false, false, true, '{CONTACT_NAME,PHONE,ADDRESS,ID_NUMBER}', '{ID_CARD}', 903),
               ('T_QUESTION', 'OTHER', 'Hỏi đáp hóa đơn', 'Bill question', 2, null, 'POWER_COMPANY', true, true,
                true, '{CUSTOMER_CODE,CONTACT_NAME,PHONE}', '{}', 904)
        on conflict (code) do nothing""").update();
    sql.sql("""
        insert into service_reason (service_type, code, label_vi, label_en, required_fields, required_documents,
            position)
        values ('T_CAPACITY', 'INCREASE', 'Tăng công suất', 'Increase', '{}', '{}', 1),
               ('T_CAPACITY', 'DECREASE', 'Giảm công suất', 'Decrease', '{}', '{}', 2),
               ('T_NORM', 'MORE_HOUSEHOLDS', 'Thêm hộ dùng chung', 'More households', '{}', '{}', 1),
               ('T_CONNECT', 'NEW_HOUSE', 'Nhà mới xây', 'New house', '{}', '{}', 1),
               ('T_QUESTION', 'AMOUNT', 'Số tiền bất thường', 'Unusual amount', '{BILLING_PERIOD}', '{}', 1)
        on conflict do nothing""").update();
    ingest("billing", billing(RESIDENT, "Nguyễn Thị Hoa", "RESIDENTIAL", 5));
    ingest("crm", crm(RESIDENT, RESIDENT_PHONE));
    ingest("billing", billing(SHOP, "Cửa hàng Minh Phát", "BUSINESS", 15));
    ingest("crm", crm(SHOP, SHOP_PHONE));
    int phone = 103;
    for (String code : List.of(FORWARDED, REVIEWED, REJECTED, TRACKED, FLOODER, VERIFIED)) {
      ingest("billing", billing(code, "Nguyễn Thị Hoa", "RESIDENTIAL", 5));
      ingest("crm", crm(code, "0912000" + phone++));
    }
  }

  // --- Validation

  @Test
  void cleanDraftHasNoWarnings() {
    assertThat(warnings(capacity(RESIDENT, RESIDENT_PHONE, "INCREASE", "8"))).isEmpty();
  }

  @Test
  void validationNamesEachProblemOfTheDraft() {
    assertThat(codes(warnings("{\"serviceType\":\"T_CAPACITY\",\"reasonCode\":\"INCREASE\",\"phone\":\"0912000109\"}")))
        .contains("MISSING_FIELD");
    assertThat(warnings("{\"serviceType\":\"T_CAPACITY\",\"reasonCode\":\"INCREASE\",\"phone\":\"0912000109\"}"))
        .anySatisfy(warning -> {
          assertThat(warning.path("field").asText()).isEqualTo("requestedCapacityKw");
          assertThat(warning.path("message").path("vi").asText()).contains("Công suất");
          assertThat(warning.path("message").path("en").asText()).contains("capacity");
          assertThat(warning.path("blocking").asBoolean()).isTrue();
        });
    assertThat(codes(warnings(capacity(RESIDENT, RESIDENT_PHONE, "MORE_HOUSEHOLDS", "8"))))
        .containsExactly("REASON_NOT_IN_SERVICE");
    assertThat(codes(warnings(capacity(RESIDENT, RESIDENT_PHONE, "INCREASE", "5"))))
        .containsExactly("CAPACITY_UNCHANGED");
    assertThat(codes(warnings(capacity("PD12RQ0000999", RESIDENT_PHONE, "INCREASE", "8"))))
        .contains("UNKNOWN_CUSTOMER");
    assertThat(codes(warnings(capacity(RESIDENT, "0987000111", "INCREASE", "8"))))
        .containsExactly("PHONE_NOT_ON_RECORD");
    assertThat(codes(warnings("""
        {"serviceType":"T_NORM","reasonCode":"MORE_HOUSEHOLDS","customerCode":"%s","contactName":"Minh Phát",
         "phone":"%s","households":3,"documents":[{"kind":"HOUSEHOLD_PROOF","url":"https://portal.example/d/1"}]}"""
        .formatted(SHOP, SHOP_PHONE)))).containsExactly("NOT_RESIDENTIAL");
    assertThat(codes(warnings(connection("0912000101", STREET, "Cầu Giấy", "PD12"))))
        .containsExactly("CONNECTION_EXISTS");
    assertThat(codes(warnings(connection("0912000120", "Số 1 phố Huế", "Hai Bà Trưng", "PD12"))))
        .containsExactly("ADDRESS_OUTSIDE_UNIT");
    assertThat(codes(warnings(connection("0912000120", "Số 1 Lê Lợi", "Quận 1", null))))
        .containsExactly("ADDRESS_OUTSIDE_AREA");
  }

  @Test
  void repeatedAndSimilarRequestsAreWarned() {
    Response first = portal.postJson("/api/portal/requests", capacity(SHOP, SHOP_PHONE, "INCREASE", "20"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String code = first.json().path("code").asText();

    assertThat(warnings(capacity(SHOP, SHOP_PHONE, "INCREASE", "25")))
        .anySatisfy(warning -> {
          assertThat(warning.path("code").asText()).isEqualTo("DUPLICATE_OPEN");
          assertThat(warning.path("relatedRequest").asText()).isEqualTo(code);
        });

    String question = """
        {"serviceType":"T_QUESTION","customerCode":"%s","contactName":"Minh Phát","phone":"%s",
         "description":"%s"}""";
    Response asked = portal.postJson("/api/portal/requests", question.formatted(SHOP, SHOP_PHONE,
        "Hóa đơn tháng 10 của cửa hàng tăng gấp đôi so với tháng trước dù không dùng thêm thiết bị"));
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    String askedCode = asked.json().path("code").asText();
    // the same words under another service: not a repeat of the service, but a similar text
    String similar = """
        {"serviceType":"T_NORM","customerCode":"%s","phone":"0912000777",
         "description":"Hoa don thang 10 cua cua hang tang gap doi, khong dung them thiet bi nao"}""".formatted(SHOP);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(codes(warnings(similar)))
        .contains("SIMILAR_REQUEST"));
    assertThat(warnings(similar)).filteredOn(warning -> warning.path("code").asText().equals("SIMILAR_REQUEST"))
        .singleElement().satisfies(warning -> assertThat(warning.path("relatedRequest").asText()).isEqualTo(askedCode));
    assertThat(codes(warnings(similar.replace("Hoa don thang 10 cua cua hang tang gap doi, khong dung them thiet bi nao",
        "Xin cap lai hop dong mua ban dien bi mat")))).doesNotContain("SIMILAR_REQUEST");
  }

  // --- Submission, triage and tracking

  @Test
  void cleanRequestReachesTheUnitsTaskListWithNoAgentAndTheCustomerFollowsIt() {
    Response submitted = portal.postJson("/api/portal/requests", capacity(FORWARDED, "0912000103", "INCREASE", "10"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    String code = submitted.json().path("code").asText();
    assertThat(code).matches("YC[0-9]{6}[2-9A-Z]{6}");
    assertThat(submitted.json().path("warnings")).isEmpty();

    Task handling = await().atMost(Duration.ofSeconds(20)).until(() -> task(code, "Task_HandleRequest"),
        task -> task != null);
    assertThat(tasks.getIdentityLinksForTask(handling.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("unit-PD12"));
    assertThat(handling.getDueDate()).isNotNull();
    JsonNode forwarded = track(code, "0912000103");
    assertThat(forwarded.path("status").asText()).isEqualTo("FORWARDED");
    assertThat(forwarded.path("promisedBy").asText()).isNotEmpty();

    tasks.complete(handling.getId(), java.util.Map.of(RequestFlow.VAR_HANDLING_OUTCOME, "COMPLETED",
        RequestFlow.VAR_HANDLING_NOTE, "Đã thay công tơ và nâng công suất"));

    await().atMost(Duration.ofSeconds(20)).until(() -> track(code, "0912000103").path("status").asText(),
        "COMPLETED"::equals);
    JsonNode tracking = track(code, "0912000103");
    assertThat(statuses(tracking)).containsExactly("RECEIVED", "FORWARDED", "COMPLETED");
    assertThat(tracking.path("statusLabel").path("vi").asText()).isEqualTo("Đã hoàn thành");
    assertThat(tracking.toString()).doesNotContain("actor");
    assertThat(sql.sql("select variables ->> 'requestCode' from notice where type = 'REQUEST_STATUS_CHANGED'"
            + " and variables ->> 'requestCode' = :code").param("code", code).query(String.class).list())
        .as("notices: received, forwarded, completed").hasSize(3);
    JsonNode staffView = admin.get("/api/requests/" + code).json();
    assertThat(staffView.path("request").path("triageOutcome").asText()).isEqualTo("AUTO_FORWARD");
  }

  @Test
  void newConnectionApplicantWithNoCustomerCodeIsForwardedAndNotifiedOnTheirPhone() {
    Response submitted = portal.postJson("/api/portal/requests", """
        {"serviceType":"NEW_LV_RESIDENTIAL_1P","reasonCode":"NEW_HOUSE","contactName":"Lê Văn Bình",
         "phone":"0912000131","idNumber":"001090012399","purposeOfUse":"RESIDENTIAL",
         "address":{"street":"Số 18 ngõ 72 phố Dịch Vọng Hậu","ward":"Dịch Vọng Hậu","district":"Quận Cầu Giấy",
                    "province":"Hà Nội"},
         "documents":[{"kind":"ID_CARD","url":"https://portal.example/d/11"},
                      {"kind":"LAND_USE_CERTIFICATE","url":"https://portal.example/d/12"}]}""");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    assertThat(submitted.json().path("warnings")).as("a clean application, from the seeded catalog").isEmpty();
    String code = submitted.json().path("code").asText();

    Task handling = await().atMost(Duration.ofSeconds(20)).until(() -> task(code, "Task_HandleRequest"),
        task -> task != null);
    assertThat(tasks.getIdentityLinksForTask(handling.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).as("the unit of the address").isEqualTo("unit-PD12"));
    assertThat(sql.sql("""
            select audience -> 'contact' ->> 'phone' from notice
             where type = 'REQUEST_STATUS_CHANGED' and variables ->> 'requestCode' = :code""")
        .param("code", code).query(String.class).list())
        .as("received and forwarded, to the applicant's phone").hasSize(2).allSatisfy(phone ->
            assertThat(phone).endsWith("912000131"));
  }

  @Test
  void requestWithWarningsIsReviewedAndTheCustomersSupplementSendsItOn() {
    Response submitted = portal.postJson("/api/portal/requests", """
        {"serviceType":"T_CAPACITY","reasonCode":"INCREASE","customerCode":"%s","contactName":"Nguyễn Thị Hoa",
         "phone":"%s"}""".formatted(REVIEWED, "0912000104"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    String code = submitted.json().path("code").asText();
    assertThat(codes(submitted.json().path("warnings"))).containsExactly("MISSING_FIELD");

    Task review = await().atMost(Duration.ofSeconds(20)).until(() -> task(code, "Task_ReviewRequest"),
        task -> task != null);
    assertThat(tasks.getIdentityLinksForTask(review.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("gridcare-callcentre"));
    assertThat((String) tasks.getVariable(review.getId(), "warningsText")).contains("MISSING_FIELD");
    assertThat((String) tasks.getVariable(review.getId(), "profileSummary")).contains("Nguyễn Thị Hoa");
    assertThat(portal.postJson("/api/portal/requests/" + code + "/supplements?phone=" + "0912000104",
        "{\"requestedCapacityKw\":9}").status()).as("nothing asked yet").isEqualTo(409);

    tasks.complete(review.getId(), java.util.Map.of(RequestFlow.VAR_REVIEW_OUTCOME, "ASK_CUSTOMER",
        "infoRequested", "Công suất đề nghị (kW)"));
    await().atMost(Duration.ofSeconds(20)).until(() -> track(code, "0912000104").path("status").asText(),
        "WAITING_FOR_CUSTOMER"::equals);

    Response supplemented = portal.postJson("/api/portal/requests/" + code + "/supplements?phone=" + "0912000104",
        "{\"requestedCapacityKw\":9}");
    assertThat(supplemented.status()).as(supplemented.body()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(20)).until(() -> task(code, "Task_HandleRequest"), task -> task != null);
    assertThat(statuses(track(code, "0912000104")))
        .containsExactly("RECEIVED", "IN_REVIEW", "WAITING_FOR_CUSTOMER", "RECEIVED", "FORWARDED");
    JsonNode staffView = admin.get("/api/requests/" + code).json();
    assertThat(staffView.path("request").path("draft").path("requestedCapacityKw").asInt()).isEqualTo(9);
    assertThat(staffView.path("request").path("warnings")).isEmpty();
  }

  @Test
  void agentRejectsWithAReasonTheCustomerReads() {
    String code = portal.postJson("/api/portal/requests", capacity(REJECTED, "0987000222", "DECREASE", "5"))
        .json().path("code").asText();
    Task review = await().atMost(Duration.ofSeconds(20)).until(() -> task(code, "Task_ReviewRequest"),
        task -> task != null);

    tasks.complete(review.getId(), java.util.Map.of(RequestFlow.VAR_REVIEW_OUTCOME, "REJECT",
        "rejectionReason", "Công suất đề nghị bằng công suất hiện tại"));

    await().atMost(Duration.ofSeconds(20)).until(() -> track(code, "0987000222").path("status").asText(),
        "REJECTED"::equals);
    JsonNode last = last(track(code, "0987000222").path("timeline"));
    assertThat(last.path("note").path("vi").asText()).isEqualTo("Công suất đề nghị bằng công suất hiện tại");
  }

  @Test
  void trackingNeedsThePhoneThatSubmittedAndLeaksNothingOtherwise() {
    String code = portal.postJson("/api/portal/requests", capacity(TRACKED, "0912000106", "DECREASE", "3"))
        .json().path("code").asText();

    assertThat(portal.get("/api/portal/requests/" + code + "?phone=%2B84912000106").status()).isEqualTo(200);
    Response wrongPhone = portal.get("/api/portal/requests/" + code + "?phone=0912000999");
    Response unknownCode = portal.get("/api/portal/requests/YC000000AAAAAA?phone=0912000106");
    assertThat(wrongPhone.status()).isEqualTo(404);
    assertThat(unknownCode.status()).isEqualTo(404);
    assertThat(wrongPhone.json().path("detail")).isEqualTo(unknownCode.json().path("detail"));
  }

  @Test
  void aVerifiedPhoneSubmitsOnceWithTheCodeItGotBySms() {
    Response started = portal.postJson("/api/portal/verifications", "{\"phone\":\"0912000108\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().path("verificationId").asText();
    String code = await().atMost(Duration.ofSeconds(30)).until(() -> smsCode("84912000108"), found -> found != null);
    String draft = capacity(VERIFIED, "0912000108", "INCREASE", "6");

    Response wrongCode = submit(draft, id, code.equals("000000") ? "000001" : "000000");
    assertThat(wrongCode.status()).isEqualTo(400);
    assertThat(wrongCode.json().path("errors").get(0).path("field").asText()).isEqualTo("verification");
    assertThat(submit(draft, id, code).status()).isEqualTo(201);
    assertThat(submit(draft, id, code).status()).as("a code is good for one request").isEqualTo(400);
    assertThat(sql.sql("select count(*) from phone_verification where code_hash like :code")
        .param("code", "%" + code + "%").query(Long.class).single()).as("only a hash is kept").isZero();
  }

  // --- Bad input

  @Test
  void malformedOrOversizedDraftsAreRefusedAndStoreNothing() {
    long before = count();
    assertThat(portal.postJson("/api/portal/requests", "{\"serviceType\":\"T_CAPACITY\",\"phone\":\"0912000103\","
        + "\"email\":\"not-an-email\"}").json().path("errors").get(0).path("field").asText()).isEqualTo("email");
    Response unknownField = portal.postJson("/api/portal/requests", "{\"serviceType\":\"T_CAPACITY\","
        + "\"phone\":\"0912000103\",\"colour\":\"blue\"}");
    assertThat(unknownField.status()).isEqualTo(400);
    Response unknownService = portal.postJson("/api/portal/requests", "{\"serviceType\":\"NO_SUCH\","
        + "\"phone\":\"0912000103\"}");
    assertThat(unknownService.status()).isEqualTo(400);
    assertThat(unknownService.json().path("errors").get(0).path("field").asText()).isEqualTo("serviceType");
    assertThat(portal.postJson("/api/portal/requests", "{\"serviceType\":\"T_CAPACITY\",\"phone\":\"12\"}")
        .status()).as("a phone that is not one").isEqualTo(400);
    assertThat(portal.postJson("/api/portal/requests", "{\"serviceType\":\"T_CAPACITY\",\"phases\":7}").status())
        .isEqualTo(400);
    assertThat(portal.postJson("/api/portal/requests", "{\"serviceType\":\"T_CAPACITY\",\"phone\":\"0912000103\","
        + "\"description\":\"" + "x".repeat(40_000) + "\"}").status()).isEqualTo(413);
    assertThat(portal.postJson("/api/portal/requests", "{\"serviceType\":").status()).isEqualTo(400);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void onePhoneCannotFloodThePortal() {
    String draft = capacity(FLOODER, "0987000333", "INCREASE", "7");
    Response last = null;
    for (int i = 0; i < 11; i++) {
      last = portal.postJson("/api/portal/requests", draft);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(last.json().path("status").asInt()).isEqualTo(429);
  }

  // --- helpers

  private Response submit(String draft, String verificationId, String code) {
    return portal.send(portal.request("/api/portal/requests").header("Content-Type", "application/json")
        .header("Verification-Id", verificationId).header("Verification-Code", code)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(draft)));
  }

  /** The code in the newest SMS the sandbox SMSC got for this number, if one came. */
  private String smsCode(String phone) {
    for (JsonNode sms : admin.get("/api/sandbox/sms/messages").json().path("messages")) {
      if (sms.path("phone").asText().endsWith(phone)) {
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\b[0-9]{6}\\b")
            .matcher(sms.path("text").asText());
        return digits.find() ? digits.group() : null;
      }
    }
    return null;
  }

  private Task task(String code, String activity) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(activity).singleResult();
  }

  private JsonNode track(String code, String phone) {
    Response response = portal.get("/api/portal/requests/" + code + "?phone=" + phone);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private List<JsonNode> warnings(String draft) {
    Response response = portal.postJson("/api/portal/requests/validate", draft);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(response.json().path("warnings").spliterator(), false).toList();
  }

  private static List<String> codes(List<JsonNode> warnings) {
    return warnings.stream().map(warning -> warning.path("code").asText()).toList();
  }

  private static List<String> codes(JsonNode warnings) {
    return codes(StreamSupport.stream(warnings.spliterator(), false).toList());
  }

  private static List<String> statuses(JsonNode tracking) {
    return StreamSupport.stream(tracking.path("timeline").spliterator(), false)
        .map(step -> step.path("status").asText()).toList();
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private long count() {
    return sql.sql("select count(*) from service_request").query(Long.class).single();
  }

  private static String capacity(String customer, String phone, String reason, String kw) {
    return """
        {"serviceType":"T_CAPACITY","reasonCode":"%s","customerCode":"%s","contactName":"Nguyễn Thị Hoa",
         "phone":"%s","requestedCapacityKw":%s}""".formatted(reason, customer, phone, kw);
  }

  private static String connection(String phone, String street, String district, String unit) {
    return """
        {"serviceType":"T_CONNECT","reasonCode":"NEW_HOUSE","contactName":"Nguyễn Thị Hoa","phone":"%s",
         "idNumber":"001190012345","address":{"street":"%s","ward":"Dịch Vọng","district":"%s","province":"Hà Nội"},
         %s "documents":[{"kind":"ID_CARD","url":"https://portal.example/d/2"}]}"""
        .formatted(phone, street, district, unit == null ? "" : "\"unitCode\":\"" + unit + "\",");
  }

  private void ingest(String source, String record) {
    Response response = admin.postJson("/api/sources/" + source + "/records", "{\"records\":[" + record + "]}");
    assertThat(response.json().path("rejected")).as(response.body()).isEmpty();
  }

  private static String billing(String code, String name, String type, int kw) {
    return ("{\"customerCode\":\"%s\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"fullName\":\"%s\","
        + "\"customerType\":\"%s\",\"address\":\"%s, phường Dịch Vọng\",\"district\":\"Cầu Giấy\","
        + "\"province\":\"Hà Nội\",\"contractedCapacityKw\":%d,\"purposeOfUse\":\"RESIDENTIAL_LIVING\"}")
        .formatted(code, name, type, STREET, kw);
  }

  private static String crm(String code, String mobile) {
    return "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"mobile\":\"" + mobile + "\"}";
  }
}
