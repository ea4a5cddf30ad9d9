package io.gridcare.requests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A service of the portal's catalog.
 *
 * @param promisedWorkingDays the processing time promised, in working days (in a city unit)
 * @param promisedWorkingDaysRural the promise in a rural unit, when it differs
 * @param feeVnd the fee, when the service has a fixed one; {@code feeNote} explains other cases
 * @param requiresCustomer only an existing customer (an identified customer code) can ask for it
 * @param freeTextAllowed a request may describe its need in free text instead of choosing a reason
 * @param autoForward a clean request may be forwarded with no agent (the triage decision reads it)
 */
public record ServiceType(String code, ServiceCategory category, Label name, Label description,
    int promisedWorkingDays, Integer promisedWorkingDaysRural, Long feeVnd, Label feeNote, HandledBy handledBy,
    boolean requiresCustomer, boolean freeTextAllowed, boolean autoForward, List<RequestField> requiredFields,
    List<DocumentKind> requiredDocuments, List<ServiceReason> reasons, boolean active, int version) {

  public ServiceType {
    requiredFields = List.copyOf(requiredFields);
    requiredDocuments = List.copyOf(requiredDocuments);
    reasons = List.copyOf(reasons);
  }

  public Optional<ServiceReason> reason(String reasonCode) {
    return reasons.stream().filter(reason -> reason.code().equals(reasonCode)).findFirst();
  }

  /** The service's fields, then the reason's (when one is chosen), each once. */
  public List<RequestField> fieldsRequired(Optional<ServiceReason> reason) {
    LinkedHashSet<RequestField> fields = new LinkedHashSet<>(requiredFields);
    reason.ifPresent(chosen -> fields.addAll(chosen.requiredFields()));
    return new ArrayList<>(fields);
  }

  public List<DocumentKind> documentsRequired(Optional<ServiceReason> reason) {
    LinkedHashSet<DocumentKind> documents = new LinkedHashSet<>(requiredDocuments);
    reason.ifPresent(chosen -> documents.addAll(chosen.requiredDocuments()));
    return new ArrayList<>(documents);
  }

  public int promisedWorkingDays(boolean urbanUnit) {
    return !urbanUnit && promisedWorkingDaysRural != null ? promisedWorkingDaysRural : promisedWorkingDays;
  }
}
