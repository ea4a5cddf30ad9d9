package io.gridcare.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
 * rather than WireMock's request thread.
 */
@Component
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
public class SandboxFcm implements DisposableBean {

  private static final String SEND_PATH = "/v1/projects/([^/]+)/messages:send";
  private static final Pattern SEND = Pattern.compile(SEND_PATH);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

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

  SandboxFcm(SandboxHttpPeers peers, ObjectMapper json, DeliveryReceipts receipts,
      @Value("${gridcare.sandbox.app-receipt-delay:1s}") Duration receiptDelay, Clock clock) {
    this.peers = peers;
    this.json = json;
    this.receipts = receipts;
    this.receiptDelay = receiptDelay;
    this.clock = clock;
    var server = peers.server();
    server.stubFor(post(urlPathMatching(SEND_PATH)).atPriority(1)
        .withHeader("Authorization", absent())
        .willReturn(error(401, "UNAUTHENTICATED", null,
            "Request is missing required authentication credential.")));
    server.stubFor(post(urlPathMatching(SEND_PATH)).atPriority(2)
        .withRequestBody(matchingJsonPath("$.message.token", matching("dead-.*")))
        .willReturn(error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.")));
    server.stubFor(post(urlPathMatching(SEND_PATH)).atPriority(2)
        .withRequestBody(matchingJsonPath("$.message.token", matching("invalid-.*")))
        .willReturn(error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
            "The registration token is not a valid FCM registration token")));
    server.stubFor(post(urlPathMatching(SEND_PATH)).atPriority(2)
        .withRequestBody(matchingJsonPath("$.message.token", matching("busy-.*")))
        .willReturn(error(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.")));
    server.stubFor(post(urlPathMatching(SEND_PATH)).atPriority(10)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
            .withBody("{\"name\":\"projects/{{request.pathSegments.[2]}}/messages/{{randomValue type='UUID'}}\"}")
            .withTransformers("response-template")));
    server.addMockServiceRequestListener(this::playTheApp);
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
    return peers.server().getAllServeEvents().stream()
        .filter(event -> SEND.matcher(event.getRequest().getUrl()).matches())
        .sorted(Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()).reversed())
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
    try {
      receipts.record(List.of(new DeliveryReceipt(Channel.APP, deliveryKey, null, status, clock.instant(), null)));
    } catch (RuntimeException e) {
      log.warn("The App sandbox could not report {} for {}: {}", status, deliveryKey, e.toString());
    }
  }

  private void later(Runnable task, Duration delay) {
    try {
      app.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      log.debug("The App sandbox is stopping: a receipt is dropped");
    }
  }

  private ReceivedPush push(ServeEvent event) {
    Matcher path = SEND.matcher(event.getRequest().getUrl());
    String project = path.matches() ? path.group(1) : null;
    JsonNode message;
    try {
      message = json.readTree(event.getRequest().getBodyAsString()).path("message");
    } catch (JsonProcessingException e) {
      message = json.missingNode();
    }
    Map<String, String> data = new LinkedHashMap<>();
    message.path("data").fields().forEachRemaining(field -> data.put(field.getKey(), field.getValue().asText()));
    return new ReceivedPush(event.getRequest().getLoggedDate().toInstant(), project,
        message.path("token").asText(null), message.path("notification").path("title").asText(null),
        message.path("notification").path("body").asText(null), Map.copyOf(data),
        event.getResponse() == null ? 0 : event.getResponse().getStatus());
  }

  private static ResponseDefinitionBuilder error(int code, String status, String errorCode, String message) {
    String details = errorCode == null ? "" : ",\"details\":[{\"@type\":"
        + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + errorCode + "\"}]";
    return aResponse().withStatus(code).withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody("{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\""
            + details + "}}");
  }

  /** One send request as FCM got it, with the status the stub answered. */
  public record ReceivedPush(Instant receivedAt, String projectId, String token, String title, String body,
                             Map<String, String> data, int status) {

    public String deliveryKey() {
      return data.get("deliveryKey");
    }
  }
}
