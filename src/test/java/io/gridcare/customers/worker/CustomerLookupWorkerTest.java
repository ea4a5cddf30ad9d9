package io.gridcare.customers.worker;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.customers.CustomerTopics;
import io.gridcare.system.worker.TaskFailures;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;

/** What the handler tells the engine for each outcome; the client and the engine are stand-ins. */
class CustomerLookupWorkerTest {

  private final GridCareApi api = mock(GridCareApi.class);
  private final ExternalTaskService tasks = mock(ExternalTaskService.class);
  private final CustomerLookupWorker worker = new CustomerLookupWorker(api);

  @Test
  void completesWithOneVariablePerField() throws Exception {
    when(api.customer("PD09000000001")).thenReturn(Optional.of(new ObjectMapper().readTree(
        "{\"profile\":{\"contact\":{\"mobile\":\"+84912345678\"}},\"segment\":\"C2-B5\"}")));

    worker.execute(task("PD09000000001", "contact.mobile,segment"), tasks);

    verify(tasks).complete(any(),
        eq(Map.of("contactMobile", "+84912345678", "segment", "C2-B5")));
  }

  @Test
  void unknownCustomerIsABusinessError() {
    when(api.customer("PD09000000404")).thenReturn(Optional.empty());
    ExternalTask task = task("PD09000000404", "contact.mobile");

    worker.execute(task, tasks);

    verify(tasks).handleBpmnError(eq(task), eq(CustomerTopics.ERROR_CUSTOMER_NOT_FOUND), anyString());
  }

  @Test
  void missingOrMalformedCodeIsABusinessErrorWithoutACall() {
    ExternalTask missing = task(null, "contact.mobile");
    ExternalTask phoneInstead = task("0912345678", "contact.mobile");

    worker.execute(missing, tasks);
    worker.execute(phoneInstead, tasks);

    verify(tasks).handleBpmnError(eq(missing), eq(CustomerTopics.ERROR_INVALID_CUSTOMER_CODE), anyString());
    verify(tasks).handleBpmnError(eq(phoneInstead), eq(CustomerTopics.ERROR_INVALID_CUSTOMER_CODE),
        argThat(message -> !message.contains("0912345678")));
    verifyNoInteractions(api);
  }

  @Test
  void unreachableApiIsRetriedLater() {
    when(api.customer("PD09000000001")).thenThrow(new GridCareApi.Unavailable("connection refused"));
    ExternalTask task = task("PD09000000001", "contact.mobile");

    worker.execute(task, tasks);

    verify(tasks).handleFailure(eq(task), anyString(), anyString(), eq(TaskFailures.RETRIES - 1), anyLong());
  }

  @Test
  void malformedFieldListIsAnIncidentAtOnce() {
    ExternalTask task = task("PD09000000001", "contact mobile");

    worker.execute(task, tasks);

    verify(tasks).handleFailure(eq(task), anyString(), eq(null), eq(0), eq(0L));
    verify(tasks, never()).complete(any(), anyMap());
    verifyNoInteractions(api);
  }

  private static ExternalTask task(String customerCode, String customerFields) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn("task-1");
    // as the engine reports a task that has not failed yet
    when(task.getRetries()).thenReturn(null);
    when(task.getTopicName()).thenReturn(CustomerTopics.CUSTOMER_LOOKUP);
    when(task.getVariable(CustomerTopics.VAR_CUSTOMER_CODE)).thenReturn(customerCode);
    when(task.getVariable(CustomerTopics.VAR_CUSTOMER_FIELDS)).thenReturn(customerFields);
    return task;
  }
}
