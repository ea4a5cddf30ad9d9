package io.gridcare.customers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A demo dataset for a first look: with {@code GRIDCARE_DEMO_CUSTOMERS=10000}, a server whose database has no
 * customers yet loads that many generated ones (always the same, seed 2026) through the normal ingestion, in
 * the background, so that search and every flow show real-looking customers at once.
 */
@Component
class DemoCustomers {

  static final long SEED = 2026;

  private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

  private final int count;
  private final CustomerIngestion ingestion;
  private final CustomerStore store;
  private final ObjectMapper json;
  private final Clock clock;

  DemoCustomers(@Value("${gridcare.demo.customers:0}") int count, CustomerIngestion ingestion, CustomerStore store,
      ObjectMapper json, Clock clock) {
    this.count = count;
    this.ingestion = ingestion;
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadOnFirstStart() {
    if (count > 0 && store.customerCount() == 0) {
      Thread loader = new Thread(this::load, "demo-customers");
      loader.setDaemon(true);
      loader.start();
    }
  }

  void load() {
    CustomerDataGenerator generator = new CustomerDataGenerator(SEED, json, clock.instant());
    log.info("Loading {} demo customers", count);
    for (int from = 0; from < count; from += CustomerIngestion.MAX_BATCH) {
      Map<Source, List<JsonNode>> batches = new EnumMap<>(Source.class);
      for (int index = from; index < Math.min(count, from + CustomerIngestion.MAX_BATCH); index++) {
        for (Map.Entry<Source, ObjectNode> record : generator.customer(index).entrySet()) {
          batches.computeIfAbsent(record.getKey(), source -> new ArrayList<>()).add(record.getValue());
        }
      }
      batches.forEach(ingestion::ingest);
      log.info("Demo customers: {} of {} loaded", Math.min(count, from + CustomerIngestion.MAX_BATCH), count);
    }
  }
}
