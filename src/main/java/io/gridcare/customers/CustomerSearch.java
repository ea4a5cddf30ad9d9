package io.gridcare.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

/**
 * Finds customers in the search index: full text over name and address (without diacritics too), the customer
 * code, and phone numbers by their last digits; filters and facets over unit, grid location, group, type and
 * reachable channels. Staff of a unit find only that unit's customers.
 */
@Service
public class CustomerSearch {

  /** How deep paging may go: the search engine's default result window. */
  public static final int MAX_RESULT_WINDOW = 10_000;

  private static final Map<String, String> FACETS = Map.of(
      "unit", "unitCode", "segment", "segment", "customerType", "customerType", "channel", "channels");

  private final SearchIndex index;
  private final ObjectMapper json;

  CustomerSearch(SearchIndex index, ObjectMapper json) {
    this.index = index;
    this.json = json;
  }

  public SearchResult search(Query query, Viewer viewer) {
    if (!viewer.allUnits() && viewer.units().isEmpty()) {
      return new SearchResult(List.of(), query.page(), query.size(), 0, 0, Map.of());
    }
    JsonNode response = index.search(request(query, viewer).toString());
    List<Hit> hits = new ArrayList<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      List<String> channels = new ArrayList<>();
      source.path("channels").forEach(channel -> channels.add(channel.asText()));
      hits.add(new Hit(source.path("code").asText(), source.path("unitCode").asText(),
          text(source, "name"), text(source, "address"), text(source, "customerType"), text(source, "segment"),
          channels));
    }
    long total = response.path("hits").path("total").path("value").asLong();
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    FACETS.keySet().stream().sorted().forEach(facet -> {
      List<FacetValue> values = new ArrayList<>();
      response.path("aggregations").path(facet).path("buckets").forEach(bucket ->
          values.add(new FacetValue(bucket.path("key").asText(), bucket.path("doc_count").asLong())));
      facets.put(facet, values);
    });
    return new SearchResult(hits, query.page(), query.size(), total,
        (int) ((total + query.size() - 1) / query.size()), facets);
  }

  private ObjectNode request(Query query, Viewer viewer) {
    ObjectNode request = json.createObjectNode();
    request.put("from", query.page() * query.size());
    request.put("size", query.size());
    request.put("track_total_hits", true);
    ObjectNode bool = request.putObject("query").putObject("bool");
    if (query.q() != null && !query.q().isBlank()) {
      ArrayNode should = bool.putArray("should");
      ObjectNode text = should.addObject().putObject("multi_match");
      text.put("query", query.q());
      text.putArray("fields").add("name^3").add("address");
      text.put("operator", "and");
      should.addObject().putObject("term").put("code", query.q().strip().toUpperCase());
      String tail = SearchDocuments.phoneTail(query.q());
      if (tail != null) {
        should.addObject().putObject("term").put("phoneTails", tail);
      }
      bool.put("minimum_should_match", 1);
    }
    ArrayNode filter = bool.putArray("filter");
    if (!viewer.allUnits()) {
      ArrayNode units = filter.addObject().putObject("terms").putArray("unitCode");
      viewer.units().stream().sorted().forEach(units::add);
    }
    term(filter, "unitCode", query.unit());
    term(filter, "substation", query.substation());
    term(filter, "meterBook", query.meterBook());
    term(filter, "segment", query.segment());
    term(filter, "customerType", query.customerType());
    term(filter, "channels", query.channel());
    ArrayNode sort = request.putArray("sort");
    Sort order = query.sort() == null ? Sort.RELEVANCE : query.sort();
    if (order == Sort.RELEVANCE) {
      sort.add("_score");
    } else {
      sort.addObject().putObject(order.field).put("order", query.descending() ? "desc" : "asc")
          .put("missing", "_last");
    }
    // ties (and customers without a name or group) in code order, so paging is stable
    if (order != Sort.CODE) {
      sort.addObject().put("code", "asc");
    }
    ObjectNode aggregations = request.putObject("aggs");
    FACETS.forEach((facet, field) ->
        aggregations.putObject(facet).putObject("terms").put("field", field).put("size", 100));
    return request;
  }

  private static void term(ArrayNode filter, String field, String value) {
    if (value != null && !value.isBlank()) {
      filter.addObject().putObject("term").put(field, value);
    }
  }

  private static String text(JsonNode source, String field) {
    JsonNode value = source.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A search as staff ask it; every part is optional. No sort: by relevance, then code. */
  public record Query(String q, String unit, String substation, String meterBook, String segment,
                      String customerType, String channel, Sort sort, boolean descending, int page, int size) {
  }

  /** What results can be ordered by. */
  public enum Sort {
    RELEVANCE("_score"), CODE("code"), NAME("name.sort"), UNIT("unitCode"), SEGMENT("segment"),
    CUSTOMER_TYPE("customerType");

    private final String field;

    Sort(String field) {
      this.field = field;
    }
  }

  /** A customer found, as the result list shows it (no personal data). */
  public record Hit(String code, String unitCode, String name, String address, String customerType, String segment,
                    List<String> channels) {
  }

  public record FacetValue(String value, long count) {
  }

  public record SearchResult(List<Hit> items, int page, int size, long totalItems, int totalPages,
                             Map<String, List<FacetValue>> facets) {
  }
}
