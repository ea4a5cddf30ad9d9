package io.gridcare.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request texts in the search index, for the similar-text duplicate check. Derived from PostgreSQL: a request is
 * queued ({@code index_pending}) when stored, sent within a second, and a missing index is refilled from the
 * table.
 */
@Component
class RequestIndex {

  static final String INDEX = "service-requests";
  private static final Logger log = LoggerFactory.getLogger(RequestIndex.class);
  private static final int BATCH = 500;
  private static final String MAPPING = """
      {
        "settings": {
          "number_of_shards": 1, "number_of_replicas": %d,
          "analysis": {"analyzer": {"folding": {"type": "custom", "tokenizer": "standard",
                                                "filter": ["lowercase", "asciifolding"]}}}
        },
        "mappings": {"properties": {
          "code": {"type": "keyword"}, "customerCode": {"type": "keyword"}, "phone": {"type": "keyword"},
          "serviceType": {"type": "keyword"}, "submittedAt": {"type": "date"},
          "text": {"type": "text", "analyzer": "folding"}
        }}
      }""";

  private final RestClient client;
  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final int replicas;
  private volatile boolean ready;

  RequestIndex(RestClient client, JdbcClient sql, TransactionTemplate transaction, ObjectMapper json,
      @Value("${gridcare.search.replicas:0}") int replicas) {
    this.client = client;
    this.sql = sql;
    this.transaction = transaction;
    this.json = json;
    this.replicas = replicas;
  }

  /** Sends what is queued; an index found missing is created and refilled from every stored request. */
  @Scheduled(fixedDelayString = "${gridcare.requests.index-interval:1s}")
  void sync() {
    try {
      ensureIndex();
      while (sendBatch() == BATCH) {
        // more queued
      }
    } catch (RuntimeException e) {
      log.warn("Request texts not sent to the search index; retrying: {}", e.getMessage());
    }
  }

  private void ensureIndex() {
    if (ready) {
      return;
    }
    if (status(new Request("HEAD", "/" + INDEX)) == 404) {
      Request create = new Request("PUT", "/" + INDEX);
      create.setEntity(new NStringEntity(MAPPING.formatted(replicas), ContentType.APPLICATION_JSON));
      perform(create);
      int queued = sql.sql("update service_request set index_pending = true where not index_pending").update();
      log.info("Created the search index {}; {} stored requests queued for it", INDEX, queued);
    }
    ready = true;
  }

  /** Sends up to one batch; answers how many requests it took. */
  int sendBatch() {
    Integer taken = transaction.execute(status -> {
      List<ObjectNode> documents = sql.sql("""
              select code, customer_code, phone, service_type, submitted_at, draft ->> 'description' as text
                from service_request where index_pending order by id limit :batch for update skip locked""")
          .param("batch", BATCH)
          .query((row, n) -> {
            ObjectNode document = json.createObjectNode();
            document.put("code", row.getString("code"));
            document.put("customerCode", row.getString("customer_code"));
            document.put("phone", row.getString("phone"));
            document.put("serviceType", row.getString("service_type"));
            document.put("submittedAt", row.getTimestamp("submitted_at").toInstant().toString());
            document.put("text", row.getString("text"));
            return document;
          }).list();
      List<ObjectNode> texts = documents.stream().filter(document -> !document.path("text").isNull()
          && !document.path("text").asText().isBlank()).toList();
      if (!texts.isEmpty()) {
        bulk(texts);
      }
      if (!documents.isEmpty()) {
        sql.sql("update service_request set index_pending = false where code = any(:codes)")
            .param("codes", documents.stream().map(document -> document.get("code").asText()).toArray(String[]::new))
            .update();
      }
      return documents.size();
    });
    return taken == null ? 0 : taken;
  }

  /** Codes of the requests of this customer or phone whose text shares most of this one's words, best first. */
  List<String> similar(String text, String customerCode, String phone, Instant since, String self) {
    if (text == null || text.isBlank() || !ready) {
      return List.of();
    }
    ObjectNode query = json.createObjectNode();
    query.put("size", 5);
    query.putArray("_source").add("code");
    ObjectNode bool = query.putObject("query").putObject("bool");
    // most of this text's words must be in the other one: more_like_this would drop the words no stored request
    // has, and a new text sharing one word with an old one would count as similar
    ObjectNode match = bool.putObject("must").putObject("match").putObject("text");
    match.put("query", text);
    match.put("minimum_should_match", "3<60%");
    ArrayNode filter = bool.putArray("filter");
    ArrayNode who = filter.addObject().putObject("bool").put("minimum_should_match", 1).putArray("should");
    if (phone != null) {
      who.addObject().putObject("term").put("phone", phone);
    }
    if (customerCode != null) {
      who.addObject().putObject("term").put("customerCode", customerCode);
    }
    if (who.isEmpty()) {
      return List.of();
    }
    filter.addObject().putObject("range").putObject("submittedAt").put("gte", since.toString());
    if (self != null) {
      bool.putArray("must_not").addObject().putObject("term").put("code", self);
    }
    Request search = new Request("POST", "/" + INDEX + "/_search");
    search.setEntity(new NStringEntity(query.toString(), ContentType.APPLICATION_JSON));
    List<String> codes = new ArrayList<>();
    for (JsonNode hit : perform(search).path("hits").path("hits")) {
      codes.add(hit.path("_source").path("code").asText());
    }
    return codes;
  }

  /** Makes what was sent searchable now (tests and the benchmark wait on it). */
  void refresh() {
    perform(new Request("POST", "/" + INDEX + "/_refresh"));
  }

  private void bulk(List<ObjectNode> documents) {
    StringBuilder body = new StringBuilder();
    for (ObjectNode document : documents) {
      body.append("{\"index\":{\"_index\":\"").append(INDEX).append("\",\"_id\":\"")
          .append(document.get("code").asText()).append("\"}}\n").append(document).append('\n');
    }
    Request request = new Request("POST", "/_bulk");
    request.setEntity(new NStringEntity(body.toString(), ContentType.create("application/x-ndjson",
        StandardCharsets.UTF_8)));
    JsonNode answer = perform(request);
    if (answer.path("errors").asBoolean()) {
      throw new IllegalStateException("The search index refused request texts: " + answer.path("items").get(0));
    }
  }

  private int status(Request request) {
    try {
      return client.performRequest(request).getStatusLine().getStatusCode();
    } catch (ResponseException e) {
      return e.getResponse().getStatusLine().getStatusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode perform(Request request) {
    try {
      return json.readTree(EntityUtils.toString(client.performRequest(request).getEntity(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
