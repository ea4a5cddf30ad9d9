package io.gridcare.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Zalo's ZNS API on a loopback port ({@code gridcare.sandbox.zalo-port}), as a small WireMock server. It answers
 * {@code POST /message/template} as Zalo does: -124 for a wrong access token, -108/-109/-111 for a malformed
 * request, -114 for phones ending in 114 (user blocked the OA or declined ZNS), -118 for phones ending in 118 (no Zalo
 * account), HTTP 500 and 429 for phones ending in 500 and 429 (Zalo in trouble), -115 once the day's quota is used
 * up, and otherwise success with a new {@code msg_id}. After a success it calls GridCare's webhook
 * ({@code gridcare.sandbox.webhook-url}) back with a signed {@code user_received_message}, and for phones ending in
 * an even digit then a {@code user_seen_message}, each {@code gridcare.sandbox.zalo-receipt-delay} after the one
 * before (a receipt does not overtake the sender's own record of the message): from a small executor, trying again
 * for about half a minute while the server is not up. It keeps the last {@value #KEPT} requests it received for {@code /api/sandbox/zalo}.
 */
@Component
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
class SandboxZalo implements SmartLifecycle {

  static final int KEPT = 10_000;
  private static final int CALLBACKS_AT_ONCE = 32;
  static final String OA_ID = "sandbox-oa";

  private static final Logger log = LoggerFactory.getLogger(SandboxZalo.class);
  /** Zalo counts its daily quota by Vietnamese days. */
  private static final ZoneId ZALO_DAY = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int CALLBACK_ATTEMPTS = 7;
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);

  private final WireMockServer server;
  private final ObjectMapper json;
  private final Clock clock;
  // blocking calls from the callback threads: the client's internal steps need no pool of their own
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).executor(Runnable::run).build();
  /**
   * Zalo calls webhooks for many messages at once; one call at a time from here would make the webhook's answer
   * time, not GridCare's capacity, the limit on how fast receipts come in.
   */
  private final ScheduledExecutorService callbacks = Executors.newScheduledThreadPool(CALLBACKS_AT_ONCE, runnable -> {
    Thread thread = new Thread(runnable, "sandbox-zalo-callback");
    thread.setDaemon(true);
    return thread;
  });
  private final SecureRandom random = new SecureRandom();
  private final URI webhook;
  private final Duration receiptDelay;
  private final String accessToken;
  private final String appId;
  private final String oaSecretKey;

  private final ArrayDeque<Received> received = new ArrayDeque<>();
  private int dailyQuota;
  private LocalDate day;
  private int usedToday;

  SandboxZalo(@Value("${gridcare.sandbox.zalo-port}") int port,
      @Value("${gridcare.sandbox.zalo-daily-quota}") int dailyQuota,
      @Value("${gridcare.sandbox.webhook-url}") String webhook,
      @Value("${gridcare.sandbox.zalo-receipt-delay}") Duration receiptDelay,
      @Value("${gridcare.channels.zalo.access-token}") String accessToken,
      @Value("${gridcare.channels.zalo.app-id}") String appId,
      @Value("${gridcare.channels.zalo.oa-secret-key}") String oaSecretKey,
      ObjectMapper json, Clock clock) {
    this.dailyQuota = dailyQuota;
    this.webhook = URI.create(webhook);
    this.receiptDelay = receiptDelay;
    this.accessToken = accessToken;
    this.appId = appId;
    this.oaSecretKey = oaSecretKey;
    this.json = json;
    this.clock = clock;
    this.day = LocalDate.now(clock.withZone(ZALO_DAY));
    this.server = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .port(port)
        // as many as a sender keeps in flight, and some
        .containerThreads(96)
        .disableRequestJournal()
        .notifier(new QuietNotifier())
        .extensions(new Answering()));
  }

  @Override
  public void start() {
    server.start();
    server.stubFor(post(urlPathEqualTo("/message/template"))
        .willReturn(aResponse().withTransformers(Answering.NAME)));
    log.info("Zalo sandbox on http://127.0.0.1:{} (calls back {})", server.port(), webhook);
  }

  @Override
  public void stop() {
    server.stop();
    callbacks.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return server.isRunning();
  }

  /** Before the web server and the workers, so the first message finds it. */
  @Override
  public int getPhase() {
    return 0;
  }

  /** What it received, oldest first; only those with this tracking id when one is given. */
  synchronized List<Received> received(String trackingId) {
    return received.stream().filter(message -> trackingId == null || trackingId.equals(message.trackingId()))
        .toList();
  }

  synchronized Quota quota() {
    rollOver();
    return new Quota(dailyQuota, usedToday);
  }

  /** Sets the daily quota and starts a fresh day. */
  synchronized Quota quota(int dailyQuota) {
    this.dailyQuota = dailyQuota;
    this.day = LocalDate.now(clock.withZone(ZALO_DAY));
    this.usedToday = 0;
    return new Quota(dailyQuota, 0);
  }

  /** Zalo's answer to one request, recorded. */
  private synchronized Answer answer(String token, JsonNode body) {
    String phone = body.path("phone").asText("");
    Answer answer = decide(token, body, phone);
    if (received.size() == KEPT) {
      received.removeFirst();
    }
    received.addLast(new Received(clock.instant(), phone, body.path("template_id").asText(null),
        body.path("template_data"), body.path("tracking_id").asText(null), answer.status(), answer.error(),
        answer.messageId()));
    return answer;
  }

  private Answer decide(String token, JsonNode body, String phone) {
    if (!accessToken.equals(token)) {
      return Answer.error(-124, "Access token invalid");
    }
    if (!phone.matches("84\\d{9,10}")) {
      return Answer.error(-108, "Phone number invalid");
    }
    if (body.path("template_id").asText("").isBlank()) {
      return Answer.error(-109, "Template ID invalid");
    }
    if (!body.path("template_data").isObject() || body.path("template_data").isEmpty()) {
      return Answer.error(-111, "Template data empty");
    }
    if (phone.endsWith("500")) {
      return new Answer(500, 0, null, null);
    }
    if (phone.endsWith("429")) {
      return new Answer(429, 0, null, null);
    }
    if (phone.endsWith("114")) {
      return Answer.error(-114, "User is inactive, or reject the message, or using an outdated Zalo version, "
          + "or other internal errors");
    }
    if (phone.endsWith("118")) {
      return Answer.error(-118, "Zalo account not existed");
    }
    rollOver();
    if (usedToday >= dailyQuota) {
      return Answer.error(-115, "Out of quota");
    }
    usedToday++;
    byte[] messageId = new byte[10];
    random.nextBytes(messageId);
    return new Answer(200, 0, HexFormat.of().formatHex(messageId), null);
  }

  private void rollOver() {
    LocalDate today = LocalDate.now(clock.withZone(ZALO_DAY));
    if (!today.equals(day)) {
      day = today;
      usedToday = 0;
    }
  }

  private String body(Answer answer) throws JsonProcessingException {
    ObjectNode body = json.createObjectNode().put("error", answer.error());
    if (answer.messageId() == null) {
      return json.writeValueAsString(body.put("message", answer.message()));
    }
    Quota quota = quota();
    body.put("message", "Success").putObject("data")
        .put("msg_id", answer.messageId())
        .put("sent_time", String.valueOf(clock.millis()))
        .put("sending_mode", "1")
        .putObject("quota")
        .put("dailyQuota", String.valueOf(quota.dailyQuota()))
        .put("remainingQuota", String.valueOf(Math.max(0, quota.dailyQuota() - quota.usedToday())));
    return json.writeValueAsString(body);
  }

  /** The receipts Zalo would send for a message that reached the phone, one after the other. */
  private void callBack(String phone, String messageId, String trackingId) {
    long deliveredAt = clock.millis();
    Supplier<ObjectNode> received = () -> {
      ObjectNode event = event("user_received_message", phone);
      event.putObject("message").put("delivery_time", String.valueOf(deliveredAt)).put("msg_id", messageId)
          .put("tracking_id", trackingId);
      return event;
    };
    CompletableFuture<Boolean> done = deliver(received, 1, receiptDelay);
    if (Character.getNumericValue(phone.charAt(phone.length() - 1)) % 2 == 0) {
      Supplier<ObjectNode> seen = () -> {
        ObjectNode event = event("user_seen_message", phone);
        event.putObject("message").putArray("msg_ids").add(messageId);
        return event;
      };
      done.thenAccept(delivered -> {
        if (delivered) {
          deliver(seen, 1, receiptDelay);
        }
      });
    }
  }

  private ObjectNode event(String name, String phone) {
    ObjectNode event = json.createObjectNode();
    event.putObject("sender").put("id", OA_ID);
    event.putObject("recipient").put("id", phone);
    return event.put("event_name", name).put("app_id", appId);
  }

  /** Posts the event, signed afresh at each attempt; true once the webhook took it. */
  private CompletableFuture<Boolean> deliver(Supplier<ObjectNode> event, int attempt, Duration delay) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    try {
      callbacks.schedule(() -> {
        int status = postEvent(event.get());
        if (status / 100 == 2) {
          result.complete(true);
        } else if (status / 100 == 4 || attempt == CALLBACK_ATTEMPTS) {
          log.warn("The Zalo sandbox gave up calling {} back: answered {} at attempt {}", webhook, status, attempt);
          result.complete(false);
        } else {
          Duration next = attempt == 1 ? FIRST_RETRY : delay.multipliedBy(2);
          deliver(event, attempt + 1, next).whenComplete((delivered, failure) -> result.complete(delivered));
        }
      }, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      // stopping: the executor takes no more work
      result.complete(false);
    }
    return result;
  }

  /** The webhook's status, 0 when it did not answer. */
  private int postEvent(ObjectNode event) {
    String timestamp = String.valueOf(clock.millis());
    byte[] body;
    try {
      body = json.writeValueAsBytes(event.put("timestamp", timestamp));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(webhook)
        .header("Content-Type", "application/json")
        .header("X-ZEvent-Signature", signature(body, timestamp))
        .header("X-ZEvent-Server", "ZNS")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** As Zalo signs: {@code mac=} sha256 hex of app id, body, the body's timestamp and the OA secret key. */
  private String signature(byte[] body, String timestamp) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(appId.getBytes(StandardCharsets.UTF_8));
      sha256.update(body);
      sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
      sha256.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
      return "mac=" + HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** One request as the sandbox saw it, and what it answered. */
  record Received(Instant at, String phone, String templateId, JsonNode templateData, String trackingId,
                  int status, int error, String msgId) {
  }

  record Quota(int dailyQuota, int usedToday) {
  }

  /** An HTTP status, Zalo's error code and either its message or the new message id. */
  private record Answer(int status, int error, String messageId, String message) {

    static Answer error(int error, String message) {
      return new Answer(200, error, null, message);
    }
  }

  /** Answers {@code /message/template} through {@link #answer}. */
  private final class Answering implements ResponseDefinitionTransformerV2 {

    static final String NAME = "gridcare-zalo-zns";

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Request request = serveEvent.getRequest();
      JsonNode body;
      try {
        body = json.readTree(request.getBodyAsString());
      } catch (JsonProcessingException e) {
        body = null;
      }
      if (body == null || !body.isObject()) {
        return zaloJson(Map.of("error", -100, "message", "Unknown error"));
      }
      Answer answer = answer(request.getHeader("access_token"), body);
      if (answer.status() != 200) {
        return new ResponseDefinition(answer.status(), "Sandbox: Zalo is having trouble");
      }
      if (answer.messageId() != null) {
        callBack(body.path("phone").asText(), answer.messageId(), body.path("tracking_id").asText(null));
      }
      try {
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(200).withHeader("Content-Type", "application/json").withBody(body(answer)).build();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private ResponseDefinition zaloJson(Map<String, Object> body) {
      try {
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(json.writeValueAsString(body)).build();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }
  }

  /** WireMock's own chatter goes to debug; its errors stay visible. */
  private static final class QuietNotifier implements Notifier {

    @Override
    public void info(String message) {
      log.debug("WireMock: {}", message);
    }

    @Override
    public void error(String message) {
      log.warn("WireMock: {}", message);
    }

    @Override
    public void error(String message, Throwable t) {
      log.warn("WireMock: {}", message, t);
    }
  }
}
