package io.gridcare.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipt.Status;
import org.junit.jupiter.api.Test;

class ZaloEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void receivedMessageIsDeliveredAtItsDeliveryTimeUnderItsTrackingId() {
    // Zalo's own example of the ZNS event
    JsonNode event = json("""
        {"sender":{"id":"2893352839501541173"},"recipient":{"id":"84123456789"},
         "event_name":"user_received_message",
         "message":{"delivery_time":"1602960467432","msg_id":"15a0cc0bbb13bd4ce403","tracking_id":"N1:PD09000000101:1"},
         "app_id":"2074138120372622546","timestamp":"1602560967477"}""");

    assertThat(ZaloEvents.receipts(event)).containsExactly(new DeliveryReceipt(Channel.ZALO, "N1:PD09000000101:1",
        "15a0cc0bbb13bd4ce403", Status.DELIVERED, Instant.ofEpochMilli(1602960467432L), null));
  }

  @Test
  void receivedMessageWithoutTrackingIdOrDeliveryTimeIsNamedByMessageIdAtTheEventTime() {
    JsonNode event = json("""
        {"event_name":"user_received_message","message":{"msg_id":"m1"},"timestamp":"1602560967477"}""");

    assertThat(ZaloEvents.receipts(event)).containsExactly(new DeliveryReceipt(Channel.ZALO, null, "m1",
        Status.DELIVERED, Instant.ofEpochMilli(1602560967477L), null));
  }

  @Test
  void seenMessagesAreEachRead() {
    JsonNode event = json("""
        {"event_name":"user_seen_message","message":{"msg_ids":["m1","m2","m2"]},"timestamp":"1602560967477"}""");

    assertThat(ZaloEvents.receipts(event)).extracting(DeliveryReceipt::providerMessageId, DeliveryReceipt::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", Status.READ),
            org.assertj.core.groups.Tuple.tuple("m2", Status.READ));
  }

  @Test
  void otherEventsHoldNoReceipt() {
    assertThat(ZaloEvents.receipts(json("""
        {"event_name":"follow","follower":{"id":"1"},"timestamp":"1602560967477"}"""))).isEmpty();
  }

  @Test
  void receiptWithoutMessageIdNamesTheMissingField() {
    assertThatThrownBy(() -> ZaloEvents.receipts(json("""
        {"event_name":"user_received_message","message":{"tracking_id":"t"},"timestamp":"1"}""")))
        .isInstanceOfSatisfying(ZaloEvents.InvalidEvent.class,
            e -> assertThat(e.field()).isEqualTo("message.msg_id"));
    assertThatThrownBy(() -> ZaloEvents.receipts(json("""
        {"event_name":"user_seen_message","message":{},"timestamp":"1"}""")))
        .isInstanceOfSatisfying(ZaloEvents.InvalidEvent.class,
            e -> assertThat(e.field()).isEqualTo("message.msg_ids"));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
