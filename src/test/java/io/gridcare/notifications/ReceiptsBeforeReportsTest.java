package io.gridcare.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.gridcare.GridCareIntegrationTest;
import io.gridcare.customers.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Channels answer fast: a receipt may reach the ledger before the worker has reported that the channel took the
 * message, and a batch of receipts may land while a report of the same messages is being written. On the real
 * database.
 */
@GridCareIntegrationTest
class ReceiptsBeforeReportsTest {

  private final DeliveryLedger ledger;
  private final JdbcClient sql;

  ReceiptsBeforeReportsTest(@Autowired DeliveryLedger ledger, @Autowired JdbcClient sql) {
    this.ledger = ledger;
    this.sql = sql;
  }

  @Test
  void aReceiptBeforeTheReportKeepsItsStatusAndTheReportStillRecordsIdSegmentsAndPrice() {
    long batch = batchBeingSent("SMS", 1);
    String key = keys(batch).get(0);

    ledger.record(List.of(new DeliveryReceipt(Channel.SMS, key, "smsc-1", DeliveryReceipt.Status.DELIVERED,
        Instant.now(), "stat:DELIVRD")));
    ledger.report(batch, List.of(new BatchOutcome(key, BatchOutcome.Kind.ACCEPTED, "smsc-1", 2, false, null, null,
        null, "+84912345678")));

    assertThat(sql.sql("select status, provider_message_id, segments, cost from delivery_attempt where "
            + "delivery_key = :key").param("key", key)
        .query((row, n) -> List.of(row.getString(1), row.getString(2), row.getInt(3), row.getBigDecimal(4)))
        .single()).containsExactly("DELIVERED", "smsc-1", 2, new BigDecimal("1600.00"));
  }

  @Test
  void reportsAndReceiptsOfTheSameMessagesInOppositeOrdersAllLand() {
    for (int round = 0; round < 5; round++) {
      long batch = batchBeingSent("APP", 100);
      List<String> keys = keys(batch);
      List<BatchOutcome> outcomes = keys.stream().map(key -> new BatchOutcome(key, BatchOutcome.Kind.ACCEPTED,
          "fcm-" + key, 1, false, null, null, null, "token")).toList();
      List<DeliveryReceipt> receipts = new ArrayList<>(keys.stream().map(key -> new DeliveryReceipt(Channel.APP, key,
          null, DeliveryReceipt.Status.DELIVERED, Instant.now(), null)).toList());
      Collections.reverse(receipts);

      CompletableFuture<Boolean> report = CompletableFuture.supplyAsync(() -> ledger.report(batch, outcomes));
      CompletableFuture<Integer> recorded = CompletableFuture.supplyAsync(() -> ledger.record(receipts));

      assertThat(report.join()).as("nothing left to send").isFalse();
      assertThat(recorded.join()).isEqualTo(100);
      assertThat(sql.sql("select count(*) from delivery_attempt where batch_id = :batch and status = 'DELIVERED' "
          + "and provider_message_id is not null").param("batch", batch).query(Long.class).single()).isEqualTo(100);
    }
  }

  /** A notice with one batch of {@code size} attempts on the channel, all claimed by a worker. */
  private long batchBeingSent(String channel, int size) {
    long notice = sql.sql("""
            insert into notice (type, source, status, audience, variables, round)
            values ('BILL_ISSUED', 'BILLING', 'SENDING', '{}', '{}', 1) returning id""")
        .query(Long.class).single();
    long batch = sql.sql("""
            insert into notice_batch (notice_id, round, channel, seq, size) values (:notice, 1, :channel, 0, :size)
            returning id""")
        .param("notice", notice).param("channel", channel).param("size", size).query(Long.class).single();
    IntStream.range(0, size).forEach(i -> sql.sql("""
            insert into delivery_attempt (delivery_key, notice_id, customer_code, attempt, round, channel, batch_id,
                                          status, claimed_at)
            values (:notice || ':' || :code || ':1', :notice, :code, 1, 1, :channel, :batch, 'SENDING', now())""")
        .param("notice", notice).param("code", String.format("PD09RB%07d", i)).param("channel", channel)
        .param("batch", batch).update());
    return batch;
  }

  private List<String> keys(long batch) {
    return sql.sql("select delivery_key from delivery_attempt where batch_id = :batch order by delivery_key")
        .param("batch", batch).query(String.class).list();
  }
}
