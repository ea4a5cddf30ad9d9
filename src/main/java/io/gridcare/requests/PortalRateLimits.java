package io.gridcare.requests;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public portal's rate limits, per calling client (address) and per phone number: the portal has no login, so
 * this is what stands between it and scripted submissions or code guessing. Buckets live in this server's memory;
 * with several servers each enforces its own share.
 */
@Component
public class PortalRateLimits {

  private final Cache<String, Bucket> clients;
  private final Cache<String, Bucket> phones;
  private final Supplier<Bucket> clientBucket;
  private final Supplier<Bucket> phoneBucket;

  PortalRateLimits(@Value("${gridcare.portal.rate-limits.client-per-minute:60}") int clientPerMinute,
      @Value("${gridcare.portal.rate-limits.phone-per-hour:10}") int phonePerHour) {
    this.clients = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    this.phones = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofHours(2)).build();
    this.clientBucket = () -> Bucket.builder().addLimit(Bandwidth.builder().capacity(clientPerMinute)
        .refillGreedy(clientPerMinute, Duration.ofMinutes(1)).build()).build();
    this.phoneBucket = () -> Bucket.builder().addLimit(Bandwidth.builder().capacity(phonePerHour)
        .refillGreedy(phonePerHour, Duration.ofHours(1)).build()).build();
  }

  /** Thrown when a limit is reached; {@code retryAfter} says when the next call will be taken. */
  public static final class LimitReached extends RuntimeException {

    private final transient Duration retryAfter;

    LimitReached(Duration retryAfter) {
      super("Portal rate limit reached");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  public void client(String address) {
    take(clients.get(address, key -> clientBucket.get()));
  }

  /** Submissions and supplements from one phone number (E.164 or as typed). */
  public void phone(String phone) {
    take(phones.get(phone.replaceAll("[^0-9]", ""), key -> phoneBucket.get()));
  }

  private static void take(Bucket bucket) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new LimitReached(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }
}
