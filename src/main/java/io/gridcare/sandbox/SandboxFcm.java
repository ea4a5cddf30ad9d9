package io.gridcare.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.Response;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Firebase Cloud Messaging's HTTP v1 send endpoint on {@link SandboxHttpPeers}: takes every message and answers its
 * name, except for tokens starting with {@code dead-} (404 {@code UNREGISTERED}), {@code invalid-} (400
 * {@code INVALID_ARGUMENT}) and {@code busy-} (503), and requests without a bearer token (401), with FCM's error
 * bodies. It also plays the App on the device: for a push it took whose data carries a {@code deliveryKey}, it
 * reports the message delivered {@code gridcare.sandbox.app-receipt-delay} later, and for tokens ending in an even
 * digit read as long again after that, as the App's backend would through {@code POST /api/channels/app/receipts}:
 * straight to the server's {@link DeliveryReceipts}, since the sandbox runs in the server, from a small executor
 * rather than WireMock's request thread, every 100 ms the receipts that came in meanwhile.
 */
@Component
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
public class SandboxFcm implements DisposableBean {

  private static final String SEND_PATH = "/v1/projects/([^/]+)/messages:send";
  private static final Pattern SEND = Pattern.compile(SEND_PATH);
  private static final String ANSWER = "fcm";
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);
  private static final Duration FLUSH_EVERY = Duration.ofMillis(100);
  private static final int FLUSH_MAX = 1000;

  private static final Logger log = LoggerFactory.getLogger(SandboxFcm.class);

  private final SandboxHttpPeers peers;
  private final ObjectMapper json;
  private final DeliveryReceipts receipts;
  private final Duration receiptDelay;
  private final Clock clock;
  private final ScheduledExecutorService app = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sandbox-fcm-app");
    thread.setDaemon(true);
    return thread;
  });
  private final Queue<DeliveryReceipt> due = new ConcurrentLinkedQueue<>();

  SandboxFcm(SandboxHttpPeers peers, ObjectMapper json, DeliveryReceipts receipts,
      @Value("${gridcare.sandbox.app-receipt-delay:1s}") Duration receiptDelay, Clock clock) {
    this.peers = peers;
    this.json = json;
    this.receipts = receipts;
    this.receiptDelay = receiptDelay;
    this.clock = clock;
    var server = peers.server();
    peers.answerWith(ANSWER, this::answer);
    server.stubFor(post(urlPathMatching(SEND_PATH))
        .willReturn(aResponse().withTransformers(SandboxHttpPeers.ANSWERED_BY_CODE)
            .withTransformerParameter("answer", ANSWER)));
    server.addMockServiceRequestListener(this::playTheApp);
    app.scheduleWithFixedDelay(this::flush, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops playing the App; receipts still due are dropped, as a phone switched off would drop them. */
  @Override
  public void destroy() throws InterruptedException {
    app.shutdownNow();
    // a receipt being recorded finishes before the ledger's database goes away
    if (!app.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      log.warn("The App sandbox did not stop within {}", SHUTDOWN_GRACE);
    }
  }

  /** The push messages received (the last of {@link SandboxHttpPeers#KEPT} requests), newest first. */
  public List<ReceivedPush> received() {
    List<SandboxHttpPeers.Received> newestFirst = peers.received();
    Collections.reverse(newestFirst);
    return newestFirst.stream()
        .filter(received -> SEND.matcher(received.request().getUrl()).matches())
        .map(this::push)
        .toList();
  }

  /** WireMock's listener, on its request thread: only hands the push taken on to the App's executor. */
  private void playTheApp(Request request, Response response) {
    if (response.getStatus() != 200 || !SEND.matcher(request.getUrl()).matches()) {
      return;
    }
    String body = request.getBodyAsString();
    later(() -> delivered(body), receiptDelay);
  }

  private void delivered(String body) {
    JsonNode message;
    try {
      message = json.readTree(body).path("message");
    } catch (JsonProcessingException e) {
      return;
    }
    String deliveryKey = message.path("data").path("deliveryKey").asText(null);
    if (deliveryKey == null) {
      return;
    }
    report(deliveryKey, DeliveryReceipt.Status.DELIVERED);
    String token = message.path("token").asText("");
    if (!token.isEmpty() && Character.isDigit(token.charAt(token.length() - 1))
        && Character.getNumericValue(token.charAt(token.length() - 1)) % 2 == 0) {
      later(() -> report(deliveryKey, DeliveryReceipt.Status.READ), receiptDelay);
    }
  }

  private void report(String deliveryKey, DeliveryReceipt.Status status) {
    due.add(new DeliveryReceipt(Channel.APP, deliveryKey, null, status, clock.instant(), null));
  }

  /** What an App backend does: receipts that came in meanwhile go to the ledger together, in order. */
  private void flush() {
    List<DeliveryReceipt> batch = new ArrayList<>();
    for (DeliveryReceipt receipt = due.poll(); receipt != null; receipt = due.poll()) {
      batch.add(receipt);
      if (batch.size() == FLUSH_MAX || due.peek() == null) {
        try {
          receipts.record(batch);
        } catch (RuntimeException e) {
          log.warn("The App sandbox could not report {} receipts: {}", batch.size(), e.toString());
        }
        batch = new ArrayList<>();
      }
    }
  }

  private void later(Runnable task, Duration delay) {
    try {
      app.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      log.debug("The App sandbox is stopping: a receipt is dropped");
    }
  }

  private ReceivedPush push(SandboxHttpPeers.Received received) {
    Matcher path = SEND.matcher(received.request().getUrl());
    String project = path.matches() ? path.group(1) : null;
    JsonNode message;
    try {
      message = json.readTree(received.request().getBodyAsString()).path("message");
    } catch (JsonProcessingException e) {
      message = json.missingNode();
    }
    Map<String, String> data = new LinkedHashMap<>();
    message.path("data").fields().forEachRemaining(field -> data.put(field.getKey(), field.getValue().asText()));
    return new ReceivedPush(received.request().getLoggedDate().toInstant(), project,
        message.path("token").asText(null), message.path("notification").path("title").asText(null),
        message.path("notification").path("body").asText(null), Map.copyOf(data),
        received.status());
  }

  /** FCM's answer to one send request, by its credentials and the token's prefix. */
  private ResponseDefinition answer(Request request) {
    if (!request.containsHeader("Authorization")) {
      return error(401, "UNAUTHENTICATED", null, "Request is missing required authentication credential.");
    }
    String token;
    try {
      token = json.readTree(request.getBodyAsString()).path("message").path("token").asText("");
    } catch (JsonProcessingException e) {
      return error(400, "INVALID_ARGUMENT", null, "Invalid JSON payload received.");
    }
    if (token.startsWith("dead-")) {
      return error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.");
    }
    if (token.startsWith("invalid-")) {
      return error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
          "The registration token is not a valid FCM registration token");
    }
    if (token.startsWith("busy-")) {
      return error(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.");
    }
    Matcher path = SEND.matcher(request.getUrl());
    String project = path.matches() ? path.group(1) : "unknown";
    return json(200, "{\"name\":\"projects/" + project + "/messages/" + UUID.randomUUID() + "\"}");
  }

  private static ResponseDefinition error(int code, String status, String errorCode, String message) {
    String details = errorCode == null ? "" : ",\"details\":[{\"@type\":"
        + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + errorCode + "\"}]";
    return json(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\""
            + details + "}}");
  }

  private static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body).build();
  }

  /** One send request as FCM got it, with the status the stub answered. */
  public record ReceivedPush(Instant receivedAt, String projectId, String token, String title, String body,
                             Map<String, String> data, int status) {

    public String deliveryKey() {
      return data.get("deliveryKey");
    }
  }
}
