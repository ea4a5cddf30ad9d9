package io.gridcare.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Zalo OA's tokens in PostgreSQL ({@code zalo_oa_token}), one row per Zalo application. */
@Repository
class ZaloOaTokenStore {

  private static final String COLUMNS = """
      app_id, access_token, access_expires_at, refresh_token, refresh_expires_at, refreshed_at, updated_at,
      updated_by, failures, last_error, last_error_at""";

  private final JdbcClient sql;

  ZaloOaTokenStore(JdbcClient sql) {
    this.sql = sql;
  }

  /** Stores the first refresh token unless the application has one already; true if it was stored. */
  boolean seed(String appId, String refreshToken, Instant now) {
    return sql.sql("""
            insert into zalo_oa_token (app_id, refresh_token, updated_at, updated_by)
            values (:app, :refresh, :now, 'configuration')
            on conflict (app_id) do nothing""")
        .param("app", appId).param("refresh", refreshToken).param("now", Timestamp.from(now)).update() == 1;
  }

  Optional<Row> find(String appId) {
    return sql.sql("select " + COLUMNS + " from zalo_oa_token where app_id = :app").param("app", appId)
        .query(ZaloOaTokenStore::row).optional();
  }

  /**
   * The row, locked for this transaction, if its access token runs out before {@code due} (or there is none yet)
   * and no other server holds it: the one that has it refreshes, the others skip and read its result later.
   */
  Optional<Row> lockIfDue(String appId, Instant due) {
    return sql.sql("select " + COLUMNS + """
             from zalo_oa_token
            where app_id = :app and (access_token is null or access_expires_at < :due)
            for update skip locked""")
        .param("app", appId).param("due", Timestamp.from(due)).query(ZaloOaTokenStore::row).optional();
  }

  /** Waits for the row's lock (a refresh under way finishes first); empty when there is no row. */
  Optional<Row> lock(String appId) {
    return sql.sql("select " + COLUMNS + " from zalo_oa_token where app_id = :app for update")
        .param("app", appId).query(ZaloOaTokenStore::row).optional();
  }

  /** Keeps what Zalo answered: the new access token and the refresh token that replaces the one spent. */
  void refreshed(String appId, ZaloOAuth.Grant grant, Instant now, String by) {
    sql.sql("""
            insert into zalo_oa_token (app_id, access_token, access_expires_at, refresh_token, refresh_expires_at,
                                       refreshed_at, updated_at, updated_by, failures)
            values (:app, :access, :accessExpires, :refresh, :refreshExpires, :now, :now, :by, 0)
            on conflict (app_id) do update
               set access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
                   refresh_token = excluded.refresh_token, refresh_expires_at = excluded.refresh_expires_at,
                   refreshed_at = excluded.refreshed_at, updated_at = excluded.updated_at,
                   updated_by = excluded.updated_by, failures = 0, last_error = null, last_error_at = null""")
        .param("app", appId).param("access", grant.accessToken())
        .param("accessExpires", Timestamp.from(now.plus(grant.accessValidity())))
        .param("refresh", grant.refreshToken())
        .param("refreshExpires", Timestamp.from(now.plus(ZaloOAuth.REFRESH_TOKEN_LIFETIME)))
        .param("now", Timestamp.from(now)).param("by", by).update();
  }

  void failed(String appId, String error, Instant now) {
    sql.sql("""
            update zalo_oa_token set failures = failures + 1, last_error = :error, last_error_at = :now
             where app_id = :app""")
        .param("app", appId).param("error", error.length() > 500 ? error.substring(0, 500) : error)
        .param("now", Timestamp.from(now)).update();
  }

  private static Row row(ResultSet row, int n) throws SQLException {
    return new Row(row.getString("app_id"), row.getString("access_token"), instant(row, "access_expires_at"),
        row.getString("refresh_token"), instant(row, "refresh_expires_at"), instant(row, "refreshed_at"),
        instant(row, "updated_at"), row.getString("updated_by"), row.getInt("failures"), row.getString("last_error"),
        instant(row, "last_error_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** One application's tokens and how their last refresh went. */
  record Row(String appId, String accessToken, Instant accessExpiresAt, String refreshToken,
             Instant refreshExpiresAt, Instant refreshedAt, Instant updatedAt, String updatedBy, int failures,
             String lastError, Instant lastErrorAt) {

    @Override
    public String toString() {
      // never the tokens
      return "Row[appId=" + appId + ", accessExpiresAt=" + accessExpiresAt + ", failures=" + failures + "]";
    }
  }
}
