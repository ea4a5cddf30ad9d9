package io.gridcare.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.gridcare.ProcessTestEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TriageServiceRequestProcess and Decision_RequestTriage on their own: the real decision, scripted doubles for the
 * Spring steps (registered with {@link Mocks}; the tests drive every job on their own thread).
 */
@Deployment(resources = {
    "gridcare/processes/requests/triage-request.bpmn",
    "gridcare/processes/requests/request-triage.dmn",
    "gridcare/forms/requests/review-request.form",
    "gridcare/forms/requests/handle-request.form"})
class TriageRequestProcessTest {

  private static final String CODE = "YC261123ABCDEF";

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final List<String> calls = new ArrayList<>();
  private String unitSystemUrl;
  private VariableMap reassessedInputs = clean();

  @BeforeEach
  void registerSteps() {
    Mocks.register("recordTriage", (ExecutionListener) execution ->
        calls.add("recordTriage:" + execution.getVariable(RequestFlow.VAR_TRIAGE_OUTCOME)));
    Mocks.register("forwardRequest", step("forwardRequest", execution -> {
      execution.setVariable(RequestFlow.VAR_HANDLING_GROUP, "unit-PD12");
      execution.setVariable("handlingDue", new java.util.Date());
      execution.setVariable(RequestFlow.VAR_UNIT_SYSTEM_URL, unitSystemUrl);
    }));
    Mocks.register("prepareReview", step("prepareReview", execution ->
        execution.setVariable("reviewDue", new java.util.Date())));
    Mocks.register("checkReview", (TaskListener) task -> {
      calls.add("checkReview");
      if ("MERGE".equals(task.getVariable(RequestFlow.VAR_REVIEW_OUTCOME)) && task.getVariable("duplicateOf") == null) {
        throw new ProcessEngineException("Cần điền duplicateOf / duplicateOf is required");
      }
    });
    Mocks.register("checkHandling", (TaskListener) task -> calls.add("checkHandling"));
    Mocks.register("applyCorrections", step("applyCorrections", execution -> { }));
    Mocks.register("askCustomer", step("askCustomer", execution -> { }));
    Mocks.register("reassessRequest", step("reassessRequest", execution -> execution.setVariables(reassessedInputs)));
    for (String name : List.of("closeUnanswered", "mergeDuplicate", "rejectRequest", "closeRequest",
        "escalateReview")) {
      Mocks.register(name, step(name, execution -> { }));
    }
  }

  @AfterEach
  void forgetSteps() {
    Mocks.reset();
  }

  // --- The decision

  static Stream<Arguments> everyRule() {
    return Stream.of(
        Arguments.of("Rule_Duplicate", clean().putValue("duplicateSuspected", true).putValue("blockingWarnings", 1L), "DUPLICATE"),
        Arguments.of("Rule_Unidentified", clean().putValue("customerRequired", true).putValue("customerIdentified", false), "UNIDENTIFIED"),
        Arguments.of("Rule_Incomplete", clean().putValue("dataComplete", false).putValue("blockingWarnings", 2L), "INCOMPLETE"),
        Arguments.of("Rule_Warnings", clean().putValue("blockingWarnings", 1L), "WARNINGS"),
        Arguments.of("Rule_FreeText", clean().putValue("reasonChosen", false), "FREE_TEXT"),
        Arguments.of("Rule_ServiceRule", clean().putValue("autoForwardService", false), "SERVICE_RULE"),
        Arguments.of("Rule_Clean", clean(), RequestFlow.AUTO_FORWARD),
        // a new connection: no customer needed, none identified
        Arguments.of("Rule_Clean", clean().putValue("customerRequired", false).putValue("customerIdentified", false),
            RequestFlow.AUTO_FORWARD));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("everyRule")
  void eachRuleDecidesItsCase(String rule, VariableMap inputs, String outcome) {
    assertThat(decisionService().evaluateDecisionTableByKey(RequestFlow.DECISION_TRIAGE, inputs)
        .<String>getSingleEntry()).isEqualTo(outcome);
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricDecisionInstanceQuery().includeOutputs().list().stream()
        .flatMap(instance -> instance.getOutputs().stream()).map(output -> output.getRuleId()).toList())
        .contains(rule);
  }

  @Test
  void aDuplicateGoesToReviewWhateverElseHolds() {
    VariableMap everythingWrong = clean().putValue("duplicateSuspected", true).putValue("dataComplete", false)
        .putValue("reasonChosen", false).putValue("blockingWarnings", 3L).putValue("autoForwardService", false);
    assertThat(decisionService().evaluateDecisionTableByKey(RequestFlow.DECISION_TRIAGE, everythingWrong)
        .<String>getSingleEntry()).isEqualTo("DUPLICATE");
  }

  // --- Automatic forwarding

