package io.gridcare.notifications;

import java.time.Instant;

import io.gridcare.customers.Channel;

/**
 * What a channel reported later about one message: delivered, read or failed. It names the message by GridCare's
 * delivery key where the channel echoes it (App, Zalo tracking id), otherwise by the channel's own message id (SMSC
 * message id, Zalo msg_id).
 */
public record DeliveryReceipt(Channel channel, String deliveryKey, String providerMessageId, Status status,
                              Instant at, String detail) {

  /** Receipts one call to the server may carry ({@code POST /api/notification-receipts}). */
  public static final int MAX_PER_CALL = 1000;

  public enum Status {
    DELIVERED, READ, FAILED
  }
}
