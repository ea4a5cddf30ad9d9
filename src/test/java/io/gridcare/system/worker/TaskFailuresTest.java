package io.gridcare.system.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;

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
  void faultNoRetryCanMendIsAnIncidentAtOnce() {
    ExternalTask task = mock(ExternalTask.class);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    TaskFailures.incidentNow(task, tasks, "customerFields: names no field");

    verify(tasks).handleFailure(task, "customerFields: names no field", null, 0, 0);
  }
}