  @Test
  void cleanRequestReachesTheUnitsTaskListWithNoAgent() {
    ProcessInstance instance = start(clean());

    assertThat(instance).hasPassed("Task_TriageRequest").isWaitingAt("Task_ForwardRequest");
    assertThat(calls).containsExactly("recordTriage:AUTO_FORWARD");
    execute(job(instance));
    assertThat(instance).isWaitingAt("Task_HandleRequest");
    assertThat(task(instance)).hasCandidateGroup("unit-PD12");

    complete(task(instance), withVariables(RequestFlow.VAR_HANDLING_OUTCOME, "COMPLETED", RequestFlow.VAR_HANDLING_NOTE, "Đã lắp"));
    execute(job(instance));

    assertThat(instance).hasPassedInOrder("Task_ForwardRequest", "Task_HandleRequest", "Task_CloseRequest")
        .hasNotPassed("Task_PrepareReview").isEnded();
    assertThat(instance).hasPassed("EndEvent_RequestClosed");
    assertThat(calls).containsExactly("recordTriage:AUTO_FORWARD", "forwardRequest", "checkHandling", "closeRequest");
  }

  @Test
  void requestDecidedAtSubmissionIsNotDecidedAgain() {
    ProcessInstance instance = start(Variables.createVariables()
        .putValue(RequestFlow.VAR_TRIAGE_OUTCOME, RequestFlow.AUTO_FORWARD));

    assertThat(instance).hasPassed("Gateway_DecidedAtSubmission").hasNotPassed("Task_TriageRequest")
        .isWaitingAt("Task_ForwardRequest");
    assertThat(calls).isEmpty();
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void requestDecidedAtSubmissionIsDecidedAgainAfterTheCustomersSupplement() {
    ProcessInstance instance = start(Variables.createVariables().putValue(RequestFlow.VAR_TRIAGE_OUTCOME, "INCOMPLETE"));
    assertThat(instance).hasNotPassed("Task_TriageRequest").isWaitingAt("Task_PrepareReview");
    execute(job(instance));
    complete(task(instance), withVariables(RequestFlow.VAR_REVIEW_OUTCOME, "ASK_CUSTOMER", "infoRequested", "Ảnh CCCD"));
    execute(job(instance));

    runtimeService().createMessageCorrelation(RequestFlow.MSG_SUPPLEMENT_RECEIVED).processInstanceBusinessKey(CODE)
        .correlate();
    execute(job(instance)); // reassess: the supplement made it clean

    assertThat(instance).hasPassedInOrder("Task_ReassessRequest", "Task_TriageRequest").isWaitingAt("Task_ForwardRequest");
    assertThat(calls).containsExactly("prepareReview", "checkReview", "askCustomer", "reassessRequest",
        "recordTriage:AUTO_FORWARD");
  }

  @Test
  void unitWithItsOwnSystemGetsTheRequestThereAndReportsBack() {
    unitSystemUrl = "https://crm.pd12.example/requests";
    ProcessInstance instance = start(clean());
    execute(job(instance));
    execute(job(instance)); // Task_SendToUnitSystem is async before

    assertThat(instance).isWaitingAt("Task_SendToUnitSystem");
    assertThat(externalTask(instance)).hasTopicName(RequestFlow.TOPIC_UNIT_SYSTEM);
    complete(externalTask(instance));
    assertThat(instance).isWaitingAt("Event_UnitSystemAnswered");

    runtimeService().createMessageCorrelation(RequestFlow.MSG_REQUEST_HANDLED).processInstanceBusinessKey(CODE)
        .setVariable(RequestFlow.VAR_HANDLING_OUTCOME, "COMPLETED").correlate();
    execute(job(instance));

    assertThat(instance).hasPassed("EndEvent_RequestClosed").hasNotPassed("Task_HandleRequest").isEnded();
  }

  // --- Manual review and its outcomes

  @Test
  void requestWithWarningsGoesToAnAgentWhoForwardsItCorrected() {
    ProcessInstance instance = start(clean().putValue("blockingWarnings", 1L));
    assertThat(calls).containsExactly("recordTriage:WARNINGS");
    execute(job(instance));

    assertThat(instance).isWaitingAt("Task_ReviewRequest");
    assertThat(task(instance)).hasCandidateGroup("gridcare-callcentre");
    complete(task(instance), withVariables(RequestFlow.VAR_REVIEW_OUTCOME, "FORWARD", "correctedServiceType", "CAPACITY_CHANGE"));
    execute(job(instance)); // apply corrections
    execute(job(instance)); // forward

    assertThat(instance).hasPassedInOrder("Task_ReviewRequest", "Task_ApplyCorrections", "Task_ForwardRequest")
        .isWaitingAt("Task_HandleRequest");
  }

  @Test
  void agentAsksTheCustomerAndTheSupplementIsTriagedAgain() {
    ProcessInstance instance = start(clean().putValue("dataComplete", false).putValue("blockingWarnings", 1L));
    execute(job(instance));
    complete(task(instance), withVariables(RequestFlow.VAR_REVIEW_OUTCOME, "ASK_CUSTOMER", "infoRequested", "Ảnh CCCD"));
    execute(job(instance));
    assertThat(instance).isWaitingAt("Gateway_AwaitSupplement");

    runtimeService().createMessageCorrelation(RequestFlow.MSG_SUPPLEMENT_RECEIVED).processInstanceBusinessKey(CODE)
        .correlate();
    execute(job(instance)); // reassess

    assertThat(instance).hasPassedInOrder("Task_AskCustomer", "Event_SupplementReceived", "Task_ReassessRequest")
        .isWaitingAt("Task_ForwardRequest");
    assertThat(calls).containsSubsequence("recordTriage:INCOMPLETE", "askCustomer", "reassessRequest",
        "recordTriage:AUTO_FORWARD");
  }

  @Test
  void anUnansweredRequestIsClosedWhenTheWaitEnds() {
    ProcessInstance instance = start(clean().putValue("dataComplete", false));
    execute(job(instance));
    complete(task(instance), withVariables(RequestFlow.VAR_REVIEW_OUTCOME, "ASK_CUSTOMER", "infoRequested", "Số hộ"));
    execute(job(instance));

    Job timeout = jobQuery().timers().activityId("Event_SupplementTimeout").singleResult();
    assertThat(timeout.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 4L * 24 * 3600 * 1000));
    execute(timeout);
    execute(job(instance));

    assertThat(instance).hasPassed("Task_CloseUnanswered", "EndEvent_RequestUnanswered").isEnded();
  }

