package io.gridcare.customers;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import io.gridcare.units.Units;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refresh runs: every profile derived again and every customer's segments evaluated again, after an analyst
 * deploys new decisions, as time passes, and on an administrator's request.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerRefreshTest {

  // codes the data generator never makes (its fifth and sixth characters are digits), so no other test's data
  // is newer than these customers' records
  private static final String APARTMENT = "PD12RF0000301";
  private static final String OUTAGES = "PD12RF0000302";
  private static final String PASSWORD = "refresh-secret";

  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final Http staff = Http.to(TestStack.get().serverPort()).as("refresh-staff", PASSWORD);

  private final CustomerRefresh refresh;
  private final CustomerRefreshes runs;
  private final CustomerStore store;
  private final Segmentation segmentation;
  private final Units units;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private final RepositoryService repository;
  private final IdentityService identity;

  CustomerRefreshTest(@Autowired CustomerRefresh refresh, @Autowired CustomerRefreshes runs,
      @Autowired CustomerStore store, @Autowired Segmentation segmentation, @Autowired Units units,
      @Autowired ObjectMapper json, @Autowired TransactionTemplate transaction,
      @Autowired RepositoryService repository, @Autowired IdentityService identity) {
    this.refresh = refresh;
    this.runs = runs;
    this.store = store;
    this.segmentation = segmentation;
    this.units = units;
    this.json = json;
    this.transaction = transaction;
    this.repository = repository;
    this.identity = identity;
  }

  @BeforeAll
  void customers() {
    TestUsers.ensure(identity, "refresh-staff", PASSWORD, Access.STAFF_GROUP, Access.CALL_CENTRE_GROUP);
    ingest("billing", """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","fullName":"Lê Thu Hà","customerType":"RESIDENTIAL",
         "purposeOfUse":"RESIDENTIAL_LIVING"}""".formatted(APARTMENT));
    // a high-consumption apartment in Cầu Giấy (above 400 kWh a month): regional group PD12-CHUNG-CU
    String months = IntStream.rangeClosed(1, 12)
        .mapToObj(month -> "{\"period\":\"2025-%02d\",\"kwh\":450}".formatted(month))
        .collect(Collectors.joining(","));
    ingest("metering", """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","monthlyKwh":[%s]}""".formatted(APARTMENT, months));
    // one outage 20 days short of a year before now: it leaves the 12-month count within a month
    Instant outage = Instant.now().minus(Duration.ofDays(345));
    ingest("outages", """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","criticalLoad":"NONE",
         "outages":[{"startedAt":"%s","restoredAt":"%s","planned":false}]}"""
        .formatted(OUTAGES, outage, outage.plus(Duration.ofHours(2))));
    // whatever earlier tests changed: start from a finished run
    settle();
  }

  @Test
  void aNewVersionOfTheSegmentDecisionsMovesCustomersOnTheNextPoll() throws IOException {
    assertThat(currentGroups(APARTMENT)).contains("PD12-CHUNG-CU");
    Deployment renamed = deployRegionalGroups(original().replace("\"PD12-CHUNG-CU\"", "\"PD12-CAN-HO\""));
    try {
      refresh.poll();

      RefreshRun run = awaitFinished();
      assertThat(run.reason()).isEqualTo(CustomerRefresh.Reason.DECISIONS_CHANGED);
      assertThat(run.segmentsChanged()).isGreaterThanOrEqualTo(1);
      assertThat(currentGroups(APARTMENT)).contains("PD12-CAN-HO").doesNotContain("PD12-CHUNG-CU");
      assertThat(store.segmentHistory(APARTMENT)).anySatisfy(left -> {
        assertThat(left.segment()).isEqualTo("PD12-CHUNG-CU");
        assertThat(left.leftAt()).isNotNull();
      });
      assertThat(store.queuedCount()).as("moved customers go to the search index").isPositive();
    } finally {
      repository.deleteDeployment(renamed.getId(), true);
      settle();
    }
    assertThat(currentGroups(APARTMENT)).contains("PD12-CHUNG-CU").doesNotContain("PD12-CAN-HO");
  }

  @Test
  void countsOverTheLast12MonthsFollowTheDateWithoutNewRecords() {
    assertThat(outages12m()).isEqualTo(1);
    Clock aMonthLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(30));
    CustomerRefresh later = new CustomerRefresh(runs, store,
        new ProfileUpdates(store, segmentation, units, json, aMonthLater), segmentation, transaction,
        Duration.ofMinutes(5));
    RefreshRun queued = later.request(CustomerRefresh.Reason.NIGHTLY, null).orElseThrow();

    later.run(runs.claim(Duration.ofMinutes(5), segmentation.current().versions()).orElseThrow());

    RefreshRun done = runs.find(queued.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(CustomerRefresh.Status.COMPLETED);
    assertThat(done.customersDone()).isEqualTo(done.customersTotal()).isEqualTo(store.customerCount());
    assertThat(done.profilesChanged()).isGreaterThanOrEqualTo(1);
    assertThat(outages12m()).isZero();
  }

  @Test
  void anAdministratorStartsARunAndWatchesIt() {
    Response started = admin.postJson("/api/customers/refreshes", "");

    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(started.json().path("reason").asText()).isEqualTo("REQUESTED");
    assertThat(started.json().path("requestedBy").asText()).isEqualTo(ADMIN);
    Response again = admin.postJson("/api/customers/refreshes", "");
    assertThat(again.status()).as("one run at a time").isEqualTo(409);
    assertThat(again.contentType()).isEqualTo("application/problem+json");

    refresh.poll();

    await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(admin.get(location).json().path("status").asText()));
    JsonNode run = staff.get(location).json();
    assertThat(run.path("customersDone").asLong()).isEqualTo(run.path("customersTotal").asLong());
    assertThat(staff.get("/api/customers/refreshes").json().get(0).path("id").asLong())
        .isEqualTo(run.path("id").asLong());
  }

  @Test
  void onlyAdministratorsStartRunsAndUnknownRunsAreNotFound() {
    assertThat(staff.postJson("/api/customers/refreshes", "").status()).isEqualTo(403);
    assertThat(Http.to(TestStack.get().serverPort()).postJson("/api/customers/refreshes", "").status()).isEqualTo(401);
    Response unknown = staff.get("/api/customers/refreshes/987654321");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
  }

  /** Runs whatever the current decisions call for until no run is queued or running. */
  private void settle() {
    refresh.poll();
    awaitFinished();
  }

  private RefreshRun awaitFinished() {
    return await().atMost(Duration.ofSeconds(60)).until(() -> runs.recent(1).get(0),
        run -> run.status() == CustomerRefresh.Status.COMPLETED || run.status() == CustomerRefresh.Status.FAILED);
  }

  private List<String> currentGroups(String code) {
    return store.currentSegments(List.of(code)).getOrDefault(code, List.of()).stream()
        .map(SegmentMembership::segment).toList();
  }

  private int outages12m() {
    JsonNode profile = admin.get("/api/customers/" + OUTAGES).json().path("profile");
    return profile.path("supply").path("outages12m").asInt();
  }

  private String original() throws IOException {
    try (InputStream model = getClass().getResourceAsStream("/gridcare/processes/customers/regional-groups.dmn")) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Deployment deployRegionalGroups(String model) {
    return repository.createDeployment().name("refresh-test")
        .addString("customers/regional-groups.dmn", model).deploy();
  }

  private void ingest(String source, String record) {
    Response response = admin.postJson("/api/sources/" + source + "/records", "{\"records\":[" + record + "]}");
    assertThat(response.json().path("rejected")).as(response.body()).isEmpty();
  }
}
