package io.gridcare.customers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.GridCareApplication;
import io.gridcare.system.embedded.TestStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Customer 360 benchmark ({@code bench/customers N}): imports N generated customers from all five sources into
 * the server on the embedded PostgreSQL and search node, sends them to the index, rebuilds the index, then runs
 * a mixed search workload. Prints figures; asserts nothing.
 */
final class CustomerBenchmark {

  private static final Logger log = LoggerFactory.getLogger(CustomerBenchmark.class);
  /** The figures, on their own logger so they show while everything else logs warnings only. */
  private static final Logger figures = LoggerFactory.getLogger("gridcare.bench");
  private static final int QUERIES = 5_000;

  private CustomerBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    TestStack stack = TestStack.get();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GridCareApplication.class).run(
        "--gridcare.role=server", "--server.port=0", "--spring.main.banner-mode=off",
        "--spring.datasource.url=" + stack.jdbcUrl(TestStack.APP_DATABASE),
        "--spring.datasource.username=" + stack.databaseUser(),
        "--spring.elasticsearch.uris=" + stack.searchUri(),
        "--gridcare.admin.password=bench", "--gridcare.worker.password=bench",
        "--gridcare.search.sync-interval=1h", "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=warn", "--logging.level.gridcare.bench=info")) {
      run(app, customers);
    }
    System.exit(0);
  }

  private static void run(ConfigurableApplicationContext app, int count) {
    CustomerIngestion ingestion = app.getBean(CustomerIngestion.class);
    IndexSync sync = app.getBean(IndexSync.class);
    IndexRebuild rebuild = app.getBean(IndexRebuild.class);
    CustomerSearch search = app.getBean(CustomerSearch.class);
    ObjectMapper json = app.getBean(ObjectMapper.class);
    CustomerDataGenerator generator = new CustomerDataGenerator(DemoCustomers.SEED, json, Instant.now());

    long records = 0;
    long started = System.nanoTime();
    for (int from = 0; from < count; from += CustomerIngestion.MAX_BATCH) {
      Map<Source, List<JsonNode>> batches = new EnumMap<>(Source.class);
      for (int index = from; index < Math.min(count, from + CustomerIngestion.MAX_BATCH); index++) {
        for (Map.Entry<Source, ObjectNode> record : generator.customer(index).entrySet()) {
          batches.computeIfAbsent(record.getKey(), source -> new ArrayList<>()).add(record.getValue());
        }
      }
      for (Map.Entry<Source, List<JsonNode>> batch : batches.entrySet()) {
        IngestionReport report = ingestion.ingest(batch.getKey(), batch.getValue());
        records += report.received();
        if (!report.rejected().isEmpty()) {
          throw new IllegalStateException("Generated records rejected: " + report.rejected().get(0));
        }
      }
      if ((from / CustomerIngestion.MAX_BATCH) % 10 == 9) {
        log.warn("imported {} customers", from + CustomerIngestion.MAX_BATCH);
      }
    }
    double importSeconds = seconds(started);

    started = System.nanoTime();
    long indexed = 0;
    int sent;
    do {
      sent = sync.sendBatch();
      indexed += sent;
    } while (sent > 0);
    double syncSeconds = seconds(started);

    started = System.nanoTime();
    IndexRebuild.Result rebuilt = rebuild.rebuild();
    double rebuildSeconds = seconds(started);

    List<CustomerSearch.Query> queries = queries(generator, count);
    Viewer callCentre = new Viewer(true, Set.of(), true);
    queries.subList(0, 500).forEach(query -> search.search(query, callCentre));
    long[] micros = new long[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long t = System.nanoTime();
      search.search(queries.get(i), callCentre);
      micros[i] = (System.nanoTime() - t) / 1000;
    }
    Arrays.sort(micros);

    Runtime runtime = Runtime.getRuntime();
    System.gc();
    figures.info(String.format("""

        Customer 360 benchmark, %,d customers (%,d source records), 2 cores
          import            %8.1f s   %,10.0f customers/s   %,10.0f records/s
          outbox -> index   %8.1f s   %,10.0f changes/s     (%,d queued changes, one per customer)
          full rebuild      %8.1f s   %,10.0f profiles/s   (%,d documents)
          search (%,d mixed queries, one client)  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms
          memory            server heap used %,d MB of %,d MB; search node RSS %s
        %n""",
        count, records, importSeconds, count / importSeconds, records / importSeconds,
        syncSeconds, indexed / syncSeconds, indexed,
        rebuildSeconds, rebuilt.customers() / rebuildSeconds, rebuilt.customers(),
        micros.length, percentile(micros, 50), percentile(micros, 95), percentile(micros, 99),
        (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20,
        searchNodeRss().orElse("unknown")));
  }

  /** Names without diacritics, phone tails, codes, and filter-only searches, as staff type them. */
  private static List<CustomerSearch.Query> queries(CustomerDataGenerator generator, int count) {
    SplittableRandom random = new SplittableRandom(11);
    List<CustomerSearch.Query> queries = new ArrayList<>();
    while (queries.size() < QUERIES) {
      Map<Source, ObjectNode> customer = generator.customer(random.nextInt(count));
      ObjectNode billing = customer.get(Source.BILLING);
      double kind = random.nextDouble();
      if (kind < 0.4) {
        queries.add(query(fold(billing.path("fullName").asText()), null, null));
      } else if (kind < 0.6 && customer.get(Source.CRM).has("mobile")) {
        String mobile = customer.get(Source.CRM).path("mobile").asText();
        queries.add(query(mobile.substring(mobile.length() - 4 - random.nextInt(4)), null, null));
      } else if (kind < 0.8) {
        queries.add(query(billing.path("customerCode").asText(), null, null));
      } else {
        queries.add(query(null, billing.path("customerCode").asText().substring(0, 4),
            billing.path("substation").asText()));
      }
    }
    return queries;
  }

  private static CustomerSearch.Query query(String q, String unit, String substation) {
    return new CustomerSearch.Query(q, unit, substation, null, null, null, null, null, false, 0, 20);
  }

  private static String fold(String text) {
    return Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase();
  }

  private static double percentile(long[] sortedMicros, int percent) {
    return sortedMicros[Math.min(sortedMicros.length - 1, sortedMicros.length * percent / 100)] / 1000.0;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /** Resident memory of the search node's JVM (Linux). */
  private static Optional<String> searchNodeRss() {
    return ProcessHandle.current().children()
        .filter(child -> child.info().commandLine().orElse("").contains("SearchNodeLauncher"))
        .findFirst()
        .flatMap(node -> {
          try {
            return Files.readAllLines(Path.of("/proc/" + node.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS")).map(line -> line.replaceAll("\\s+", " ").substring(6))
                .findFirst();
          } catch (Exception e) {
            return Optional.empty();
          }
        });
  }
}
