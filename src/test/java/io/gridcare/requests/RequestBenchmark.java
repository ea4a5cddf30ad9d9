package io.gridcare.requests;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.GridCareApplication;
import io.gridcare.customers.CustomerDataGenerator;
import io.gridcare.customers.CustomerIngestion;
import io.gridcare.customers.IngestionReport;
import io.gridcare.customers.Source;
import io.gridcare.notifications.ObservedReceipts;
import io.gridcare.requests.PortalRequestGenerator.Generated;
import io.gridcare.requests.PortalRequestGenerator.Kind;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Online requests benchmark ({@code bench/requests [customers] [shareRequests] [rate] [seconds]}): the server on
 * the embedded PostgreSQL and search node with the seeded catalog and N generated customers (default 20,000), then
 * <ol>
 *   <li>the auto-forward share over M generated requests (default 10,000) submitted over HTTP in order, by the
 *   generator's kind and the triage decision's reason, and how many requests with a blocking warning were
 *   forwarded with no agent (there should be none);</li>
 *   <li>submit-to-triage-decision latency at a fixed rate (default 100 requests/s for 120 s, after 15 s of
 *   warm-up): open loop, each submission scheduled on the clock and timed from its scheduled start, so a slow
 *   answer delays no later submission and a stall shows in the figures. The triage decision is taken inside the
 *   submit call; the flow starts right after it, and forwarding and notices follow on the job executor, as in
 *   production;</li>
 *   <li>what the burst left for the background, and how long the flows took to start, and how fast the jobs ran.</li>
 * </ol>
 * Prints figures; asserts nothing. Portal rate limits are lifted: every request comes from one address.
 */
final class RequestBenchmark {

  private static final Logger log = LoggerFactory.getLogger(RequestBenchmark.class);
  private static final Logger figures = LoggerFactory.getLogger("gridcare.bench");
  private static final long SEED = 2026;
  private static final int SENDERS = 32;
  private static final int WARM_UP_SECONDS = 15;

