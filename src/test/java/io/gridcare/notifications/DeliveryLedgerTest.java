package io.gridcare.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gridcare.GridCareIntegrationTest;
import io.gridcare.customers.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger as channel workers use it, on the real database: claims and reports meeting receipts. */
@GridCareIntegrationTest
class DeliveryLedgerTest {

  private final DeliveryLedger ledger;
  private final JdbcClient sql;

  DeliveryLedgerTest(@Autowired DeliveryLedger ledger, @Autowired JdbcClient sql) {
    this.ledger = ledger;
    this.sql = sql;
  }

  @Test
  void aClaimWhoseSliceIsAllRefusedClaimsOnSoThatFewerThanTheLimitMeansNoneLeft() {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    // customers GridCare does not know: no address on any channel, refused when claimed
    long batch = batch(Channel.APP, List.of(prefix + ":PD09999999001:1", prefix + ":PD09999999002:1",
        prefix + ":PD09999999003:1"), "PENDING");

    DeliveryLedger.Claim claim = ledger.claim(batch, 1);

    assertThat(claim.messages()).isEmpty();
    assertThat(statuses(batch)).containsOnly("FAILED").hasSize(3);
  }

  @Test
  void aReceiptThatOvertakesTheWorkersReportKeepsItsStatusAndTheReportStillRecordsTheMessage() {
    String key = UUID.randomUUID().toString().substring(0, 8) + ":PD09000000101:1";
    long batch = batch(Channel.ZALO, List.of(key), "SENDING");

    ledger.record(List.of(new DeliveryReceipt(Channel.ZALO, key, null, DeliveryReceipt.Status.READ, null, null)));
    ledger.report(batch, List.of(new BatchOutcome(key, BatchOutcome.Kind.ACCEPTED, "zns-" + key, 1, false, null,
        null, null, "+84912345678")));
    ledger.report(batch, List.of(new BatchOutcome(key, BatchOutcome.Kind.ACCEPTED, "repeated", 1, false, null,
        null, null, "+84912345678")));

    Attempt attempt = sql.sql("""
            select status, provider_message_id, cost, sent_at is not null, read_at is not null
              from delivery_attempt where delivery_key = :key""").param("key", key)
        .query((row, n) -> new Attempt(row.getString(1), row.getString(2), row.getBigDecimal(3), row.getBoolean(4),
            row.getBoolean(5))).single();
    assertThat(attempt).isEqualTo(new Attempt("READ", "zns-" + key, new BigDecimal("250.00"), true, true));
  }

  @Test
  void receiptsOfSeveralAttemptsInOneCallKeepTheHighestStatusWhateverTheirOrder() {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    String read = prefix + ":PD09000000201:1";
    String failedOnly = prefix + ":PD09000000202:1";
    String bySmscId = prefix + ":PD09000000203:1";
    String deliveredThenFailed = prefix + ":PD09000000204:1";
    LedgerFixtures.sentAttempt(sql, read, "ZALO", null);
    LedgerFixtures.sentAttempt(sql, failedOnly, "ZALO", null);
    LedgerFixtures.sentAttempt(sql, bySmscId, "SMS", "smsc-" + prefix);
    LedgerFixtures.sentAttempt(sql, deliveredThenFailed, "SMS", null);
    Instant early = Instant.parse("2026-12-01T08:00:00Z");
    Instant late = early.plusSeconds(60);

    int matched = ledger.record(List.of(
        receipt(Channel.ZALO, read, null, DeliveryReceipt.Status.READ, late),
        receipt(Channel.ZALO, read, null, DeliveryReceipt.Status.DELIVERED, early),
        receipt(Channel.ZALO, failedOnly, null, DeliveryReceipt.Status.FAILED, early),
        receipt(Channel.SMS, null, "smsc-" + prefix, DeliveryReceipt.Status.DELIVERED, early),
        receipt(Channel.SMS, deliveredThenFailed, null, DeliveryReceipt.Status.DELIVERED, early),
        receipt(Channel.SMS, deliveredThenFailed, null, DeliveryReceipt.Status.FAILED, late),
        receipt(Channel.SMS, prefix + ":PD09000000299:1", null, DeliveryReceipt.Status.DELIVERED, early),
        receipt(Channel.SMS, null, "nobody-" + prefix, DeliveryReceipt.Status.DELIVERED, early)));

    assertThat(matched).as("all but the two naming no attempt").isEqualTo(6);
    assertThat(LedgerFixtures.status(sql, read)).isEqualTo("READ");
    assertThat(sql.sql("select delivered_at, read_at from delivery_attempt where delivery_key = :key")
        .param("key", read).query((row, n) -> List.of(row.getTimestamp(1).toInstant(), row.getTimestamp(2)
            .toInstant())).single()).containsExactly(early, late);
    assertThat(LedgerFixtures.status(sql, failedOnly)).isEqualTo("FAILED");
    assertThat(LedgerFixtures.status(sql, bySmscId)).isEqualTo("DELIVERED");
    assertThat(LedgerFixtures.status(sql, deliveredThenFailed)).isEqualTo("DELIVERED");

    // a late delivery receipt after a read one changes nothing
    ledger.record(List.of(receipt(Channel.ZALO, read, null, DeliveryReceipt.Status.DELIVERED, late)));
    assertThat(LedgerFixtures.status(sql, read)).isEqualTo("READ");
  }

