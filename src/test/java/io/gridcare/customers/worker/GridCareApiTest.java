package io.gridcare.customers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gridcare.customers.Audience;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's client against a stand-in for GridCare's API on a real socket. */
class GridCareApiTest {

  private static final Audience SUBSTATION_T1 = new Audience(null, List.of("E1.9-T12"), null, null, null);

  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();
  private HttpServer server;
  private GridCareApi api;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
    api = new GridCareApi("http://127.0.0.1:" + server.getAddress().getPort() + "/api/", "gridcare-worker",
        "worker-secret", new ObjectMapper());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void streamsEveryCodeOfTheAudiencePageByPage() {
    answerPages(Map.of("", "{\"codes\":[\"PD09000000001\",\"PD09000000002\"],\"next\":\"PD09000000002\"}",
        "PD09000000002", "{\"codes\":[\"PD09000000003\",\"PD09000000004\"],\"next\":\"PD09000000004\"}",
        "PD09000000004", "{\"codes\":[\"PD09000000005\"],\"next\":null}"));

    List<String> codes = api.audienceCodes(SUBSTATION_T1, 2).toList();

    assertThat(codes).containsExactly("PD09000000001", "PD09000000002", "PD09000000003", "PD09000000004",
        "PD09000000005");
    assertThat(requests).containsExactly(
        "/api/audiences/customers?substation=E1.9-T12&limit=2",
        "/api/audiences/customers?substation=E1.9-T12&limit=2&after=PD09000000002",
        "/api/audiences/customers?substation=E1.9-T12&limit=2&after=PD09000000004");
  }

  @Test
  void fetchesOnlyThePagesThatAreRead() {
    answerPages(Map.of("", "{\"codes\":[\"PD09000000001\",\"PD09000000002\"],\"next\":\"PD09000000002\"}",
        "PD09000000002", "{\"codes\":[\"PD09000000003\"],\"next\":null}"));

    List<String> firstTwo = api.audienceCodes(SUBSTATION_T1, 2).limit(2).toList();

    assertThat(firstTwo).containsExactly("PD09000000001", "PD09000000002");
    assertThat(requests).hasSize(1);
  }

  @Test
  void emptyAudienceIsAnEmptyStream() {
    answerPages(Map.of("", "{\"codes\":[],\"next\":null}"));

    assertThat(api.audienceCodes(SUBSTATION_T1)).isEmpty();
  }

  @Test
  void pageThatCannotMoveOnEndsTheStreamInsteadOfLoopingForever() {
    answerPages(Map.of("", "{\"codes\":[],\"next\":\"PD09000000009\"}"));

    assertThat(api.audienceCodes(SUBSTATION_T1)).isEmpty();
    assertThat(requests).hasSize(1);
  }

  @Test
  void sendsEveryFilterWithListsRepeatedAndTextEncoded() {
    answer("/api/audiences/customers/count", 200, "application/json", "{\"customers\":42}");
    Audience audience = new Audience("PD14", List.of("Trạm A", "T&2"), List.of("471E1.9"), List.of("S1", "S2"),
        "C1-B5");

    long size = api.audienceSize(audience);

    assertThat(size).isEqualTo(42);
    assertThat(requests).containsExactly("/api/audiences/customers/count?unit=PD14&substation=Tr%E1%BA%A1m+A"
        + "&substation=T%262&feeder=471E1.9&meterBook=S1&meterBook=S2&segment=C1-B5");
  }

  @Test
  void signsInWithTheWorkersServiceAccount() {
    answer("/api/customers/PD09000000001", 200, "application/json", "{\"profile\":{}}");

    api.customer("PD09000000001");

    assertThat(authorizations.get("/api/customers/PD09000000001")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("gridcare-worker:worker-secret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void customerGridCareDoesNotKnowIsEmpty() {
    answer("/api/customers/PD09000000404", 404, "application/problem+json",
        "{\"status\":404,\"detail\":\"Không có khách hàng PD09000000404 / No customer PD09000000404\"}");

    assertThat(api.customer("PD09000000404")).isEmpty();
  }

  @Test
  void bare404IsAnotherServerNotAMissingCustomer() {
    answer("/api/customers/PD09000000404", 404, "text/html", "<h1>Not Found</h1>");

    assertThatThrownBy(() -> api.customer("PD09000000404")).isInstanceOf(GridCareApi.Unavailable.class);
  }

  @Test
  void serverErrorsAreWorthRetrying() {
    answer("/api/customers/PD09000000500", 500, "application/problem+json", "{\"status\":500}");
    answer("/api/audiences/customers/count", 403, "application/problem+json", "{\"status\":403}");

    assertThatThrownBy(() -> api.customer("PD09000000500")).isInstanceOf(GridCareApi.Unavailable.class)
        .hasMessageContaining("500");
    assertThatThrownBy(() -> api.audienceSize(SUBSTATION_T1)).isInstanceOf(GridCareApi.Unavailable.class)
        .hasMessageContaining("403");
  }

  @Test
  void refusedRequestCarriesTheFailingFields() {
    answer("/api/audiences/customers/count", 400, "application/problem+json", "{\"status\":400,"
        + "\"detail\":\"Dữ liệu không hợp lệ / Invalid request\",\"errors\":[{\"field\":\"unit\",\"message\":\"bad\"}]}");

    assertThatThrownBy(() -> api.audienceSize(new Audience("X", null, null, null, null)))
        .isInstanceOf(GridCareApi.Rejected.class).hasMessage("Dữ liệu không hợp lệ / Invalid request (unit: bad)");
  }

  @Test
  void unreachableApiIsWorthRetrying() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    GridCareApi nowhere = new GridCareApi("http://127.0.0.1:" + closedPort + "/api", "u", "p", new ObjectMapper());

    assertThatThrownBy(() -> nowhere.customer("PD09000000001")).isInstanceOf(GridCareApi.Unavailable.class);
  }

  /** Audience pages by their {@code after} parameter ("" for the first page). */
  private void answerPages(Map<String, String> pagesByAfter) {
    server.createContext("/api/audiences/customers", exchange -> {
      remember(exchange);
      String query = exchange.getRequestURI().getRawQuery();
      String after = "";
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("after=")) {
          after = URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8);
        }
      }
      String page = pagesByAfter.get(after);
      respond(exchange, page == null ? 500 : 200, "application/json", page == null ? "{}" : page);
    });
  }

  private void answer(String path, int status, String contentType, String body) {
    server.createContext(path, exchange -> {
      remember(exchange);
      respond(exchange, status, contentType, body);
    });
  }

  private void remember(HttpExchange exchange) {
    String query = exchange.getRequestURI().getRawQuery();
    String request = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    requests.add(request);
    authorizations.put(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
