package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class CustomerDataGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
  private final CustomerDataGenerator generator = new CustomerDataGenerator(42, json, NOW);

  @Test
  void sameSeedGivesTheSameCustomers() {
    assertThat(new CustomerDataGenerator(42, json, NOW).customer(7)).isEqualTo(generator.customer(7));
    assertThat(new CustomerDataGenerator(43, json, NOW).customer(7)).isNotEqualTo(generator.customer(7));
  }

  @Test
  void everyGeneratedRecordPassesTheSourcesValidation() throws Exception {
    for (int index = 0; index < 500; index++) {
      for (Map.Entry<Source, ObjectNode> record : generator.customer(index).entrySet()) {
        SourceRecords.SourceRecord parsed = json.treeToValue(record.getValue(), record.getKey().recordType());
        assertThat(validator.validate(parsed)).as(record.getValue().toString()).isEmpty();
        if (parsed instanceof SourceRecords.Crm crm && crm.mobile() != null) {
          assertThat(PhoneNumbers.normalise(crm.mobile())).as(crm.mobile()).isPresent();
        }
      }
    }
  }

  @Test
  void customersLookLikeHanoisMix() {
    List<Map<Source, ObjectNode>> customers = IntStream.range(0, 2000).mapToObj(generator::customer).toList();

    assertThat(share(customers, c -> c.get(Source.BILLING).path("customerType").asText().equals("RESIDENTIAL")))
        .isBetween(0.85, 0.91);
    assertThat(share(customers, c -> c.get(Source.CRM).has("mobile"))).isBetween(0.90, 0.96);
    assertThat(share(customers, c -> c.containsKey(Source.CHANNELS)
        && c.get(Source.CHANNELS).path("appRegistered").asBoolean())).isBetween(0.30, 0.40);
    assertThat(customers.stream().map(c -> c.get(Source.BILLING).path("customerCode").asText().substring(0, 4))
        .distinct().count()).isEqualTo(30);
    assertThat(customers.stream().map(c -> c.get(Source.BILLING).path("fullName").asText()))
        .anyMatch(name -> name.startsWith("Nguyễn"));
    assertThat(customers.stream().map(c -> c.get(Source.BILLING).path("customerCode").asText()).distinct())
        .hasSize(2000);
  }

  private static double share(List<Map<Source, ObjectNode>> customers,
      Predicate<Map<Source, ObjectNode>> test) {
    return customers.stream().filter(test).count() / (double) customers.size();
  }

}
