package io.gridcare.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.gridcare.system.InvalidParameterException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Zalo OA's access token, owned by the servers. It lives 25 hours and is renewed with the OA's refresh token,
 * which Zalo replaces on every use: two servers refreshing with the same one would leave one of them, and soon
 * every worker, without a valid token. So the tokens live in PostgreSQL, and the server that takes the row's lock
 * ({@code for update skip locked}) is the only one to refresh, {@code refresh-ahead} before the token runs out;
 * the others skip. Workers ask for the current access token ({@code GET /api/channels/zalo/access-token}).
 *
 * <p>The first refresh token comes from the configuration when the database has none; an OA admin who authorises
 * the application again gives the new one to {@link #replace}. A refresh that fails is logged, counted
 * ({@code gridcare.zalo.token.refreshes{outcome=failed}}, {@code gridcare.zalo.token.failures}), shown by the
 * {@code zaloOaToken} health indicator and tried again with a growing pause. Tokens are never logged.
 */
@Service
@EnableConfigurationProperties(ZaloOaSettings.class)
public class ZaloOaTokens {

  private static final Logger log = LoggerFactory.getLogger(ZaloOaTokens.class);
  private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);

  private final ZaloOaSettings settings;
  private final ZaloOaTokenStore store;
  private final ZaloOAuth oauth;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Counter refreshed;
  private final Counter failed;
  private final AtomicInteger failuresInARow = new AtomicInteger();

  ZaloOaTokens(ZaloOaSettings settings, ZaloOaTokenStore store, ZaloOAuth oauth, TransactionTemplate transaction,
      Clock clock, MeterRegistry meters) {
    this.settings = settings;
    this.store = store;
    this.oauth = oauth;
    this.transaction = transaction;
    this.clock = clock;
    this.refreshed = meters.counter("gridcare.zalo.token.refreshes", "outcome", "refreshed");
    this.failed = meters.counter("gridcare.zalo.token.refreshes", "outcome", "failed");
    meters.gauge("gridcare.zalo.token.failures", failuresInARow);
  }

  /** An access token and when it runs out. */
  public record AccessToken(String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
      return "AccessToken[expiresAt=" + expiresAt + "]";
    }
  }

  /** What an admin may see of the tokens: when they run out and how the last refreshes went, no token. */
  public record Status(String appId, boolean configured, boolean stored, Instant accessTokenExpiresAt,
                       Instant refreshTokenExpiresAt, Instant refreshedAt, Instant updatedAt, String updatedBy,
                       int failures, String lastError, Instant lastErrorAt) {
  }

  /** Zalo's OAuth server could not be reached, or the application is not configured. */
  public static class Unavailable extends RuntimeException {

    Unavailable(String message) {
      super(message);
    }
  }

  /** The access token for the configured application while it is valid. */
  public Optional<AccessToken> accessToken() {
    if (settings.appId() == null || settings.appId().isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return store.find(settings.appId())
        .filter(row -> row.accessToken() != null && row.accessExpiresAt() != null && row.accessExpiresAt().isAfter(now))
        .map(row -> new AccessToken(row.accessToken(), row.accessExpiresAt()));
  }

  public Status status() {
    Optional<ZaloOaTokenStore.Row> row = settings.appId() == null || settings.appId().isBlank() ? Optional.empty()
        : store.find(settings.appId());
    return row.map(found -> new Status(found.appId(), settings.configured(), true, found.accessExpiresAt(),
            found.refreshExpiresAt(), found.refreshedAt(), found.updatedAt(), found.updatedBy(), found.failures(),
            found.lastError(), found.lastErrorAt()))
        .orElseGet(() -> new Status(settings.appId(), settings.configured(), false, null, null, null, null, null, 0,
            null, null));
  }

  /** Every minute on every server; only the one that locks a token due for renewal calls Zalo. */
  @Scheduled(fixedDelayString = "${gridcare.channels.zalo.token-check-interval:1m}")
  void refreshIfDue() {
    if (!settings.configured()) {
      return;
    }
    try {
      refreshDue();
    } catch (RuntimeException e) {
      // the database, most likely; the next round tries again
      log.error("Zalo OA token check failed: {}", e.toString());
    }
  }

  /**
   * Stores the configured refresh token if the application has none yet, then refreshes the access token if it
   * runs out within {@code refresh-ahead} and no other server is at it. True if this call got a new token.
   */
  boolean refreshDue() {
    String appId = settings.appId();
    Instant now = clock.instant();
    if (settings.seeded() && store.seed(appId, settings.refreshToken().trim(), now)) {
      log.info("Zalo OA refresh token of app {} stored from the configuration", appId);
    }
    return Boolean.TRUE.equals(transaction.execute(status -> store.lockIfDue(appId, now.plus(settings.refreshAhead()))
        .filter(row -> !pausing(row, now))
        .map(row -> refresh(row, now))
        .orElse(false)));
  }

  /**
   * An OA admin authorised the application again: the new refresh token is spent at once for an access token, and
   * both are kept. A refresh token Zalo refuses changes nothing (400).
   */
  public Status replace(String refreshToken, String by) {
    if (!settings.configured()) {
      throw new Unavailable("Chưa cấu hình ứng dụng Zalo / The Zalo application is not configured: set "
          + "GRIDCARE_ZALO_APP_ID and GRIDCARE_ZALO_APP_SECRET_KEY");
    }
    Instant now = clock.instant();
    transaction.executeWithoutResult(status -> {
      // a refresh under way on another server finishes first; its result is then replaced
      store.lock(settings.appId());
      ZaloOAuth.Grant grant;
      try {
        grant = oauth.refresh(settings, refreshToken.trim());
      } catch (ZaloOAuth.Refused e) {
        throw new InvalidParameterException("refreshToken",
            "Zalo không nhận refresh token này / Zalo refused this refresh token: " + e.getMessage());
      } catch (ZaloOAuth.Unreachable e) {
        throw new Unavailable(e.getMessage());
      }
      store.refreshed(settings.appId(), grant, now, by);
    });
    failuresInARow.set(0);
    refreshed.increment();
    log.info("Zalo OA refresh token of app {} replaced by {}", settings.appId(), by);
    return status();
  }

  /** In the row's transaction: Zalo's answer replaces both tokens, or the failure is recorded. */
  private boolean refresh(ZaloOaTokenStore.Row row, Instant now) {
    try {
      ZaloOAuth.Grant grant = oauth.refresh(settings, row.refreshToken());
      store.refreshed(row.appId(), grant, now, "refresh");
      failuresInARow.set(0);
      refreshed.increment();
      log.info("Zalo OA access token of app {} refreshed, valid until {}", row.appId(),
          now.plus(grant.accessValidity()));
      return true;
    } catch (ZaloOAuth.Refused | ZaloOAuth.Unreachable e) {
      store.failed(row.appId(), e.getMessage(), now);
      failuresInARow.set(row.failures() + 1);
      failed.increment();
      String action = e instanceof ZaloOAuth.Refused
          ? "an OA admin must authorise the application again and PUT the new refresh token to "
          + "/api/channels/zalo/credentials"
          : "trying again";
      log.error("Zalo OA access token of app {} not refreshed ({} failures in a row; the current one runs out at {}): "
          + "{}; {}", row.appId(), row.failures() + 1, row.accessExpiresAt(), e.getMessage(), action);
      return false;
    }
  }

  /** After failures, the next try waits a minute, doubling up to half an hour: Zalo is not asked every minute. */
  private static boolean pausing(ZaloOaTokenStore.Row row, Instant now) {
    if (row.failures() == 0 || row.lastErrorAt() == null) {
      return false;
    }
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(row.failures() - 1, 10));
    return now.isBefore(row.lastErrorAt().plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause));
  }
}
