package io.gridcare.notifications.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.customers.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * App push over Firebase Cloud Messaging's HTTP v1 API: one request per push token of the customer, many in flight
 * at once (at most {@link AppPushProperties#maxInFlight()}). The message reaches the customer if one device takes
 * it; tokens FCM calls unregistered are reported dead so they can be dropped. The OAuth 2.0 access token comes from
 * {@link FcmServiceAccount} (or a fixed one): taken once per batch, and renewed once when FCM answers 401 (the token was revoked, or
 * ran out early), the refused request then sent again with the new one.
 */
@Component
@EnableConfigurationProperties(AppPushProperties.class)
class AppPushSender implements ChannelSender {

  /** Added to the App's data: the App echoes it in its receipts ({@code POST /api/channels/app/receipts}). */
  static final String DELIVERY_KEY = "deliveryKey";

  private static final Logger log = LoggerFactory.getLogger(AppPushSender.class);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  // HTTP/1.1: the default HTTP/2 client would first ask plain-HTTP peers (the sandbox) for an upgrade
  private final PooledHttp http = new PooledHttp(PooledHttp.client(CONNECT_TIMEOUT), "fcm-push");
  private final URI endpoint;
  /** Null when neither credentials nor a token are configured: nothing is sent. */
  private final ChannelTokens tokens;
  private final Semaphore inFlight;
  private final ObjectMapper json;

  AppPushSender(AppPushProperties properties, ObjectMapper json) {
    this.endpoint = URI.create(properties.baseUrl().replaceAll("/+$", "") + "/v1/projects/"
        + properties.projectId() + "/messages:send");
    this.tokens = FcmServiceAccount.of(properties);
    this.inFlight = new Semaphore(properties.maxInFlight());
    this.json = json;
  }

  @Override
  public Channel channel() {
    return Channel.APP;
  }

  @Override
  public List<SendOutcome> send(List<Outgoing> batch) {
    if (tokens == null) {
      return notSent(batch, "Chưa cấu hình tài khoản dịch vụ FCM / App push is not configured: set "
          + "GRIDCARE_FCM_CREDENTIALS");
    }
    ChannelTokens.InUse bearer;
    try {
      bearer = new ChannelTokens.InUse(tokens.current());
    } catch (IOException | RuntimeException e) {
      // Google's message names the token endpoint's answer (status, error code), never a token or the key
      String reason = firstLine(e.getMessage());
      log.warn("App push: no FCM access token: {} {}", e.getClass().getSimpleName(), reason);
      return notSent(batch, "Không lấy được access token FCM / Could not get an FCM access token: "
          + e.getClass().getSimpleName() + (reason.isEmpty() ? "" : " " + reason));
    }
    long started = System.nanoTime();
    List<CompletableFuture<SendOutcome>> pending = batch.stream().map(message -> push(message, bearer)).toList();
    List<SendOutcome> outcomes = pending.stream().map(CompletableFuture::join).toList();
    log.info("App push batch of {} in {} ms: {} accepted, {} rejected, {} not sent", batch.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis(), count(outcomes, SendOutcome.Accepted.class),
        count(outcomes, SendOutcome.Rejected.class), count(outcomes, SendOutcome.NotSent.class));
    // one line for a whole batch held back (FCM down, or refusing our access token with 401/403)
    outcomes.stream().filter(SendOutcome.NotSent.class::isInstance).map(SendOutcome.NotSent.class::cast)
        .findFirst().ifPresent(notSent -> log.warn("App push: messages not sent, first reason: {}", notSent.reason()));
    return outcomes;
  }

  private CompletableFuture<SendOutcome> push(Outgoing message, ChannelTokens.InUse bearer) {
    List<String> tokens = message.addresses() == null ? List.of()
        : new ArrayList<>(new LinkedHashSet<>(message.addresses()));
    tokens.removeIf(token -> token == null || token.isBlank());
    if (tokens.isEmpty()) {
      return CompletableFuture.completedFuture(new SendOutcome.Rejected(message.deliveryKey(), "NO_TOKEN",
          "Khách hàng không có thiết bị nhận thông báo / No push token", List.of()));
    }
    List<CompletableFuture<TokenAnswer>> answers = tokens.stream().map(token -> pushTo(message, token, bearer))
        .toList();
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(done -> outcome(message.deliveryKey(), answers.stream().map(CompletableFuture::join).toList()));
  }

  /** One request; waits here while as many are in flight as allowed, so the caller's thread paces the batch. */
  private CompletableFuture<TokenAnswer> pushTo(Outgoing message, String token, ChannelTokens.InUse bearer) {
    String body = body(message, token);
    String accessToken = bearer.value();
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(TokenAnswer.transientFault(token, "interrupted"));
    }
    try {
      return http.send(request(body, accessToken))
          .thenCompose(response -> response.statusCode() == 401
              ? withRenewedToken(body, accessToken, bearer, response) : CompletableFuture.completedFuture(response))
          .handle((response, error) -> {
            inFlight.release();
            return error != null ? TokenAnswer.transientFault(token, rootCause(error).getClass().getSimpleName())
                : answer(token, response);
          });
    } catch (RuntimeException e) {
      inFlight.release();
      return CompletableFuture.completedFuture(TokenAnswer.transientFault(token, e.getClass().getSimpleName()));
    }
  }

  private HttpRequest request(String body, String accessToken) {
    return HttpRequest.newBuilder(endpoint)
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/json; charset=UTF-8")
        .timeout(REQUEST_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /**
   * FCM refused the access token (401 UNAUTHENTICATED): once, the request goes again with a renewed one, which the
   * rest of the batch then uses too. Without a new token the 401 stands and the message is not sent.
   */
  private CompletableFuture<HttpResponse<String>> withRenewedToken(String body, String refused, ChannelTokens.InUse bearer,
      HttpResponse<String> unauthorized) {
    String renewed;
    try {
      renewed = tokens.renew(refused);
    } catch (IOException | RuntimeException e) {
      log.warn("App push: FCM refused the access token and a new one could not be had: {} {}",
          e.getClass().getSimpleName(), firstLine(e.getMessage()));
      return CompletableFuture.completedFuture(unauthorized);
    }
    if (renewed == null || renewed.equals(refused)) {
      return CompletableFuture.completedFuture(unauthorized);
    }
    bearer.replace(renewed);
    return http.send(request(body, renewed));
  }

  /** {@code {"message":{"token", "notification":{"title","body"}, "data":{..., "deliveryKey"}}}} */
  private String body(Outgoing message, String token) {
    ObjectNode root = json.createObjectNode();
    ObjectNode fcm = root.putObject("message");
    fcm.put("token", token);
    ObjectNode notification = fcm.putObject("notification");
    if (message.title() != null) {
      notification.put("title", message.title());
    }
    if (message.text() != null) {
      notification.put("body", message.text());
    }
    ObjectNode data = fcm.putObject("data");
    if (message.data() != null) {
      // FCM takes string values only; a missing value is left out rather than sent as "null"
      message.data().forEach((key, value) -> {
        if (key != null && value != null) {
          data.put(key, value);
        }
      });
    }
    data.put(DELIVERY_KEY, message.deliveryKey());
    try {
      return json.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A push message could not be written as JSON", e);
    }
  }

  /**
   * What FCM's answer says about one token. Only {@code UNREGISTERED} marks a token dead: a plain 404 is a wrong
   * URL or project, and {@code SENDER_ID_MISMATCH} or {@code INVALID_ARGUMENT} may as well come from our own
   * configuration or payload, which must not cost customers their tokens.
   */
  private TokenAnswer answer(String token, HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode body = parse(response.body());
    if (status == 200) {
      return TokenAnswer.accepted(token, body.path("name").asText(null));
    }
    String errorCode = errorCode(body);
    if ("UNREGISTERED".equals(errorCode)) {
      return TokenAnswer.dead(token);
    }
    if (status == 400 || "INVALID_ARGUMENT".equals(errorCode) || "SENDER_ID_MISMATCH".equals(errorCode)) {
      return TokenAnswer.invalid(token, errorCode == null ? "HTTP " + status : errorCode);
    }
    String retryAfter = response.headers().firstValue("Retry-After").map(value -> ", retry after " + value)
        .orElse("");
    return TokenAnswer.transientFault(token, "HTTP " + status + (errorCode == null ? "" : " " + errorCode)
        + retryAfter);
  }

  /** Accepted if any device took it; otherwise not sent if any answer may pass; otherwise rejected. */
  private static SendOutcome outcome(String deliveryKey, List<TokenAnswer> answers) {
    List<String> dead = answers.stream().filter(answer -> answer.kind() == Kind.DEAD).map(TokenAnswer::token)
        .toList();
    for (TokenAnswer answer : answers) {
      if (answer.kind() == Kind.ACCEPTED) {
        return new SendOutcome.Accepted(deliveryKey, answer.detail(), 1, false, dead);
      }
    }
    for (TokenAnswer answer : answers) {
      if (answer.kind() == Kind.TRANSIENT) {
        return new SendOutcome.NotSent(deliveryKey,
            "FCM chưa nhận thông báo / FCM did not take the message: " + answer.detail());
      }
    }
    long invalid = answers.size() - dead.size();
    return new SendOutcome.Rejected(deliveryKey, invalid == 0 ? "UNREGISTERED" : "INVALID_TOKEN",
        "Không còn thiết bị nhận được thông báo / No device can take the message (" + dead.size()
            + " unregistered, " + invalid + " invalid)", dead);
  }

  private JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }

  /** FCM's own error code ({@code error.details[].errorCode}), else the Google API status, else null. */
  private static String errorCode(JsonNode body) {
    for (JsonNode detail : body.path("error").path("details")) {
      if (detail.hasNonNull("errorCode")) {
        return detail.path("errorCode").asText();
      }
    }
    return body.path("error").path("status").asText(null);
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static List<SendOutcome> notSent(List<Outgoing> batch, String reason) {
    log.warn("App push: {} messages not sent: {}", batch.size(), reason);
    return batch.stream().<SendOutcome>map(message -> new SendOutcome.NotSent(message.deliveryKey(), reason))
        .toList();
  }

  /** The first line of a library's message, shortened: Google's go on with the token endpoint's whole answer. */
  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static long count(List<SendOutcome> outcomes, Class<? extends SendOutcome> kind) {
    return outcomes.stream().filter(kind::isInstance).count();
  }

  private enum Kind {
    ACCEPTED, DEAD, INVALID, TRANSIENT
  }

  /** FCM's answer for one token; {@code detail} is the message name when accepted, else the reason. */
  private record TokenAnswer(String token, Kind kind, String detail) {

    static TokenAnswer accepted(String token, String name) {
      return new TokenAnswer(token, Kind.ACCEPTED, name);
    }

    static TokenAnswer dead(String token) {
      return new TokenAnswer(token, Kind.DEAD, "UNREGISTERED");
    }

    static TokenAnswer invalid(String token, String reason) {
      return new TokenAnswer(token, Kind.INVALID, reason);
    }

    static TokenAnswer transientFault(String token, String reason) {
      return new TokenAnswer(token, Kind.TRANSIENT, reason);
    }
  }
}
