package io.gridcare.notifications.worker;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.notifications.NotificationFlow.TOPIC_PUSH;
import static io.gridcare.notifications.NotificationFlow.VAR_BATCH_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.sandbox.SandboxFcm;
import io.gridcare.sandbox.SandboxFcm.ReceivedPush;
import io.gridcare.sandbox.SandboxSms;
import io.gridcare.sandbox.SandboxSmsc;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A push worker killed in the middle of a batch, on the real stack: a worker takes the batch's task from the
 * engine, claims a slice through GridCare's API and sends part of it to the sandbox FCM, then dies without a word.
 * Its lock runs out, the application's own {@link PushWorker} takes the task again, and the flow carries the
 * notice to its end. Every recipient is reached exactly once: the sandbox peers' records show no delivery key
 * (and no phone) twice, and the messages in doubt went on to the recipients' next channel.
 */
@GridCareIntegrationTest
class PushWorkerResilienceTest {

  private static final String SUBSTATION = "KILL09-T7";
  /** One slice more than a worker claims at once, so the retry has messages nobody claimed. */
  private static final int AUDIENCE = PushWorker.SLICE + 5;
  /** Of the slice the doomed worker claimed, how many reached FCM before it died. */
  private static final int SENT_BEFORE_DEATH = 40;
  private static final int IN_DOUBT_NOT_SENT = PushWorker.SLICE - SENT_BEFORE_DEATH;
  private static final String DOOMED_WORKER = "push-worker-killed-mid-batch";
  private static final Duration DOOMED_LOCK = Duration.ofSeconds(2);
  private static final Duration FLOW = Duration.ofSeconds(90);

  private final Http source = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final NotificationApi api;
  private final AppPushSender appPush;
  private final ExternalTaskClient applicationWorker;
  private final ExternalTaskService engineTasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final SandboxFcm fcm;
  private final SandboxSmsc smsc;
  private final JdbcClient sql;

  PushWorkerResilienceTest(@Autowired NotificationApi api, @Autowired AppPushSender appPush,
      @Autowired ExternalTaskClient applicationWorker, @Autowired ExternalTaskService engineTasks,
      @Autowired ManagementService management, @Autowired RuntimeService runtime, @Autowired SandboxFcm fcm,
      @Autowired SandboxSmsc smsc, @Autowired JdbcClient sql) {
    this.api = api;
    this.appPush = appPush;
    this.applicationWorker = applicationWorker;
    this.engineTasks = engineTasks;
    this.management = management;
    this.runtime = runtime;
    this.fcm = fcm;
    this.smsc = smsc;
    this.sql = sql;
  }

  @Test
  void aWorkerKilledMidBatchNeitherLosesNorDoublesASend() {
    Map<String, String> codeByPhone = customersWithAppAndSms();
    Instant started = Instant.now();
    long notice;
    LockedExternalTask task;
    // The doomed worker must be the one to take the batch: the application's worker holds no poll open meanwhile.
    applicationWorker.stop();
    try {
      notice = outage();
      task = await().atMost(FLOW).until(() -> engineTasks.fetchAndLock(1, DOOMED_WORKER)
          .topic(TOPIC_PUSH, DOOMED_LOCK.toMillis()).businessKey(Long.toString(notice)).variables(VAR_BATCH_ID)
          .execute(), locked -> !locked.isEmpty()).get(0);
      long batch = ((Number) task.getVariables().get(VAR_BATCH_ID)).longValue();

      NotificationApi.Claim slice = api.claim(batch, PushWorker.SLICE);
      assertThat(slice.messages()).hasSize(PushWorker.SLICE);
      appPush.send(slice.messages().subList(0, SENT_BEFORE_DEATH));
      // killed here: no outcome reported, the task neither completed nor failed; its lock runs out
    } finally {
      applicationWorker.start();
    }

    // the application's worker takes the task again and sends only what nobody had claimed
    await().atMost(FLOW).until(() -> engineTasks.createExternalTaskQuery().externalTaskId(task.getId()).count() == 0);
    // the App confirms what reached it, in doubt or not; the rest of the slice stays in doubt
    await().atMost(FLOW).until(() -> attemptsByStatus(notice), byStatus -> !byStatus.containsKey("SENT")
        && byStatus.getOrDefault("SENDING", 0L) == IN_DOUBT_NOT_SENT);
    // the round would wait for its receipt window (10 minutes for an outage): close it now
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(notice))
        .singleResult().getId();
    Job window = management.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(window).as("the round waits for its receipt window").isNotNull();
    management.executeJob(window.getId());

    JsonNode report = await().atMost(FLOW).pollInterval(Duration.ofMillis(500)).until(() -> report(notice),
        answer -> "COMPLETED".equals(answer.path("notice").path("status").asText()));

