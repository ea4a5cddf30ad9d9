package io.gridcare.notifications.worker;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipt.Status;
import io.gridcare.notifications.ObservedReceipts;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The Zalo ZNS sender of the worker against the server's Zalo sandbox, over HTTP as against Zalo, and the sandbox's
 * signed receipts coming back through GridCare's webhook.
 */
@GridCareIntegrationTest
class ZaloZnsSenderTest {

  private static final Logger log = LoggerFactory.getLogger(ZaloZnsSenderTest.class);
  private static final String TEMPLATE = "301234";
  private static final AtomicInteger KEYS = new AtomicInteger();

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  private final ZaloZnsSender sender;
  private final ObservedReceipts.Log receipts;
  private final ObjectMapper json;
  private final NotificationApi api;
  private final String baseUrl;

  ZaloZnsSenderTest(@Autowired ZaloZnsSender sender, @Autowired ObservedReceipts.Log receipts,
      @Autowired ObjectMapper json, @Autowired NotificationApi api,
      @Value("${gridcare.channels.zalo.base-url}") String baseUrl) {
    this.sender = sender;
    this.api = api;
    this.receipts = receipts;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  @AfterEach
  void quotaIsBackToItsDefault() {
    admin.putJson("/api/sandbox/zalo/quota", "{\"dailyQuota\":100000}");
  }

  @Test
  void sendsThePhoneInZalosFormTheTemplateAndTheDeliveryKeyAsTrackingId() {
    Outgoing message = message("+84912000001");

    SendOutcome outcome = sender.send(List.of(message)).get(0);

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    JsonNode received = admin.get("/api/sandbox/zalo/messages?trackingId=" + message.deliveryKey()).json()
        .path("messages");
    assertThat(received).hasSize(1);
    assertThat(received.path(0).path("phone").asText()).isEqualTo("84912000001");
    assertThat(received.path(0).path("templateId").asText()).isEqualTo(TEMPLATE);
    assertThat(received.path(0).path("templateData").path("customer_name").asText()).isEqualTo("Nguyễn Văn Đức");
    assertThat(received.path(0).path("error").asInt()).as("the access token was right").isZero();
    assertThat(((SendOutcome.Accepted) outcome).providerMessageId()).isEqualTo(received.path(0).path("msgId").asText());
  }

  @Test
  void answersEveryMessageInTheOrderGivenWithZalosCodesForThoseItWillNotTake() {
    List<Outgoing> batch = List.of(message("+84912000011"), message("+84912000114"), message("+84912000118"),
        message("+84912000013"));

    List<SendOutcome> outcomes = sender.send(batch);

    assertThat(outcomes).extracting(SendOutcome::deliveryKey)
        .containsExactlyElementsOf(batch.stream().map(Outgoing::deliveryKey).toList());
    assertThat(outcomes.get(0)).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(outcomes.get(1)).isInstanceOfSatisfying(SendOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("-114"));
    assertThat(outcomes.get(2)).isInstanceOfSatisfying(SendOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("-118"));
    assertThat(outcomes.get(3)).isInstanceOf(SendOutcome.Accepted.class);
  }

  @Test
  void onceTheOasDailyQuotaIsUsedUpTheRestAreRejectedToTheNextChannel() {
    admin.putJson("/api/sandbox/zalo/quota", "{\"dailyQuota\":2}");

    List<SendOutcome> outcomes = sender.send(List.of(message("+84912000021"), message("+84912000023"),
        message("+84912000025")));

    assertThat(outcomes).filteredOn(SendOutcome.Accepted.class::isInstance).hasSize(2);
    assertThat(outcomes).filteredOn(SendOutcome.Rejected.class::isInstance).singleElement()
        .satisfies(rejected -> assertThat(((SendOutcome.Rejected) rejected).code()).isEqualTo("-115"));
  }

  @Test
  void zaloInTroubleLeavesTheMessageNotSentToBeTriedAgain() {
    List<SendOutcome> outcomes = sender.send(List.of(message("+84912000500"), message("+84912000429")));

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.NotSent.class));
  }

  @Test
  void aWrongAccessTokenStopsEveryMessageForAnOperator() {
    ZaloZnsSender withWrongToken = new ZaloZnsSender(
        new ZaloZnsSettings(baseUrl, "expired-token", 64, Duration.ofSeconds(5)), api, json);

    List<SendOutcome> outcomes = withWrongToken.send(List.of(message("+84912000031"), message("+84912000033")));

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(SendOutcome.NotSent.class,
        notSent -> assertThat(notSent.reason()).startsWith("Zalo -124")));
  }

  @Test
  void unreachableZaloLeavesTheMessageNotSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ZaloZnsSender toNowhere = new ZaloZnsSender(
        new ZaloZnsSettings("http://127.0.0.1:" + closedPort, "token", 64, Duration.ofSeconds(5)), api, json);

    assertThat(toNowhere.send(List.of(message("+84912000041"))).get(0)).isInstanceOf(SendOutcome.NotSent.class);
  }

  @Test
  void acceptedMessageComesBackDeliveredAndReadThroughTheSignedWebhook() {
    Outgoing message = message("+84912000052");

    SendOutcome.Accepted accepted = (SendOutcome.Accepted) sender.send(List.of(message)).get(0);

    Awaitility.await("the sandbox's receipts reached the webhook").atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(receipts.forMessage(accepted.providerMessageId()))
            .extracting(DeliveryReceipt::status).containsExactly(Status.DELIVERED, Status.READ));
    DeliveryReceipt delivered = receipts.forMessage(accepted.providerMessageId()).get(0);
    assertThat(delivered.deliveryKey()).isEqualTo(message.deliveryKey());
    assertThat(delivered.channel()).isEqualTo(Channel.ZALO);
  }

  @Test
  void sandboxListIsForAdministratorsOnly() {
    assertThat(anonymous.get("/api/sandbox/zalo/messages").status()).isEqualTo(401);
  }

  @Test
  void fiveHundredMessagesInOneBatch() {
    // warm up the sender and the sandbox, as a running worker is
    sender.send(IntStream.range(0, 100).mapToObj(i -> message(String.format("+8494%06d1", i))).toList());
    List<Outgoing> batch = IntStream.range(0, 500)
        .mapToObj(i -> message(String.format("+8493%06d1", i)))
        .toList();

    long started = System.nanoTime();
    List<SendOutcome> outcomes = sender.send(batch);
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(outcomes).hasSize(500).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class));
    assertThat(outcomes.stream().map(outcome -> ((SendOutcome.Accepted) outcome).providerMessageId()).distinct())
        .hasSize(500);
    log.info("Zalo ZNS: 500 messages to the sandbox in {} s, {} messages/s", String.format("%.2f", seconds),
        String.format("%.0f", 500 / seconds));
  }

  private static Outgoing message(String phone) {
    String key = "ZT" + KEYS.incrementAndGet() + ":PD09000000101:1";
    return new Outgoing(key, "PD09000000101", Channel.ZALO, "vi", List.of(phone), "Hóa đơn tiền điện",
        "Hóa đơn tháng 11", null, "Hoa don thang 11", true, TEMPLATE,
        Map.of("customer_name", "Nguyễn Văn Đức", "amount", "512000"), Map.of());
  }
}
