package io.gridcare.customers.worker;

import static io.gridcare.customers.CustomerTopics.AUDIENCE_SIZE;
import static io.gridcare.customers.CustomerTopics.ERROR_INVALID_AUDIENCE;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_FEEDERS;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_METER_BOOKS;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_SEGMENT;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_SIZE;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_SUBSTATIONS;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_UNIT;

import java.util.Map;

import io.gridcare.customers.Audience;
import io.gridcare.system.worker.TaskFailures;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Counts an audience, so that a flow can decide before it addresses anyone (too many, nobody, approval). */
@Component
@ExternalTaskSubscription(topicName = AUDIENCE_SIZE, variableNames = {VAR_AUDIENCE_UNIT, VAR_AUDIENCE_SUBSTATIONS,
    VAR_AUDIENCE_FEEDERS, VAR_AUDIENCE_METER_BOOKS, VAR_AUDIENCE_SEGMENT})
class AudienceSizeWorker implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(AudienceSizeWorker.class);

  private final GridCareApi api;

  AudienceSizeWorker(GridCareApi api) {
    this.api = api;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    Audience audience;
    try {
      audience = AudienceVariables.audience(task::getVariable);
    } catch (IllegalArgumentException e) {
      tasks.handleBpmnError(task, ERROR_INVALID_AUDIENCE, e.getMessage());
      return;
    }
    if (audience.unfiltered()) {
      tasks.handleBpmnError(task, ERROR_INVALID_AUDIENCE, "Cần ít nhất một bộ lọc / At least one of "
          + String.join(", ", AudienceVariables.NAMES) + " is required");
      return;
    }
    try {
      long size = api.audienceSize(audience);
      tasks.complete(task, Map.of(VAR_AUDIENCE_SIZE, size));
      log.debug("Task {}: audience of {} customers", task.getId(), size);
    } catch (GridCareApi.Rejected e) {
      tasks.handleBpmnError(task, ERROR_INVALID_AUDIENCE, e.getMessage());
    } catch (RuntimeException e) {
      TaskFailures.retryLater(task, tasks, e);
    }
  }
}
