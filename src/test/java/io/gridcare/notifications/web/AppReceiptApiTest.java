package io.gridcare.notifications.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipt.Status;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import io.gridcare.notifications.LedgerFixtures;
import io.gridcare.notifications.ObservedReceipts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The App's backend reporting receipts of push messages, over HTTP on the real stack. */
@GridCareIntegrationTest
class AppReceiptApiTest {

  private static final String PATH = "/api/channels/app/receipts";
  private static final String APP_BACKEND = "app-backend-integration";
  private static final String STAFF = "receipts-test-staff";
  private static final String PASSWORD = "receipts-secret";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http appBackend = anonymous.as(APP_BACKEND, PASSWORD);
  private final Http staff = anonymous.as(STAFF, PASSWORD);
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  /** Delivery keys of one test start with this, so the shared ledger stand-in can be read per test. */
  private final String prefix = "rt" + UUID.randomUUID().toString().substring(0, 8) + ":";

  private final IdentityService identity;
  private final ObservedReceipts.Log ledger;
  private final JdbcClient sql;

  AppReceiptApiTest(@Autowired IdentityService identity, @Autowired ObservedReceipts.Log ledger,
      @Autowired JdbcClient sql) {
    this.sql = sql;
    this.identity = identity;
    this.ledger = ledger;
  }

  @BeforeEach
  void accountsExist() {
    TestUsers.ensure(identity, APP_BACKEND, PASSWORD, Access.INTEGRATION_GROUP);
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP);
  }

  @Test
  void receiptsReachTheLedgerAndTheAnswerCountsThoseItMatched() {
    String sent = prefix + "PD09000000101:1";
    LedgerFixtures.sentAttempt(sql, sent, "APP", null);

    Response answer = appBackend.postJson(PATH, batch(
        receipt(sent, "DELIVERED", "2026-11-24T08:00:00Z"),
        receipt(sent, "READ", "2026-11-24T08:05:00+07:00"),
        receipt(prefix + "never-sent", "DELIVERED", "2026-11-24T08:00:00Z")));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("received").asInt()).isEqualTo(3);
    assertThat(answer.json().path("matched").asInt()).isEqualTo(2);
    assertThat(LedgerFixtures.status(sql, sent)).isEqualTo("READ");
    assertThat(ledger.withKeyPrefix(prefix)).containsExactly(
        new DeliveryReceipt(Channel.APP, sent, null, Status.DELIVERED, Instant.parse("2026-11-24T08:00:00Z"), null),
        new DeliveryReceipt(Channel.APP, sent, null, Status.READ, Instant.parse("2026-11-24T01:05:00Z"), null),
        new DeliveryReceipt(Channel.APP, prefix + "never-sent", null, Status.DELIVERED,
            Instant.parse("2026-11-24T08:00:00Z"), null));
  }

  @Test
  void anInvalidReceiptRefusesTheBatchWholeNamingTheField() {
    String good = receipt(prefix + "good", "DELIVERED", "2026-11-24T08:00:00Z");

    assertInvalid(batch(good, "{\"status\":\"READ\",\"at\":\"2026-11-24T08:00:00Z\"}"), "receipts[1].deliveryKey");
    assertInvalid(batch(good, receipt(" ", "READ", "2026-11-24T08:00:00Z")), "receipts[1].deliveryKey");
    assertInvalid(batch(receipt(prefix + "x", "FAILED", "2026-11-24T08:00:00Z"), good), "receipts[0].status");
    assertInvalid(batch(good, receipt(prefix + "x", "DELIVERED", "hôm qua")), "receipts[1].at");
    assertInvalid(batch(good, "{\"deliveryKey\":\"" + prefix + "x\",\"status\":\"READ\"}"), "receipts[1].at");
    assertInvalid(batch(), "receipts");
    assertInvalid("{}", "receipts");
    String tooMany = batch(IntStream.range(0, AppReceiptController.MAX_RECEIPTS + 1)
        .mapToObj(i -> receipt(prefix + i, "DELIVERED", "2026-11-24T08:00:00Z")).toArray(String[]::new));
    assertInvalid(tooMany, "receipts");
    assertThat(appBackend.postJson(PATH, "{\"receipts\":[" + good + "],\"extra\":1}").status()).isEqualTo(400);
    assertThat(appBackend.postJson(PATH, "{\"receipts\":[" + good).status()).isEqualTo(400);

    assertThat(ledger.withKeyPrefix(prefix)).as("nothing of a refused batch is recorded").isEmpty();
  }

  @Test
  void onlyIntegrationAccountsAndAdminsReportReceipts() {
    String body = batch(receipt(prefix + "k", "DELIVERED", "2026-11-24T08:00:00Z"));

    assertThat(anonymous.postJson(PATH, body).status()).isEqualTo(401);
    Response forbidden = staff.postJson(PATH, body);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.contentType()).startsWith("application/problem+json");
    assertThat(ledger.withKeyPrefix(prefix)).isEmpty();
    assertThat(appBackend.postJson(PATH, body).status()).isEqualTo(200);
    assertThat(admin.postJson(PATH, body).status()).isEqualTo(200);
    assertThat(ledger.withKeyPrefix(prefix)).hasSize(2);
  }

  private void assertInvalid(String body, String field) {
    Response answer = appBackend.postJson(PATH, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("errors").findValuesAsText("field")).as(answer.body()).contains(field);
  }

  private static String batch(String... receipts) {
    return Arrays.stream(receipts).collect(Collectors.joining(",", "{\"receipts\":[", "]}"));
  }

  private static String receipt(String deliveryKey, String status, String at) {
    return "{\"deliveryKey\":\"" + deliveryKey + "\",\"status\":\"" + status + "\",\"at\":\"" + at + "\"}";
  }
}
