package io.gridcare.customers.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.customers.CustomerDataGenerator;
import io.gridcare.customers.Source;
import io.gridcare.system.embedded.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A thousand generated customers from all five sources, through the API source systems use. */
@GridCareIntegrationTest
class GeneratedCustomersImportTest {

  /** Far above the codes other tests use, so the shared database has no collisions. */
  private static final int FIRST = 5_000_000;
  private static final int COUNT = 1000;

  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);

  private final ObjectMapper json;

  GeneratedCustomersImportTest(@Autowired ObjectMapper json) {
    this.json = json;
  }

  @Test
  void generatedCustomersImportWithoutRejectionsAndFillTheGroups() {
    CustomerDataGenerator generator = new CustomerDataGenerator(7, json, Instant.now());
    Map<Source, List<ObjectNode>> batches = new EnumMap<>(Source.class);
    for (int index = FIRST; index < FIRST + COUNT; index++) {
      generator.customer(index).forEach((source, record) ->
          batches.computeIfAbsent(source, s -> new ArrayList<>()).add(record));
    }

    batches.forEach((source, records) -> {
      ObjectNode body = json.createObjectNode();
      body.putArray("records").addAll(records);
      JsonNode report = admin.postJson("/api/sources/" + source.path() + "/records", body.toString()).json();
      assertThat(report.path("rejected")).as(source + ": " + report).isEmpty();
      assertThat(report.path("applied").asInt()).as(source.path()).isEqualTo(records.size());
    });

    List<JsonNode> groups = StreamSupport.stream(admin.get("/api/segments").json().spliterator(), false).toList();
    assertThat(groups.stream().filter(group -> group.path("kind").asText().equals("CORPORATE")).count())
        .as("a realistic mix spreads over many of the 56 groups").isGreaterThanOrEqualTo(20);
    assertThat(groups.stream().filter(group -> group.path("kind").asText().equals("CORPORATE"))
        .mapToLong(group -> group.path("customers").asLong()).sum()).isGreaterThanOrEqualTo(COUNT);
  }
}
