package io.gridcare.notifications.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The delivery ledger as channel workers reach it: over GridCare's API with the worker's service account. A
 * fault of the connection or the server is {@link Unavailable} (try the task again later). Messages name paths
 * only: answers carry personal data.
 */
@Component
class NotificationApi implements ReceiptReporter {

  private static final String ZALO_TOKEN = "/channels/zalo/access-token";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  /** Well inside the push topic's lock (application.yml). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http = PooledHttp.client(CONNECT_TIMEOUT);
  private final String baseUrl;
  private final String authorization;
  private final ObjectMapper json;

  NotificationApi(@Value("${gridcare.worker.api-url}") String apiUrl, @Value("${gridcare.worker.user}") String user,
      @Value("${gridcare.worker.password}") String password, ObjectMapper json) {
    this.baseUrl = apiUrl.replaceAll("/+$", "");
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.json = json;
  }

  /** Messages of a batch claimed for this worker; none left: an empty list. */
  record Claim(Channel channel, List<Outgoing> messages) {
  }

  Claim claim(long batchId, int limit) {
    JsonNode answer = post("/notification-batches/" + batchId + "/claims?limit=" + limit, Map.of());
    List<Outgoing> messages = new ArrayList<>();
    for (JsonNode message : answer.path("messages")) {
      messages.add(json.convertValue(message, Outgoing.class));
    }
    return new Claim(Channel.valueOf(answer.path("channel").asText()), messages);
  }

  /** Reports what became of the messages; answers whether the batch still has messages not sent. */
  boolean report(long batchId, List<Outgoing> sent, List<SendOutcome> outcomes) {
    List<Map<String, Object>> reported = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      String address = sent.get(i).addresses().isEmpty() ? null : sent.get(i).addresses().get(0);
      reported.add(outcome(outcomes.get(i), address));
    }
    return post("/notification-batches/" + batchId + "/outcomes", Map.of("outcomes", reported))
        .path("pending").asBoolean();
  }

  @Override
  public void report(List<DeliveryReceipt> receipts) {
    post("/notification-receipts", Map.of("receipts", receipts));
  }

  /** The Zalo OA's access token as the servers keep it; {@link Unavailable} while they have none valid. */
  ZaloToken zaloAccessToken() {
    JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + ZALO_TOKEN)).GET(), ZALO_TOKEN);
    String token = answer.path("accessToken").asText("");
    Instant expiresAt;
    try {
      expiresAt = Instant.parse(answer.path("expiresAt").asText(""));
    } catch (DateTimeParseException e) {
      expiresAt = null;
    }
    if (token.isBlank() || expiresAt == null) {
      throw new Unavailable("GridCare's API answered " + ZALO_TOKEN + " without a token and its expiry");
    }
    return new ZaloToken(token, expiresAt);
  }

  /** An access token of the Zalo OA and when it runs out. */
  record ZaloToken(String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
      return "ZaloToken[expiresAt=" + expiresAt + "]";
    }
  }

  private static Map<String, Object> outcome(SendOutcome outcome, String address) {
    Map<String, Object> reported = new java.util.LinkedHashMap<>();
    reported.put("deliveryKey", outcome.deliveryKey());
    reported.put("address", address);
    if (outcome instanceof SendOutcome.Accepted accepted) {
      reported.put("outcome", "ACCEPTED");
      reported.put("providerMessageId", accepted.providerMessageId());
      reported.put("segments", accepted.segments());
      reported.put("delivered", accepted.delivered());
      reported.put("deadAddresses", accepted.deadAddresses());
    } else if (outcome instanceof SendOutcome.Rejected rejected) {
      reported.put("outcome", "REJECTED");
      reported.put("code", rejected.code());
      reported.put("reason", rejected.reason());
      reported.put("deadAddresses", rejected.deadAddresses());
    } else if (outcome instanceof SendOutcome.NotSent notSent) {
      reported.put("outcome", "NOT_SENT");
      reported.put("reason", notSent.reason());
    }
    return reported;
  }

  private JsonNode post(String path, Object body) {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return send(request, path.replaceAll("\\?.*", ""));
  }

  private JsonNode send(HttpRequest.Builder builder, String where) {
    HttpRequest request = builder.header("Authorization", authorization).header("Accept", "application/json")
        .timeout(REQUEST_TIMEOUT).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable("GridCare's API at " + baseUrl + " did not answer " + where + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("Interrupted while calling GridCare's API " + where);
    }
    if (response.statusCode() != 200) {
      throw new Unavailable("GridCare's API answered " + response.statusCode() + " to " + where);
    }
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new Unavailable("GridCare's API answered " + where + " with something other than JSON");
    }
  }

  /** The API could not be reached or failed: worth trying again later. */
  static class Unavailable extends RuntimeException {

    Unavailable(String message) {
      super(message);
    }
  }
}
