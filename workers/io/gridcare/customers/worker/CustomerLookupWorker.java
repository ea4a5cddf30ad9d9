package io.gridcare.customers.worker;

import static io.gridcare.customers.CustomerTopics.CUSTOMER_LOOKUP;
import static io.gridcare.customers.CustomerTopics.ERROR_CUSTOMER_NOT_FOUND;
import static io.gridcare.customers.CustomerTopics.ERROR_INVALID_CUSTOMER_CODE;
import static io.gridcare.customers.CustomerTopics.VAR_CUSTOMER_CODE;
import static io.gridcare.customers.CustomerTopics.VAR_CUSTOMER_FIELDS;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.customers.CustomerProfile;
import io.gridcare.system.worker.TaskFailures;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the fields a process asks for of one customer into its variables. The values (phone numbers among
 * them) go to the engine only, never to the log.
 */
@Component
@ExternalTaskSubscription(topicName = CUSTOMER_LOOKUP, variableNames = {VAR_CUSTOMER_CODE, VAR_CUSTOMER_FIELDS})
class CustomerLookupWorker implements ExternalTaskHandler {

  private static final Logger log = LoggerFactory.getLogger(CustomerLookupWorker.class);
  private static final Pattern CUSTOMER_CODE = Pattern.compile(CustomerProfile.CODE_FORMAT);

  private final GridCareApi api;

  CustomerLookupWorker(GridCareApi api) {
    this.api = api;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    List<String> paths;
    try {
      paths = ProfileFields.parse(task.getVariable(VAR_CUSTOMER_FIELDS));
    } catch (IllegalArgumentException e) {
      // the list is written in the model: every instance would fail the same way until the model is fixed
      TaskFailures.incidentNow(task, tasks, e.getMessage());
      return;
    }
    Object code = task.getVariable(VAR_CUSTOMER_CODE);
    if (!(code instanceof String customerCode) || !CUSTOMER_CODE.matcher(customerCode).matches()) {
      // not echoed: whatever came instead of a code may be personal data (a phone number, a name)
      tasks.handleBpmnError(task, ERROR_INVALID_CUSTOMER_CODE, "Biến customerCode thiếu hoặc không phải mã khách "
          + "hàng / customerCode is missing or not a customer code");
      return;
    }
    try {
      Optional<JsonNode> customer = api.customer(customerCode);
      if (customer.isEmpty()) {
        log.debug("Task {}: no customer {}", task.getId(), customerCode);
        tasks.handleBpmnError(task, ERROR_CUSTOMER_NOT_FOUND,
            "Không có khách hàng " + customerCode + " / No customer " + customerCode);
        return;
      }
      tasks.complete(task, ProfileFields.variables(customer.get(), paths));
      log.debug("Task {}: {} fields of customer {}", task.getId(), paths.size(), customerCode);
    } catch (GridCareApi.Rejected e) {
      tasks.handleBpmnError(task, ERROR_INVALID_CUSTOMER_CODE, e.getMessage());
    } catch (RuntimeException e) {
      TaskFailures.retryLater(task, tasks, e);
    }
  }
}