    JsonNode byStatus = report.path("recipientsByStatus");
    assertThat(report.path("recipients").asInt()).isEqualTo(AUDIENCE);
    assertThat(byStatus.path("DELIVERED").asInt() + byStatus.path("READ").asInt() + byStatus.path("FAILED").asInt()
        + byStatus.path("OPTED_OUT").asInt()).isEqualTo(AUDIENCE);
    assertThat(sql.sql("select count(*) from notice_delivery where notice_id = :notice and status not in "
            + "('DELIVERED', 'READ', 'FAILED', 'OPTED_OUT')").param("notice", notice).query(Long.class).single())
        .as("no recipient left behind").isZero();
    assertThat(sql.sql("select count(*) from delivery_attempt where notice_id = :notice and status = 'EXPIRED' "
            + "and error like '%in doubt%'").param("notice", notice).query(Long.class).single())
        .as("claimed by the killed worker, never sent, never sent again").isEqualTo(IN_DOUBT_NOT_SENT);

    List<ReceivedPush> pushes = fcm.received().stream()
        .filter(push -> push.deliveryKey() != null && push.deliveryKey().startsWith(notice + ":")).toList();
    assertThat(pushes).allSatisfy(push -> assertThat(push.status()).isEqualTo(200));
    assertThat(countBy(pushes, ReceivedPush::deliveryKey)).as("pushes per delivery key")
        .hasSize(SENT_BEFORE_DEATH + AUDIENCE - PushWorker.SLICE).allSatisfy((key, times) -> assertThat(times)
            .as(key).isOne());
    List<SandboxSms> texts = smsc.messages(SandboxSmsc.MAX_KEPT).stream()
        .filter(sms -> !sms.at().isBefore(started) && codeByPhone.containsKey(sms.phone())).toList();
    assertThat(countBy(texts, SandboxSms::phone)).as("SMS per phone").hasSize(IN_DOUBT_NOT_SENT)
        .allSatisfy((phone, times) -> assertThat(times).isOne());

    // each customer reached once, on one channel or the other
    Set<String> pushed = pushes.stream().map(push -> push.deliveryKey().split(":")[1]).collect(Collectors.toSet());
    Set<String> texted = texts.stream().map(sms -> codeByPhone.get(sms.phone())).collect(Collectors.toSet());
    assertThat(pushed).doesNotContainAnyElementsOf(texted);
    assertThat(pushed.size() + texted.size()).isEqualTo(AUDIENCE);
  }

  /** The audience: customers on a substation of their own, each with the App (one device) and a mobile phone. */
  private Map<String, String> customersWithAppAndSms() {
    List<Integer> numbers = IntStream.range(0, AUDIENCE).boxed().toList();
    Map<String, String> codeByPhone = new HashMap<>();
    numbers.forEach(i -> codeByPhone.put("+84" + mobile(i).substring(1), code(i)));
    send("billing", numbers.stream().map(i -> """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","fullName":"Khách hàng %d","customerType":\
        "RESIDENTIAL","address":"Thôn Bắc, xã Phù Linh","substation":"%s","purposeOfUse":"RESIDENTIAL_LIVING"}"""
        .formatted(code(i), i, SUBSTATION)).collect(Collectors.joining(",")));
    send("crm", numbers.stream().map(i -> """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","mobile":"%s"}""".formatted(code(i), mobile(i)))
        .collect(Collectors.joining(",")));
    send("channels", numbers.stream().map(i -> """
        {"customerCode":"%s","updatedAt":"2026-11-01T00:00:00Z","appRegistered":true,"pushTokens":["device-%d"]}"""
        .formatted(code(i), i)).collect(Collectors.joining(",")));
    return codeByPhone;
  }

  private long outage() {
    Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Response accepted = source.postJson("/api/events/outages", """
        {"eventId":"%s","type":"OUTAGE_STARTED","occurredAt":"%s",
         "payload":{"unitCode":"PD09","substations":["%s"],"area":"Thôn Bắc, xã Phù Linh",
                    "outageStart":"%s","expectedRestoration":"%s","reason":"sự cố máy biến áp"}}"""
        .formatted("oms-" + UUID.randomUUID(), start, SUBSTATION, start, start.plus(2, ChronoUnit.HOURS)));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    return accepted.json().path("noticeId").asLong();
  }

  private Map<String, Long> attemptsByStatus(long notice) {
    Map<String, Long> byStatus = new HashMap<>();
    sql.sql("""
            select a.status, count(*) from delivery_attempt a join notice n on n.id = a.notice_id
             where a.notice_id = :notice and a.round = n.round group by a.status""")
        .param("notice", notice).query((row, n) -> byStatus.put(row.getString(1), row.getLong(2))).list();
    return byStatus;
  }

  private JsonNode report(long notice) {
    return source.get("/api/notices/" + notice).json();
  }

  private void send(String sourceName, String records) {
    Response response = source.postJson("/api/sources/" + sourceName + "/records", "{\"records\":[" + records + "]}");
    assertThat(response.json().path("rejected")).as(response.body()).isEmpty();
  }

  private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static String code(int i) {
    return "PD09000007%03d".formatted(i);
  }

  /** VinaPhone numbers; none ends in 0000, which the sandbox SMSC fails. */
  private static String mobile(int i) {
    return "0913%06d".formatted(200_001 + i);
  }
}
