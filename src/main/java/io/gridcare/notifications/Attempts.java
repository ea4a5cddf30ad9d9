package io.gridcare.notifications;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

import io.gridcare.customers.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attempts as the channel workers and the receipts change them. */
@Repository
class Attempts {

  private final JdbcClient sql;

  Attempts(JdbcClient sql) {
    this.sql = sql;
  }

  /** An attempt claimed for sending. */
  record Claimed(String deliveryKey, long noticeId, String customerCode, Channel channel) {
  }

  /**
   * Claims up to {@code limit} attempts of the batch that nobody has claimed: they become SENDING before any
   * channel is called, so whoever retries the batch later never sends them again.
   */
  List<Claimed> claim(long batchId, int limit) {
    return sql.sql("""
            update delivery_attempt a set status = 'SENDING', claimed_at = now()
             where a.delivery_key in (select delivery_key from delivery_attempt
                                       where batch_id = :batch and status = 'PENDING'
                                       order by delivery_key limit :limit for update skip locked)
            returning a.delivery_key, a.notice_id, a.customer_code, a.channel""")
        .param("batch", batchId).param("limit", limit)
        .query((row, n) -> new Claimed(row.getString(1), row.getLong(2), row.getString(3),
            Channel.valueOf(row.getString(4))))
        .list();
  }

  Channel channelOf(long batchId) {
    return sql.sql("select channel from notice_batch where id = :batch").param("batch", batchId)
        .query((row, n) -> Channel.valueOf(row.getString(1))).optional()
        .orElseThrow(() -> new io.gridcare.system.NotFoundException("Không có lô " + batchId + " / No batch " + batchId));
  }

  /**
   * The channel took it. Only an attempt being sent changes: a report repeated changes nothing. A receipt may
   * overtake the report (the App or Zalo answers while the worker still sends the rest of its slice): the attempt
   * keeps the status the receipt gave it and still gets its message id, segments and cost.
   */
  boolean sent(String deliveryKey, String providerMessageId, int segments, BigDecimal cost, boolean delivered) {
    return sql.sql("""
            update delivery_attempt set status = case when status = 'SENDING' then :status else status end,
                   provider_message_id = :provider, segments = :segments, cost = :cost, sent_at = now(),
                   delivered_at = case when :delivered then coalesce(delivered_at, now()) else delivered_at end
             where delivery_key = :key
               and (status = 'SENDING' or (status in ('DELIVERED', 'READ') and sent_at is null))""")
        .param("status", delivered ? "DELIVERED" : "SENT").param("provider", providerMessageId)
        .param("segments", segments).param("cost", cost).param("delivered", delivered).param("key", deliveryKey)
        .update() == 1;
  }

  boolean refused(String deliveryKey, String error) {
    return sql.sql("""
            update delivery_attempt set status = 'FAILED', failed_at = now(), error = :error
             where delivery_key = :key and status = 'SENDING'""")
        .param("error", truncate(error)).param("key", deliveryKey).update() == 1;
  }

  /** Not sent for a passing reason: back to PENDING, for the batch's retry. */
  boolean notSent(String deliveryKey, String error) {
    return sql.sql("""
            update delivery_attempt set status = 'PENDING', claimed_at = null, error = :error
             where delivery_key = :key and status = 'SENDING'""")
        .param("error", truncate(error)).param("key", deliveryKey).update() == 1;
  }

  boolean hasPending(long batchId) {
    return sql.sql("select exists (select 1 from delivery_attempt where batch_id = :batch and status = 'PENDING')")
        .param("batch", batchId).query(Boolean.class).single();
  }

  void dropTokens(List<String> tokens) {
    if (!tokens.isEmpty()) {
      sql.sql("insert into dropped_push_token (token) select unnest(cast(:tokens as text[])) on conflict do nothing")
          .param("tokens", tokens.toArray(String[]::new)).update();
    }
  }

  List<String> dropped(List<String> tokens) {
    if (tokens.isEmpty()) {
      return List.of();
    }
    return sql.sql("select token from dropped_push_token where token = any(:tokens)")
        .param("tokens", tokens.toArray(String[]::new)).query(String.class).list();
  }

  /**
   * Applies a receipt to the attempt it names (by delivery key, or the channel's message id). Read outranks
   * delivered, and delivered outranks failed: a late or repeated receipt never moves an attempt back.
   */
  boolean receipt(DeliveryReceipt receipt) {
    String match = receipt.deliveryKey() != null ? "delivery_key = :key"
        : "channel = :channel and provider_message_id = :provider";
    String change = switch (receipt.status()) {
      case READ -> "status = 'READ', read_at = :at, delivered_at = coalesce(delivered_at, :at)";
      case DELIVERED -> "status = case when status = 'READ' then status else 'DELIVERED' end, "
          + "delivered_at = coalesce(delivered_at, :at)";
      case FAILED -> "status = case when status in ('READ', 'DELIVERED') then status else 'FAILED' end, "
          + "failed_at = :at, error = :error";
    };
    return sql.sql("update delivery_attempt set " + change + " where " + match
            + " and status in ('SENDING', 'SENT', 'DELIVERED', 'READ', 'EXPIRED', 'FAILED')")
        .param("key", receipt.deliveryKey()).param("channel", receipt.channel().name())
        .param("provider", receipt.providerMessageId()).param("at", Timestamp.from(receipt.at()))
        .param("error", truncate(receipt.detail()))
        .update() > 0;
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300);
  }
}
