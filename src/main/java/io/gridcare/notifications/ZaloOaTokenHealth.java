package io.gridcare.notifications;

import java.time.Clock;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the server holds a good Zalo OA access token. A failed refresh, or no valid token, is {@code DEGRADED}
 * (answered with HTTP 200, like UP): the Zalo channel is in trouble, the server is not, so nothing should restart
 * it; monitoring sees the status and the last error. No token is shown.
 */
@Component("zaloOaToken")
class ZaloOaTokenHealth implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "Zalo OA access token at risk");

  private final ZaloOaTokens tokens;
  private final Clock clock;

  ZaloOaTokenHealth(ZaloOaTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Health health() {
    ZaloOaTokens.Status status = tokens.status();
    if (!status.configured() && !status.stored()) {
      return Health.up().withDetail("configured", false).build();
    }
    boolean valid = status.accessTokenExpiresAt() != null && status.accessTokenExpiresAt().isAfter(clock.instant());
    Health.Builder health = valid && status.failures() == 0 ? Health.up() : Health.status(DEGRADED);
    health.withDetail("configured", status.configured()).withDetail("accessTokenValid", valid);
    if (status.accessTokenExpiresAt() != null) {
      health.withDetail("accessTokenExpiresAt", status.accessTokenExpiresAt().toString());
    }
    if (status.failures() > 0) {
      health.withDetail("failures", status.failures()).withDetail("lastError", status.lastError())
          .withDetail("lastErrorAt", String.valueOf(status.lastErrorAt()));
    }
    return health.build();
  }
}
