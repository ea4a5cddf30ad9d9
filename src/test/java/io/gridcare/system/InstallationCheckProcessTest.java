package io.gridcare.system;

import static io.gridcare.system.InstallationCheck.END_CONFIRMED;
import static io.gridcare.system.InstallationCheck.END_NOT_CONFIRMED;
import static io.gridcare.system.InstallationCheck.END_NO_WORKER;
import static io.gridcare.system.InstallationCheck.PROCESS_KEY;
import static io.gridcare.system.InstallationCheck.TASK_CONFIRM;
import static io.gridcare.system.InstallationCheck.TASK_PING_WORKER;
import static io.gridcare.system.InstallationCheck.TOPIC;
import static io.gridcare.system.InstallationCheck.VAR_CONFIRMED;
import static io.gridcare.system.InstallationCheck.VAR_WORKER_ID;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.gridcare.ProcessTestEngine;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {
    "gridcare/processes/system/installation-check.bpmn",
    "gridcare/forms/system/installation-check-confirmation.form"})
class InstallationCheckProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  @Test
  void confirmedCheckEndsAsAWorkingInstallation() throws IOException {
    ProcessInstance check = runtimeService().startProcessInstanceByKey(PROCESS_KEY);
    assertThat(check).isWaitingAt(TASK_PING_WORKER).externalTask().hasTopicName(TOPIC);

    complete(externalTask(check), withVariables(VAR_WORKER_ID, "worker-1"));

    assertThat(check).isWaitingAt(TASK_CONFIRM).task().hasCandidateGroup(Access.ADMIN_GROUP);
    try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
      Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"" + InstallationCheck.FORM_ID + "\"");
    }

    complete(task(), withVariables(VAR_CONFIRMED, true));

    assertThat(check).isEnded().hasPassedInOrder(TASK_PING_WORKER, TASK_CONFIRM, END_CONFIRMED);
  }

  @Test
  void uncheckedConfirmationEndsAsNeedingAnotherLook() {
    ProcessInstance check = runtimeService().startProcessInstanceByKey(PROCESS_KEY);
    complete(externalTask(check), withVariables(VAR_WORKER_ID, "worker-1"));

    complete(task(check), withVariables(VAR_CONFIRMED, false));

    assertThat(check).isEnded().hasPassed(END_NOT_CONFIRMED).hasNotPassed(END_CONFIRMED);
  }

  @Test
  void confirmationLeftOutEndsAsNeedingAnotherLook() {
    ProcessInstance check = runtimeService().startProcessInstanceByKey(PROCESS_KEY);
    complete(externalTask(check), withVariables(VAR_WORKER_ID, "worker-1"));

    complete(task(check), Map.of());

    assertThat(check).isEnded().hasPassed(END_NOT_CONFIRMED);
  }

  @Test
  void checkEndsAsNoWorkerWhenNoneAnswersInTime() {
    ProcessInstance check = runtimeService().startProcessInstanceByKey(PROCESS_KEY);
    assertThat(check).isWaitingAt(TASK_PING_WORKER);

    execute(job());

    assertThat(check).isEnded().hasPassed(END_NO_WORKER).hasNotPassed(TASK_CONFIRM);
  }
}
