package io.gridcare.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The runs of {@link CustomerRefresh} in PostgreSQL; a partial unique index allows one queued or running run. */
@Repository
class CustomerRefreshes {

  private static final String COLUMNS = """
      id, reason, requested_by, status, customers_total, customers_done, profiles_changed, segments_changed,
      last_code, created_at, started_at, finished_at, error""";

  private final JdbcClient sql;

  CustomerRefreshes(JdbcClient sql) {
    this.sql = sql;
  }

  RefreshRun queue(CustomerRefresh.Reason reason, String requestedBy) {
    return sql.sql("insert into customer_refresh (reason, requested_by, status) values (:reason, :by, 'QUEUED') "
            + "returning " + COLUMNS)
        .param("reason", reason.name()).param("by", requestedBy).query(CustomerRefreshes::run).single();
  }

  /** Records that the customers already carry these decision versions (a new, empty database): nothing to do. */
  void baseline(String versions) {
    sql.sql("""
            insert into customer_refresh (reason, status, decision_versions, started_at, finished_at)
            values ('DECISIONS_CHANGED', 'COMPLETED', :versions, now(), now())""")
        .param("versions", versions).update();
  }

  /** The decision versions of the latest run, if any ran. */
  Optional<String> lastDecisionVersions() {
    return sql.sql("select decision_versions from customer_refresh order by id desc limit 1")
        .query(String.class).optional();
  }

  /**
   * Takes the queued run, or a running one whose server has not reported progress for {@code staleAfter} (it
   * stopped without handing the run back). The run is stamped with the decision versions it applies.
   */
  Optional<RefreshRun> claim(Duration staleAfter, String versions) {
    return sql.sql("""
            update customer_refresh
               set status = 'RUNNING', started_at = coalesce(started_at, now()), progress_at = now(),
                   decision_versions = :versions,
                   customers_total = (select count(*) from customer)
             where status = 'QUEUED'
                or (status = 'RUNNING' and progress_at < now() - cast(:stale as interval))
            returning """ + " " + COLUMNS)
        .param("versions", versions).param("stale", staleAfter.toSeconds() + " seconds")
        .query(CustomerRefreshes::run).optional();
  }

  void progress(long id, int customers, int profiles, int segments, String lastCode) {
    sql.sql("""
            update customer_refresh
               set customers_done = customers_done + :customers, profiles_changed = profiles_changed + :profiles,
                   segments_changed = segments_changed + :segments, last_code = :lastCode, progress_at = now()
             where id = :id""")
        .param("id", id).param("customers", customers).param("profiles", profiles).param("segments", segments)
        .param("lastCode", lastCode).update();
  }

  void finish(long id) {
    sql.sql("update customer_refresh set status = 'COMPLETED', finished_at = now(), progress_at = now() where id = :id")
        .param("id", id).update();
  }

  void fail(long id, String error) {
    sql.sql("update customer_refresh set status = 'FAILED', finished_at = now(), error = :error where id = :id")
        .param("id", id).param("error", error).update();
  }

  /** Hands a run interrupted by a stop back, to continue from its last chunk. */
  void requeue(long id) {
    sql.sql("update customer_refresh set status = 'QUEUED' where id = :id and status = 'RUNNING'").param("id", id)
        .update();
  }

  Optional<RefreshRun> find(long id) {
    return sql.sql("select " + COLUMNS + " from customer_refresh where id = :id").param("id", id)
        .query(CustomerRefreshes::run).optional();
  }

  List<RefreshRun> recent(int limit) {
    return sql.sql("select " + COLUMNS + " from customer_refresh order by id desc limit :limit")
        .param("limit", limit).query(CustomerRefreshes::run).list();
  }

  private static RefreshRun run(ResultSet row, int n) throws SQLException {
    return new RefreshRun(row.getLong("id"), CustomerRefresh.Reason.valueOf(row.getString("reason")),
        row.getString("requested_by"), CustomerRefresh.Status.valueOf(row.getString("status")),
        row.getLong("customers_total"), row.getLong("customers_done"), row.getLong("profiles_changed"),
        row.getLong("segments_changed"), row.getString("last_code"), instant(row.getTimestamp("created_at")),
        instant(row.getTimestamp("started_at")), instant(row.getTimestamp("finished_at")), row.getString("error"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
