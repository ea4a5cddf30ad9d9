package io.gridcare.requests.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.requests.RequestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.TestUsers;
import io.gridcare.requests.RequestFixtures;
import io.gridcare.requests.RequestFlow;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Request statistics over requests submitted through the portal and worked through the real flow (triage, review,
 * the unit's task), then moved to May 2019 with SQL (no other test has requests that old) so the timings are
 * known: seven requests of two test services, from five customers of Thanh Xuân (PD11) and one of Ba Vì (PD21,
 * rural).
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestStatsApiTest {

  private static final String PATH = "/api/requests/stats";
  private static final String MAY = "from=2019-05-01&to=2019-05-31";
  private static final String FIX = "T_STATS_FIX";
  private static final String SURVEY = "T_STATS_SURVEY";
  private static final String PASSWORD = "request-stats-secret";
  private static final String PD21_STAFF = "request-stats-pd21";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  private final JdbcClient sql;
  private final TaskService tasks;
  private final RequestFixtures fixtures;
  private final IdentityService identity;

  RequestStatsApiTest(@Autowired JdbcClient sql, @Autowired RuntimeService runtime, @Autowired TaskService tasks,
      @Autowired IdentityService identity) {
    this.sql = sql;
    this.tasks = tasks;
    this.identity = identity;
    this.fixtures = new RequestFixtures(sql, runtime, tasks);
  }

  @BeforeAll
  void requestsOfMay2019() {
    TestUsers.ensure(identity, PD21_STAFF, PASSWORD, Access.STAFF_GROUP, Access.UNIT_GROUP_PREFIX + "PD21");
    fixtures.deleteRequests("service_type like 'T_STATS%' or submitted_at < '2020-01-01'");
    fixtures.service(FIX, true, true, 3, 5);
    fixtures.service(SURVEY, false, false, 5, null);
    for (int i = 1; i <= 5; i++) {
      fixtures.customer("PD11RQ000000" + i, "091211000" + i, "Thanh Xuân");
    }
    fixtures.customer("PD21RQ0000001", "0912210001", "Ba Vì");

    String a1 = submit(draft(FIX, "T_REASON", null, "PD11RQ0000001", "Nguyễn Văn An", "0912110001"), "AUTO_FORWARD");
    String a2 = submit(draft(FIX, "T_REASON", null, "PD11RQ0000002", "Trần Thị Bình", "0912110002"), "AUTO_FORWARD");
    String a3 = submit(draft(FIX, "T_REASON", null, "PD21RQ0000001", "Lê Văn Cường", "0912210001"), "AUTO_FORWARD");
    String d1 = submit(draft(FIX, "T_REASON", null, "PD11RQ0000001", "Nguyễn Văn An", "0912110001"), "DUPLICATE");
    String f1 = submit(draft(FIX, null, "Tôi muốn đổi tên người đứng hợp đồng sang tên vợ tôi", "PD11RQ0000003",
        "Phạm Văn Dũng", "0912110003"), "FREE_TEXT");
    String i1 = submit(draft(FIX, "T_REASON", null, "PD11RQ0000004", null, "0912110004"), "INCOMPLETE");
    String s1 = submit(draft(SURVEY, "T_REASON", null, "PD11RQ0000005", "Hoàng Thị Giang", "0912110005"),
        "SERVICE_RULE");

    // the unit completes the three forwarded ones; an agent merges the repeat and forwards the survey
    for (String code : List.of(a1, a2, a3)) {
      tasks.complete(fixtures.awaitTask(code, "Task_HandleRequest").getId(),
          Map.of(RequestFlow.VAR_HANDLING_OUTCOME, "COMPLETED"));
    }
    tasks.complete(fixtures.awaitTask(d1, "Task_ReviewRequest").getId(),
        Map.of(RequestFlow.VAR_REVIEW_OUTCOME, "MERGE"));
    tasks.complete(fixtures.awaitTask(s1, "Task_ReviewRequest").getId(),
        Map.of(RequestFlow.VAR_REVIEW_OUTCOME, "FORWARD"));
    for (String code : List.of(a1, a2, a3)) {
      fixtures.awaitStatus(code, "COMPLETED");
    }
    fixtures.awaitStatus(d1, "MERGED");
    fixtures.awaitStatus(s1, "FORWARDED");
    fixtures.awaitTask(f1, "Task_ReviewRequest");
    fixtures.awaitTask(i1, "Task_ReviewRequest");

    // Monday 6 May 2019, Vietnamese time: auto-forwarded after 1, 3 and 2 minutes, reviewed after 2 hours;
    // completed after 2 working days (Wednesday), 5 (next Monday: late) and, in the rural unit, 4 (Friday)
    times(a1, "2019-05-06 09:00", "2019-05-06 09:01", "2019-05-08 15:00");
    times(a2, "2019-05-06 10:00", "2019-05-06 10:03", "2019-05-13 09:00");
    times(a3, "2019-05-06 11:00", "2019-05-06 11:02", "2019-05-10 16:00");
    times(s1, "2019-05-06 12:00", "2019-05-06 14:00", null);
    for (String code : List.of(d1, f1, i1)) {
      times(code, "2019-05-07 08:00", null, null);
    }
    sql.sql("update service_request set closed_at = '2019-05-07 09:00+07' where code = :code").param("code", d1)
        .update();
  }

  @Test
  void receivedSplitsIntoAutoForwardedAndEachReviewReasonAndTheSharesAddUp() {
    JsonNode stats = ok(admin, PATH + "?" + MAY);

    assertThat(stats.path("received").asLong()).isEqualTo(7);
    assertThat(stats.path("notTriaged").asLong()).isZero();
    assertShare(stats.path("autoForwarded"), 3, "42.9");
    assertShare(stats.path("manual"), 4, "57.1");
    assertThat(reasons(stats)).containsExactly("DUPLICATE", "FREE_TEXT", "INCOMPLETE", "SERVICE_RULE");
    stats.path("manual").path("byReason").forEach(reason -> assertShare(reason, 1, "14.3"));
    assertThat(stats.path("manual").path("byReason").get(0).path("description").asText())
        .startsWith("Nghi trùng yêu cầu trước / ");
    long byReason = 0;
    for (JsonNode reason : stats.path("manual").path("byReason")) {
      byReason += reason.path("requests").asLong();
    }
    assertThat(byReason).isEqualTo(stats.path("manual").path("requests").asLong());
    assertThat(stats.path("autoForwarded").path("requests").asLong() + byReason
        + stats.path("notTriaged").asLong()).isEqualTo(stats.path("received").asLong());

    JsonNode duplicates = stats.path("duplicates");
    assertThat(duplicates.path("suspected").asLong()).isEqualTo(1);
    assertThat(duplicates.path("merged").asLong()).isEqualTo(1);
    assertThat(duplicates.path("caught").asLong()).isEqualTo(1);
  }

  @Test
  void timeToForwardIsSeparateForAutomaticAndReviewedRequests() {
    JsonNode timing = ok(admin, PATH + "?" + MAY).path("timeToForward");

    // 1, 3 and 2 minutes: median 2; the 90th percentile interpolates between 2 and 3
    assertTiming(timing.path("auto"), 3, "2.0", "2.8");
    assertTiming(timing.path("manual"), 1, "120.0", "120.0");
  }

  @Test
  void timeToCompleteCountsWorkingDaysAgainstThePromiseOfTheUnit() {
    JsonNode completion = ok(admin, PATH + "?" + MAY).path("timeToComplete");

    assertThat(completion).hasSize(1);
    JsonNode fix = completion.get(0);
    assertThat(fix.path("serviceType").asText()).isEqualTo(FIX);
    assertThat(fix.path("promisedWorkingDays").asInt()).isEqualTo(3);
    assertThat(fix.path("promisedWorkingDaysRural").asInt()).isEqualTo(5);
    assertThat(fix.path("completed").asLong()).isEqualTo(3);
    // 2, 5 and 4 working days
    assertThat(fix.path("medianWorkingDays").decimalValue()).isEqualByComparingTo("4.0");
    assertThat(fix.path("p90WorkingDays").decimalValue()).isEqualByComparingTo("4.8");
    assertThat(fix.path("onTime").asLong()).as("5 days is late in the city, 4 on time in the country").isEqualTo(2);
    assertThat(fix.path("onTimePercent").decimalValue()).isEqualByComparingTo("66.7");
  }

  @Test
  void serviceTypeAndUnitFilterTheRequests() {
    JsonNode survey = ok(admin, PATH + "?" + MAY + "&serviceType=" + SURVEY);
    assertThat(survey.path("received").asLong()).isEqualTo(1);
    assertThat(survey.path("serviceType").asText()).isEqualTo(SURVEY);
    assertThat(reasons(survey)).containsExactly("SERVICE_RULE");
    assertThat(survey.path("timeToComplete")).isEmpty();

    JsonNode rural = ok(admin, PATH + "?" + MAY + "&unit=PD21");
    assertThat(rural.path("received").asLong()).isEqualTo(1);
    assertShare(rural.path("autoForwarded"), 1, "100.0");
    assertThat(rural.path("timeToComplete").get(0).path("onTime").asLong()).isEqualTo(1);

    JsonNode none = ok(admin, PATH + "?from=2019-04-01&to=2019-04-30");
    assertThat(none.path("received").asLong()).isZero();
    assertThat(none.path("autoForwarded").path("percent").isNumber()).as("no share of nothing").isFalse();
    assertThat(none.path("timeToForward").path("auto").path("requests").asLong()).isZero();
  }

  @Test
  void unitStaffSeeTheirUnitOnlyAndAreRefusedAnother() {
    Http pd21 = anonymous.as(PD21_STAFF, PASSWORD);

    assertThat(ok(pd21, PATH + "?" + MAY).path("received").asLong()).isEqualTo(1);
    assertThat(pd21.get(PATH + "?" + MAY + "&unit=PD11").status()).isEqualTo(403);
    assertThat(anonymous.get(PATH).status()).isEqualTo(401);
  }

  @Test
  void badParametersGetAProblemNamingTheField() {
    assertProblem(PATH + "?from=2019-05-31&to=2019-05-01", "to");
    assertProblem(PATH + "?from=2019-05-32", "from");
    assertProblem(PATH + "?unit=Thanh+Xuan", "unit");
    assertProblem(PATH + "?serviceType=NO_SUCH_SERVICE", "serviceType");
    assertProblem(PATH + "?serviceType=drop+table", "serviceType");
  }

  private String submit(JsonNode draft, String expectedOutcome) {
    String code = fixtures.submit(draft).path("code").asText();
    assertThat(fixtures.triageOutcome(code)).as("triage of %s", draft).isEqualTo(expectedOutcome);
    return code;
  }

  /** Moves a request to the given Vietnamese times; forwarding and closing only when given. */
  private void times(String code, String submitted, String forwarded, String closed) {
    sql.sql("""
            update service_request set submitted_at = cast(:submitted as timestamptz),
                   triaged_at = cast(:submitted as timestamptz),
                   forwarded_at = case when forwarded_at is null then null else cast(:forwarded as timestamptz) end,
                   closed_at = case when closed_at is null then null else cast(:closed as timestamptz) end
             where code = :code""")
        .param("submitted", submitted + "+07").param("forwarded", forwarded == null ? null : forwarded + "+07")
        .param("closed", closed == null ? null : closed + "+07").param("code", code).update();
  }

  private JsonNode ok(Http as, String path) {
    Http.Response response = as.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private void assertProblem(String path, String field) {
    Http.Response response = admin.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
  }

  private static void assertShare(JsonNode share, long requests, String percent) {
    assertThat(share.path("requests").asLong()).as("%s", share).isEqualTo(requests);
    assertThat(share.path("percent").decimalValue()).as("%s", share).isEqualByComparingTo(percent);
  }

  private static void assertTiming(JsonNode timing, long requests, String median, String p90) {
    assertThat(timing.path("requests").asLong()).as("%s", timing).isEqualTo(requests);
    assertThat(timing.path("medianMinutes").decimalValue()).as("%s", timing).isEqualByComparingTo(median);
    assertThat(timing.path("p90Minutes").decimalValue()).as("%s", timing).isEqualByComparingTo(p90);
  }

  private static List<String> reasons(JsonNode stats) {
    List<String> reasons = new ArrayList<>();
    stats.path("manual").path("byReason").forEach(reason -> reasons.add(reason.path("reason").asText()));
    return reasons;
  }
}
