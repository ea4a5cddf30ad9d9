package io.gridcare.system.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;

class TaskFailuresTest {

  @Test
  void firstFailureLeavesAllButOneRetry() {
    assertThat(TaskFailures.remainingAfterThisFailure(null)).isEqualTo(TaskFailures.RETRIES - 1);
  }

  @Test
  void everyFailureTakesOneRetryUntilNoneAreLeft() {
    assertThat(TaskFailures.remainingAfterThisFailure(2)).isEqualTo(1);
    assertThat(TaskFailures.remainingAfterThisFailure(1)).isZero();
    assertThat(TaskFailures.remainingAfterThisFailure(0)).isZero();
  }

  @Test
  void pauseDoublesAsRetriesRunOut() {
    assertThat(TaskFailures.pauseBefore(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(TaskFailures.pauseBefore(1)).isEqualTo(Duration.ofSeconds(20));
    assertThat(TaskFailures.pauseBefore(0)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void aConcurrentChangeOnCompletionHandsTheTaskBackWithItsRetries() {
    ExternalTask task = mock(ExternalTask.class);
    ExternalTaskService tasks = mock(ExternalTaskService.class);
    when(task.getRetries()).thenReturn(2);

    TaskFailures.handBackAfterConflict(task, tasks);

    verify(tasks).handleFailure(eq(task), anyString(), isNull(), eq(2), eq(0L));
    assertThat(TaskFailures.isConcurrentChange(new RestException("conflict", "OptimisticLockingException", 500)))
        .isTrue();
    assertThat(TaskFailures.isConcurrentChange(new RestException("gone", "NotFoundException", 404))).isFalse();
    assertThat(TaskFailures.isConcurrentChange(new IllegalStateException("other"))).isFalse();
  }

  @Test
  void faultNoRetryCanMendIsAnIncidentAtOnce() {
    ExternalTask task = mock(ExternalTask.class);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    TaskFailures.incidentNow(task, tasks, "customerFields: names no field");

    verify(tasks).handleFailure(task, "customerFields: names no field", null, 0, 0);
  }
}
