package io.gridcare.requests.worker;

import static io.gridcare.requests.RequestFlow.TOPIC_UNIT_SYSTEM;
import static io.gridcare.requests.RequestFlow.VAR_REQUEST_CODE;
import static io.gridcare.requests.RequestFlow.VAR_UNIT_SYSTEM_URL;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.system.worker.TaskFailures;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a forwarded request to its Power Company's own system: reads it from GridCare and posts it as JSON to
 * the unit's address ({@code unitSystemUrl}), with the request code as {@code Idempotency-Key} so that a repeat
 * after a lost answer creates nothing twice. The unit's system later reports the outcome to
 * {@code POST /api/requests/{code}/outcome}.
 *
 * <p>A 2xx completes the task. A refusal (4xx other than 408 and 429) will not change on retrying, and the model
 * has no business path for it, so it is an incident at once for an operator to settle with the unit. Timeouts,
 * 5xx and connection faults are retried with fewer retries each time.
 */
@Component
@ExternalTaskSubscription(topicName = TOPIC_UNIT_SYSTEM, variableNames = {VAR_REQUEST_CODE, VAR_UNIT_SYSTEM_URL})
class UnitSystemWorker implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(UnitSystemWorker.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  /** With the read from GridCare, well inside the topic's lock (application.yml). */
  private static final Duration POST_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT).build();
  private final RequestApi api;
  private final ObjectMapper json;

  UnitSystemWorker(RequestApi api, ObjectMapper json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    Object code = task.getVariable(VAR_REQUEST_CODE);
    Optional<URI> target = address(task.getVariable(VAR_UNIT_SYSTEM_URL));
    if (!(code instanceof String requestCode) || target.isEmpty()) {
      TaskFailures.incidentNow(task, tasks, "Thiếu mã yêu cầu hoặc địa chỉ http(s) của hệ thống Điện lực / "
          + "requestCode or an http(s) unitSystemUrl is missing");
      return;
    }
    Optional<JsonNode> request;
    try {
      request = api.request(requestCode);
    } catch (RequestApi.Unavailable e) {
      TaskFailures.retryLater(task, tasks, e);
      return;
    }
    if (request.isEmpty()) {
      TaskFailures.incidentNow(task, tasks, "Không có yêu cầu " + requestCode + " / No request " + requestCode);
      return;
    }
    HttpResponse<Void> answer;
    try {
      answer = http.send(HttpRequest.newBuilder(target.get())
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", requestCode)
              .timeout(POST_TIMEOUT)
              .POST(HttpRequest.BodyPublishers.ofString(handOver(request.get()), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      TaskFailures.retryLater(task, tasks, new IOException("Hệ thống Điện lực không trả lời / the unit's system "
          + "did not answer: " + e, e));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    int status = answer.statusCode();
    if (status >= 200 && status < 300) {
      tasks.complete(task);
      log.debug("Request {} handed to the unit's system ({})", requestCode, status);
    } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
      TaskFailures.incidentNow(task, tasks, "Hệ thống Điện lực từ chối yêu cầu " + requestCode + " (HTTP " + status
          + "); cần xử lý với Điện lực rồi thử lại / The unit's system refused request " + requestCode + " (HTTP "
          + status + "); settle it with the unit, then retry");
    } else {
      TaskFailures.retryLater(task, tasks, new IOException("Hệ thống Điện lực trả lời HTTP " + status
          + " / the unit's system answered HTTP " + status));
    }
  }

  /** What the unit receives: the request as submitted and triaged, with its timeline; no internal ids. */
  private String handOver(JsonNode view) {
    ObjectNode request = view.path("request").deepCopy();
    request.remove("id");
    request.remove("processInstanceId");
    request.set("timeline", view.path("timeline"));
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<URI> address(Object value) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(text);
      return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? Optional.of(uri) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
