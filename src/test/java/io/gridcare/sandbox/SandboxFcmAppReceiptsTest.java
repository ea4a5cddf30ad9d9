package io.gridcare.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.UUID;

import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.notifications.LedgerFixtures;
import io.gridcare.notifications.ObservedReceipts;
import io.gridcare.system.embedded.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox FCM plays the App on the device: a push it took comes back to the ledger as delivered, and as read
 * for tokens ending in an even digit, as the App's receipts would.
 */
@GridCareIntegrationTest
class SandboxFcmAppReceiptsTest {

  private static final Duration RECEIPTS = Duration.ofSeconds(15);

  private final Http fcm = Http.to(TestStack.get().sandboxHttpPort());
  private final JdbcClient sql;
  private final ObservedReceipts.Log receipts;

  SandboxFcmAppReceiptsTest(@Autowired JdbcClient sql, @Autowired ObservedReceipts.Log receipts) {
    this.sql = sql;
    this.receipts = receipts;
  }

  @Test
  void aPushTheSandboxTookIsDeliveredAndOnATokenEndingInAnEvenDigitRead() {
    String odd = key("odd");
    String even = key("even");
    LedgerFixtures.sentAttempt(sql, odd, "APP", null);
    LedgerFixtures.sentAttempt(sql, even, "APP", null);

    assertThat(push("device-13", odd)).isEqualTo(200);
    assertThat(push("device-24", even)).isEqualTo(200);

    await().atMost(RECEIPTS).untilAsserted(() -> {
      assertThat(LedgerFixtures.status(sql, odd)).isEqualTo("DELIVERED");
      assertThat(LedgerFixtures.status(sql, even)).isEqualTo("READ");
    });
    assertThat(delivered(odd)).as("delivered_at").isTrue();
  }

  @Test
  void aPushTheSandboxRefusedIsNeverReported() {
    String refused = key("dead");
    String taken = key("taken");
    LedgerFixtures.sentAttempt(sql, refused, "APP", null);
    LedgerFixtures.sentAttempt(sql, taken, "APP", null);

    assertThat(push("dead-17", refused)).isEqualTo(404);
    assertThat(push("device-17", taken)).isEqualTo(200);

    // receipts come in the order the pushes were taken: once the later one is in, the earlier would be too
    await().atMost(RECEIPTS).until(() -> LedgerFixtures.status(sql, taken), "DELIVERED"::equals);
    assertThat(LedgerFixtures.status(sql, refused)).isEqualTo("SENT");
    assertThat(receipts.withKeyPrefix(refused)).isEmpty();
  }

  private int push(String token, String deliveryKey) {
    return fcm.send(fcm.request("/v1/projects/gridcare-sandbox/messages:send")
        .header("Authorization", "Bearer sandbox-access-token")
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(BodyPublishers.ofString("""
            {"message":{"token":"%s","notification":{"title":"Mất điện","body":"Thử"},
             "data":{"noticeId":"1","type":"OUTAGE_STARTED","deliveryKey":"%s"}}}""".formatted(token, deliveryKey))))
        .status();
  }

  private boolean delivered(String deliveryKey) {
    return sql.sql("select delivered_at is not null from delivery_attempt where delivery_key = :key")
        .param("key", deliveryKey).query(Boolean.class).single();
  }

  private static String key(String label) {
    return "fcm-" + label + "-" + UUID.randomUUID().toString().substring(0, 8) + ":PD09000000101:1";
  }
}
