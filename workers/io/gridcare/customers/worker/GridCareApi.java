package io.gridcare.customers.worker;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.customers.Audience;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * GridCare's own API as workers reach it: over HTTP with the worker's service account, like the engine. A
 * worker-only process has no database, so this is its way to customer data. Faults of the connection or the
 * server are {@link Unavailable} (try again later); a request the server refuses is {@link Rejected}.
 */
@Component
class GridCareApi {

  /** The page size of {@link #audienceCodes(Audience)}: the API's default. */
  static final int PAGE_SIZE = 1000;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  /** Well inside the topics' lock durations (application.yml), so a slow answer cannot outlast the lock. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  // HTTP/1.1: the default HTTP/2 client would first ask plain-HTTP servers for an upgrade they do not offer
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT).build();
  private final String baseUrl;
  private final String authorization;
  private final ObjectMapper json;

  GridCareApi(@Value("${gridcare.worker.api-url}") String apiUrl, @Value("${gridcare.worker.user}") String user,
      @Value("${gridcare.worker.password}") String password, ObjectMapper json) {
    this.baseUrl = apiUrl.replaceAll("/+$", "");
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.json = json;
  }

  /** The customer as {@code GET /api/customers/{code}} shows it (profile, groups), or empty if there is none. */
  Optional<JsonNode> customer(String code) {
    return get("/customers/" + encode(code));
  }

  long audienceSize(Audience audience) {
    JsonNode size = get("/audiences/customers/count?" + query(audience))
        .orElseThrow(() -> new Unavailable("GridCare's API has no audience count; is the server older?"));
    return size.path("customers").asLong();
  }

  /** One page of the audience's codes after {@code after} (null: from the first). */
  CodePage audiencePage(Audience audience, String after, int limit) {
    String page = query(audience) + "&limit=" + limit + (after == null ? "" : "&after=" + encode(after));
    JsonNode answer = get("/audiences/customers?" + page)
        .orElseThrow(() -> new Unavailable("GridCare's API has no audiences; is the server older?"));
    List<String> codes = new ArrayList<>();
    answer.path("codes").forEach(code -> codes.add(code.asText()));
    JsonNode next = answer.path("next");
    return new CodePage(List.copyOf(codes), next.isTextual() ? next.asText() : null);
  }

  Stream<String> audienceCodes(Audience audience) {
    return audienceCodes(audience, PAGE_SIZE);
  }

  /**
   * Every code of the audience in code order, fetched a page at a time as the stream is read: a flow can walk
   * an audience of any size in constant memory. A failing page ends the stream with {@link Unavailable}.
   */
  Stream<String> audienceCodes(Audience audience, int pageSize) {
    Iterator<String> codes = new Iterator<>() {
      private Iterator<String> page = Collections.emptyIterator();
      private String after;
      private boolean last;

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && !last) {
          CodePage next = audiencePage(audience, after, pageSize);
          page = next.codes().iterator();
          after = next.next();
          // an empty page cannot move the keyset on: stop rather than ask for it again forever
          last = after == null || next.codes().isEmpty();
        }
        return page.hasNext();
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(codes,
        Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL), false);
  }

  /** The filters as query parameters; a list filter repeats its parameter. */
  static String query(Audience audience) {
    List<String> parameters = new ArrayList<>();
    if (audience.unit() != null) {
      parameters.add("unit=" + encode(audience.unit()));
    }
    audience.substations().forEach(substation -> parameters.add("substation=" + encode(substation)));
    audience.feeders().forEach(feeder -> parameters.add("feeder=" + encode(feeder)));
    audience.meterBooks().forEach(meterBook -> parameters.add("meterBook=" + encode(meterBook)));
    if (audience.segment() != null) {
      parameters.add("segment=" + encode(audience.segment()));
    }
    return String.join("&", parameters);
  }

  /** The answer's JSON; empty when GridCare has no such thing. Messages name the path, never the answer: it may hold personal data. */
  private Optional<JsonNode> get(String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .timeout(REQUEST_TIMEOUT)
        .GET().build();
    String path = pathAndQuery.replaceAll("\\?.*", "");
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable("GridCare's API at " + baseUrl + " did not answer " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("Interrupted while calling GridCare's API " + path, e);
    }
    int status = response.statusCode();
    // GridCare says "not found" as a problem detail; a bare 404 is some other server (a wrong api-url)
    if (status == 404 && response.headers().firstValue("Content-Type").orElse("")
        .startsWith("application/problem+json")) {
      return Optional.empty();
    }
    if (status == 400) {
      throw new Rejected(problem(response.body()));
    }
    if (status != 200) {
      throw new Unavailable("GridCare's API answered " + status + " to " + path);
    }
    try {
      return Optional.of(json.readTree(response.body()));
    } catch (JsonProcessingException e) {
      throw new Unavailable("GridCare's API answered " + path + " with something other than JSON");
    }
  }

  /** A 400's problem detail and failing fields: GridCare's own texts about the request, no customer data. */
  private String problem(String body) {
    try {
      JsonNode problem = json.readTree(body);
      String fields = StreamSupport.stream(problem.path("errors").spliterator(), false)
          .map(error -> error.path("field").asText() + ": " + error.path("message").asText())
          .collect(Collectors.joining("; "));
      String detail = problem.path("detail").asText("Bad request");
      return fields.isEmpty() ? detail : detail + " (" + fields + ")";
    } catch (JsonProcessingException e) {
      return "Bad request";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A page of codes; {@code next} starts the following page, null after the last. */
  record CodePage(List<String> codes, String next) {
  }

  /** The API could not be reached or failed: a technical fault, worth trying again later. */
  static class Unavailable extends RuntimeException {

    Unavailable(String message) {
      super(message);
    }

    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The API refused the request as invalid: retrying the same request cannot help. */
  static class Rejected extends RuntimeException {

    Rejected(String message) {
      super(message);
    }
  }
}
