package io.gridcare.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Zalo's OAuth endpoint for Official Accounts: {@code POST /v4/oa/access_token} with the refresh token, the app id
 * and {@code grant_type=refresh_token} as a form, and the application's secret key in the {@code secret_key}
 * header. It answers {@code {access_token, refresh_token, expires_in}} (seconds, sometimes as a string); the
 * refresh token sent is spent either way once Zalo took it, and the new one is good for about three months.
 */
@Component
class ZaloOAuth {

  static final String PATH = "/v4/oa/access_token";
  /** Zalo does not say; its documentation does. */
  static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;

  ZaloOAuth(ObjectMapper json) {
    this.json = json;
  }

  /** A new access token and refresh token; {@link Refused} or {@link Unreachable} otherwise. */
  Grant refresh(ZaloOaSettings settings, String refreshToken) {
    String form = "refresh_token=" + encode(refreshToken) + "&app_id=" + encode(settings.appId())
        + "&grant_type=refresh_token";
    HttpRequest request = HttpRequest.newBuilder(URI.create(settings.oauthUrl().replaceAll("/+$", "") + PATH))
        .header("secret_key", settings.appSecretKey())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .timeout(settings.oauthTimeout())
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unreachable("Zalo OAuth không trả lời / Zalo's OAuth server did not answer: "
          + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("Bị ngắt / Interrupted while calling Zalo's OAuth server");
    }
    if (response.statusCode() == 429 || response.statusCode() >= 500) {
      throw new Unreachable("Zalo OAuth trả lời HTTP " + response.statusCode() + " / Zalo's OAuth server answered HTTP "
          + response.statusCode());
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (JsonProcessingException e) {
      answer = null;
    }
    if (answer == null || !answer.isObject()) {
      throw new Unreachable("Zalo OAuth trả lời HTTP " + response.statusCode() + " không phải JSON / Zalo's OAuth "
          + "server answered HTTP " + response.statusCode() + " with something other than JSON");
    }
    String accessToken = answer.path("access_token").asText("");
    String newRefreshToken = answer.path("refresh_token").asText("");
    long expiresIn = answer.path("expires_in").asLong(0);
    if (response.statusCode() != 200 || accessToken.isBlank() || newRefreshToken.isBlank() || expiresIn <= 0) {
      throw new Refused(refusal(answer));
    }
    return new Grant(accessToken, newRefreshToken, Duration.ofSeconds(expiresIn));
  }

  /** Zalo's error code and its own words about it (never a token). */
  private static String refusal(JsonNode answer) {
    String code = answer.path("error").asText("?");
    String words = answer.path("error_description").asText(answer.path("error_name").asText(
        answer.path("message").asText("")));
    String reason = answer.path("error_reason").asText("");
    String text = words + (reason.isBlank() || reason.equals(words) ? "" : " (" + reason + ")");
    return "Zalo OAuth " + code + ": " + (text.length() > 200 ? text.substring(0, 200) : text);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** What Zalo answered: the access token, valid for {@code accessValidity}, and the next refresh token. */
  record Grant(String accessToken, String refreshToken, Duration accessValidity) {

    @Override
    public String toString() {
      return "Grant[accessValidity=" + accessValidity + "]";
    }
  }

  /** Zalo refused the refresh (an invalid or spent refresh token, a wrong app id or secret key). */
  static class Refused extends RuntimeException {

    Refused(String message) {
      super(message);
    }
  }

  /** Zalo could not be reached or failed: the refresh token was probably not spent; worth trying again. */
  static class Unreachable extends RuntimeException {

    Unreachable(String message) {
      super(message);
    }
  }
}
