package io.gridcare.system.worker;

import java.util.Map;

import io.gridcare.system.InstallationCheck;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** Answers an installation check with who this worker is, so the operator sees which worker took the task. */
@Component
@ExternalTaskSubscription(InstallationCheck.TOPIC)
class InstallationCheckWorker implements ExternalTaskHandler {

  private final String workerId;
  private final String version;

  InstallationCheckWorker(@Value("${camunda.bpm.client.worker-id}") String workerId,
      ObjectProvider<BuildProperties> build) {
    this.workerId = workerId;
    this.version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    try {
      tasks.complete(task, Map.of(
          InstallationCheck.VAR_WORKER_ID, workerId,
          InstallationCheck.VAR_WORKER_VERSION, version,
          InstallationCheck.VAR_WORKER_JAVA, Runtime.version().toString()));
    } catch (RuntimeException e) {
      TaskFailures.retryLater(task, tasks, e);
    }
  }
}
