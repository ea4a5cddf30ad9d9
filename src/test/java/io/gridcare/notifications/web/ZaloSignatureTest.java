package io.gridcare.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ZaloSignatureTest {

  private static final String APP_ID = "2074138120372622546";
  private static final String TIMESTAMP = "1602560967477";
  private static final String SECRET = "oa-secret-key";
  private static final byte[] BODY = ("{\"event_name\":\"user_received_message\",\"app_id\":\"" + APP_ID
      + "\",\"timestamp\":\"" + TIMESTAMP + "\"}").getBytes(StandardCharsets.UTF_8);
  /** sha256sum of appId + body + timestamp + secret, computed outside Java (coreutils and Python agree). */
  private static final String KNOWN = "2130e388dc5ea1eecb9e4fcf21be4cf911d22648cecf26236d1ee91984e8ce55";

  @Test
  void signsAsSha256OfAppIdBodyTimestampAndOaSecretKey() {
    assertThat(ZaloSignature.sign(APP_ID, BODY, TIMESTAMP, SECRET)).isEqualTo("mac=" + KNOWN);
  }

  @Test
  void acceptsTheKnownSignatureWithOrWithoutItsPrefixInEitherCase() {
    assertThat(ZaloSignature.matches("mac=" + KNOWN, APP_ID, BODY, TIMESTAMP, SECRET)).isTrue();
    assertThat(ZaloSignature.matches(KNOWN, APP_ID, BODY, TIMESTAMP, SECRET)).isTrue();
    assertThat(ZaloSignature.matches(" MAC=" + KNOWN.toUpperCase() + " ", APP_ID, BODY, TIMESTAMP, SECRET)).isTrue();
  }

  @Test
  void refusesASignatureOfAnotherBodyTimestampKeyOrApp() {
    byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("received", "seen")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(ZaloSignature.matches("mac=" + KNOWN, APP_ID, changed, TIMESTAMP, SECRET)).isFalse();
    assertThat(ZaloSignature.matches("mac=" + KNOWN, APP_ID, BODY, "1602560967478", SECRET)).isFalse();
    assertThat(ZaloSignature.matches("mac=" + KNOWN, APP_ID, BODY, TIMESTAMP, "app-secret-key")).isFalse();
    assertThat(ZaloSignature.matches("mac=" + KNOWN, "1", BODY, TIMESTAMP, SECRET)).isFalse();
    assertThat(ZaloSignature.matches(null, APP_ID, BODY, TIMESTAMP, SECRET)).isFalse();
    assertThat(ZaloSignature.matches("mac=", APP_ID, BODY, TIMESTAMP, SECRET)).isFalse();
  }
}
