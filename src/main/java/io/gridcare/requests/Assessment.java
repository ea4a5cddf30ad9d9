package io.gridcare.requests;

import java.util.List;

import io.gridcare.customers.CustomerProfile;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What validation found in a draft, and the facts the triage decision reads.
 *
 * @param unitCode the Power Company the request belongs to, when it could be told
 * @param customer the identified customer, or null
 */
record Assessment(ServiceType service, List<Warning> warnings, String unitCode, CustomerProfile customer,
    List<String> duplicates, boolean reasonChosen) {

  boolean dataComplete() {
    return warnings.stream().noneMatch(warning -> warning.code().incompleteData());
  }

  boolean duplicateSuspected() {
    return warnings.stream().anyMatch(warning -> warning.code().duplicate());
  }

  long blockingWarnings() {
    return warnings.stream().filter(Warning::blocking).count();
  }

  /**
   * The inputs of {@code Decision_RequestTriage}, transient: the decision's history keeps them (Cockpit shows
   * them with the decision), the request row keeps the warnings, and storing each as a process variable too
   * would triple the rows a submission writes.
   */
  VariableMap triageInputs() {
    return Variables.createVariables()
        .putValueTyped("serviceType", Variables.stringValue(service.code(), true))
        .putValueTyped("serviceCategory", Variables.stringValue(service.category().name(), true))
        .putValueTyped("autoForwardService", Variables.booleanValue(service.autoForward(), true))
        .putValueTyped("customerRequired", Variables.booleanValue(service.requiresCustomer(), true))
        .putValueTyped("customerIdentified", Variables.booleanValue(customer != null, true))
        .putValueTyped("reasonChosen", Variables.booleanValue(reasonChosen, true))
        .putValueTyped("dataComplete", Variables.booleanValue(dataComplete(), true))
        .putValueTyped("duplicateSuspected", Variables.booleanValue(duplicateSuspected(), true))
        .putValueTyped("blockingWarnings", Variables.longValue(blockingWarnings(), true));
  }
}
