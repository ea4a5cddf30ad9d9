package io.gridcare.notifications;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.gridcare.customers.Channel;
import io.gridcare.notifications.NoticeStatistics.GroupBy;
import io.gridcare.notifications.NoticeStatistics.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger summed over many notices: one aggregation over the attempts, one over the recipients, each grouped
 * by the chosen dimension plus a grand total (grouping sets). Merged recipients are left out, as in the notice
 * report: the notice they were merged into counts them.
 */
@Repository
class NotificationStats {

  private final JdbcClient sql;

  NotificationStats(JdbcClient sql) {
    this.sql = sql;
  }

  /** A group: its unit (null when grouped by channel) and key; both null on the totals line. */
  record Group(String unit, String key) {
  }

  /** What the attempts of a group add up to; notices and recipients are those with an attempt in it. */
  record AttemptFigures(Group group, boolean total, long notices, long recipients, long sent, long delivered,
                        long read, long failed, long expired, long smsMessages, long smsSegments,
                        Map<Channel, BigDecimal> costByChannel, BigDecimal cost) {
  }

  /**
   * What the recipients of a group add up to: notices, recipients, those delivered (or read), the all-SMS
   * baseline of the delivered ones and what their attempts actually cost.
   */
  record RecipientFigures(Group group, boolean total, long notices, long recipients, long delivered,
                          BigDecimal smsBaseline, BigDecimal deliveredCost) {
  }

