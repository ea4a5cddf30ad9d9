package io.gridcare.requests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures over the portal's requests for managers: how many came, how many went to the Power Company with no
 * agent, why the others needed one, the repeats caught, how long forwarding took and whether the Power Companies
 * kept the promised processing time.
 *
 * <p>Every figure is over the requests submitted in the period (a cohort), so the shares add up: auto-forwarded
 * plus each manual reason plus those not triaged yet is the number received. A request triaged again after a
 * supplement counts under its latest decision. Time to forward separates the requests no agent touched (auto:
 * decided AUTO_FORWARD and never in review) from the reviewed ones. Time to complete counts working days (Monday
 * to Friday, as {@link WorkingDays}) from forwarding, or submission if never forwarded, to completion, in Vietnam;
 * completing on a weekend counts as the next working day, so "on time" agrees with the promised date the customer
 * was shown.
 */
@Service
@Transactional(readOnly = true)
public class RequestStatistics {

  private final JdbcClient sql;

  RequestStatistics(JdbcClient sql) {
    this.sql = sql;
  }

  /**
   * Requests submitted in [from, to), of one unit and one service when given.
   *
   * @param units the units whose requests may be counted; null for every unit
   */
  public record Query(Instant from, Instant to, String unit, String serviceType, Set<String> units) {

    public Query {
      units = units == null ? null : Set.copyOf(units);
    }
  }

  /**
   * @param received       requests submitted in the period
   * @param notTriaged     received but not decided yet
   * @param autoForwarded  decided AUTO_FORWARD
   * @param manual         sent to an agent, with the triage decision's reason
   * @param duplicates     repeats: suspected by triage, merged by an agent
   * @param timeToForward  from submission to forwarding, in minutes
   * @param timeToComplete per service, in working days against the promise
   */
  public record Report(Instant from, Instant to, String unit, String serviceType, long received, long notTriaged,
                       Share autoForwarded, Manual manual, Duplicates duplicates, TimeToForward timeToForward,
                       List<Completion> timeToComplete) {
  }

  /** A count and its share of the requests received, in percent (null when none was received). */
  public record Share(long requests, BigDecimal percent) {
  }

  public record Manual(long requests, BigDecimal percent, List<Reason> byReason) {
  }

  /** One triage outcome other than AUTO_FORWARD ({@code Decision_RequestTriage}), and what it means. */
  public record Reason(String reason, String description, long requests, BigDecimal percent) {
  }

  /**
   * @param suspected triage decided DUPLICATE (an agent then merged or handled it)
   * @param merged    an agent merged it into an earlier request
   * @param caught    either of the two, each request once
   */
  public record Duplicates(long suspected, long merged, long caught) {
  }

  public record TimeToForward(Timing auto, Timing manual) {
  }

  /** Median and 90th percentile, in minutes; null when no request was forwarded that way. */
  public record Timing(long requests, BigDecimal medianMinutes, BigDecimal p90Minutes) {
  }

  /**
   * Completed requests of one service.
   *
   * @param promisedWorkingDays      the catalog's promise (in a city unit)
   * @param promisedWorkingDaysRural the promise in a rural unit, when it differs
   * @param onTime                   completed within the promise of their unit
   */
  public record Completion(String serviceType, int promisedWorkingDays, Integer promisedWorkingDaysRural,
                           long completed, BigDecimal medianWorkingDays, BigDecimal p90WorkingDays, long onTime,
                           BigDecimal onTimePercent) {
  }

  public Report report(Query query) {
    Counts counts = scoped(query, """
            select count(*), count(*) filter (where r.triage_outcome is null),
                   count(*) filter (where r.triage_outcome = :auto),
                   count(*) filter (where r.triage_outcome = 'DUPLICATE'),
                   count(*) filter (where r.status = 'MERGED'),
                   count(*) filter (where r.triage_outcome = 'DUPLICATE' or r.status = 'MERGED')
              from service_request r where %s""".formatted(where(query)))
        .query((row, n) -> new Counts(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
            row.getLong(5), row.getLong(6)))
        .single();
    List<Reason> reasons = scoped(query, """
            select r.triage_outcome, count(*) from service_request r
             where %s and r.triage_outcome <> :auto
             group by r.triage_outcome order by count(*) desc, r.triage_outcome""".formatted(where(query)))
        .query((row, n) -> new Reason(row.getString(1), RequestSteps.triageReason(row.getString(1)), row.getLong(2),
            percent(row.getLong(2), counts.received())))
        .list();
    long manual = reasons.stream().mapToLong(Reason::requests).sum();
    return new Report(query.from(), query.to(), query.unit(), query.serviceType(), counts.received(),
        counts.notTriaged(), new Share(counts.auto(), percent(counts.auto(), counts.received())),
        new Manual(manual, percent(manual, counts.received()), reasons),
        new Duplicates(counts.suspected(), counts.merged(), counts.caught()), timeToForward(query),
        timeToComplete(query));
  }

