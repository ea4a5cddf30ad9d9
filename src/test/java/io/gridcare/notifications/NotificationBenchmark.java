package io.gridcare.notifications;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.GridCareApplication;
import io.gridcare.Http;
import io.gridcare.customers.CustomerDataGenerator;
import io.gridcare.customers.CustomerIngestion;
import io.gridcare.customers.IngestionReport;
import io.gridcare.customers.Source;
import io.gridcare.sandbox.SandboxHttpPeers;
import io.gridcare.system.LatestDefinitions;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.topic.TopicSubscription;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Central notification benchmark ({@code bench/notifications N}): a planned outage for N generated customers on
 * four substations of one unit, through the whole flow (the event at {@code /api/events/switching}, the
 * supervisor's approval given at once through TaskService, the application's own push worker over the sandbox's
 * SMPP, SMTP, Zalo and FCM peers, receipts back) until the notice is completed with every recipient final. The
 * benchmark plays the App's backend: every push FCM took is reported shown on the device, as the App does at
 * {@code /api/channels/app/receipts}. Then, on the same engine and peers, the naive design as baseline: one process
 * instance per recipient ({@code bpmn/notifications/naive-notify-one.bpmn}) pushed by the same worker. Prints
 * figures; asserts nothing.
 */
final class NotificationBenchmark {

  /** The figures, on their own logger so they show while everything else logs warnings only. */
  private static final Logger figures = LoggerFactory.getLogger("gridcare.bench");
  private static final String UNIT = "PD09";
  private static final List<String> SUBSTATIONS = List.of("BN09-T1", "BN09-T2", "BN09-T3", "BN09-T4");
  private static final String NAIVE_SUBSTATION = "BN09-NV";
  private static final String NAIVE_PROCESS = "NaiveNotifyOneProcess";
  private static final String NAIVE_TOPIC = "naive-notify-one";
  private static final String PASSWORD = "bench";
  private static final Duration LIMIT = Duration.ofMinutes(30);

  private final ConfigurableApplicationContext app;
  private final JdbcClient sql;
  private final Http http;
  private final ObjectMapper json;
  private final AppBackend appBackend;
  private final HeapWatch heap = new HeapWatch();

