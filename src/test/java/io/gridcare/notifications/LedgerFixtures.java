package io.gridcare.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Ledger rows for tests of the receipt paths: a notice with one message sent on a channel. */
public final class LedgerFixtures {

  private LedgerFixtures() {
  }

  /** An attempt the channel took (SENT) under this delivery key and, if given, the channel's message id. */
  public static void sentAttempt(JdbcClient sql, String deliveryKey, String channel, String providerMessageId) {
    long notice = sql.sql("""
            insert into notice (type, source, status, audience, variables)
            values ('BILL_ISSUED', 'BILLING', 'SENDING', '{}', '{}') returning id""")
        .query(Long.class).single();
    sql.sql("""
            insert into delivery_attempt (delivery_key, notice_id, customer_code, attempt, round, channel, status,
                                          provider_message_id, sent_at)
            values (:key, :notice, 'PD09000000101', 1, 1, :channel, 'SENT', :provider, now())""")
        .param("key", deliveryKey).param("notice", notice).param("channel", channel)
        .param("provider", providerMessageId).update();
  }

  public static String status(JdbcClient sql, String deliveryKey) {
    return sql.sql("select status from delivery_attempt where delivery_key = :key").param("key", deliveryKey)
        .query(String.class).single();
  }
}
