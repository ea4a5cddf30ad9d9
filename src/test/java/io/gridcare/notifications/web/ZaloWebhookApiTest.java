package io.gridcare.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipt.Status;
import io.gridcare.notifications.ObservedReceipts;
import io.gridcare.system.embedded.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Zalo calling GridCare's webhook over HTTP, without a login, signed or not. */
@GridCareIntegrationTest
class ZaloWebhookApiTest {

  private final Http zalo = Http.to(TestStack.get().serverPort());
  private final ObservedReceipts.Log receipts;
  private final String appId;
  private final String oaSecretKey;

  ZaloWebhookApiTest(@Autowired ObservedReceipts.Log receipts,
      @Value("${gridcare.channels.zalo.app-id}") String appId,
      @Value("${gridcare.channels.zalo.oa-secret-key}") String oaSecretKey) {
    this.receipts = receipts;
    this.appId = appId;
    this.oaSecretKey = oaSecretKey;
  }

  @Test
  void signedDeliveryReceiptIsRecordedUnderTrackingIdAndMessageId() {
    String messageId = newMessageId();
    // one timestamp for body and signature: two calls to now() may fall in different milliseconds
    String timestamp = now();
    String body = received(messageId, "N7:PD09000000101:1", timestamp);

    Response answer = post(body, sign(body, timestamp));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("receipts").asInt()).isEqualTo(1);
    assertThat(receipts.forMessage(messageId)).containsExactly(new DeliveryReceipt(Channel.ZALO,
        "N7:PD09000000101:1", messageId, Status.DELIVERED, Instant.ofEpochMilli(1_700_000_000_000L), null));
  }

  @Test
  void signedSeenEventRecordsEachMessageRead() {
    String first = newMessageId();
    String second = newMessageId();
    String timestamp = now();
    String body = "{\"event_name\":\"user_seen_message\",\"app_id\":\"" + appId + "\",\"sender\":{\"id\":\"oa\"},"
        + "\"message\":{\"msg_ids\":[\"" + first + "\",\"" + second + "\"]},\"timestamp\":\"" + timestamp + "\"}";

    assertThat(post(body, sign(body, timestamp)).status()).isEqualTo(200);

    assertThat(receipts.forMessage(first)).extracting(DeliveryReceipt::status).containsExactly(Status.READ);
    assertThat(receipts.forMessage(second)).extracting(DeliveryReceipt::status).containsExactly(Status.READ);
  }

  @Test
  void unsignedCallIsRefusedAndRecordsNothing() {
    String messageId = newMessageId();

    Response answer = post(received(messageId, "N7:PD09000000101:2", now()), null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("detail").asText()).contains("X-ZEvent-Signature");
    assertThat(receipts.forMessage(messageId)).isEmpty();
  }

  @Test
  void callSignedWithAnotherKeyOrForAnotherBodyIsRefusedAndRecordsNothing() {
    String messageId = newMessageId();
    String timestamp = now();
    String body = received(messageId, "N7:PD09000000101:3", timestamp);
    String forged = ZaloSignature.sign(appId, bytes(body), timestamp, "not-the-oa-secret");
    String forAnotherBody = sign(received(newMessageId(), "N7:PD09000000101:3", timestamp), timestamp);

    assertThat(post(body, forged).status()).isEqualTo(401);
    assertThat(post(body, forAnotherBody).status()).isEqualTo(401);
    assertThat(post(body, "mac=").status()).isEqualTo(401);
    assertThat(receipts.forMessage(messageId)).isEmpty();
  }

  @Test
  void staleEventIsRefusedAsAReplayEvenWhenSigned() {
    String messageId = newMessageId();
    String timestamp = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).toEpochMilli());
    String body = received(messageId, "N7:PD09000000101:4", timestamp);

    Response answer = post(body, sign(body, timestamp));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("detail").asText()).contains("Stale");
    assertThat(receipts.forMessage(messageId)).isEmpty();
  }

  @Test
  void malformedJsonIsABadRequest() {
    String body = "{\"event_name\":\"user_received_message\",";

    Response answer = post(body, sign(body, now()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void signedReceiptWithoutMessageIdNamesTheMissingField() {
    String timestamp = now();
    String body = "{\"event_name\":\"user_received_message\",\"message\":{\"tracking_id\":\"N7:PD09000000101:5\"},"
        + "\"timestamp\":\"" + timestamp + "\"}";

    Response answer = post(body, sign(body, timestamp));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("errors").path(0).path("field").asText()).isEqualTo("message.msg_id");
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnored() {
    String timestamp = now();
    String body = "{\"event_name\":\"follow\",\"app_id\":\"" + appId + "\",\"follower\":{\"id\":\"1\"},"
        + "\"timestamp\":\"" + timestamp + "\"}";
    int before = receipts.all().size();

    Response answer = post(body, sign(body, timestamp));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("receipts").asInt()).isZero();
    assertThat(receipts.all()).hasSizeGreaterThanOrEqualTo(before);
  }

  private String received(String messageId, String trackingId, String timestamp) {
    return "{\"sender\":{\"id\":\"2893352839501541173\"},\"recipient\":{\"id\":\"84912000001\"},"
        + "\"event_name\":\"user_received_message\",\"message\":{\"delivery_time\":\"1700000000000\","
        + "\"msg_id\":\"" + messageId + "\",\"tracking_id\":\"" + trackingId + "\"},\"app_id\":\"" + appId + "\","
        + "\"timestamp\":\"" + timestamp + "\"}";
  }

  private String sign(String body, String timestamp) {
    return ZaloSignature.sign(appId, bytes(body), timestamp, oaSecretKey);
  }

  private Response post(String body, String signature) {
    var request = zalo.request(ZaloWebhookController.PATH).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(ZaloWebhookController.SIGNATURE, signature);
    }
    return zalo.send(request);
  }

  private static String now() {
    return String.valueOf(Instant.now().toEpochMilli());
  }

  private static String newMessageId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
