package io.gridcare.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gridcare.customers.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery ledger: a row per recipient of a notice and one per attempt on a channel. Statements work on whole
 * sets (arrays through {@code unnest}), so a notice to 100,000 customers takes a handful of them per step.
 */
@Repository
class Ledger {

  private final JdbcClient sql;

  Ledger(JdbcClient sql) {
    this.sql = sql;
  }

  /** A recipient and where it is on the grid (for statistics by substation and meter book). */
  record Recipient(String customerCode, String unitCode, String substation, String meterBook) {
  }

  void addRecipients(long noticeId, List<Recipient> recipients) {
    if (recipients.isEmpty()) {
      return;
    }
    sql.sql("""
            insert into notice_delivery (notice_id, customer_code, unit_code, substation, meter_book, status)
            select :notice, code, unit, substation, book, 'PENDING'
              from unnest(cast(:codes as text[]), cast(:units as text[]), cast(:substations as text[]),
                          cast(:books as text[])) as input (code, unit, substation, book)
            on conflict do nothing""")
        .param("notice", noticeId)
        .param("codes", recipients.stream().map(Recipient::customerCode).toArray(String[]::new))
        .param("units", recipients.stream().map(Recipient::unitCode).toArray(String[]::new))
        .param("substations", recipients.stream().map(Recipient::substation).toArray(String[]::new))
        .param("books", recipients.stream().map(Recipient::meterBook).toArray(String[]::new))
        .update();
  }

  /**
   * Marks recipients who already have (or are getting) the same content from another notice within the window
   * as merged into it. Answers how many.
   */
  int mergeDuplicates(Notice notice) {
    if (notice.contentKey() == null || notice.dedupWindowMinutes() <= 0) {
      return 0;
    }
    return sql.sql("""
            update notice_delivery d set status = 'MERGED', merged_into = earlier.notice_id, updated_at = now()
              from (select distinct on (od.customer_code) od.customer_code, od.notice_id
                      from notice o join notice_delivery od on od.notice_id = o.id
                     where o.content_key = :key and o.id <> :notice
                       and o.created_at > now() - make_interval(mins => :window)
                       and od.status in ('PENDING', 'DELIVERED', 'READ')
                     order by od.customer_code, od.notice_id) earlier
             where d.notice_id = :notice and d.customer_code = earlier.customer_code and d.status = 'PENDING'""")
        .param("key", notice.contentKey()).param("notice", notice.id()).param("window", notice.dedupWindowMinutes())
        .update();
  }

  /** Recipients still to be routed, in code order after {@code after}. */
  List<String> unrouted(long noticeId, String after, int limit) {
    return sql.sql("""
            select customer_code from notice_delivery
             where notice_id = :notice and status = 'PENDING' and channels is null and customer_code > :after
             order by customer_code limit :limit""")
        .param("notice", noticeId).param("after", after == null ? "" : after).param("limit", limit)
        .query(String.class).list();
  }

  /** How a recipient is to be reached: channels in order (none: opted out or unreachable), held until when. */
  record Route(String customerCode, List<Channel> channels, boolean optedOut, Instant holdUntil) {
  }

  /** Writes the routes and each routed recipient's first attempt (not yet in a batch). */
  void route(long noticeId, List<Route> routes) {
    List<Route> routed = routes.stream().filter(route -> !route.channels().isEmpty()).toList();
    List<Route> none = routes.stream().filter(route -> route.channels().isEmpty()).toList();
    if (!routed.isEmpty()) {
      String[] codes = routed.stream().map(Route::customerCode).toArray(String[]::new);
      sql.sql("""
              update notice_delivery d set channels = input.channels, hold_until = input.hold, updated_at = now()
                from unnest(cast(:codes as text[]), cast(:channels as text[]), cast(:holds as timestamptz[]))
                     as input (code, channels, hold)
               where d.notice_id = :notice and d.customer_code = input.code""")
          .param("notice", noticeId).param("codes", codes)
          .param("channels", routed.stream().map(route -> String.join(",", route.channels().stream()
              .map(Channel::name).toList())).toArray(String[]::new))
          .param("holds", routed.stream().map(route -> route.holdUntil() == null ? null
              : route.holdUntil().toString()).toArray(String[]::new))
          .update();
      sql.sql("""
              insert into delivery_attempt (delivery_key, notice_id, customer_code, attempt, round, channel, status)
              select :notice || ':' || code || ':1', :notice, code, 1, 0, channel, 'PENDING'
                from unnest(cast(:codes as text[]), cast(:firsts as text[])) as input (code, channel)""")
          .param("notice", noticeId).param("codes", codes)
          .param("firsts", routed.stream().map(route -> route.channels().get(0).name()).toArray(String[]::new))
          .update();
    }
    if (!none.isEmpty()) {
      sql.sql("""
              update notice_delivery d set channels = '', status = input.status, updated_at = now()
                from unnest(cast(:codes as text[]), cast(:statuses as text[])) as input (code, status)
               where d.notice_id = :notice and d.customer_code = input.code""")
          .param("notice", noticeId).param("codes", none.stream().map(Route::customerCode).toArray(String[]::new))
          .param("statuses", none.stream().map(route -> route.optedOut() ? "OPTED_OUT" : "FAILED")
              .toArray(String[]::new))
          .update();
    }
  }

