package io.gridcare.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gridcare.customers.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the ledger says about a notice and about a customer's notices. */
@Service
@Transactional(readOnly = true)
public class NoticeReports {

  private final Notices notices;
  private final JdbcClient sql;

  NoticeReports(Notices notices, JdbcClient sql) {
    this.notices = notices;
    this.sql = sql;
  }

  /**
   * A notice's audience and outcome: recipients by final status (recipients = delivered + read + failed +
   * opted-out once completed; merged ones are counted apart), attempts per channel and status, SMS segments and
   * cost.
   */
  public record NoticeReport(Notice notice, long recipients, Map<String, Long> recipientsByStatus, long merged,
                             Map<String, Map<String, Long>> attemptsByChannel, long smsSegments, BigDecimal cost) {
  }

  public Optional<NoticeReport> report(long id) {
    return report(id, true);
  }

  /**
   * As {@link #report(long)}; a verification code never shows, and without {@code personalData} neither do a
   * contact's phone number and e-mail address (customers' show only in Customer 360, masked the same way).
   */
  public Optional<NoticeReport> report(long id, boolean personalData) {
    return notices.find(id).map(found -> {
      Notice notice = shown(found, personalData);
      Map<String, Long> byStatus = new LinkedHashMap<>();
      sql.sql("select status, count(*) from notice_delivery where notice_id = :id group by status order by status")
          .param("id", id).query((row, n) -> byStatus.put(row.getString(1), row.getLong(2))).list();
      long merged = byStatus.getOrDefault("MERGED", 0L);
      byStatus.remove("MERGED");
      Map<String, Map<String, Long>> attempts = new LinkedHashMap<>();
      long[] segments = {0};
      BigDecimal[] cost = {BigDecimal.ZERO};
      sql.sql("""
              select channel, status, count(*), coalesce(sum(segments) filter (where channel = 'SMS'), 0),
                     coalesce(sum(cost), 0)
                from delivery_attempt where notice_id = :id group by channel, status order by channel, status""")
          .param("id", id)
          .query((row, n) -> {
            attempts.computeIfAbsent(row.getString(1), channel -> new LinkedHashMap<>())
                .put(row.getString(2), row.getLong(3));
            segments[0] += row.getLong(4);
            cost[0] = cost[0].add(row.getBigDecimal(5));
            return null;
          })
          .list();
      long recipients = byStatus.values().stream().mapToLong(Long::longValue).sum();
      return new NoticeReport(notice, recipients, byStatus, merged, attempts, segments[0], cost[0]);
    });
  }

  private static Notice shown(Notice notice, boolean personalData) {
    Map<String, Object> variables = notice.variables();
    if (variables.containsKey("code") && notice.type() == NoticeType.PHONE_VERIFICATION) {
      variables = new LinkedHashMap<>(variables);
      variables.put("code", EventPayloads.Verification.MASKED);
    }
    Map<String, Object> audience = notice.audience();
    Optional<NoticeContact> contact = NoticeContact.of(notice);
    if (!personalData && contact.isPresent()) {
      NoticeContact masked = new NoticeContact(contact.get().name(), Masking.phone(contact.get().phone()),
          Masking.email(contact.get().email()), contact.get().unitCode());
      audience = masked.asAudience();
    }
    return new Notice(notice.id(), notice.type(), notice.source(), notice.status(), notice.urgency(),
        notice.mandatory(), notice.receiptWindowMinutes(), notice.unitCode(), audience, variables,
        // a content key names the recipient and, for a verification, the code
        notice.type() == NoticeType.PHONE_VERIFICATION || (contact.isPresent() && !personalData) ? null
            : notice.contentKey(), notice.dedupWindowMinutes(),
        notice.templateVersion(), notice.sendAt(), notice.processInstanceId(), notice.recipients(), notice.round(),
        notice.createdAt(), notice.completedAt());
  }

  /** One notice as a customer received it, with each channel tried. */
  public record CustomerNotice(long noticeId, NoticeType type, String status, Instant createdAt, Long mergedInto,
                               List<AttemptView> attempts) {
  }

  public record AttemptView(int attempt, String channel, String status, Integer segments, BigDecimal cost,
                            String error, Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt) {
  }

  public List<CustomerNotice> ofCustomer(String code, int limit) {
    Map<Long, CustomerNotice> notices = new LinkedHashMap<>();
    sql.sql("""
            select d.notice_id, n.type, d.status, n.created_at, d.merged_into from notice_delivery d
              join notice n on n.id = d.notice_id
             where d.customer_code = :code order by n.created_at desc, d.notice_id desc limit :limit""")
        .param("code", code).param("limit", limit)
        .query((row, n) -> notices.put(row.getLong(1), new CustomerNotice(row.getLong(1),
            NoticeType.valueOf(row.getString(2)), row.getString(3), row.getTimestamp(4).toInstant(),
            (Long) row.getObject(5), new ArrayList<>())))
        .list();
    if (!notices.isEmpty()) {
      sql.sql("""
              select notice_id, attempt, channel, status, segments, cost, error, sent_at, delivered_at, read_at,
                     failed_at
                from delivery_attempt where customer_code = :code and notice_id = any(:notices) order by attempt""")
          .param("code", code).param("notices", notices.keySet().toArray(Long[]::new))
          .query((row, n) -> notices.get(row.getLong(1)).attempts().add(new AttemptView(row.getInt(2),
              row.getString(3), row.getString(4), (Integer) row.getObject(5), row.getBigDecimal(6), row.getString(7),
              instant(row.getTimestamp(8)), instant(row.getTimestamp(9)), instant(row.getTimestamp(10)),
              instant(row.getTimestamp(11)))))
          .list();
    }
    return List.copyOf(notices.values());
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