  @Test
  void agentMergesARepeat() {
    ProcessInstance instance = start(clean().putValue("duplicateSuspected", true));
    execute(job(instance));
    complete(task(instance), withVariables(RequestFlow.VAR_REVIEW_OUTCOME, "MERGE", "duplicateOf", "YC261120XYZXYZ"));
    execute(job(instance));

    assertThat(instance).hasPassed("Task_MergeDuplicate", "EndEvent_RequestMerged").isEnded();
  }

  @Test
  void agentRejects() {
    ProcessInstance instance = start(clean().putValue("reasonChosen", false));
    execute(job(instance));
    complete(task(instance), withVariables(RequestFlow.VAR_REVIEW_OUTCOME, "REJECT", "rejectionReason", "Không thuộc địa bàn"));
    execute(job(instance));

    assertThat(instance).hasPassed("Task_RejectRequest", "EndEvent_RequestRejected").isEnded();
  }

  @Test
  void reviewThatFailsItsCheckStaysOpen() {
    ProcessInstance instance = start(clean().putValue("duplicateSuspected", true));
    execute(job(instance));

    assertThatThrownBy(() -> taskService().complete(task(instance).getId(),
        withVariables(RequestFlow.VAR_REVIEW_OUTCOME, "MERGE"))).hasMessageContaining("duplicateOf");
    assertThat(instance).isWaitingAt("Task_ReviewRequest");
  }

  @Test
  void untouchedReviewIsEscalatedAndStaysOpen() {
    ProcessInstance instance = start(clean().putValue("blockingWarnings", 2L));
    execute(job(instance));

    Job sla = jobQuery().timers().activityId("Event_ReviewSlaExpired").singleResult();
    assertThat(sla).as("the review's SLA timer").isNotNull();
    execute(sla);

    assertThat(calls).contains("escalateReview");
    assertThat(instance).hasPassed("EndEvent_ReviewEscalated").isWaitingAt("Task_ReviewRequest");
  }

  private ProcessInstance start(VariableMap inputs) {
    return runtimeService().startProcessInstanceByKey(RequestFlow.PROCESS_KEY, CODE, inputs
        .putValue(RequestFlow.VAR_REQUEST_ID, 42L).putValue(RequestFlow.VAR_REQUEST_CODE, CODE)
        .putValue(RequestFlow.VAR_REVIEW_SLA, "PT4H").putValue(RequestFlow.VAR_SUPPLEMENT_TIMEOUT, "P5D"));
  }

  private static VariableMap clean() {
    return Variables.createVariables()
        .putValue("serviceType", "CAPACITY_CHANGE").putValue("serviceCategory", "PAID_SERVICE")
        .putValue("autoForwardService", true).putValue("customerRequired", true)
        .putValue("customerIdentified", true).putValue("reasonChosen", true).putValue("dataComplete", true)
        .putValue("duplicateSuspected", false).putValue("blockingWarnings", 0L);
  }

  private JavaDelegate step(String name, JavaDelegate body) {
    return execution -> {
      calls.add(name);
      body.execute(execution);
    };
  }
}