  List<AttemptFigures> attempts(Query query) {
    Dimension dimension = Dimension.of(query.groupBy(), "d", "a.channel");
    return scoped(query, """
            select %s as unit, %s as key, grouping(%s) <> 0 as total,
                   count(distinct a.notice_id),
                   count(distinct (a.notice_id, a.customer_code)),
                   count(*) filter (where a.sent_at is not null or a.status in ('DELIVERED', 'READ')),
                   count(*) filter (where a.status in ('DELIVERED', 'READ')),
                   count(*) filter (where a.status = 'READ'),
                   count(*) filter (where a.status = 'FAILED'),
                   count(*) filter (where a.status = 'EXPIRED'),
                   count(*) filter (where a.channel = 'SMS' and a.sent_at is not null),
                   coalesce(sum(a.segments) filter (where a.channel = 'SMS' and a.sent_at is not null), 0),
                   coalesce(sum(a.cost) filter (where a.channel = 'APP'), 0),
                   coalesce(sum(a.cost) filter (where a.channel = 'ZALO'), 0),
                   coalesce(sum(a.cost) filter (where a.channel = 'EMAIL'), 0),
                   coalesce(sum(a.cost) filter (where a.channel = 'SMS'), 0),
                   coalesce(sum(a.cost), 0)
              from notice n
              join notice_delivery d on d.notice_id = n.id
              join delivery_attempt a on a.notice_id = d.notice_id and a.customer_code = d.customer_code
             where %s
             group by grouping sets ((%s), ())""".formatted(dimension.unit(), dimension.key(), dimension.columns(),
            where(query), dimension.columns()))
        .query((row, n) -> {
          Map<Channel, BigDecimal> cost = new EnumMap<>(Channel.class);
          for (Channel channel : Channel.values()) {
            cost.put(channel, row.getBigDecimal(13 + channel.ordinal()));
          }
          return new AttemptFigures(group(row), row.getBoolean(3), row.getLong(4), row.getLong(5), row.getLong(6),
              row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10), row.getLong(11), row.getLong(12),
              cost, row.getBigDecimal(17));
        })
        .list();
  }

  /**
   * Recipients with their all-SMS baseline. A delivered recipient's baseline is the cost of the SMS it was sent,
   * when it was sent one (its segments at its carrier's price); otherwise as many segments at {@code smsDefault}
   * as the fewest any SMS of the same notice took (the notice's SMS variant as rendered), one when the notice sent
   * no SMS. Grouped by channel, a recipient counts under the channel of its last attempt, the one that reached it.
   */
  List<RecipientFigures> recipients(Query query, BigDecimal smsDefault) {
    Dimension dimension = Dimension.of(query.groupBy(), "r", "ra.last_channel");
    return scoped(query, """
            with r as (
              select d.notice_id, d.customer_code, d.unit_code, d.substation, d.meter_book,
                     d.status in ('DELIVERED', 'READ') as delivered
                from notice n join notice_delivery d on d.notice_id = n.id
               where %s
            ), ra as (
              select a.notice_id, a.customer_code, sum(a.cost) as cost,
                     max(a.cost) filter (where a.channel = 'SMS' and a.sent_at is not null) as sms_cost,
                     (array_agg(a.channel order by a.attempt desc))[1] as last_channel
                from delivery_attempt a join r on r.notice_id = a.notice_id and r.customer_code = a.customer_code
               group by a.notice_id, a.customer_code
            ), ns as (
              select a.notice_id, min(a.segments) as segments from delivery_attempt a
               where a.notice_id in (select notice_id from r) and a.channel = 'SMS' and a.segments is not null
               group by a.notice_id
            )
            select %s as unit, %s as key, grouping(%s) <> 0 as total,
                   count(distinct r.notice_id), count(*), count(*) filter (where r.delivered),
                   coalesce(sum(coalesce(ra.sms_cost, coalesce(ns.segments, 1) * :smsDefault))
                     filter (where r.delivered), 0),
                   coalesce(sum(ra.cost) filter (where r.delivered), 0)
              from r
              left join ra on ra.notice_id = r.notice_id and ra.customer_code = r.customer_code
              left join ns on ns.notice_id = r.notice_id
             group by grouping sets ((%s), ())""".formatted(where(query), dimension.unit(), dimension.key(),
            dimension.columns(), dimension.columns()))
        .param("smsDefault", smsDefault)
        .query((row, n) -> new RecipientFigures(group(row), row.getBoolean(3), row.getLong(4), row.getLong(5),
            row.getLong(6), row.getBigDecimal(7), row.getBigDecimal(8)))
        .list();
  }

  private JdbcClient.StatementSpec scoped(Query query, String statement) {
    JdbcClient.StatementSpec spec = sql.sql(statement)
        .param("from", Timestamp.from(query.from())).param("to", Timestamp.from(query.to()));
    if (query.type() != null) {
      spec = spec.param("type", query.type().name());
    }
    if (query.unit() != null) {
      spec = spec.param("unit", query.unit());
    }
    if (query.units() != null) {
      spec = spec.param("units", query.units().toArray(String[]::new));
    }
    return spec;
  }

  /** Only fixed fragments: the values themselves are bound. */
  private static String where(Query query) {
    StringBuilder where = new StringBuilder("n.created_at >= :from and n.created_at < :to and d.status <> 'MERGED'");
    if (query.type() != null) {
      where.append(" and n.type = :type");
    }
    if (query.unit() != null) {
      where.append(" and d.unit_code = :unit");
    }
    if (query.units() != null) {
      where.append(" and d.unit_code = any(:units)");
    }
    return where.toString();
  }

  private static Group group(ResultSet row) throws SQLException {
    return new Group(row.getString(1), row.getString(2));
  }

  /** The columns a grouping selects and groups by; substations and meter books are told apart by unit. */
  private record Dimension(String unit, String key, String columns) {

    /** {@code recipient}: the alias of the recipient rows; {@code channel}: the channel column to group by. */
    static Dimension of(GroupBy groupBy, String recipient, String channel) {
      String unit = recipient + ".unit_code";
      return switch (groupBy) {
        case CHANNEL -> new Dimension("cast(null as varchar)", channel, channel);
        case UNIT -> new Dimension(unit, unit, unit);
        case SUBSTATION -> new Dimension(unit, recipient + ".substation", unit + ", " + recipient + ".substation");
        case METER_BOOK -> new Dimension(unit, recipient + ".meter_book", unit + ", " + recipient + ".meter_book");
      };
    }
  }
}
