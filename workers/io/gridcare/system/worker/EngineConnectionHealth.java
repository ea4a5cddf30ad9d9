package io.gridcare.system.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * A worker is healthy when the engine's REST API answers it with its own credentials: the same path every
 * external task takes. Orchestrators use it to hold workers back until a server is up.
 */
@Component("engineConnection")
class EngineConnectionHealth implements HealthIndicator {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final HttpRequest version;

  EngineConnectionHealth(@Value("${camunda.bpm.client.base-url}") String engineUrl,
      @Value("${gridcare.worker.user}") String user, @Value("${gridcare.worker.password}") String password) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.version = HttpRequest.newBuilder(URI.create(engineUrl + "/version"))
        .header("Authorization", "Basic " + credentials)
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public Health health() {
    try {
      int status = http.send(version, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? Health.up().build() : Health.down().withDetail("engineRestStatus", status).build();
    } catch (IOException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().build();
    }
  }
}
