package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GridCareIntegrationTest
class DemoCustomersTest {

  /** Demo customers are indices 0..n-1; no other test uses codes that low. */
  private static final int COUNT = 50;

  private final CustomerIngestion ingestion;
  private final CustomerStore store;
  private final CustomerDirectory directory;
  private final ObjectMapper json;

  DemoCustomersTest(@Autowired CustomerIngestion ingestion,
      @Autowired CustomerStore store,
      @Autowired CustomerDirectory directory,
      @Autowired ObjectMapper json) {
    this.ingestion = ingestion;
    this.store = store;
    this.directory = directory;
    this.json = json;
  }

  @Test
  void demoSetLoadsTheGeneratedCustomersWithTheirGroups() {
    Clock clock = Clock.systemUTC();
    new DemoCustomers(COUNT, ingestion, store, json, clock).load();

    CustomerDataGenerator generator = new CustomerDataGenerator(DemoCustomers.SEED, json, clock.instant());
    for (int index = 0; index < COUNT; index += 7) {
      String code = generator.customer(index).get(Source.BILLING).path("customerCode").asText();
      CustomerView customer = directory.find(code, new Viewer(true, Set.of(), true)).orElseThrow();
      assertThat(customer.profile().identity().fullName()).isNotBlank();
      assertThat(customer.segment()).matches("C[1-7]-B[1-8]");
    }
  }

  @Test
  void aDatabaseWithCustomersIsLeftAlone() {
    new DemoCustomers(COUNT, ingestion, store, json, Clock.systemUTC()).load();
    long before = store.customerCount();

    new DemoCustomers(10, ingestion, store, json, Clock.systemUTC()).loadOnFirstStart();

    assertThat(store.customerCount()).isEqualTo(before);
  }
}