  private record Counts(long received, long notTriaged, long auto, long suspected, long merged, long caught) {
  }

  private record PathTiming(boolean auto, Timing timing) {
  }

  private TimeToForward timeToForward(Query query) {
    List<PathTiming> paths = scoped(query, """
            with f as (
              select extract(epoch from r.forwarded_at - r.submitted_at) / 60 as minutes,
                     r.triage_outcome = :auto and not exists (
                       select 1 from service_request_event e where e.request_id = r.id and e.status = 'IN_REVIEW'
                     ) as auto
                from service_request r where %s and r.forwarded_at is not null
            )
            select auto, count(*), percentile_cont(0.5) within group (order by minutes),
                   percentile_cont(0.9) within group (order by minutes)
              from f group by auto""".formatted(where(query)))
        .query((row, n) -> new PathTiming(row.getBoolean(1),
            new Timing(row.getLong(2), decimal(row, 3), decimal(row, 4))))
        .list();
    Timing none = new Timing(0, null, null);
    return new TimeToForward(
        paths.stream().filter(PathTiming::auto).map(PathTiming::timing).findFirst().orElse(none),
        paths.stream().filter(path -> !path.auto()).map(PathTiming::timing).findFirst().orElse(none));
  }

  private List<Completion> timeToComplete(Query query) {
    return scoped(query, """
            with c as (
              select r.service_type, s.promised_working_days, s.promised_working_days_rural,
                     case when coalesce(u.urban, true) or s.promised_working_days_rural is null
                          then s.promised_working_days else s.promised_working_days_rural end as promised,
                     (select count(*) from generate_series(cast(d.started + 1 as timestamp), cast(d.ended as timestamp), interval '1 day') g
                       where extract(isodow from g) < 6)
                       + case when extract(isodow from d.ended) > 5 then 1 else 0 end as days
                from service_request r
                join service_type s on s.code = r.service_type
                left join unit u on u.code = r.unit_code
               cross join lateral (
                 select (coalesce(r.forwarded_at, r.submitted_at) at time zone 'Asia/Ho_Chi_Minh')::date as started,
                        (r.closed_at at time zone 'Asia/Ho_Chi_Minh')::date as ended) d
               where %s and r.status = 'COMPLETED'
            )
            select service_type, promised_working_days, promised_working_days_rural, count(*),
                   percentile_cont(0.5) within group (order by days), percentile_cont(0.9) within group (order by days),
                   count(*) filter (where days <= promised)
              from c group by service_type, promised_working_days, promised_working_days_rural
             order by service_type""".formatted(where(query)))
        .query((row, n) -> new Completion(row.getString(1), row.getInt(2),
            row.getObject(3, Integer.class), row.getLong(4), decimal(row, 5), decimal(row, 6), row.getLong(7),
            percent(row.getLong(7), row.getLong(4))))
        .list();
  }

  private JdbcClient.StatementSpec scoped(Query query, String statement) {
    JdbcClient.StatementSpec spec = sql.sql(statement)
        .param("from", Timestamp.from(query.from())).param("to", Timestamp.from(query.to()))
        .param("auto", RequestFlow.AUTO_FORWARD);
    if (query.unit() != null) {
      spec = spec.param("unit", query.unit());
    }
    if (query.serviceType() != null) {
      spec = spec.param("service", query.serviceType());
    }
    if (query.units() != null) {
      spec = spec.param("units", query.units().toArray(String[]::new));
    }
    return spec;
  }

  /** Only fixed fragments: the values themselves are bound. */
  private static String where(Query query) {
    StringBuilder where = new StringBuilder("r.submitted_at >= :from and r.submitted_at < :to");
    if (query.unit() != null) {
      where.append(" and r.unit_code = :unit");
    }
    if (query.serviceType() != null) {
      where.append(" and r.service_type = :service");
    }
    if (query.units() != null) {
      where.append(" and r.unit_code = any(:units)");
    }
    return where.toString();
  }

  private static BigDecimal decimal(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