  private final ConfigurableApplicationContext app;
  private final JdbcClient sql;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newFixedThreadPool(8)).build();
  private final URI submitUri;

  private RequestBenchmark(ConfigurableApplicationContext app, int port) {
    this.app = app;
    this.sql = app.getBean(JdbcClient.class);
    this.json = app.getBean(ObjectMapper.class);
    this.submitUri = URI.create("http://localhost:" + port + "/api/portal/requests");
  }

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int shareRequests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 120;
    if (customers < 1 || shareRequests < 1 || rate < 1 || seconds < 1) {
      throw new IllegalArgumentException("customers, requests, rate and seconds must be positive: "
          + String.join(" ", args));
    }
    TestStack stack = TestStack.get();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GridCareApplication.class)
        .initializers(context -> context.addBeanFactoryPostProcessor(RequestBenchmark::withoutTestBeans)).run(
        "--gridcare.role=all", "--server.port=" + stack.serverPort(), "--spring.main.banner-mode=off",
        "--spring.datasource.url=" + stack.jdbcUrl(TestStack.APP_DATABASE),
        "--spring.datasource.username=" + stack.databaseUser(),
        "--spring.elasticsearch.uris=" + stack.searchUri(),
        "--gridcare.data-dir=target/bench-data",
        "--gridcare.admin.password=bench", "--gridcare.worker.password=bench",
        "--gridcare.search.sync-interval=1h", "--gridcare.customers.refresh.poll=1h",
        "--gridcare.portal.rate-limits.client-per-minute=100000000",
        "--gridcare.portal.rate-limits.phone-per-hour=100000000",
        "--gridcare.sandbox.smpp-port=" + stack.sandboxSmppPort(),
        "--gridcare.sandbox.zalo-port=" + stack.zaloSandboxPort(),
        "--gridcare.sandbox.smtp-port=" + stack.sandboxSmtpPort(),
        "--gridcare.sandbox.http-port=" + stack.sandboxHttpPort(),
        "--logging.level.root=warn", "--logging.level.gridcare.bench=info")) {
      new RequestBenchmark(app, stack.serverPort()).run(customers, shareRequests, rate, seconds);
    }
    System.exit(0);
  }

  /** The integration tests' receipt log keeps every receipt in memory, a cost production does not have. */
  private static void withoutTestBeans(ConfigurableListableBeanFactory beans) {
    BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beans;
    for (String name : beans.getBeanNamesForType(ObservedReceipts.Log.class, true, false)) {
      registry.removeBeanDefinition(name);
    }
  }

  private void run(int customerCount, int shareRequests, int rate, int seconds) throws Exception {
    CustomerDataGenerator customers = new CustomerDataGenerator(SEED, json, Instant.now());
    long started = System.nanoTime();
    ingest(customers, customerCount);
    figures.info("ingested {} generated customers in {} s", customerCount, Math.round(seconds(started)));
    List<ServiceType> catalog = app.getBean(ServiceCatalog.class).active();
    if (catalog.isEmpty()) {
      throw new IllegalStateException("The catalog is empty: the benchmark needs the seeded catalog");
    }
    PortalRequestGenerator generator = new PortalRequestGenerator(SEED, catalog, customers, 0, customerCount,
        LocalDate.now(PortalRequests.VIETNAM));

    started = System.nanoTime();
    Map<String, Kind> share = submitInOrder(generator, shareRequests);
    double shareSeconds = seconds(started);
    reportShare(share, shareRequests, shareSeconds, catalog.size());

    int warmUp = rate * WARM_UP_SECONDS;
    openLoop(generator, shareRequests, rate, warmUp);
    long[] micros = openLoop(generator, shareRequests + warmUp, rate, rate * seconds);
    reportLatency(micros, rate, seconds);
    reportBacklog();
  }

  /**
   * What the burst left for the background: requests whose flow has not started, jobs due; then how long the
   * flows took to start (waited for up to ten minutes), and how many jobs ran in up to two more minutes.
   */
  private void reportBacklog() {
    ServiceRequests requests = app.getBean(ServiceRequests.class);
    long awaiting = requests.countAwaitingFlow();
    long jobs = app.getBean(ManagementService.class).createJobQuery().executable().count();
    long started = System.nanoTime();
    try {
      Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
          .until(requests::countAwaitingFlow, count -> count == 0);
    } catch (ConditionTimeoutException notYet) {
      // reported below
    }
    long left = requests.countAwaitingFlow();
    double flowsStarted = seconds(started);
    // every forwarded request raises notices, each a notification flow of its own: how fast the job executor
    // works that off, over two more minutes
    ManagementService management = app.getBean(ManagementService.class);
    HistoryService history = app.getBean(HistoryService.class);
    long ranBefore = history.createHistoricJobLogQuery().successLog().count();
    long watching = System.nanoTime();
    try {
      Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
          .until(() -> management.createJobQuery().executable().count(), count -> count == 0);
    } catch (ConditionTimeoutException notYet) {
      // reported below
    }
    double watched = seconds(watching);
    long ran = history.createHistoricJobLogQuery().successLog().count() - ranBefore;
    long jobsLeft = management.createJobQuery().executable().count();
    figures.info(String.format("""

        Background after the timed phase: %,d requests awaiting their flow, %,d jobs due
          every flow started %.1f s later%s
          then %,d jobs ran in %.0f s (%,.0f/s: forwarding, notices, receipts); %,d still due
        """, awaiting, jobs, flowsStarted, left > 0 ? " (not all: " + left + " still waiting)" : "",
        ran, watched, ran / watched, jobsLeft));
  }

  private void ingest(CustomerDataGenerator customers, int count) {
    CustomerIngestion ingestion = app.getBean(CustomerIngestion.class);
    for (int from = 0; from < count; from += CustomerIngestion.MAX_BATCH) {
      Map<Source, List<JsonNode>> batches = new EnumMap<>(Source.class);
      for (int index = from; index < Math.min(count, from + CustomerIngestion.MAX_BATCH); index++) {
        for (Map.Entry<Source, ObjectNode> record : customers.customer(index).entrySet()) {
          batches.computeIfAbsent(record.getKey(), source -> new ArrayList<>()).add(record.getValue());
        }
      }
      for (Map.Entry<Source, List<JsonNode>> batch : batches.entrySet()) {
        IngestionReport report = ingestion.ingest(batch.getKey(), batch.getValue());
        if (!report.rejected().isEmpty()) {
          throw new IllegalStateException("Generated records rejected: " + report.rejected().get(0));
        }
      }
    }
  }

  /**
   * Submits requests 0 to count - 1 from a few threads, each taking the next index, so that a repeat finds the
   * earlier request it repeats already stored (it looks back at least one request, mostly many more).
   */
  private Map<String, Kind> submitInOrder(PortalRequestGenerator generator, int count) throws InterruptedException {
    Map<String, Kind> submitted = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    for (int thread = 0; thread < 4; thread++) {
      senders.execute(() -> {
        for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
          Generated request = generator.request(index);
          String code = submit(request.draft());
          if (code == null) {
            failed.incrementAndGet();
          } else {
            submitted.put(code, request.kind());
          }
        }
      });
    }
    senders.shutdown();
    senders.awaitTermination(2, TimeUnit.HOURS);
    if (failed.get() > 0) {
      figures.info("{} of {} submissions failed", failed.get(), count);
    }
    return submitted;
  }

  /** Submits {@code count} requests from index {@code first} at {@code rate} per second; answers each latency. */
  private long[] openLoop(PortalRequestGenerator generator, int first, int rate, int count)
      throws InterruptedException {
    List<RequestDraft> drafts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      drafts.add(generator.request(first + i).draft());
    }
    long[] micros = new long[count];
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(count);
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    AtomicInteger scheduled = new AtomicInteger();
    clock.scheduleAtFixedRate(() -> {
      // a late tick sends every submission that is due, each timed from when it was due
      long now = System.nanoTime();
      for (int i = scheduled.get(); i < count && start + i * periodNanos <= now; i = scheduled.incrementAndGet()) {
        int slot = i;
        long due = start + slot * periodNanos;
        senders.execute(() -> {
          if (submit(drafts.get(slot)) == null) {
            failures.incrementAndGet();
          }
          micros[slot] = (System.nanoTime() - due) / 1000;
          done.countDown();
        });
      }
    }, start - System.nanoTime(), periodNanos / 2, TimeUnit.NANOSECONDS);
    done.await();
    clock.shutdownNow();
    senders.shutdown();
    if (failures.get() > 0) {
      figures.info("{} of {} timed submissions failed", failures.get(), count);
    }
    return micros;
  }

  /** The new request's code, or null when it was not taken. */
  private String submit(RequestDraft draft) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(submitUri)
          .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(draft), StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 201) {
        log.warn("Submission answered {}: {}", response.statusCode(), response.body());
        return null;
      }
      return json.readTree(response.body()).path("code").asText();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      log.warn("Submission failed: {}", e.toString());
      return null;
    }
  }

  private void reportShare(Map<String, Kind> submitted, int count, double seconds, int services) {
    Map<Kind, Map<String, Long>> byKind = new EnumMap<>(Kind.class);
    String[] codes = submitted.keySet().toArray(String[]::new);
    sql.sql("select code, coalesce(triage_outcome, 'NOT_TRIAGED') from service_request where code = any(:codes)")
        .param("codes", codes)
        .query((row, n) -> byKind.computeIfAbsent(submitted.get(row.getString(1)), kind -> new TreeMap<>())
            .merge(row.getString(2), 1L, Long::sum))
        .list();
    long auto = byKind.values().stream().mapToLong(outcomes -> outcomes.getOrDefault(RequestFlow.AUTO_FORWARD, 0L))
        .sum();
    long blockedButForwarded = sql.sql("""
            select count(*) from service_request where code = any(:codes) and triage_outcome = :auto
               and jsonb_path_exists(warnings, '$[*] ? (@.blocking == true)')""")
        .param("codes", codes).param("auto", RequestFlow.AUTO_FORWARD).query(Long.class).single();
    Map<String, Long> reasons = new TreeMap<>();
    byKind.values().forEach(outcomes -> outcomes.forEach((outcome, n) -> reasons.merge(outcome, n, Long::sum)));
    StringBuilder kinds = new StringBuilder();
    byKind.forEach((kind, outcomes) -> kinds.append(String.format("    %-13s %,6d  %s%n", kind,
        outcomes.values().stream().mapToLong(Long::longValue).sum(), outcomes)));
    figures.info(String.format("""

        Online requests: auto-forward share over %,d generated requests (%d services, submitted in %.0f s)
          submitted %,d; auto-forwarded %,d = %.1f %%   (target >= 86 %%)
          by triage decision: %s
          auto-forwarded with a blocking warning: %d   (must be 0)
          by generator kind:
        %s""", count, services, seconds, submitted.size(), auto, 100.0 * auto / Math.max(1, submitted.size()),
        reasons, blockedButForwarded, kinds));
  }

  private void reportLatency(long[] micros, int rate, int seconds) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    figures.info(String.format("""

        Online requests: submit -> triage decision over HTTP, open loop at %d requests/s for %d s (%,d requests)
          p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   (target p99 <= 100 ms)
          cores %d; system load average %.2f; server heap used %,d MB
        """, rate, seconds, sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
        sorted[sorted.length - 1] / 1000.0, Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
  }

  private static double percentile(long[] sortedMicros, int percent) {
    return sortedMicros[Math.min(sortedMicros.length - 1, sortedMicros.length * percent / 100)] / 1000.0;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