  private static DeliveryReceipt receipt(Channel channel, String key, String providerId,
      DeliveryReceipt.Status status, Instant at) {
    return new DeliveryReceipt(channel, key, providerId, status, at, status == DeliveryReceipt.Status.FAILED
        ? "UNDELIV" : null);
  }

  @Test
  void aContactIsWrittenToByTheNameTheyGaveOnlyOnTheAddressesTheyGave() {
    long notice = sql.sql("""
            insert into notice (type, source, status, unit_code, audience, variables, template_version, round)
            values ('REQUEST_STATUS_CHANGED', 'CRM', 'SENDING', 'PD09',
                    '{"contact": {"name": "Nguyễn Văn An", "phone": "+84912345118", "unitCode": "PD09"}}',
                    '{"requestCode": "YC2611230042", "status": {"vi": "Đã tiếp nhận", "en": "Received"},
                      "serviceName": {"vi": "Cấp điện mới sinh hoạt", "en": "New residential connection"}}',
                    (select current_version from notice_template where notice_type = 'REQUEST_STATUS_CHANGED'), 1)
            returning id""")
        .query(Long.class).single();
    long zalo = batch(notice, Channel.ZALO, List.of(notice + ":tel:84912345118:1"), "PENDING");
    long email = batch(notice, Channel.EMAIL, List.of(notice + ":tel:84912345118:2"), "PENDING");
    long sms = batch(notice, Channel.SMS, List.of(notice + ":tel:84912345118:3"), "PENDING");

    DeliveryLedger.Claim claim = ledger.claim(zalo, 10);

    assertThat(claim.messages()).singleElement().satisfies(message -> {
      assertThat(message.customerCode()).isEqualTo("tel:84912345118");
      assertThat(message.addresses()).containsExactly("+84912345118");
      assertThat(message.language()).isEqualTo("vi");
      assertThat(message.znsData()).containsEntry("customer_name", "Nguyễn Văn An");
      assertThat(message.text()).as("only what ZNS sends").isNull();
      assertThat(message.html()).isNull();
      assertThat(message.smsText()).isNull();
    });
    assertThat(ledger.claim(sms, 10).messages()).singleElement().satisfies(message -> {
      assertThat(message.addresses()).containsExactly("+84912345118");
      assertThat(message.smsText()).startsWith("Điện lực Sóc Sơn TB: Yêu cầu YC2611230042").doesNotContain("KH");
      assertThat(message.znsData()).isEmpty();
    });
    assertThat(ledger.claim(email, 10).messages()).as("no e-mail address given").isEmpty();
    assertThat(statuses(email)).containsExactly("FAILED");
  }

  private record Attempt(String status, String providerMessageId, BigDecimal cost, boolean sent, boolean read) {
  }

  private long batch(Channel channel, List<String> keys, String status) {
    long notice = sql.sql("""
            insert into notice (type, source, status, audience, variables, round)
            values ('OUTAGE_STARTED', 'OUTAGES', 'SENDING', '{}', '{}', 1) returning id""")
        .query(Long.class).single();
    return batch(notice, channel, keys, status);
  }

  /** A batch of attempts; a key is {@code anything:recipient:attempt}. */
  private long batch(long notice, Channel channel, List<String> keys, String status) {
    long batch = sql.sql("""
            insert into notice_batch (notice_id, round, channel, seq, size)
            values (:notice, 1, :channel, 0, :size) returning id""")
        .param("notice", notice).param("channel", channel.name()).param("size", keys.size())
        .query(Long.class).single();
    for (String key : keys) {
      sql.sql("""
              insert into delivery_attempt (delivery_key, notice_id, customer_code, attempt, round, channel,
                                            batch_id, status)
              values (:key, :notice, :code, 1, 1, :channel, :batch, :status)""")
          .param("key", key).param("notice", notice)
          .param("code", key.substring(key.indexOf(':') + 1, key.lastIndexOf(':')))
          .param("channel", channel.name()).param("batch", batch).param("status", status).update();
    }
    return batch;
  }

  private List<String> statuses(long batch) {
    return sql.sql("select status from delivery_attempt where batch_id = :batch").param("batch", batch)
        .query(String.class).list();
  }
}
