package io.gridcare.notifications.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZnsAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "N1:PD09000000101:1";

  @Test
  void successIsAcceptedUnderZalosMessageId() {
    SendOutcome outcome = outcome(200, """
        {"error":0,"message":"Success","data":{"msg_id":"a4d0243feee163bd3af2","sent_time":"1626926349402",
         "quota":{"dailyQuota":"500","remainingQuota":"499"}}}""");

    assertThat(outcome).isEqualTo(new SendOutcome.Accepted(KEY, "a4d0243feee163bd3af2", 1, false));
  }

  @ParameterizedTest
  @ValueSource(ints = {-108, -110, -114, -115, -118})
  void recipientsOwnTroubleAndTheOasQuotaMoveTheRecipientToTheNextChannel(int error) {
    SendOutcome outcome = outcome(200, "{\"error\":" + error + ",\"message\":\"whatever Zalo says\"}");

    assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
      assertThat(rejected.code()).isEqualTo(String.valueOf(error));
      assertThat(rejected.reason()).contains(" / ");
      assertThat(rejected.deadAddresses()).isEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {-101, -103, -105, -109, -111, -112, -117, -124})
  void setUpFaultsAreNotSentSoTheTaskFailsForAnOperator(int error) {
    SendOutcome outcome = outcome(200, "{\"error\":" + error + ",\"message\":\"whatever Zalo says\"}");

    assertThat(outcome).isInstanceOfSatisfying(SendOutcome.NotSent.class,
        notSent -> assertThat(notSent.reason()).startsWith("Zalo " + error + ": "));
  }

  @Test
  void zalosUnknownErrorIsTriedAgain() {
    assertThat(outcome(200, "{\"error\":-100,\"message\":\"Unknown error\"}"))
        .isEqualTo(new SendOutcome.NotSent(KEY, "Zalo -100: Unknown error"));
  }

  @Test
  void anUnlistedCodeStillReachesTheRecipientElsewhereAndKeepsZalosWords() {
    assertThat(outcome(200, "{\"error\":-139,\"message\":\"User refused this kind of message\"}"))
        .isEqualTo(new SendOutcome.Rejected(KEY, "-139", "Zalo -139: User refused this kind of message", List.of()));
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 404, 401})
  void httpTroubleIsNotSent(int status) {
    assertThat(outcome(status, "<html>busy</html>")).isInstanceOf(SendOutcome.NotSent.class);
  }

  @Test
  void anAnswerThatIsNotZalosJsonIsNotSent() {
    assertThat(outcome(200, "<html>captive portal</html>")).isInstanceOf(SendOutcome.NotSent.class);
    assertThat(outcome(200, "{\"data\":{}}")).isInstanceOf(SendOutcome.NotSent.class);
  }

  @Test
  void phonesTakeZalosInternationalFormWithoutPlus() {
    assertThat(ZaloZnsSender.zaloPhone(List.of("+84912345678"))).isEqualTo("84912345678");
    assertThat(ZaloZnsSender.zaloPhone(List.of("0912 345 678"))).isEqualTo("84912345678");
    assertThat(ZaloZnsSender.zaloPhone(List.of("84912345678", "+84987654321"))).isEqualTo("84912345678");
    assertThat(ZaloZnsSender.zaloPhone(List.of("not a phone"))).isNull();
    assertThat(ZaloZnsSender.zaloPhone(List.of())).isNull();
  }

  private static SendOutcome outcome(int status, String body) {
    return ZnsAnswers.outcome(KEY, status, body, JSON);
  }
}
