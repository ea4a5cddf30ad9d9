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

  /** The inputs of {@code Decision_RequestTriage}. */
  VariableMap triageInputs() {
    return Variables.createVariables()
        .putValue("serviceType", service.code())
        .putValue("serviceCategory", service.category().name())
        .putValue("autoForwardService", service.autoForward())
        .putValue("customerRequired", service.requiresCustomer())
        .putValue("customerIdentified", customer != null)
        .putValue("reasonChosen", reasonChosen)
        .putValue("dataComplete", dataComplete())
        .putValue("duplicateSuspected", duplicateSuspected())
        .putValue("blockingWarnings", blockingWarnings());
  }
}
