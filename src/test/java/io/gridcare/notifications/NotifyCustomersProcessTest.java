package io.gridcare.notifications;

import static io.gridcare.notifications.NotificationFlow.MSG_ROUND_SETTLED;
import static io.gridcare.notifications.NotificationFlow.PROCESS_KEY;
import static io.gridcare.notifications.NotificationFlow.TOPIC_PUSH;
import static io.gridcare.notifications.NotificationFlow.VAR_APPROVAL_COMMENT;
import static io.gridcare.notifications.NotificationFlow.VAR_APPROVAL_DECISION;
import static io.gridcare.notifications.NotificationFlow.VAR_APPROVAL_REQUIRED;
import static io.gridcare.notifications.NotificationFlow.VAR_APPROVER_GROUP;
import static io.gridcare.notifications.NotificationFlow.VAR_AUDIENCE_SIZE;
import static io.gridcare.notifications.NotificationFlow.VAR_BATCH_ID;
import static io.gridcare.notifications.NotificationFlow.VAR_MORE_TO_SEND;
import static io.gridcare.notifications.NotificationFlow.VAR_NOTICE_ID;
import static io.gridcare.notifications.NotificationFlow.VAR_NOTICE_TYPE;
import static io.gridcare.notifications.NotificationFlow.VAR_RECEIPT_WINDOW;
import static io.gridcare.notifications.NotificationFlow.VAR_RESCHEDULED_AT;
import static io.gridcare.notifications.NotificationFlow.VAR_SEND_AT;
import static io.gridcare.notifications.NotificationFlow.VAR_URGENCY;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.gridcare.ProcessTestEngine;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NotifyCustomersProcess on its own: the Spring steps are replaced by scripted doubles (registered with
 * {@link Mocks}, which the engine's default expression manager resolves by name, per thread: the tests drive every
 * job on their own thread), while the policy and the approval come from the real decisions in notice-rules.dmn.
 */
@Deployment(resources = {
    "gridcare/processes/notifications/notify-customers.bpmn",
    "gridcare/processes/notifications/notice-rules.dmn",
    "gridcare/processes/notifications/channel-route.dmn",
    "gridcare/forms/notifications/notice-approval.form"})
class NotifyCustomersProcessTest {

  private static final long NOTICE_ID = 4711L;
  private static final String UNIT = "PD09";

  private static final String BUILD_NOTICE = "Task_BuildNotice";
  private static final String DECIDE_APPROVAL = "Task_DecideApproval";
  private static final String PREVIEW_NOTICE = "Task_PreviewNotice";
  private static final String APPROVE_NOTICE = "Task_ApproveNotice";
  private static final String SEND_AT_REACHED = "Timer_SendAt";
  private static final String REJECT_NOTICE = "Task_RejectNotice";
  private static final String PREPARE_AUDIENCE = "Task_PrepareAudience";
  private static final String ROUTE_CHANNELS = "Task_RouteChannels";
  private static final String DISPATCH_BATCHES = "Task_DispatchBatches";
  private static final String PUSH_BATCH = "Task_PushBatch";
  private static final String AWAIT_RECEIPTS = "Gateway_AwaitReceipts";
  private static final String ROUND_SETTLED = "Event_RoundSettled";
  private static final String RECEIPT_WINDOW_ELAPSED = "Event_ReceiptWindowElapsed";
  private static final String RECONCILE = "Task_Reconcile";
  private static final String SUMMARISE = "Task_Summarise";
  private static final String NOTICE_SENT = "End_NoticeSent";
  private static final String NOTICE_REJECTED = "End_NoticeRejected";

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final Steps steps = new Steps();

  @BeforeEach
  void registerSteps() {
    steps.register();
  }

  @AfterEach
  void forgetSteps() {
    Mocks.reset();
  }

  // --- Sending, round by round

