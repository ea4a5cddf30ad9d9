package io.gridcare.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The customer search index, derived from PostgreSQL and rebuildable at any time. Readers and writers use the
 * alias {@code customers}; a rebuild fills a fresh index and moves the alias in one step. Plain JSON over the
 * low-level client, as Elasticsearch 7.10+, 8.x and OpenSearch all understand it.
 */
@Component
class SearchIndex {

  static final String ALIAS = "customers";
  private static final int BUSY_RETRIES = 5;
  private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  /**
   * The version of {@link #SETTINGS_AND_MAPPINGS}, kept in the mapping's {@code _meta}. An index of an older
   * version is rebuilt (by alias swap) when the server starts.
   */
  static final int MAPPING_VERSION = 2;

  /**
   * Vietnamese without diacritics finds Vietnamese with them: "nguyen van duc" finds "Nguyễn Văn Đức". Names sort
   * by their folded form, so "Đặng" sorts with "Dang".
   */
  private static final String SETTINGS_AND_MAPPINGS = """
      {
        "settings": {
          "number_of_shards": 1,
          "number_of_replicas": %d,
          "analysis": {
            "analyzer": {
              "folding": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}
            },
            "normalizer": {
              "folded": {"type": "custom", "filter": ["lowercase", "asciifolding"]}
            }
          }
        },
        "mappings": {
          "dynamic": "strict",
          "_meta": {"mappingVersion": %d},
          "properties": {
            "code": {"type": "keyword"},
            "unitCode": {"type": "keyword"},
            "name": {"type": "text", "analyzer": "folding",
                     "fields": {"sort": {"type": "keyword", "normalizer": "folded", "ignore_above": 256}}},
            "address": {"type": "text", "analyzer": "folding"},
            "district": {"type": "keyword"},
            "phoneTails": {"type": "keyword"},
            "customerType": {"type": "keyword"},
            "segment": {"type": "keyword"},
            "regionalGroups": {"type": "keyword"},
            "substation": {"type": "keyword"},
            "feeder": {"type": "keyword"},
            "meterBook": {"type": "keyword"},
            "channels": {"type": "keyword"}
          }
        }
      }""";

  private final RestClient client;
  private final ObjectMapper json;
  private final Clock clock;
  private final int replicas;

  SearchIndex(RestClient client, ObjectMapper json, Clock clock,
      @Value("${gridcare.search.replicas:0}") int replicas) {
    this.client = client;
    this.json = json;
    this.clock = clock;
    this.replicas = replicas;
  }

  /** Creates a first index behind the alias unless the alias exists. */
  /** Creates the index behind the alias if there is none; answers false if the one there has an older mapping. */
  boolean ensureExists() {
    if (status(new Request("HEAD", "/_alias/" + ALIAS)) == 404) {
      String index = create();
      send(new Request("POST", "/_aliases"), """
          {"actions": [{"add": {"index": "%s", "alias": "%s"}}]}""".formatted(index, ALIAS));
      return true;
    }
    JsonNode mappings = read(perform(new Request("GET", "/" + ALIAS + "/_mapping")));
    for (JsonNode index : mappings) {
      if (index.path("mappings").path("_meta").path("mappingVersion").asInt(1) < MAPPING_VERSION) {
        return false;
      }
    }
    return true;
  }

  /** A new, empty index with a unique name, not yet behind the alias. */
  String create() {
    String index = ALIAS + "-" + VERSION.format(clock.instant().atOffset(ZoneOffset.UTC));
    send(new Request("PUT", "/" + index), SETTINGS_AND_MAPPINGS.formatted(replicas, MAPPING_VERSION));
    return index;
  }

  /** The indices behind the alias now. */
  List<String> aliased() {
    JsonNode aliases = read(perform(new Request("GET", "/_alias/" + ALIAS)));
    return iterable(aliases.fieldNames());
  }

  /** Moves the alias to {@code index} in one atomic step and drops the indices it leaves. */
  void swap(String index) {
    List<String> old = aliased();
    StringBuilder actions = new StringBuilder("{\"actions\": [");
    old.forEach(name -> actions.append("{\"remove\": {\"index\": \"").append(name).append("\", \"alias\": \"")
        .append(ALIAS).append("\"}},"));
    actions.append("{\"add\": {\"index\": \"").append(index).append("\", \"alias\": \"").append(ALIAS).append("\"}}]}");
    send(new Request("POST", "/_aliases"), actions.toString());
    old.stream().filter(name -> !name.equals(index)).forEach(name -> perform(new Request("DELETE", "/" + name)));
  }

  /** Writes the documents into {@code target} (an index or the alias); fails if any of them failed. */
  void write(String target, List<ObjectNode> documents) {
    if (documents.isEmpty()) {
      return;
    }
    StringBuilder body = new StringBuilder();
    for (ObjectNode document : documents) {
      body.append("{\"index\":{\"_index\":\"").append(target).append("\",\"_id\":\"")
          .append(document.get("code").asText()).append("\"}}\n");
      body.append(document).append('\n');
    }
    Request bulk = new Request("POST", "/_bulk");
    bulk.setEntity(new NStringEntity(body.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
    JsonNode result = read(performWithBackpressure(bulk));
    if (result.path("errors").asBoolean()) {
      throw new IllegalStateException("The search index refused documents: " + firstError(result));
    }
  }

  /** A fresh index being filled need not be searchable until it is complete: much faster bulk loads. */
  void pauseRefresh(String index) {
    send(new Request("PUT", "/" + index + "/_settings"), "{\"index\": {\"refresh_interval\": \"-1\"}}");
  }

  void resumeRefresh(String index) {
    send(new Request("PUT", "/" + index + "/_settings"), "{\"index\": {\"refresh_interval\": null}}");
    refresh(index);
  }

  void refresh(String target) {
    perform(new Request("POST", "/" + target + "/_refresh"));
  }

  JsonNode search(String query) {
    Request request = new Request("POST", "/" + ALIAS + "/_search");
    request.setJsonEntity(query);
    return read(perform(request));
  }

  private void send(Request request, String body) {
    request.setJsonEntity(body);
    perform(request);
  }

  private int status(Request request) {
    try {
      return client.performRequest(request).getStatusLine().getStatusCode();
    } catch (ResponseException e) {
      return e.getResponse().getStatusLine().getStatusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("The search node does not answer", e);
    }
  }

  /**
   * A busy node answers 429 (queue full, memory breaker) and expects the client to come back later: retried after
   * 0.5, 1, 2, 4 s, then given up (the outbox keeps the changes; a rebuild can be run again).
   */
  private Response performWithBackpressure(Request request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.performRequest(request);
      } catch (ResponseException e) {
        if (e.getResponse().getStatusLine().getStatusCode() != 429 || attempt == BUSY_RETRIES) {
          throw new UncheckedIOException("Search request " + request + " failed", e);
        }
        pauseBeforeRetry(attempt);
      } catch (IOException e) {
        throw new UncheckedIOException("Search request " + request + " failed", e);
      }
    }
  }

  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(250L << attempt); // the backoff a 429 asks for; nothing to wait on but time
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the search node was busy", e);
    }
  }

  private Response perform(Request request) {
    try {
      return client.performRequest(request);
    } catch (IOException e) {
      throw new UncheckedIOException("Search request " + request + " failed", e);
    }
  }

  private JsonNode read(Response response) {
    try {
      return json.readTree(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstError(JsonNode bulk) {
    for (JsonNode item : bulk.path("items")) {
      JsonNode error = item.path("index").path("error");
      if (!error.isMissingNode()) {
        return error.toString();
      }
    }
    return "(no detail)";
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
