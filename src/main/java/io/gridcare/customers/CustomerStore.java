package io.gridcare.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customer tables in PostgreSQL. Callers run inside a transaction. */
@Repository
class CustomerStore {

  enum Outcome { APPLIED, UNCHANGED, STALE }

  private final JdbcClient sql;

  CustomerStore(JdbcClient sql) {
    this.sql = sql;
  }

  /** Serialises work on one customer across concurrent batches until the transaction ends. */
  void lock(String code) {
    sql.sql("select pg_advisory_xact_lock(hashtextextended(:code, 0))").param("code", code).query().singleRow();
  }

  /** Keeps the record unless the stored one from that source is as new or newer. */
  Outcome put(String code, Source source, Instant updatedAt, String payload) {
    int written = sql.sql("""
            insert into customer_source_record (customer_code, source, updated_at, payload)
            values (:code, :source, :updatedAt, cast(:payload as jsonb))
            on conflict (customer_code, source) do update
               set updated_at = excluded.updated_at, payload = excluded.payload, received_at = now()
             where customer_source_record.updated_at < excluded.updated_at""")
        .param("code", code).param("source", source.name()).param("updatedAt", Timestamp.from(updatedAt))
        .param("payload", payload)
        .update();
    if (written == 1) {
      return Outcome.APPLIED;
    }
    Instant stored = sql.sql("select updated_at from customer_source_record where customer_code = :code and source = :source")
        .param("code", code).param("source", source.name()).query(Timestamp.class).single().toInstant();
    return stored.equals(updatedAt) ? Outcome.UNCHANGED : Outcome.STALE;
  }

  Map<Source, String> records(String code) {
    Map<Source, String> records = new EnumMap<>(Source.class);
    sql.sql("select source, payload::text from customer_source_record where customer_code = :code")
        .param("code", code)
        .query((row, n) -> Map.entry(Source.valueOf(row.getString(1)), row.getString(2)))
        .list().forEach(entry -> records.put(entry.getKey(), entry.getValue()));
    return records;
  }

  void saveProfile(String code, String unitCode, String profile, Instant updatedAt) {
    sql.sql("""
            insert into customer (code, unit_code, profile, updated_at, changed_at)
            values (:code, :unit, cast(:profile as jsonb), :updatedAt, now())
            on conflict (code) do update
               set profile = excluded.profile, updated_at = excluded.updated_at, changed_at = now()""")
        .param("code", code).param("unit", unitCode).param("profile", profile)
        .param("updatedAt", Timestamp.from(updatedAt))
        .update();
  }

  Optional<String> profile(String code) {
    return sql.sql("select profile::text from customer where code = :code").param("code", code)
        .query(String.class).optional();
  }

  List<SegmentMembership> currentSegments(String code) {
    return sql.sql("""
            select kind, segment, entered_at, left_at from customer_segment
             where customer_code = :code and left_at is null order by kind, segment""")
        .param("code", code).query(CustomerStore::membership).list();
  }

  List<SegmentMembership> segmentHistory(String code) {
    return sql.sql("""
            select kind, segment, entered_at, left_at from customer_segment
             where customer_code = :code order by entered_at, kind, segment""")
        .param("code", code).query(CustomerStore::membership).list();
  }

  void enter(String code, String kind, String segment, Instant at) {
    sql.sql("insert into customer_segment (customer_code, kind, segment, entered_at) values (:code, :kind, :segment, :at)")
        .param("code", code).param("kind", kind).param("segment", segment).param("at", Timestamp.from(at))
        .update();
  }

  void leave(String code, String kind, String segment, Instant at) {
    sql.sql("""
            update customer_segment set left_at = :at
             where customer_code = :code and kind = :kind and segment = :segment and left_at is null""")
        .param("code", code).param("kind", kind).param("segment", segment).param("at", Timestamp.from(at))
        .update();
  }

  /** Members per group now, largest first. */
  List<SegmentCount> segmentCounts() {
    return sql.sql("""
            select kind, segment, count(*) from customer_segment where left_at is null
             group by kind, segment order by count(*) desc, segment""")
        .query((row, n) -> new SegmentCount(row.getString(1), row.getString(2), row.getLong(3))).list();
  }

  /** Marks the profile for the search index, in the same transaction as the change (outbox). */
  void queueForIndex(String code) {
    sql.sql("insert into customer_index_outbox (customer_code) values (:code)").param("code", code).update();
  }

