package io.gridcare.notifications.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Zalo OA access token the ZNS sender sends with. The servers own it (it is renewed with a single-use refresh
 * token, see {@code io.gridcare.notifications.ZaloOaTokens}), so a worker asks one for it and keeps it a while; a
 * fixed token from the configuration ({@code gridcare.channels.zalo.access-token}) is the sandbox's and local
 * runs' alternative.
 */
interface ZaloAccessTokens {

  /** A token believed valid; {@link NotificationApi.Unavailable} when the server has none to give. */
  String current();

  /** Zalo refused {@code rejected} as invalid: a newer token, or null when there is none to try. */
  String renew(String rejected);

  /** The fixed token when one is configured, else the servers'. */
  static ZaloAccessTokens of(ZaloZnsSettings settings, NotificationApi api) {
    String fixed = settings.accessToken() == null ? "" : settings.accessToken().trim();
    return fixed.isEmpty() ? new FromServer(api, Clock.systemUTC()) : new Fixed(fixed);
  }

  record Fixed(String token) implements ZaloAccessTokens {

    @Override
    public String current() {
      return token;
    }

    @Override
    public String renew(String rejected) {
      return null;
    }

    @Override
    public String toString() {
      return "ZaloAccessTokens.Fixed";
    }
  }

  /**
   * Asks the server, and keeps the answer until shortly before it runs out, at most {@link #KEEP} so that a token
   * an admin replaced reaches every worker soon; a token Zalo refuses is asked for again at once.
   */
  final class FromServer implements ZaloAccessTokens {

    static final Duration KEEP = Duration.ofMinutes(10);
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final NotificationApi api;
    private final Clock clock;
    private NotificationApi.ZaloToken kept;
    private Instant askAgainAt = Instant.MIN;

    FromServer(NotificationApi api, Clock clock) {
      this.api = api;
      this.clock = clock;
    }

    @Override
    public synchronized String current() {
      if (kept == null || !clock.instant().isBefore(askAgainAt)) {
        fetch();
      }
      return kept.accessToken();
    }

    @Override
    public synchronized String renew(String rejected) {
      // the other requests refused with the same token find the one the first of them fetched
      if (kept != null && !kept.accessToken().equals(rejected) && clock.instant().isBefore(askAgainAt)) {
        return kept.accessToken();
      }
      fetch();
      return kept.accessToken().equals(rejected) ? null : kept.accessToken();
    }

    private void fetch() {
      NotificationApi.ZaloToken token = api.zaloAccessToken();
      Instant now = clock.instant();
      Instant early = token.expiresAt().minus(EARLY);
      Instant latest = now.plus(KEEP);
      kept = token;
      askAgainAt = early.isBefore(latest) ? early : latest;
    }
  }
}
