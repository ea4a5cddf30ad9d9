package io.gridcare.system.worker;

import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkerRuntime {

  /**
   * Pauses only after errors (0.5 s doubling up to 30 s). The client's default also pauses after empty fetches,
   * up to a minute: with long polling that only delays the next task, since the poll itself already waited.
   */
  @Bean
  BackoffStrategy workerBackoff() {
    return new ExponentialErrorBackoffStrategy(500, 2, 30_000);
  }
}