  /** The oldest queued changes, locked so that another server's sync skips them; deleted once indexed. */
  List<Queued> queued(int limit) {
    return sql.sql("select id, customer_code from customer_index_outbox order by id limit :limit for update skip locked")
        .param("limit", limit).query((row, n) -> new Queued(row.getLong(1), row.getString(2))).list();
  }

  void dequeue(List<Long> ids) {
    sql.sql("delete from customer_index_outbox where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).update();
  }

  long queuedCount() {
    return sql.sql("select count(*) from customer_index_outbox").query(Long.class).single();
  }

  List<Indexable> indexable(List<String> codes) {
    return sql.sql(INDEXABLE + " where c.code = any(:codes)").param("codes", codes.toArray(String[]::new))
        .query(CustomerStore::indexable).list();
  }

  /** All customers in code order, a page at a time after {@code afterCode}. */
  List<Indexable> indexablePage(String afterCode, int limit) {
    return sql.sql(INDEXABLE + " where c.code > :after order by c.code limit :limit")
        .param("after", afterCode).param("limit", limit).query(CustomerStore::indexable).list();
  }

  /** The audience's codes in code order after {@code afterCode} (null: from the first). */
  List<String> audienceCodes(Audience audience, String afterCode, int limit) {
    Where where = Where.of(audience);
    if (afterCode != null) {
      where.conditions.add("c.code > :after");
      where.params.put("after", afterCode);
    }
    return sql.sql("select c.code from customer c where " + where + " order by c.code limit :limit")
        .params(where.params).param("limit", limit).query(String.class).list();
  }

  long audienceCount(Audience audience) {
    Where where = Where.of(audience);
    return sql.sql("select count(*) from customer c where " + where).params(where.params)
        .query(Long.class).single();
  }

  /**
   * An audience as SQL conditions. The location conditions repeat the expressions of the indexes in
   * {@code V2__customers.sql} exactly, or PostgreSQL would not use them; {@code = any(...)} still does.
   */
  private static final class Where {

    final List<String> conditions = new ArrayList<>();
    final Map<String, Object> params = new HashMap<>();

    static Where of(Audience audience) {
      Where where = new Where();
      if (audience.unit() != null) {
        where.conditions.add("c.unit_code = :unit");
        where.params.put("unit", audience.unit());
      }
      where.anyOf("substation", audience.substations());
      where.anyOf("feeder", audience.feeders());
      where.anyOf("meterBook", audience.meterBooks());
      if (audience.segment() != null) {
        where.conditions.add("""
            c.code in (select s.customer_code from customer_segment s
                        where s.segment = :segment and s.left_at is null)""");
        where.params.put("segment", audience.segment());
      }
      return where;
    }

    /** {@code locationField} is one of ours, never the caller's: it becomes part of the statement. */
    private void anyOf(String locationField, List<String> values) {
      if (!values.isEmpty()) {
        conditions.add("(c.profile -> 'location' ->> '" + locationField + "') = any(:" + locationField + ")");
        params.put(locationField, values.toArray(String[]::new));
      }
    }

    @Override
    public String toString() {
      return String.join(" and ", conditions);
    }
  }

  List<String> changedSince(Instant since) {
    return sql.sql("select code from customer where changed_at >= :since order by code")
        .param("since", Timestamp.from(since)).query(String.class).list();
  }

  Instant now() {
    return sql.sql("select now()").query(Timestamp.class).single().toInstant();
  }

  private static final String INDEXABLE = """
      select c.code, c.profile::text,
             (select s.segment from customer_segment s
               where s.customer_code = c.code and s.kind = 'CORPORATE' and s.left_at is null limit 1),
             array(select s.segment from customer_segment s
                    where s.customer_code = c.code and s.kind = 'REGIONAL' and s.left_at is null order by s.segment)
        from customer c""";

  private static Indexable indexable(ResultSet row, int n) throws SQLException {
    return new Indexable(row.getString(1), row.getString(2), row.getString(3),
        List.of((String[]) row.getArray(4).getArray()));
  }

  /** A queued change: the outbox row and the customer it names. */
  record Queued(long id, String customerCode) {
  }

  /** What the search document is made of. */
  record Indexable(String code, String profile, String segment, List<String> regionalGroups) {
  }

  private static SegmentMembership membership(ResultSet row, int n) throws SQLException {
    Timestamp left = row.getTimestamp(4);
    return new SegmentMembership(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
        left == null ? null : left.toInstant());
  }
}
