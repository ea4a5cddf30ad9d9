package io.gridcare.notifications.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code X-ZEvent-Signature} of Zalo's OA and ZNS webhooks: {@code mac=} and the hex SHA-256 (a plain digest,
 * not an HMAC) of the app id, the raw request body, the event's {@code timestamp} field and the OA secret key,
 * concatenated. Zalo's ZNS webhook reference ("Sự kiện người dùng nhận tin qua SĐT", developers.zalo.me, docs/
 * zbs-template-message/gui-tin-template-qua-sdt/webhook-gui-tin-qua-sdt) gives it as
 * {@code mac = sha256(appId + data + timeStamp + OAsecretKey)} with data the JSON body; Zalo's OA webhook guides
 * (e.g. hainh.me/zalo-api-php-webhook-callback-official-account.html) add that the timestamp is the one in that
 * JSON and the key the OA's, not the app's. The body is hashed as received, byte for byte.
 */
final class ZaloSignature {

  static final String PREFIX = "mac=";

  private ZaloSignature() {
  }

  /** The header value Zalo sends for this event. */
  static String sign(String appId, byte[] body, String timestamp, String oaSecretKey) {
    return PREFIX + HexFormat.of().formatHex(digest(appId, body, timestamp, oaSecretKey));
  }

  /** Whether the header value signs this event; compared in constant time. A missing {@code mac=} is accepted. */
  static boolean matches(String header, String appId, byte[] body, String timestamp, String oaSecretKey) {
    if (header == null) {
      return false;
    }
    String presented = header.trim();
    if (presented.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      presented = presented.substring(PREFIX.length()).trim();
    }
    byte[] expected = HexFormat.of().formatHex(digest(appId, body, timestamp, oaSecretKey))
        .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] digest(String appId, byte[] body, String timestamp, String oaSecretKey) {
    ByteArrayOutputStream signed = new ByteArrayOutputStream(body.length + 128);
    signed.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(body);
    signed.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(oaSecretKey.getBytes(StandardCharsets.UTF_8));
    try {
      return MessageDigest.getInstance("SHA-256").digest(signed.toByteArray());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
