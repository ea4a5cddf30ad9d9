package io.gridcare.requests.worker;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests as workers read them: {@code GET /api/requests/{code}} over GridCare's API with the worker's service
 * account. A fault of the connection or the server is {@link Unavailable}. Messages name the code only: a request
 * carries the customer's personal data.
 */
@Component
class RequestApi {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  /** Well inside the topic's lock (application.yml), with the hand-over after it. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT).build();
  private final String baseUrl;
  private final String authorization;
  private final ObjectMapper json;

  RequestApi(@Value("${gridcare.worker.api-url}") String apiUrl, @Value("${gridcare.worker.user}") String user,
      @Value("${gridcare.worker.password}") String password, ObjectMapper json) {
    this.baseUrl = apiUrl.replaceAll("/+$", "");
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.json = json;
  }

  /** The request with its timeline ({@code {request, timeline}}), or empty when GridCare has no such request. */
  Optional<JsonNode> request(String code) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/requests/"
            + URLEncoder.encode(code, StandardCharsets.UTF_8)))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .timeout(REQUEST_TIMEOUT)
        .GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable("GridCare's API at " + baseUrl + " did not answer for request " + code + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("Interrupted while reading request " + code);
    }
    // GridCare says "not found" as a problem detail; a bare 404 is some other server (a wrong api-url)
    if (response.statusCode() == 404
        && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new Unavailable("GridCare's API answered " + response.statusCode() + " for request " + code);
    }
    try {
      return Optional.of(json.readTree(response.body()));
    } catch (JsonProcessingException e) {
      throw new Unavailable("GridCare's API answered request " + code + " with something other than JSON");
    }
  }

  /** The API could not be reached or failed: a technical fault, worth trying again later. */
  static class Unavailable extends RuntimeException {

    Unavailable(String message) {
      super(message);
    }
  }
}
