package io.gridcare.notifications.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;

/**
 * The receipts in one Zalo webhook event. {@code user_received_message} (ZNS: {@code message.msg_id},
 * {@code message.tracking_id} as GridCare sent it, {@code message.delivery_time} in epoch milliseconds) says a message
 * reached the phone; {@code user_seen_message} ({@code message.msg_ids}) that the user opened messages. Other events
 * (follows, the user's own messages, template status) carry no receipt.
 */
final class ZaloEvents {

  static final String RECEIVED = "user_received_message";
  static final String SEEN = "user_seen_message";

  private ZaloEvents() {
  }

  /** The receipts of this event, none for events that are not about delivery. */
  static List<DeliveryReceipt> receipts(JsonNode event) {
    String name = event.path("event_name").asText("");
    JsonNode message = event.path("message");
    Instant sent = millis(event.path("timestamp"));
    if (RECEIVED.equals(name)) {
      String messageId = text(message.path("msg_id"), "message.msg_id");
      String trackingId = message.path("tracking_id").asText(null);
      Instant delivered = millis(message.path("delivery_time"));
      return List.of(new DeliveryReceipt(Channel.ZALO, trackingId == null || trackingId.isBlank() ? null : trackingId,
          messageId, DeliveryReceipt.Status.DELIVERED, delivered != null ? delivered : sent, null));
    }
    if (SEEN.equals(name)) {
      List<String> messageIds = new ArrayList<>();
      message.path("msg_ids").forEach(id -> messageIds.add(text(id, "message.msg_ids")));
      if (message.hasNonNull("msg_id")) {
        messageIds.add(text(message.path("msg_id"), "message.msg_id"));
      }
      if (messageIds.isEmpty()) {
        throw new InvalidEvent("message.msg_ids", "Thiếu mã tin / no message ids");
      }
      return messageIds.stream().distinct()
          .map(id -> new DeliveryReceipt(Channel.ZALO, null, id, DeliveryReceipt.Status.READ, sent, null))
          .toList();
    }
    return List.of();
  }

  private static String text(JsonNode node, String field) {
    if (!node.isTextual() && !node.isNumber() || node.asText().isBlank()) {
      throw new InvalidEvent(field, "Thiếu mã tin / message id missing");
    }
    return node.asText();
  }

  /** Epoch milliseconds, which Zalo writes as strings; null when absent or not a number. */
  static Instant millis(JsonNode node) {
    String value = node.asText("");
    if (!value.matches("\\d{1,15}")) {
      return null;
    }
    return Instant.ofEpochMilli(Long.parseLong(value));
  }

  /** A signed event without a field a receipt needs. */
  static final class InvalidEvent extends RuntimeException {

    private final String field;

    InvalidEvent(String field, String message) {
      super(message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }
}
