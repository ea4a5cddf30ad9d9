package io.gridcare.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

  /** Serialises work on these customers across concurrent batches until the transaction ends (sorted: no deadlock). */
  void lock(Collection<String> codes) {
    sql.sql("select pg_advisory_xact_lock(hashtextextended(code, 0)) from unnest(cast(:codes as text[])) code order by code")
        .param("codes", sorted(codes)).query().listOfRows();
  }

  /**
   * Keeps each record unless the stored one from that source is as new or newer, in one statement. Returns the
   * outcome per customer code.
   */
  Map<String, Outcome> put(Source source, List<? extends SourceRecords.SourceRecord> records,
      Function<SourceRecords.SourceRecord, String> payload) {
    String[] codes = records.stream().map(SourceRecords.SourceRecord::customerCode).toArray(String[]::new);
    List<String> applied = sql.sql("""
            insert into customer_source_record (customer_code, source, updated_at, payload)
            select code, :source, updated_at, cast(payload as jsonb)
              from unnest(cast(:codes as text[]), cast(:times as timestamptz[]), cast(:payloads as text[]))
                   as input (code, updated_at, payload)
            on conflict (customer_code, source) do update
               set updated_at = excluded.updated_at, payload = excluded.payload, received_at = now()
             where customer_source_record.updated_at < excluded.updated_at
            returning customer_code""")
        .param("source", source.name()).param("codes", codes)
        .param("times", records.stream().map(record -> record.updatedAt().toString()).toArray(String[]::new))
        .param("payloads", records.stream().map(payload).toArray(String[]::new))
        .query(String.class).list();
    Map<String, Outcome> outcomes = new HashMap<>();
    applied.forEach(code -> outcomes.put(code, Outcome.APPLIED));
    List<String> others = Arrays.stream(codes).filter(code -> !outcomes.containsKey(code)).toList();
    if (!others.isEmpty()) {
      Map<String, Instant> stored = new HashMap<>();
      sql.sql("select customer_code, updated_at from customer_source_record where source = :source and customer_code = any(:codes)")
          .param("source", source.name()).param("codes", others.toArray(String[]::new))
          .query((row, n) -> stored.put(row.getString(1), row.getTimestamp(2).toInstant())).list();
      for (SourceRecords.SourceRecord record : records) {
        outcomes.computeIfAbsent(record.customerCode(),
            code -> record.updatedAt().equals(stored.get(code)) ? Outcome.UNCHANGED : Outcome.STALE);
      }
    }
    return outcomes;
  }

  /** Every source's latest record of these customers. */
  Map<String, Map<Source, String>> records(Collection<String> codes) {
    Map<String, Map<Source, String>> records = new HashMap<>();
    sql.sql("select customer_code, source, payload::text from customer_source_record where customer_code = any(:codes)")
        .param("codes", codes.toArray(String[]::new))
        .query((row, n) -> records.computeIfAbsent(row.getString(1), code -> new EnumMap<>(Source.class))
            .put(Source.valueOf(row.getString(2)), row.getString(3)))
        .list();
    return records;
  }

  /**
   * Writes the profiles (code, unit, JSON, source time, segment fingerprint) in one statement and answers the
   * codes whose stored profile or fingerprint really changed (PostgreSQL compares the JSON by value).
   */
  List<String> saveProfiles(List<SavedProfile> profiles) {
    if (profiles.isEmpty()) {
      return List.of();
    }
    return sql.sql("""
            insert into customer (code, unit_code, profile, updated_at, changed_at, segment_inputs)
            select code, unit_code, cast(profile as jsonb), updated_at, now(), segment_inputs
              from unnest(cast(:codes as text[]), cast(:units as text[]), cast(:profiles as text[]),
                          cast(:times as timestamptz[]), cast(:inputs as text[]))
                   as input (code, unit_code, profile, updated_at, segment_inputs)
            on conflict (code) do update
               set profile = excluded.profile, updated_at = excluded.updated_at, changed_at = now(),
                   segment_inputs = excluded.segment_inputs
             where customer.profile is distinct from excluded.profile
                or customer.segment_inputs is distinct from excluded.segment_inputs
            returning code""")
        .param("codes", profiles.stream().map(SavedProfile::code).toArray(String[]::new))
        .param("units", profiles.stream().map(SavedProfile::unitCode).toArray(String[]::new))
        .param("profiles", profiles.stream().map(SavedProfile::json).toArray(String[]::new))
        .param("times", profiles.stream().map(profile -> profile.updatedAt().toString()).toArray(String[]::new))
        .param("inputs", profiles.stream().map(SavedProfile::segmentInputs).toArray(String[]::new))
        .query(String.class).list();
  }

  /** The fingerprint of each customer's segment inputs at its last evaluation. */
  Map<String, String> segmentInputs(Collection<String> codes) {
    Map<String, String> inputs = new HashMap<>();
    sql.sql("select code, segment_inputs from customer where code = any(:codes) and segment_inputs is not null")
        .param("codes", codes.toArray(String[]::new))
        .query((row, n) -> inputs.put(row.getString(1), row.getString(2))).list();
    return inputs;
  }

  Optional<String> profile(String code) {
    return sql.sql("select profile::text from customer where code = :code").param("code", code)
        .query(String.class).optional();
  }

  /** The groups these customers are in now, by customer. */
  Map<String, List<SegmentMembership>> currentSegments(Collection<String> codes) {
    Map<String, List<SegmentMembership>> current = new HashMap<>();
    sql.sql("""
            select customer_code, kind, segment, entered_at, left_at from customer_segment
             where customer_code = any(:codes) and left_at is null""")
        .param("codes", codes.toArray(String[]::new))
        .query((row, n) -> current.computeIfAbsent(row.getString(1), code -> new ArrayList<>())
            .add(new SegmentMembership(row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(), null)))
        .list();
    return current;
  }

  List<SegmentMembership> segmentHistory(String code) {
    return sql.sql("""
            select kind, segment, entered_at, left_at from customer_segment
             where customer_code = :code order by entered_at, kind, segment""")
        .param("code", code).query(CustomerStore::membership).list();
  }

  /** Records these customers entering these groups. */
  void enter(List<GroupChange> changes, Instant at) {
    if (!changes.isEmpty()) {
      sql.sql("""
              insert into customer_segment (customer_code, kind, segment, entered_at)
              select code, kind, segment, :at
                from unnest(cast(:codes as text[]), cast(:kinds as text[]), cast(:segments as text[]))
                     as input (code, kind, segment)""")
          .param("at", Timestamp.from(at)).params(arrays(changes)).update();
    }
  }

  void leave(List<GroupChange> changes, Instant at) {
    if (!changes.isEmpty()) {
      sql.sql("""
              update customer_segment s set left_at = :at
                from unnest(cast(:codes as text[]), cast(:kinds as text[]), cast(:segments as text[]))
                     as input (code, kind, segment)
               where s.customer_code = input.code and s.kind = input.kind and s.segment = input.segment
                 and s.left_at is null""")
          .param("at", Timestamp.from(at)).params(arrays(changes)).update();
    }
  }

  private static Map<String, Object> arrays(List<GroupChange> changes) {
    return Map.of(
        "codes", changes.stream().map(GroupChange::code).toArray(String[]::new),
        "kinds", changes.stream().map(GroupChange::kind).toArray(String[]::new),
        "segments", changes.stream().map(GroupChange::segment).toArray(String[]::new));
  }

  /** Members per group now, largest first. */
  List<SegmentCount> segmentCounts() {
    return sql.sql("""
            select kind, segment, count(*) from customer_segment where left_at is null
             group by kind, segment order by count(*) desc, segment""")
        .query((row, n) -> new SegmentCount(row.getString(1), row.getString(2), row.getLong(3))).list();
  }

  /** Marks the profiles for the search index, in the same transaction as the change (outbox). */
  void queueForIndex(Collection<String> codes) {
    if (codes.isEmpty()) {
      return;
    }
    // A customer already queued keeps its place. Updating the row (rather than doing nothing) waits for a sync
    // that holds it: that sync has read the profile before this change, and once it deletes the row we insert anew.
    sql.sql("""
            insert into customer_index_outbox (customer_code) select unnest(cast(:codes as text[]))
            on conflict (customer_code) do update set created_at = now()""")
        .param("codes", sorted(codes)).update();
  }

  /** The oldest queued changes, locked so that another server's sync skips them; deleted once indexed. */
  List<Queued> queued(int limit) {
    return sql.sql("select id, customer_code from customer_index_outbox order by id limit :limit for update skip locked")
        .param("limit", limit).query((row, n) -> new Queued(row.getLong(1), row.getString(2))).list();
  }

  void dequeue(List<Long> ids) {
    sql.sql("delete from customer_index_outbox where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).update();
  }

  /** Customer codes in code order after {@code afterCode} (null: from the first). */
  List<String> codesAfter(String afterCode, int limit) {
    return sql.sql("select code from customer where code > coalesce(:after, '') order by code limit :limit")
        .param("after", afterCode).param("limit", limit).query(String.class).list();
  }

  long customerCount() {
    return sql.sql("select count(*) from customer").query(Long.class).single();
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

  /**
   * Up to {@code limit} members of the audience after {@code afterCode} in code order, each with the unit and where
   * on the grid the customer is.
   */
  List<AudienceMember> audienceMembers(Audience audience, String afterCode, int limit) {
    Where where = Where.of(audience);
    if (afterCode != null) {
      where.conditions.add("c.code > :after");
      where.params.put("after", afterCode);
    }
    return sql.sql("select c.code, c.unit_code, c.profile -> 'location' ->> 'substation',"
            + " c.profile -> 'location' ->> 'meterBook' from customer c where " + where
            + " order by c.code limit :limit")
        .params(where.params).param("limit", limit)
        .query((row, n) -> new AudienceMember(row.getString(1), row.getString(2), row.getString(3),
            row.getString(4)))
        .list();
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

  /**
   * The earliest time a change not yet visible to us can carry: profiles are stamped with their transaction's
   * start ({@code now()}), so a transaction still running may commit a change stamped before this moment.
   */
  Instant changesVisibleSince() {
    return sql.sql("""
            select least(now(), coalesce(min(xact_start), now())) from pg_stat_activity
             where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()""")
        .query(Timestamp.class).single().toInstant();
  }

  private static final String INDEXABLE = """
      select c.code, c.profile::text, g.corporate, coalesce(g.regional, '{}')
        from customer c
        left join lateral (
             select max(s.segment) filter (where s.kind = 'CORPORATE') as corporate,
                    array_agg(s.segment order by s.segment) filter (where s.kind = 'REGIONAL') as regional
               from customer_segment s where s.customer_code = c.code and s.left_at is null) g on true""";

  private static Indexable indexable(ResultSet row, int n) throws SQLException {
    return new Indexable(row.getString(1), row.getString(2), row.getString(3),
        List.of((String[]) row.getArray(4).getArray()));
  }

  /** A profile as it is written. */
  record SavedProfile(String code, String unitCode, String json, Instant updatedAt, String segmentInputs) {
  }

  /** A customer entering or leaving a group. */
  record GroupChange(String code, String kind, String segment) {
  }

  private static String[] sorted(Collection<String> codes) {
    return codes.stream().sorted().distinct().toArray(String[]::new);
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