  private NotificationBenchmark(ConfigurableApplicationContext app, int port) {
    this.app = app;
    this.sql = app.getBean(JdbcClient.class);
    this.json = app.getBean(ObjectMapper.class);
    this.http = Http.to(port).as("admin", PASSWORD);
    this.appBackend = new AppBackend(app.getBean(SandboxHttpPeers.class), http, json);
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int sample = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    TestStack stack = TestStack.get();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GridCareApplication.class)
        .initializers(context -> context.addBeanFactoryPostProcessor(NotificationBenchmark::withoutTestBeans)).run(
        "--gridcare.role=all", "--server.port=" + stack.serverPort(), "--spring.main.banner-mode=off",
        "--spring.datasource.url=" + stack.jdbcUrl(TestStack.APP_DATABASE),
        "--spring.datasource.username=" + stack.databaseUser(),
        "--spring.elasticsearch.uris=" + stack.searchUri(),
        "--gridcare.data-dir=target/bench-data",
        "--gridcare.admin.password=" + PASSWORD, "--gridcare.worker.password=" + PASSWORD,
        "--gridcare.search.sync-interval=1h", "--gridcare.customers.refresh.poll=1h",
        "--gridcare.sandbox.smpp-port=" + stack.sandboxSmppPort(),
        "--gridcare.sandbox.zalo-port=" + stack.zaloSandboxPort(),
        "--gridcare.sandbox.smtp-port=" + stack.sandboxSmtpPort(),
        "--gridcare.sandbox.http-port=" + stack.sandboxHttpPort(),
        "--logging.level.root=warn", "--logging.level.gridcare.bench=info")) {
      new NotificationBenchmark(app, stack.serverPort()).run(count, sample, warmUps);
    }
    System.exit(0);
  }

  /**
   * The application's scan covers test classes: {@link ObservedReceipts} keeps every receipt in memory for the
   * integration tests, a cost production does not have.
   */
  private static void withoutTestBeans(ConfigurableListableBeanFactory beans) {
    BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beans;
    for (String name : beans.getBeanNamesForType(ObservedReceipts.Log.class, true, false)) {
      registry.removeBeanDefinition(name);
    }
  }

  /**
   * Loads the customers, sends {@code warmUps} planned outages to the sample (each a different outage, or they
   * would be merged as one), then times the central flow for all and the naive design for the sample.
   */
  private void run(int count, int sample, int warmUps) throws InterruptedException {
    double loadSeconds = load(count, sample);
    figures.info("loaded {} + {} customers in {} s; system load average {}", count, sample,
        Math.round(loadSeconds), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    appBackend.start();

    // The first notices after start run while the JIT compiles their code paths, which took a third of the CPU of
    // a short run on 2 cores: planned outages for the sample's substation go first, so that both designs are timed
    // on a warm server, as in production.
    long warmUpStarted = System.nanoTime();
    long compilingBefore = compilingMillis();
    for (int round = 1; round <= warmUps; round++) {
      long warmUp = planOutage(List.of(NAIVE_SUBSTATION), round);
      approve(warmUp);
      awaitCompleted(warmUp, System.nanoTime());
    }
    double warmUpSeconds = seconds(warmUpStarted);
    figures.info("{} warm-up notices to the {} sample customers completed in {} s", warmUps, sample,
        Math.round(warmUpSeconds));

    long warmUpCompiling = compilingMillis() - compilingBefore;
    heap.start();
    long compilingAtStart = compilingMillis();
    long started = System.nanoTime();
    long notice = planOutage(SUBSTATIONS, 0);
    approve(notice);
    double approvedAt = seconds(started);
    awaitCompleted(notice, started);
    double elapsed = seconds(started);
    HeapWatch.Figures memory = heap.stop();
    long compiling = compilingMillis() - compilingAtStart;
    figures.info("notice {} completed in {} s; the naive baseline follows", notice, Math.round(elapsed));

    NoticeReports.NoticeReport report = app.getBean(NoticeReports.class).report(notice).orElseThrow();
    long pending = sql.sql("select count(*) from notice_delivery where notice_id = :id and status = 'PENDING'")
        .param("id", notice).query(Long.class).single();

    Naive naive = naive(notice, sample);
    double rate = report.recipients() / elapsed;
    figures.info(String.format("""

        Central notifications benchmark: planned outage (PLANNED_OUTAGE_SCHEDULED, approved programmatically),
        %,d customers of %s on %d substations, %d cores (shared machine: load average %.1f at the end), JIT %s
          event -> COMPLETED  %8.1f s   %,10.0f recipients/s   (event -> approval task answered %.1f s; %d rounds)
          recipients        %,d: %s; merged %d; still PENDING %d
          attempts          %s
          SMS               %,d segments   cost %,.0f VND (all channels)
          App receipts      %,d reported by the benchmark as the App's backend
          memory            heap peak %,d MB (sampled every 100 ms) of %,d MB; %d GCs, %,d ms
          JIT               compiling for %.1f s meanwhile, elapsed, summed over its threads (warm-up: %.1f s)
          naive baseline    %,d recipients, one process instance each: %.1f s, %,.1f recipients/s (push only,
                            no receipts awaited); central flow / naive = %.1fx
          warm-up           %d planned outages to the sample's %,d customers first, from the cold server:
                            %.1f s, %,.0f recipients/s
        %n""",
        count, UNIT, SUBSTATIONS.size(), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1")
            ? "C1 only" : "default (C1 and C2)",
        elapsed, rate, approvedAt, report.notice().round(),
        report.recipients(), report.recipientsByStatus(), report.merged(), pending,
        report.attemptsByChannel(),
        report.smsSegments(), report.cost(),
        appBackend.reported(),
        memory.peakMb(), memory.maxMb(), memory.collections(), memory.gcMillis(),
        compiling / 1000.0, warmUpCompiling / 1000.0,
        naive.recipients(), naive.seconds(), naive.rate(), rate / naive.rate(),
        warmUps, sample, warmUpSeconds, warmUpSeconds > 0 ? warmUps * sample / warmUpSeconds : 0));
    appBackend.stop();
  }

  /** Time the JIT's compiler threads spent compiling since start (the sum over its threads). */
  private static long compilingMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /**
   * N generated customers (the generator's realistic mix of App, Zalo, e-mail and SMS-only) moved onto the
   * benchmark's substations of one unit, and the naive baseline's sample on a substation of its own; ingested in
   * batches as the source systems send them.
   */
  private double load(int count, int sample) {
    long started = System.nanoTime();
    CustomerIngestion ingestion = app.getBean(CustomerIngestion.class);
    CustomerDataGenerator generator = new CustomerDataGenerator(2026, json, Instant.now());
    int total = count + sample;
    for (int from = 0; from < total; from += CustomerIngestion.MAX_BATCH) {
      Map<Source, List<JsonNode>> batches = new EnumMap<>(Source.class);
      for (int index = from; index < Math.min(total, from + CustomerIngestion.MAX_BATCH); index++) {
        String substation = index < count ? SUBSTATIONS.get(index % SUBSTATIONS.size()) : NAIVE_SUBSTATION;
        for (Map.Entry<Source, ObjectNode> record : benchCustomer(generator, index, substation).entrySet()) {
          batches.computeIfAbsent(record.getKey(), source -> new ArrayList<>()).add(record.getValue());
        }
      }
      for (Map.Entry<Source, List<JsonNode>> batch : batches.entrySet()) {
        IngestionReport report = ingestion.ingest(batch.getKey(), batch.getValue());
        if (!report.rejected().isEmpty()) {
          throw new IllegalStateException("Generated records rejected: " + report.rejected().get(0));
        }
      }
      if ((from / CustomerIngestion.MAX_BATCH) % 20 == 19) {
        figures.info("loaded {} customers", from + CustomerIngestion.MAX_BATCH);
      }
    }
    return seconds(started);
  }

  /**
   * Generated customer {@code index} under a code of its own ({@code PD09BN...}) on the given substation. Phone
   * numbers the sandbox answers with a fault every time (Zalo: HTTP 500 and 429 for numbers ending in 500 and 429;
   * the SMSC: no receipt ever for 9999) get another last digit: a real peer fails now and then, not forever for
   * one number. The numbers it refuses for good (Zalo -114 and -118, SMS undeliverable 0000) stay.
   */
  private static Map<Source, ObjectNode> benchCustomer(CustomerDataGenerator generator, int index, String substation) {
    Map<Source, ObjectNode> records = generator.customer(index);
    String code = String.format("%sBN%07d", UNIT, index);
    records.values().forEach(record -> record.put("customerCode", code));
    ObjectNode billing = records.get(Source.BILLING);
    billing.put("substation", substation);
    billing.put("contractId", code.substring(0, 6) + "HD" + code.substring(6));
    records.get(Source.METERING).put("meterId", "M" + code.substring(4));
    ObjectNode crm = records.get(Source.CRM);
    if (crm.has("email")) {
      crm.put("email", "kh" + code.substring(4).toLowerCase() + "@example.vn");
    }
    String mobile = crm.path("mobile").asText(null);
    if (mobile != null && (mobile.endsWith("500") || mobile.endsWith("429") || mobile.endsWith("9999"))) {
      char last = mobile.charAt(mobile.length() - 1);
      crm.put("mobile", mobile.substring(0, mobile.length() - 1) + (char) ('0' + (last - '0' + 1) % 10));
    }
    return records;
  }

  /** A planned outage in 3 days and {@code hoursLater} hours. */
  private long planOutage(List<String> substations, int hoursLater) {
    Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(hoursLater,
        ChronoUnit.HOURS);
    Http.Response accepted = http.postJson("/api/events/switching", """
        {"eventId":"%s","type":"PLANNED_OUTAGE_SCHEDULED","occurredAt":"%s",
         "payload":{"unitCode":"%s","substations":%s,"area":"Thôn Đông, xã Phù Linh",
                    "outageStart":"%s","expectedRestoration":"%s","reason":"bảo dưỡng đường dây 22kV"}}"""
        .formatted("bench-" + UUID.randomUUID(), Instant.now(), UNIT,
            substations.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]")),
            start, start.plus(8, ChronoUnit.HOURS)));
    if (accepted.status() != 202) {
      throw new IllegalStateException("Event refused: " + accepted.status() + " " + accepted.body());
    }
    return accepted.json().path("noticeId").asLong();
  }

  /** The supervisor approves as soon as the task is there. */
  private void approve(long notice) {
    TaskService tasks = app.getBean(TaskService.class);
    Task approval = Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(notice)).singleResult(),
            Objects::nonNull);
    tasks.complete(approval.getId(), Map.of(NotificationFlow.VAR_APPROVAL_DECISION, "APPROVE"));
  }

  private void awaitCompleted(long notice, long startedNanos) {
    long[] nextProgress = {System.nanoTime() + Duration.ofSeconds(5).toNanos()};
    Awaitility.await().atMost(LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      String status = sql.sql("select status from notice where id = :id").param("id", notice)
          .query(String.class).single();
      if (!"COMPLETED".equals(status) && System.nanoTime() > nextProgress[0]) {
        nextProgress[0] += Duration.ofSeconds(5).toNanos();
        figures.info("{} s: notice {}, round {}, attempts {}", Math.round(seconds(startedNanos)), status,
            sql.sql("select round from notice where id = :id").param("id", notice).query(Integer.class).single(),
            sql.sql("""
                    select channel, status, count(*) from delivery_attempt where notice_id = :id
                     group by channel, status order by channel, status""")
                .param("id", notice).query((row, n) -> row.getString(1) + " " + row.getString(2) + "="
                    + row.getLong(3)).list());
      }
      return "COMPLETED".equals(status);
    });
  }

  private record Naive(int recipients, double seconds, double rate) {
  }

  /**
   * The naive design on the same engine, peers and worker: the sample's recipients get the central notice's
   * content, are routed by the same rules (not timed), and each first attempt becomes a batch of one with a
   * process instance of its own whose external task the same push worker does. Timed from the first start to the
   * last instance ended; receipts are not awaited, which favours the baseline.
   */
  private Naive naive(long centralNotice, int sample) {
    Notices notices = app.getBean(Notices.class);
    Notice template = notices.get(centralNotice);
    Map<String, Object> audience = Map.of("unit", UNIT, "substations", List.of(NAIVE_SUBSTATION),
        "feeders", List.of());
    long id = notices.create(template.type(), template.source(), new NoticePolicy(template.urgency(),
            template.mandatory(), template.receiptWindowMinutes(), 0), UNIT, audience, template.variables(), null,
        template.templateVersion(), Instant.now());
    Notice notice = notices.get(id);
    app.getBean(NoticeAudiences.class).prepare(notice);
    app.getBean(ChannelRouting.class).routeAll(notice);
    List<Long> batches = app.getBean(Ledger.class).dispatch(id, 1).batches();

    RepositoryService repository = app.getBean(RepositoryService.class);
    repository.createDeployment().name("naive-notify-one-benchmark").enableDuplicateFiltering(true)
        .addClasspathResource("bpmn/notifications/naive-notify-one.bpmn").deploy();
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TopicSubscription subscription = app.getBean(ExternalTaskClient.class).subscribe(NAIVE_TOPIC)
        .lockDuration(120_000).variables(NotificationFlow.VAR_BATCH_ID)
        .handler(app.getBean("pushWorker", ExternalTaskHandler.class)).open();
    // as the central flow starts its instances: by the definition's id, not asking for the latest each time
    String naiveProcess = app.getBean(LatestDefinitions.class).process(NAIVE_PROCESS);
    long started = System.nanoTime();
    for (long batch : batches) {
      runtime.startProcessInstanceById(naiveProcess, Long.toString(batch), Variables.createVariables()
          .putValue(NotificationFlow.VAR_NOTICE_ID, id).putValue(NotificationFlow.VAR_BATCH_ID, batch));
    }
    Awaitility.await().atMost(LIMIT).pollInterval(Duration.ofMillis(100))
        .until(() -> runtime.createProcessInstanceQuery().processDefinitionKey(NAIVE_PROCESS).count() == 0);
    double seconds = seconds(started);
    subscription.close();
    return new Naive(batches.size(), seconds, batches.size() / seconds);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /**
   * The App's backend: the App on the phone reports each push it showed, and the backend passes the receipts on
   * in batches. Here every push the sandbox FCM took is reported shown a moment later.
   */
  private static final class AppBackend {

    private static final int MAX_RECEIPTS = 1000;

    private final SandboxHttpPeers fcm;
    private final Http http;
    private final ObjectMapper json;
    private final ConcurrentLinkedQueue<String> shown = new ConcurrentLinkedQueue<>();
    private final AtomicLong reported = new AtomicLong();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "bench-app-backend");
      thread.setDaemon(true);
      return thread;
    });

    AppBackend(SandboxHttpPeers fcm, Http http, ObjectMapper json) {
      this.fcm = fcm;
      this.http = http;
      this.json = json;
    }

    void start() {
      fcm.server().addMockServiceRequestListener((request, response) -> {
        if (response.getStatus() == 200 && request.getUrl().contains("/messages:send")) {
          try {
            String key = json.readTree(request.getBodyAsString()).path("message").path("data")
                .path("deliveryKey").asText(null);
            if (key != null) {
              shown.add(key);
            }
          } catch (Exception e) {
            // not a push message
          }
        }
      });
      sender.scheduleWithFixedDelay(this::report, 200, 200, TimeUnit.MILLISECONDS);
    }

    private void report() {
      List<String> keys = new ArrayList<>();
      String key;
      while ((key = shown.poll()) != null) {
        keys.add(key);
        if (keys.size() == MAX_RECEIPTS) {
          send(keys);
          keys = new ArrayList<>();
        }
      }
      if (!keys.isEmpty()) {
        send(keys);
      }
    }

    private void send(List<String> keys) {
      String at = Instant.now().toString();
      String receipts = keys.stream().map(key -> "{\"deliveryKey\":\"" + key + "\",\"status\":\"DELIVERED\","
          + "\"at\":\"" + at + "\"}").collect(Collectors.joining(",", "{\"receipts\":[", "]}"));
      Http.Response answer = http.postJson("/api/channels/app/receipts", receipts);
      if (answer.status() != 200) {
        LoggerFactory.getLogger(NotificationBenchmark.class).warn("App receipts refused: {}", answer.status());
        shown.addAll(keys);
        return;
      }
      reported.addAndGet(keys.size());
    }

    long reported() {
      return reported.get();
    }

    void stop() {
      sender.shutdownNow();
    }
  }

  /** The heap's peak, sampled, and the collections meanwhile. */
  private static final class HeapWatch {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "bench-heap-watch");
      thread.setDaemon(true);
      return thread;
    });
    private final AtomicLong peak = new AtomicLong();
    private long collectionsBefore;
    private long gcMillisBefore;

    record Figures(long peakMb, long maxMb, long collections, long gcMillis) {
    }

    void start() {
      collectionsBefore = collections();
      gcMillisBefore = gcMillis();
      sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
          0, 100, TimeUnit.MILLISECONDS);
    }

    Figures stop() {
      sampler.shutdownNow();
      return new Figures(peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20,
          collections() - collectionsBefore, gcMillis() - gcMillisBefore);
    }

    private static long collections() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
  }
}
