package io.gridcare.notifications;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

  /** A message the channel took: its id there, SMS segments, price, and whether taking it is delivery. */
  record Sent(String deliveryKey, String providerMessageId, int segments, BigDecimal cost, boolean delivered) {
  }

  /**
   * Locks the attempts named (by delivery key, or by channel and the channel's message id), in key order, before
   * a transaction changes several of them: a worker's report and a batch of receipts touch the same attempts in
   * different orders, and would otherwise deadlock.
   */
  void lock(List<String> deliveryKeys, List<Channel> channels, List<String> providerMessageIds) {
    List<String> keys = new ArrayList<>(deliveryKeys);
    if (!providerMessageIds.isEmpty()) {
      keys.addAll(sql.sql("""
              select a.delivery_key from delivery_attempt a
                join unnest(cast(:channels as text[]), cast(:providers as text[])) as input (channel, provider)
                  on a.channel = input.channel and a.provider_message_id = input.provider""")
          .param("channels", channels.stream().map(Channel::name).toArray(String[]::new))
          .param("providers", providerMessageIds.toArray(String[]::new))
          .query(String.class).list());
    }
    // one attempt is one row, changed by statements that hold no other lock: no order to keep, no deadlock
    if (keys.stream().distinct().count() < 2) {
      return;
    }
    sql.sql("""
            select delivery_key from delivery_attempt where delivery_key = any(:keys)
             order by delivery_key for update""")
        .param("keys", keys.toArray(String[]::new)).query(String.class).list();
  }

  /**
   * The channel took them. An attempt being sent becomes SENT (DELIVERED where taking it is delivery); one a
   * receipt already reached keeps that status. Either way the channel's id, segments and price are recorded once:
   * a report repeated changes nothing.
   */
  void sent(List<Sent> sent) {
    if (sent.isEmpty()) {
      return;
    }
    sql.sql("""
            update delivery_attempt a
               set status = case when a.status <> 'SENDING' then a.status
                                 when input.delivered then 'DELIVERED' else 'SENT' end,
                   provider_message_id = input.provider, segments = input.segments, cost = input.cost,
                   sent_at = now(),
                   delivered_at = case when input.delivered then coalesce(a.delivered_at, now())
                                       else a.delivered_at end
              from unnest(cast(:keys as text[]), cast(:providers as text[]), cast(:segments as int[]),
                          cast(cast(:costs as text[]) as numeric[]), cast(:delivered as boolean[]))
                   as input (key, provider, segments, cost, delivered)
             where a.delivery_key = input.key and a.sent_at is null
               and a.status in ('SENDING', 'DELIVERED', 'READ', 'FAILED', 'EXPIRED')""")
        .param("keys", sent.stream().map(Sent::deliveryKey).toArray(String[]::new))
        .param("providers", sent.stream().map(Sent::providerMessageId).toArray(String[]::new))
        .param("segments", sent.stream().map(Sent::segments).toArray(Integer[]::new))
        .param("costs", sent.stream().map(one -> one.cost() == null ? null : one.cost().toPlainString())
            .toArray(String[]::new))
        .param("delivered", sent.stream().map(Sent::delivered).toArray(Boolean[]::new))
        .update();
  }

  /** The channel will not take them, with the reason, by delivery key. */
  void refused(Map<String, String> errors) {
    if (errors.isEmpty()) {
      return;
    }
    sql.sql("""
            update delivery_attempt a set status = 'FAILED', failed_at = now(), error = input.error
              from unnest(cast(:keys as text[]), cast(:errors as text[])) as input (key, error)
             where a.delivery_key = input.key and a.status = 'SENDING'""")
        .param("keys", errors.keySet().toArray(String[]::new))
        .param("errors", errors.values().stream().map(Attempts::truncate).toArray(String[]::new))
        .update();
  }

  /** Not sent for a passing reason: back to PENDING, for the batch's retry. */
  void notSent(Map<String, String> errors) {
    if (errors.isEmpty()) {
      return;
    }
    sql.sql("""
            update delivery_attempt a set status = 'PENDING', claimed_at = null, error = input.error
              from unnest(cast(:keys as text[]), cast(:errors as text[])) as input (key, error)
             where a.delivery_key = input.key and a.status = 'SENDING'""")
        .param("keys", errors.keySet().toArray(String[]::new))
        .param("errors", errors.values().stream().map(Attempts::truncate).toArray(String[]::new))
        .update();
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
   * Applies receipts to the attempts they name (by delivery key, or by the channel's message id), in one statement.
   * Read outranks delivered, and delivered outranks failed: a late or repeated receipt never moves an attempt
   * back, whatever order the receipts of one attempt come in. Answers which receipts (by position in the list,
   * from 0) named an attempt; null entries name none.
   */
  Set<Integer> receipts(List<DeliveryReceipt> receipts) {
    if (receipts.isEmpty()) {
      return Set.of();
    }
    return sql.sql("""
            with input as (
              select * from unnest(cast(:keys as text[]), cast(:channels as text[]), cast(:providers as text[]),
                                   cast(:statuses as text[]), cast(:ats as timestamptz[]), cast(:errors as text[]))
                       with ordinality as input (key, channel, provider, status, at, error, position)),
            matched as (
              select a.delivery_key, i.status, i.at, i.error, i.position
                from input i join delivery_attempt a on a.delivery_key = i.key
              union all
              select a.delivery_key, i.status, i.at, i.error, i.position
                from input i join delivery_attempt a on a.channel = i.channel and a.provider_message_id = i.provider
               where i.key is null),
            receipt as (
              select delivery_key, bool_or(status = 'READ') as read, bool_or(status = 'DELIVERED') as delivered,
                     min(at) filter (where status = 'READ') as read_at,
                     min(at) filter (where status in ('READ', 'DELIVERED')) as delivered_at,
                     max(at) filter (where status = 'FAILED') as failed_at,
                     (array_agg(error order by at desc) filter (where status = 'FAILED'))[1] as error
                from matched group by delivery_key),
            changed as (
              update delivery_attempt a
                 set status = case when r.read then 'READ'
                                   when r.delivered then case when a.status = 'READ' then a.status else 'DELIVERED' end
                                   when a.status in ('READ', 'DELIVERED') then a.status
                                   else 'FAILED' end,
                     read_at = case when r.read then r.read_at else a.read_at end,
                     delivered_at = coalesce(a.delivered_at, r.delivered_at),
                     failed_at = coalesce(r.failed_at, a.failed_at),
                     error = case when r.failed_at is not null then r.error else a.error end
                from receipt r
               where a.delivery_key = r.delivery_key
                 and a.status in ('SENDING', 'SENT', 'DELIVERED', 'READ', 'EXPIRED', 'FAILED')
              returning a.delivery_key)
            select distinct cast(m.position - 1 as int) from matched m join changed c on c.delivery_key = m.delivery_key""")
        .param("keys", column(receipts, DeliveryReceipt::deliveryKey))
        .param("channels", column(receipts, receipt -> receipt.channel().name()))
        .param("providers", column(receipts, DeliveryReceipt::providerMessageId))
        .param("statuses", column(receipts, receipt -> receipt.status().name()))
        .param("ats", column(receipts, receipt -> receipt.at().toString()))
        .param("errors", column(receipts, receipt -> truncate(receipt.detail())))
        .query(Integer.class).set();
  }

  /** One column of the receipts for {@code unnest}; a null receipt (one naming no attempt) is a row of nulls. */
  private static String[] column(List<DeliveryReceipt> receipts, Function<DeliveryReceipt, String> value) {
    return receipts.stream().map(receipt -> receipt == null ? null : value.apply(receipt)).toArray(String[]::new);
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300);
  }
}
