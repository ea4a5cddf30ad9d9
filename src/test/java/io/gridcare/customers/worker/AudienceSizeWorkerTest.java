package io.gridcare.customers.worker;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import io.gridcare.customers.Audience;
import io.gridcare.customers.CustomerTopics;
import io.gridcare.system.worker.TaskFailures;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;

class AudienceSizeWorkerTest {

  private final GridCareApi api = mock(GridCareApi.class);
  private final ExternalTaskService tasks = mock(ExternalTaskService.class);
  private final AudienceSizeWorker worker = new AudienceSizeWorker(api);

  @Test
  void completesWithTheAudienceSize() {
    when(api.audienceSize(new Audience("PD09", List.of("E1.9-T12", "E1.9-T13"), null, null, null))).thenReturn(42L);
    ExternalTask task = task(Map.of(CustomerTopics.VAR_AUDIENCE_UNIT, "PD09",
        CustomerTopics.VAR_AUDIENCE_SUBSTATIONS, "E1.9-T12,E1.9-T13"));

    worker.execute(task, tasks);

    verify(tasks).complete(task, Map.of(CustomerTopics.VAR_AUDIENCE_SIZE, 42L));
  }

  @Test
  void audienceWithoutFiltersIsABusinessErrorWithoutACall() {
    ExternalTask task = task(Map.of());

    worker.execute(task, tasks);

    verify(tasks).handleBpmnError(eq(task), eq(CustomerTopics.ERROR_INVALID_AUDIENCE), anyString());
    verifyNoInteractions(api);
  }

  @Test
  void filterGridCareRefusesIsABusinessError() {
    when(api.audienceSize(any())).thenThrow(new GridCareApi.Rejected("unit: must match"));
    ExternalTask task = task(Map.of(CustomerTopics.VAR_AUDIENCE_UNIT, "Sóc Sơn"));

    worker.execute(task, tasks);

    verify(tasks).handleBpmnError(task, CustomerTopics.ERROR_INVALID_AUDIENCE, "unit: must match");
  }

  @Test
  void failingApiIsRetriedLater() {
    when(api.audienceSize(any())).thenThrow(new GridCareApi.Unavailable("GridCare's API answered 503"));
    ExternalTask task = task(Map.of(CustomerTopics.VAR_AUDIENCE_SEGMENT, "C2-B5"));

    worker.execute(task, tasks);

    verify(tasks).handleFailure(eq(task), anyString(), anyString(), eq(TaskFailures.RETRIES - 1), anyLong());
  }

  private static ExternalTask task(Map<String, Object> variables) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn("task-1");
    // as the engine reports a task that has not failed yet
    when(task.getRetries()).thenReturn(null);
    when(task.getTopicName()).thenReturn(CustomerTopics.AUDIENCE_SIZE);
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return task;
  }
}
