package io.gridcare.system.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.backoff.ErrorAwareBackoffStrategy;
import org.camunda.bpm.client.exception.ConnectionLostException;
import org.junit.jupiter.api.Test;

class WorkerRuntimeTest {

  private final ErrorAwareBackoffStrategy backoff = errorAware(new WorkerRuntime().workerBackoff());

  @Test
  void emptyLongPollsAreFollowedByTheNextPollAtOnce() {
    for (int poll = 0; poll < 20; poll++) {
      backoff.reconfigure(List.of(), null);
    }

    assertThat(backoff.calculateBackoffTime()).isZero();
  }

  @Test
  void errorsPauseLongerEachTimeUpToHalfAMinute() {
    backoff.reconfigure(List.of(), new ConnectionLostException("refused", null));
    long first = backoff.calculateBackoffTime();
    backoff.reconfigure(List.of(), new ConnectionLostException("refused", null));
    long second = backoff.calculateBackoffTime();
    for (int attempt = 0; attempt < 20; attempt++) {
      backoff.reconfigure(List.of(), new ConnectionLostException("refused", null));
    }

    assertThat(first).isEqualTo(500);
    assertThat(second).isEqualTo(1000);
    assertThat(backoff.calculateBackoffTime()).isEqualTo(30_000);
  }

  @Test
  void aSuccessfulPollEndsThePause() {
    backoff.reconfigure(List.of(), new ConnectionLostException("refused", null));

    backoff.reconfigure(List.of(), null);

    assertThat(backoff.calculateBackoffTime()).isZero();
  }

  private static ErrorAwareBackoffStrategy errorAware(BackoffStrategy strategy) {
    assertThat(strategy).isInstanceOf(ErrorAwareBackoffStrategy.class);
    return (ErrorAwareBackoffStrategy) strategy;
  }
}
