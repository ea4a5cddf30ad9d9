package io.gridcare.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.customers.PhoneNumbers;
import io.gridcare.notifications.NoticeType;
import io.gridcare.notifications.NotificationEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proof that a portal user holds a phone: a six-digit code sent by SMS through the notification flow, good for a
 * few minutes, a few tries and one request. Only a hash of the code is stored.
 */
@Service
public class PhoneVerifications {

  private static final int MAX_ATTEMPTS = 5;
  private static final Duration VALID = Duration.ofMinutes(5);

  private final JdbcClient sql;
  private final NotificationEvents notifications;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;
  private final boolean required;
  private final SecureRandom random = new SecureRandom();

  PhoneVerifications(JdbcClient sql, NotificationEvents notifications, TransactionTemplate transaction,
      ObjectMapper json, Clock clock, @Value("${gridcare.portal.verify-phone:true}") boolean required) {
    this.sql = sql;
    this.notifications = notifications;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
    this.required = required;
  }

  public record Started(UUID verificationId, Instant expiresAt) {
  }

  /** The proof a submission carries: the verification's id and the code the SMS brought. */
  public record Proof(UUID id, String code) {
  }

  /** Whether a request must carry a proof (gridcare.portal.verify-phone; on unless the sandbox runs). */
  public boolean required() {
    return required;
  }

  /** Sends a new code to the phone. */
  public Started start(String rawPhone) {
    String phone = PhoneNumbers.vietnameseMobile(rawPhone)
        .orElseThrow(() -> new PortalRequests.InvalidDraft(List.of(new PortalRequests.FieldProblem("phone",
            "Cần một số di động Việt Nam để nhận SMS / a Vietnamese mobile number is needed for the SMS"))));
    UUID id = UUID.randomUUID();
    String code = String.format("%06d", random.nextInt(1_000_000));
    Instant now = clock.instant();
    Instant expires = now.plus(VALID);
    transaction.executeWithoutResult(status -> {
      sql.sql("""
              insert into phone_verification (id, phone, code_hash, created_at, expires_at)
              values (:id, :phone, :hash, :now, :expires)""")
          .param("id", id).param("phone", phone).param("hash", hash(id, code))
          .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).update();
      ObjectNode event = json.createObjectNode();
      event.put("eventId", "verification:" + id);
      event.put("type", NoticeType.PHONE_VERIFICATION.name());
      event.put("occurredAt", now.toString());
      ObjectNode payload = event.putObject("payload");
      payload.put("phone", phone);
      payload.put("code", code);
      payload.put("expiresInMinutes", VALID.toMinutes());
      notifications.accept(NoticeType.EventSource.PORTAL, event);
    });
    return new Started(id, expires);
  }

  /**
   * Spends the proof for a request from this phone; a wrong code counts against the verification's tries. Answers
   * the problem, or empty when the proof holds.
   */
  Optional<String> spend(Proof proof, String phone) {
    if (proof == null || proof.id() == null || proof.code() == null) {
      return Optional.of("Cần xác thực số điện thoại bằng mã gửi qua SMS / the phone must be verified with the "
          + "code sent by SMS");
    }
    Instant now = clock.instant();
    int spent = sql.sql("""
            update phone_verification set used_at = :now, verified_at = :now
             where id = :id and phone = :phone and code_hash = :hash and used_at is null
               and expires_at > :now and attempts < :max""")
        .param("now", Timestamp.from(now)).param("id", proof.id()).param("phone", phone)
        .param("hash", hash(proof.id(), proof.code())).param("max", MAX_ATTEMPTS).update();
    if (spent == 1) {
      return Optional.empty();
    }
    sql.sql("update phone_verification set attempts = attempts + 1 where id = :id").param("id", proof.id()).update();
    return Optional.of("Mã xác thực sai, hết hạn hoặc đã dùng / the code is wrong, expired or already used");
  }

  /** Codes are worth nothing after they expire; a day later their rows go. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void forgetOld() {
    sql.sql("delete from phone_verification where created_at < :before")
        .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
  }

  private static String hash(UUID id, String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