  /** A new round: every attempt due now goes into batches of at most {@code batchSize} per channel. */
  Round dispatch(long noticeId, int batchSize) {
    int round = sql.sql("update notice set round = round + 1, status = 'SENDING' where id = :notice returning round")
        .param("notice", noticeId).query(Integer.class).single();
    Map<String, List<String>> dueByChannel = new LinkedHashMap<>();
    sql.sql("""
            select a.delivery_key, a.channel from delivery_attempt a
              join notice_delivery d on d.notice_id = a.notice_id and d.customer_code = a.customer_code
             where a.notice_id = :notice and a.batch_id is null and a.status = 'PENDING'
               and (d.hold_until is null or d.hold_until <= now())
             order by a.channel, a.delivery_key""")
        .param("notice", noticeId)
        .query((row, n) -> dueByChannel.computeIfAbsent(row.getString(2), channel -> new ArrayList<>())
            .add(row.getString(1)))
        .list();
    List<Long> batches = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<Long> keyBatches = new ArrayList<>();
    dueByChannel.forEach((channel, due) -> {
      for (int from = 0, seq = 0; from < due.size(); from += batchSize, seq++) {
        List<String> slice = due.subList(from, Math.min(due.size(), from + batchSize));
        long batch = sql.sql("""
                insert into notice_batch (notice_id, round, channel, seq, size)
                values (:notice, :round, :channel, :seq, :size) returning id""")
            .param("notice", noticeId).param("round", round).param("channel", channel).param("seq", seq)
            .param("size", slice.size()).query(Long.class).single();
        batches.add(batch);
        slice.forEach(key -> {
          keys.add(key);
          keyBatches.add(batch);
        });
      }
    });
    if (!keys.isEmpty()) {
      sql.sql("""
              update delivery_attempt a set batch_id = input.batch, round = :round
                from unnest(cast(:keys as text[]), cast(:batches as bigint[])) as input (key, batch)
               where a.delivery_key = input.key""")
          .param("round", round).param("keys", keys.toArray(String[]::new))
          .param("batches", keyBatches.toArray(Long[]::new)).update();
    }
    Instant nextHold = sql.sql("""
            select min(d.hold_until) from delivery_attempt a
              join notice_delivery d on d.notice_id = a.notice_id and d.customer_code = a.customer_code
             where a.notice_id = :notice and a.batch_id is null and a.status = 'PENDING'""")
        .param("notice", noticeId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    return new Round(round, batches, nextHold);
  }

  /** A dispatched round: its batches, and when the earliest recipient still held may be sent. */
  record Round(int number, List<Long> batches, Instant nextHold) {
  }

  /** Every attempt of the notice's current round has its answer (and the round has any). */
  boolean roundSettled(long noticeId) {
    return sql.sql("""
            select count(*) > 0 and count(*) filter (where a.status in ('PENDING', 'SENDING', 'SENT')) = 0
              from delivery_attempt a join notice n on n.id = a.notice_id
             where a.notice_id = :notice and a.round = n.round""")
        .param("notice", noticeId).query(Boolean.class).single();
  }

  /** Notices sending now whose current round is settled. */
  List<Long> settledRounds(List<Long> noticeIds) {
    if (noticeIds.isEmpty()) {
      return List.of();
    }
    return sql.sql("""
            select n.id from notice n
             where n.id = any(:notices)
               and exists (select 1 from delivery_attempt a where a.notice_id = n.id and a.round = n.round)
               and not exists (select 1 from delivery_attempt a where a.notice_id = n.id and a.round = n.round
                                  and a.status in ('PENDING', 'SENDING', 'SENT'))""")
        .param("notices", noticeIds.toArray(Long[]::new)).query(Long.class).list();
  }

  /**
   * Closes the current round. Attempts still being sent (a worker stopped mid-batch: they may or may not have
   * gone out, and are never sent again) expire; so do taken but unconfirmed ones of urgent notices. A recipient
   * whose attempt failed or expired moves to its next channel, or fails when it has none; one whose attempt was
   * taken (and for normal notices not refused within the window) is delivered. Answers whether attempts remain.
   */
  boolean reconcile(long noticeId, boolean urgent) {
    sql.sql("""
            update delivery_attempt a set status = 'EXPIRED', failed_at = now(),
                   error = case when a.status = 'SENDING' then 'Không rõ đã gửi / in doubt: claimed, no outcome'
                                else 'Không có xác nhận trong thời hạn / no receipt within the window' end
              from notice n
             where n.id = a.notice_id and a.notice_id = :notice and a.round = n.round
               and (a.status = 'SENDING' or (:urgent and a.status = 'SENT'))""")
        .param("notice", noticeId).param("urgent", urgent).update();
    List<String> codes = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    List<String> nextCodes = new ArrayList<>();
    List<Integer> nextAttempts = new ArrayList<>();
    List<String> nextChannels = new ArrayList<>();
    sql.sql("""
            select d.customer_code, d.channels, d.next_channel, last.status, last.attempt
              from notice_delivery d
              join lateral (select a.status, a.attempt from delivery_attempt a
                             where a.notice_id = d.notice_id and a.customer_code = d.customer_code
                             order by a.attempt desc limit 1) last on true
             where d.notice_id = :notice and d.status = 'PENDING'
               and last.status in ('SENT', 'DELIVERED', 'READ', 'FAILED', 'EXPIRED')""")
        .param("notice", noticeId)
        .query((row, n) -> {
          String code = row.getString(1);
          String status = row.getString(4);
          switch (status) {
            case "SENT", "DELIVERED" -> {
              codes.add(code);
              statuses.add("DELIVERED");
            }
            case "READ" -> {
              codes.add(code);
              statuses.add("READ");
            }
            default -> {
              List<String> channels = Arrays.asList(row.getString(2).split(","));
              int next = row.getInt(3) + 1;
              if (next < channels.size()) {
                nextCodes.add(code);
                nextAttempts.add(row.getInt(5) + 1);
                nextChannels.add(channels.get(next));
              } else {
                codes.add(code);
                statuses.add("FAILED");
              }
            }
          }
          return code;
        })
        .list();
    if (!codes.isEmpty()) {
      sql.sql("""
              update notice_delivery d set status = input.status, updated_at = now()
                from unnest(cast(:codes as text[]), cast(:statuses as text[])) as input (code, status)
               where d.notice_id = :notice and d.customer_code = input.code""")
          .param("notice", noticeId).param("codes", codes.toArray(String[]::new))
          .param("statuses", statuses.toArray(String[]::new)).update();
    }
    if (!nextCodes.isEmpty()) {
      String[] next = nextCodes.toArray(String[]::new);
      sql.sql("""
              update notice_delivery d set next_channel = next_channel + 1, updated_at = now()
               where d.notice_id = :notice and d.customer_code = any(:codes)""")
          .param("notice", noticeId).param("codes", next).update();
      sql.sql("""
              insert into delivery_attempt (delivery_key, notice_id, customer_code, attempt, round, channel, status)
              select :notice || ':' || code || ':' || attempt, :notice, code, attempt, 0, channel, 'PENDING'
                from unnest(cast(:codes as text[]), cast(:attempts as int[]), cast(:channels as text[]))
                     as input (code, attempt, channel)""")
          .param("notice", noticeId).param("codes", next).param("attempts", nextAttempts.toArray(Integer[]::new))
          .param("channels", nextChannels.toArray(String[]::new)).update();
    }
    return sql.sql("""
            select exists (select 1 from delivery_attempt
                            where notice_id = :notice and status = 'PENDING' and batch_id is null)""")
        .param("notice", noticeId).query(Boolean.class).single();
  }

  /** Counts the notice's recipients (merged ones are not recipients) and marks it completed. */
  void complete(long noticeId) {
    sql.sql("""
            update notice set status = 'COMPLETED', completed_at = now(),
                   recipients = (select count(*) from notice_delivery
                                  where notice_id = :notice and status <> 'MERGED')
             where id = :notice""")
        .param("notice", noticeId).update();
  }

  int recipients(long noticeId) {
    return sql.sql("select count(*) from notice_delivery where notice_id = :notice and status <> 'MERGED'")
        .param("notice", noticeId).query(Integer.class).single();
  }
}
