package io.gridcare.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.customers.CustomerDataGenerator;
import io.gridcare.customers.CustomerIngestion;
import io.gridcare.customers.Source;
import io.gridcare.requests.PortalRequestGenerator.Generated;
import io.gridcare.requests.PortalRequestGenerator.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Generated portal requests against the seeded catalog and 400 generated customers ingested for real (indices of
 * their own, seed 13): what the generator calls clean passes validation, and what it calls wrong does not.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalRequestGeneratorTest {

  private static final int FIRST = 6_300_000;
  private static final int COUNT = 400;
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private final CustomerIngestion ingestion;
  private final PortalRequests portal;
  private final ServiceCatalog catalog;
  private final CustomerDataGenerator customers;

  PortalRequestGeneratorTest(@Autowired CustomerIngestion ingestion, @Autowired PortalRequests portal,
      @Autowired ServiceCatalog catalog, @Autowired ObjectMapper json) {
    this.ingestion = ingestion;
    this.portal = portal;
    this.catalog = catalog;
    this.customers = new CustomerDataGenerator(13, json, Instant.parse("2026-11-01T00:00:00Z"));
  }

  @BeforeAll
  void customersAreKnown() {
    Map<Source, List<JsonNode>> batches = new EnumMap<>(Source.class);
    for (int index = FIRST; index < FIRST + COUNT; index++) {
      for (Map.Entry<Source, ObjectNode> record : customers.customer(index).entrySet()) {
        batches.computeIfAbsent(record.getKey(), source -> new ArrayList<>()).add(record.getValue());
      }
    }
    batches.forEach((source, records) -> assertThat(ingestion.ingest(source, records).rejected()).isEmpty());
  }

  @Test
  void theSameSeedAndIndexGiveTheSameRequest() {
    PortalRequestGenerator again = generator();
    PortalRequestGenerator generator = generator();

    for (int index = 0; index < 100; index++) {
      assertThat(again.request(index)).isEqualTo(generator.request(index));
    }
    assertThat(new PortalRequestGenerator(14, catalog.active(), customers, FIRST, COUNT, TODAY).request(3))
        .isNotEqualTo(generator.request(3));
  }

  @Test
  void cleanRequestsGiveEverythingTheCatalogAsksAndPassValidation() {
    PortalRequestGenerator generator = generator();
    List<String> blocked = new ArrayList<>();
    int clean = 0;
    // past COUNT the customers come round again: validation stores nothing, so they are as new
    for (int index = 0; index < 3 * COUNT; index++) {
      Generated request = generator.request(index);
      if (request.kind() != Kind.CLEAN) {
        continue;
      }
      clean++;
      RequestDraft draft = request.draft();
      ServiceType service = catalog.find(draft.serviceType()).orElseThrow();
      Optional<ServiceReason> reason = service.reason(draft.reasonCode());
      assertThat(reason.isPresent() || service.reasons().isEmpty()).as("a reason of %s", draft).isTrue();
      assertThat(service.fieldsRequired(reason)).allSatisfy(field ->
          assertThat(draft.value(field)).as("%s of %s", field, draft).isNotNull());
      assertThat(service.documentsRequired(reason)).allSatisfy(kind ->
          assertThat(draft.hasDocument(kind)).as("%s of %s", kind, draft).isTrue());
      List<Warning> blocking = portal.validate(draft).stream().filter(Warning::blocking).toList();
      if (!blocking.isEmpty()) {
        blocked.add(draft.serviceType() + "/" + draft.reasonCode() + ": " + blocking);
      }
    }

    assertThat(blocked).isEmpty();
    assertThat(clean).as("about 88%% of %d", 3 * COUNT).isBetween(3 * COUNT * 85 / 100, 3 * COUNT * 91 / 100);
  }

  @Test
  void wrongChoicesAndMissingDataGetABlockingWarningAndFreeTextsChooseNoReason() {
    PortalRequestGenerator generator = generator();
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    for (int index = 0; index < COUNT; index++) {
      Generated request = generator.request(index);
      kinds.merge(request.kind(), 1, Integer::sum);
      switch (request.kind()) {
        case WRONG_CHOICE, MISSING_DATA -> assertThat(portal.validate(request.draft()))
            .as("%s %s", request.kind(), request.draft()).anyMatch(Warning::blocking);
        case FREE_TEXT -> {
          assertThat(request.draft().reasonCode()).isNull();
          assertThat(request.draft().description()).isNotBlank();
        }
        case REPEAT -> assertThat(earlierCleanOfTheSameCustomer(generator, request)).isTrue();
        case CLEAN -> {
        }
      }
    }

    assertThat(kinds.keySet()).containsExactlyInAnyOrder(Kind.values());
  }

  private static boolean earlierCleanOfTheSameCustomer(PortalRequestGenerator generator, Generated repeat) {
    for (int index = repeat.index() - 1; index >= 0; index--) {
      Generated earlier = generator.request(index);
      if (earlier.kind() == Kind.CLEAN && earlier.customerIndex() == repeat.customerIndex()
          && earlier.draft().serviceType().equals(repeat.draft().serviceType())
          && earlier.draft().phone().equals(repeat.draft().phone())) {
        return true;
      }
    }
    return false;
  }

  private PortalRequestGenerator generator() {
    return new PortalRequestGenerator(13, catalog.active(), customers, FIRST, COUNT, TODAY);
  }
}
