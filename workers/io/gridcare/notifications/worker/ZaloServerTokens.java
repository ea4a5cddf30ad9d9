package io.gridcare.notifications.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Zalo OA access token as the servers keep it (it is renewed with a single-use refresh token, see
 * {@code io.gridcare.notifications.ZaloOaTokens}): asked for over GridCare's API and kept until shortly before it
 * runs out, at most {@link #KEEP} so that a token an admin replaced reaches every worker soon; a token Zalo refuses
 * is asked for again at once.
 */
final class ZaloServerTokens implements ChannelTokens {

  static final Duration KEEP = Duration.ofMinutes(10);
  private static final Duration EARLY = Duration.ofMinutes(5);

  private final NotificationApi api;
  private final Clock clock;
  private NotificationApi.ZaloToken kept;
  private Instant askAgainAt = Instant.MIN;

  ZaloServerTokens(NotificationApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  /** The fixed token when one is configured (the sandbox's), else the servers'. */
  static ChannelTokens of(ZaloZnsSettings settings, NotificationApi api) {
    String fixed = settings.accessToken() == null ? "" : settings.accessToken().trim();
    return fixed.isEmpty() ? new ZaloServerTokens(api, Clock.systemUTC()) : new ChannelTokens.Fixed(fixed);
  }

  /** {@link NotificationApi.Unavailable} when the server has no valid token to give. */
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
    Instant early = token.expiresAt().minus(EARLY);
    Instant latest = clock.instant().plus(KEEP);
    kept = token;
    askAgainAt = early.isBefore(latest) ? early : latest;
  }
}