  @Test
  void noticeWithoutApprovalIsPreparedRoutedPushedReconciledAndSummarised() {
    steps.audienceSize = 3;
    steps.round(List.of(101L, 102L, 103L), true, false);
    ProcessInstance notice = start(NoticeType.BILL_ISSUED);

    runJob(notice, BUILD_NOTICE);
    runJob(notice, PREPARE_AUDIENCE);
    runJob(notice, ROUTE_CHANNELS);
    runJob(notice, DISPATCH_BATCHES);
    assertThat(notice).isWaitingAt(PUSH_BATCH).hasVariables(VAR_AUDIENCE_SIZE, VAR_APPROVER_GROUP);
    Assertions.assertThat(pushRound(notice)).containsExactlyInAnyOrder(101L, 102L, 103L);
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);

    assertThat(notice).isEnded().hasPassedInOrder(BUILD_NOTICE, DECIDE_APPROVAL, PREPARE_AUDIENCE, ROUTE_CHANNELS,
        DISPATCH_BATCHES, PUSH_BATCH, RECONCILE, SUMMARISE, NOTICE_SENT)
        .hasNotPassed(PREVIEW_NOTICE, APPROVE_NOTICE, AWAIT_RECEIPTS);
    Assertions.assertThat(steps.calls).containsExactly("requestNotice", "decideApproval", "prepareAudience",
        "routeChannels", "dispatchBatches", "reconcileRound", "summariseNotice");
    Assertions.assertThat(steps.noticeIds).containsExactly(NOTICE_ID);
  }

  @Test
  void everyBatchOfTheRoundIsItsOwnPushTaskCarryingItsBatchId() {
    steps.round(List.of(101L, 102L, 103L), true, false);
    ProcessInstance notice = untilDispatched(start(NoticeType.BILL_ISSUED));

    List<LockedExternalTask> pushes = lockPushes(notice);

    Assertions.assertThat(pushes).hasSize(3)
        .allSatisfy(push -> Assertions.assertThat(push.getActivityId()).isEqualTo(PUSH_BATCH))
        .allSatisfy(push -> Assertions.assertThat(push.getVariables().get(VAR_NOTICE_ID)).isEqualTo(NOTICE_ID))
        .extracting(push -> push.getVariables().get(VAR_BATCH_ID)).containsExactlyInAnyOrder(101L, 102L, 103L);

    pushed(pushes.get(0));
    pushed(pushes.get(1));
    assertThat(notice).isWaitingAt(PUSH_BATCH);
    Assertions.assertThat(steps.settledAsked).isZero();

    pushed(pushes.get(2));
    assertThat(notice).isWaitingAt(RECONCILE).isNotWaitingAt(PUSH_BATCH);
    Assertions.assertThat(steps.settledAsked).isEqualTo(1);
  }

  @Test
  void workersFinishingBatchesAtOnceOnlyQueueTheJoin() throws Exception {
    List<Long> batches = LongStream.rangeClosed(101, 108).boxed().toList();
    steps.round(batches, true, false);
    ProcessInstance notice = untilDispatched(start(NoticeType.BILL_ISSUED));
    List<LockedExternalTask> pushes = lockPushes(notice);
    ExternalTaskService tasks = externalTaskService(); // camunda-bpm-assert knows its engine on this thread only
    CyclicBarrier together = new CyclicBarrier(pushes.size());
    ExecutorService workers = Executors.newFixedThreadPool(pushes.size());

    try {
      List<Future<?>> completions = new ArrayList<>();
      for (LockedExternalTask push : pushes) {
        completions.add(workers.submit(() -> {
          together.await();
          tasks.complete(push.getId(), push.getWorkerId());
          return null;
        }));
      }
      for (Future<?> completion : completions) {
        completion.get(30, TimeUnit.SECONDS); // an optimistic locking failure would surface here
      }
    } finally {
      workers.shutdownNow();
    }

    List<Job> joins = jobQuery().processInstanceId(notice.getId()).activityId(PUSH_BATCH).list();
    Assertions.assertThat(joins).hasSize(batches.size()).allSatisfy(join ->
        Assertions.assertThat(((JobEntity) join).isExclusive()).as("joins of one notice run one at a time").isTrue());
    Assertions.assertThat(steps.settledAsked).isZero();
    joins.forEach(join -> execute(join));
    assertThat(notice).isWaitingAt(RECONCILE).isNotWaitingAt(PUSH_BATCH);
    Assertions.assertThat(steps.settledAsked).isEqualTo(1);
  }

  @Test
  void unsettledRoundWaitsForReceiptsUntilTheRoundIsReportedSettled() {
    steps.round(List.of(101L), false, false);
    ProcessInstance notice = untilDispatched(start(NoticeType.BILL_ISSUED));
    pushRound(notice);

    assertThat(notice).isWaitingAt(AWAIT_RECEIPTS);
    Assertions.assertThat(steps.calls).doesNotContain("reconcileRound");

    runtimeService().createMessageCorrelation(MSG_ROUND_SETTLED).processInstanceId(notice.getId()).correlate();

    assertThat(notice).isWaitingAt(RECONCILE).hasPassed(ROUND_SETTLED).hasNotPassed(RECEIPT_WINDOW_ELAPSED);
    Assertions.assertThat(timers(notice)).isEmpty();
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);
    assertThat(notice).isEnded().hasPassed(NOTICE_SENT);
  }

  @Test
  void unsettledRoundMovesOnWhenTheReceiptWindowIsOver() {
    steps.round(List.of(101L), false, false, "PT30M");
    ProcessInstance notice = untilDispatched(start(NoticeType.BILL_ISSUED));
    Instant pushed = Instant.now();
    pushRound(notice);

    assertThat(notice).isWaitingAt(AWAIT_RECEIPTS);
    Job window = job(RECEIPT_WINDOW_ELAPSED, notice);
    Assertions.assertThat(window.getDuedate().toInstant())
        .isCloseTo(pushed.plus(Duration.ofMinutes(30)), within(1, ChronoUnit.MINUTES));

    execute(window);

    assertThat(notice).isWaitingAt(RECONCILE).hasPassed(RECEIPT_WINDOW_ELAPSED).hasNotPassed(ROUND_SETTLED);
    Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(notice.getId())
        .eventName(MSG_ROUND_SETTLED).count()).as("message subscription left behind").isZero();
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);
    assertThat(notice).isEnded().hasPassed(NOTICE_SENT);
  }

  @Test
  void recipientsLeftAfterReconcilingAreSentInANextRound() {
    steps.round(List.of(101L, 102L), true, true);
    steps.round(List.of(201L), true, false);
    ProcessInstance notice = untilDispatched(start(NoticeType.BILL_ISSUED));

    Assertions.assertThat(pushRound(notice)).containsExactlyInAnyOrder(101L, 102L);
    runJob(notice, RECONCILE);
    assertThat(notice).variables().containsEntry(VAR_MORE_TO_SEND, true);
    runJob(notice, DISPATCH_BATCHES);
    Assertions.assertThat(pushRound(notice)).containsExactly(201L);
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);

    assertThat(notice).isEnded().hasPassedInOrder(DISPATCH_BATCHES, PUSH_BATCH, RECONCILE, DISPATCH_BATCHES,
        PUSH_BATCH, RECONCILE, SUMMARISE, NOTICE_SENT);
    Assertions.assertThat(steps.calls).containsSubsequence("prepareAudience", "routeChannels", "dispatchBatches",
        "reconcileRound", "dispatchBatches", "reconcileRound", "summariseNotice");
    Assertions.assertThat(steps.calls).containsOnlyOnce("prepareAudience", "routeChannels", "summariseNotice");
  }

  @Test
  void roundWithoutBatchesSkipsThePushAndWaitsForTheHeldRecipients() {
    // everyone is held for their quiet hours: nothing to push, the window runs until the first hold ends
    steps.round(List.of(), false, true, "PT7H");
    steps.round(List.of(201L), true, false);
    ProcessInstance notice = untilDispatched(start(NoticeType.BILL_ISSUED));

    assertThat(notice).isWaitingAt(AWAIT_RECEIPTS).isNotWaitingAt(PUSH_BATCH);
    Assertions.assertThat(externalTaskQuery().processInstanceId(notice.getId()).count()).isZero();
    execute(job(RECEIPT_WINDOW_ELAPSED, notice));
    runJob(notice, RECONCILE);
    runJob(notice, DISPATCH_BATCHES);
    Assertions.assertThat(pushRound(notice)).containsExactly(201L);
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);

    assertThat(notice).isEnded().hasPassedInOrder(DISPATCH_BATCHES, RECEIPT_WINDOW_ELAPSED, RECONCILE,
        DISPATCH_BATCHES, PUSH_BATCH, RECONCILE, NOTICE_SENT);
  }

  @Test
  void settledRoundWithoutBatchesGoesStraightToReconcile() {
    steps.round(List.of(), true, false);
    ProcessInstance notice = untilDispatched(start(NoticeType.BILL_ISSUED));

    assertThat(notice).isWaitingAt(RECONCILE);
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);

    assertThat(notice).isEnded().hasPassed(NOTICE_SENT).hasNotPassed(PUSH_BATCH, AWAIT_RECEIPTS);
  }

  // --- Approval

  @ParameterizedTest(name = "{0} to {1}: approval required={2}")
  @CsvSource({
      "PLANNED_OUTAGE_SCHEDULED, 12,     true",
      "PLANNED_OUTAGE_CANCELLED, 12,     true",
      "OUTAGE_STARTED,           48000,  false",
      "OUTAGE_RESTORED,          48000,  false",
      "ABNORMAL_CONSUMPTION,     1001,   true",
      "BILL_ISSUED,              1000,   false"})
  void approvalIsAskedForWhenTheNoticeRulesSaySo(NoticeType type, long audienceSize, boolean approvalRequired) {
    steps.audienceSize = audienceSize;
    ProcessInstance notice = start(type);

    runJob(notice, BUILD_NOTICE);

    assertThat(notice).variables().containsEntry(VAR_APPROVAL_REQUIRED, approvalRequired);
    if (approvalRequired) {
      assertThat(notice).isWaitingAt(APPROVE_NOTICE).hasPassed(PREVIEW_NOTICE);
    } else {
      assertThat(notice).isWaitingAt(PREPARE_AUDIENCE).hasNotPassed(PREVIEW_NOTICE, APPROVE_NOTICE);
    }
  }

  @Test
  void urgentOutageToAWholeDistrictGoesOutWithoutWaitingForApproval() {
    steps.audienceSize = 48_000;
    steps.round(List.of(101L), true, false);
    ProcessInstance notice = start(NoticeType.OUTAGE_STARTED);

    runJob(notice, BUILD_NOTICE);

    assertThat(notice).variables().containsEntry(VAR_URGENCY, "URGENT").containsEntry(VAR_APPROVAL_REQUIRED, false);
    assertThat(notice).isWaitingAt(PREPARE_AUDIENCE).hasNotPassed(PREVIEW_NOTICE, APPROVE_NOTICE);
    runJob(notice, PREPARE_AUDIENCE);
    runJob(notice, ROUTE_CHANNELS);
    runJob(notice, DISPATCH_BATCHES);
    Assertions.assertThat(pushRound(notice)).containsExactly(101L);
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);
    assertThat(notice).isEnded().hasPassed(NOTICE_SENT);
  }

  @Test
  void plannedOutageWaitsForItsUnitSupervisorWithTheApprovalForm() throws IOException {
    ProcessInstance notice = untilAwaitingApproval();

    assertThat(notice).isWaitingAt(APPROVE_NOTICE).hasPassedInOrder(BUILD_NOTICE, DECIDE_APPROVAL, PREVIEW_NOTICE)
        .task().hasCandidateGroup("supervisors-" + UNIT);
    assertThat(notice).variables().containsKeys("approvalReason", "noticeTitle", "noticePreview",
        "audienceDescription", "expectedChannelMix", "expectedSmsCost", VAR_SEND_AT);
    try (InputStream form = formService().getDeployedTaskForm(task(notice).getId())) {
      Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"notice-approval\"");
    }
    Assertions.assertThat(steps.calls).containsExactly("requestNotice", "decideApproval", "previewNotice");
  }

  @Test
  void approvedNoticeIsPreparedAndSent() {
    steps.round(List.of(101L), true, false);
    ProcessInstance notice = untilAwaitingApproval();

    complete(task(notice), withVariables(VAR_APPROVAL_DECISION, "APPROVE"));

    Assertions.assertThat(steps.decisions).containsExactly("APPROVE");
    assertThat(notice).isWaitingAt(PREPARE_AUDIENCE).hasNotPassed(SEND_AT_REACHED, REJECT_NOTICE);
    runJob(notice, PREPARE_AUDIENCE);
    runJob(notice, ROUTE_CHANNELS);
    runJob(notice, DISPATCH_BATCHES);
    pushRound(notice);
    runJob(notice, RECONCILE);
    runJob(notice, SUMMARISE);
    assertThat(notice).isEnded().hasPassedInOrder(APPROVE_NOTICE, PREPARE_AUDIENCE, NOTICE_SENT);
  }

  @Test
  void rejectedNoticeIsRecordedAndNeverSent() {
    ProcessInstance notice = untilAwaitingApproval();

    complete(task(notice), withVariables(VAR_APPROVAL_DECISION, "REJECT",
        VAR_APPROVAL_COMMENT, "Sai khu vực / wrong area"));

    assertThat(notice).isEnded().hasPassedInOrder(APPROVE_NOTICE, REJECT_NOTICE, NOTICE_REJECTED)
        .hasNotPassed(PREPARE_AUDIENCE, NOTICE_SENT);
    Assertions.assertThat(steps.decisions).containsExactly("REJECT");
    Assertions.assertThat(steps.calls).endsWith("rejectNotice").doesNotContain("prepareAudience");
  }

  @Test
  void rescheduledNoticeWaitsUntilTheNewTimeThenIsPrepared() {
    ProcessInstance notice = untilAwaitingApproval();
    OffsetDateTime newTime = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(2).truncatedTo(ChronoUnit.MINUTES);

    complete(task(notice), withVariables(VAR_APPROVAL_DECISION, "RESCHEDULE",
        VAR_RESCHEDULED_AT, newTime.toString()));

    assertThat(notice).isWaitingAt(SEND_AT_REACHED).hasNotPassed(PREPARE_AUDIENCE);
    Job sendAt = job(SEND_AT_REACHED, notice);
    assertThat(sendAt).hasDueDate(Date.from(newTime.toInstant()));
    Assertions.assertThat(steps.calls).doesNotContain("prepareAudience");

    execute(sendAt);

    assertThat(notice).isWaitingAt(PREPARE_AUDIENCE).hasPassedInOrder(APPROVE_NOTICE, SEND_AT_REACHED);
    Assertions.assertThat(steps.decisions).containsExactly("RESCHEDULE");
  }

  @Test
  void approvalWithoutADecisionIsRefusedAndTheTaskStays() {
    ProcessInstance notice = untilAwaitingApproval();
    String approval = task(notice).getId();

    Assertions.assertThatThrownBy(() -> complete(task(notice), withVariables(VAR_APPROVAL_COMMENT, "ok")))
        .hasMessageContaining(VAR_APPROVAL_DECISION);

    assertThat(notice).isWaitingAt(APPROVE_NOTICE).task().hasId(approval);
    Assertions.assertThat(steps.calls).doesNotContain("prepareAudience", "rejectNotice");
  }

  // --- Transactions

  @Test
  void eachLongStepRunsAfterItsOwnAsyncContinuation() {
    steps.round(List.of(101L), true, true);
    steps.round(List.of(201L), true, false);
    ProcessInstance notice = start(NoticeType.BILL_ISSUED);
    List<String> jobsAt = new ArrayList<>();

    for (Job job = next(notice); job != null; job = next(notice)) {
      String activity = managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId();
      int before = steps.calls.size();
      jobsAt.add(activity);
      assertThat(notice).isWaitingAt(activity);
      execute(job);
      Assertions.assertThat(steps.calls.size()).as("steps run by the job at %s", activity).isGreaterThan(before);
      if (externalTaskQuery().processInstanceId(notice.getId()).count() > 0) {
        pushRound(notice);
      }
    }

    Assertions.assertThat(jobsAt).containsExactly(BUILD_NOTICE, PREPARE_AUDIENCE, ROUTE_CHANNELS, DISPATCH_BATCHES,
        RECONCILE, DISPATCH_BATCHES, RECONCILE, SUMMARISE);
    assertThat(notice).isEnded();
  }

  @Test
  void startingANoticeOnlyQueuesItsRequest() {
    ProcessInstance notice = start(NoticeType.BILL_ISSUED);

    assertThat(notice).isWaitingAt(BUILD_NOTICE).hasBusinessKey(Long.toString(NOTICE_ID));
    Assertions.assertThat(steps.calls).isEmpty();
  }

  // --- helpers

  /** As NotificationEvents starts it: the notice id, its type and the urgency and window of its policy. */
  private ProcessInstance start(NoticeType type) {
    Map<String, Object> policy = decisionService().evaluateDecisionByKey(NoticePolicy.DECISION)
        .variables(Variables.createVariables().putValue(VAR_NOTICE_TYPE, type.name())).evaluate().getSingleResult()
        .getEntryMap();
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, Long.toString(NOTICE_ID),
        Variables.createVariables()
            .putValue(VAR_NOTICE_ID, NOTICE_ID)
            .putValue(VAR_NOTICE_TYPE, type.name())
            .putValue(VAR_URGENCY, policy.get("urgency"))
            .putValue(VAR_RECEIPT_WINDOW, "PT" + policy.get("receiptWindowMinutes") + "M"));
  }

  private ProcessInstance untilDispatched(ProcessInstance notice) {
    runJob(notice, BUILD_NOTICE);
    runJob(notice, PREPARE_AUDIENCE);
    runJob(notice, ROUTE_CHANNELS);
    runJob(notice, DISPATCH_BATCHES);
    return notice;
  }

  private ProcessInstance untilAwaitingApproval() {
    steps.audienceSize = 12;
    ProcessInstance notice = start(NoticeType.PLANNED_OUTAGE_SCHEDULED);
    runJob(notice, BUILD_NOTICE);
    assertThat(notice).isWaitingAt(APPROVE_NOTICE);
    return notice;
  }

  /** The instance waits in front of that step, its job not run yet; then the job runs. */
  private static void runJob(ProcessInstance notice, String activityId) {
    assertThat(notice).isWaitingAt(activityId);
    execute(job(activityId, notice));
  }

  /** Works off every push task of the round as the worker would, answering the batch ids pushed. */
  private static List<Long> pushRound(ProcessInstance notice) {
    List<Long> batches = new ArrayList<>();
    for (LockedExternalTask push : lockPushes(notice)) {
      batches.add((Long) push.getVariables().get(VAR_BATCH_ID));
      pushed(push);
    }
    return batches;
  }

  /** Completes a push task as the worker does, then runs the job that carries the flow on after it. */
  private static void pushed(LockedExternalTask push) {
    complete(push);
    execute(jobQuery().executionId(push.getExecutionId()).activityId(PUSH_BATCH).singleResult());
  }

  /** Fetches as the push worker does; each test deploys its own definition, so this notice's tasks only. */
  private static List<LockedExternalTask> lockPushes(ProcessInstance notice) {
    return externalTaskService().fetchAndLock(100, "push-worker")
        .topic(TOPIC_PUSH, Duration.ofMinutes(5).toMillis())
        .processDefinitionId(notice.getProcessDefinitionId())
        .execute();
  }

  private static List<Job> timers(ProcessInstance notice) {
    return jobQuery().processInstanceId(notice.getId()).timers().list();
  }

  private static Job next(ProcessInstance notice) {
    return jobQuery().processInstanceId(notice.getId()).singleResult();
  }

  /**
   * Stand-ins for the beans of NotificationSteps and NoticeRounds: they set the variables the real steps set,
   * play the rounds a test scripts, and record what the flow asked of them.
   */
  static final class Steps {

    final List<String> calls = new ArrayList<>();
    final Set<Long> noticeIds = new HashSet<>();
    final List<String> decisions = new ArrayList<>();
    final Rounds rounds = new Rounds();
    long audienceSize = 250;
    int settledAsked;

    private final Deque<Round> script = new ArrayDeque<>();
    private Round current;

    void round(List<Long> batches, boolean settled, boolean moreToSend) {
      round(batches, settled, moreToSend, "PT60M");
    }

    void round(List<Long> batches, boolean settled, boolean moreToSend, String receiptWindow) {
      script.add(new Round(batches, settled, moreToSend, receiptWindow));
    }

    void register() {
      Mocks.register("requestNotice", step("requestNotice", execution -> {
        execution.setVariable(VAR_AUDIENCE_SIZE, audienceSize);
        execution.setVariable(VAR_APPROVER_GROUP, "supervisors-" + UNIT);
      }));
      Mocks.register("decideApproval", step("decideApproval", execution -> {
        Map<String, Object> result = execution.getProcessEngineServices().getDecisionService()
            .evaluateDecisionByKey("Decision_NoticeApproval")
            .variables(Variables.createVariables()
                .putValue(VAR_NOTICE_TYPE, execution.getVariable(VAR_NOTICE_TYPE))
                .putValue(VAR_URGENCY, execution.getVariable(VAR_URGENCY))
                .putValue(VAR_AUDIENCE_SIZE, execution.getVariable(VAR_AUDIENCE_SIZE)))
            .evaluate().getSingleResult().getEntryMap();
        execution.setVariable(VAR_APPROVAL_REQUIRED, Boolean.TRUE.equals(result.get("approvalRequired")));
        execution.setVariable("approvalReason", result.get("approvalReason"));
      }));
      Mocks.register("previewNotice", step("previewNotice", execution -> {
        execution.setVariable("noticeTitle", "Lịch ngừng cấp điện / Planned outage");
        execution.setVariable("noticePreview", "EVN Hà Nội thông báo ngừng cấp điện ...");
        execution.setVariable("audienceDescription", "Trạm biến áp E2E09-T6");
        execution.setVariable("expectedChannelMix", "App 5, Zalo 4, SMS 3");
        execution.setVariable("expectedSmsCost", "2.580");
        execution.setVariable(VAR_SEND_AT, new Date());
      }));
      Mocks.register("recordApproval", (TaskListener) task -> {
        calls.add("recordApproval");
        String decision = (String) task.getVariable(VAR_APPROVAL_DECISION);
        decisions.add(decision);
        if ("RESCHEDULE".equals(decision)) {
          Instant sendAt = OffsetDateTime.parse((String) task.getVariable(VAR_RESCHEDULED_AT)).toInstant();
          task.getExecution().setVariable(VAR_SEND_AT, Date.from(sendAt));
        }
      });
      Mocks.register("rejectNotice", step("rejectNotice", execution -> { }));
      Mocks.register("prepareAudience", step("prepareAudience", execution -> { }));
      Mocks.register("routeChannels", step("routeChannels", execution -> { }));
      Mocks.register("dispatchBatches", step("dispatchBatches", execution -> {
        Assertions.assertThat(script).as("rounds scripted by the test").isNotEmpty();
        current = script.remove();
        execution.setVariable(VAR_RECEIPT_WINDOW, current.receiptWindow());
      }));
      Mocks.register("reconcileRound", step("reconcileRound",
          execution -> execution.setVariable(VAR_MORE_TO_SEND, current.moreToSend())));
      Mocks.register("summariseNotice", step("summariseNotice", execution -> { }));
      Mocks.register("noticeRounds", rounds);
    }

    private JavaDelegate step(String name, JavaDelegate body) {
      return execution -> {
        calls.add(name);
        noticeIds.add(noticeId(execution));
        body.execute(execution);
      };
    }

    private static long noticeId(DelegateExecution execution) {
      return ((Number) execution.getVariable(VAR_NOTICE_ID)).longValue();
    }

    /** What the ledger holds of one round. */
    private record Round(List<Long> batches, boolean settled, boolean moreToSend, String receiptWindow) {
    }

    /** Public, like NoticeRounds: the expression language only calls methods of public types. */
    public final class Rounds {

      public List<Long> batches(Long noticeId) {
        noticeIds.add(noticeId);
        return current.batches();
      }

      public boolean settled(Long noticeId) {
        noticeIds.add(noticeId);
        settledAsked++;
        return current.settled();
      }
    }
  }
}
