package io.gridcare.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Firebase Cloud Messaging's HTTP v1 send endpoint on {@link SandboxHttpPeers}: takes every message and answers its
 * name, except for tokens starting with {@code dead-} (404 {@code UNREGISTERED}), {@code invalid-} (400
 * {@code INVALID_ARGUMENT}) and {@code busy-} (503), and requests without a bearer token (401), with FCM's error
 * bodies.
 */
@Component
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
public class SandboxFcm {

  private static final String SEND_PATH = "/v1/projects/([^/]+)/messages:send";
  private static final Pattern SEND = Pattern.compile(SEND_PATH);

  private final SandboxHttpPeers peers;
  private final ObjectMapper json;

  SandboxFcm(SandboxHttpPeers peers, ObjectMapper json) {
    this.peers = peers;
    this.json = json;
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
  }

  /** The push messages received (the last of {@link SandboxHttpPeers#KEPT} requests), newest first. */
  public List<ReceivedPush> received() {
    return peers.server().getAllServeEvents().stream()
        .filter(event -> SEND.matcher(event.getRequest().getUrl()).matches())
        .sorted(Comparator.comparing((ServeEvent event) -> event.getRequest().getLoggedDate()).reversed())
        .map(this::push)
        .toList();
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
