package io.gridcare.requests;

import java.util.List;

/**
 * A predefined reason of a service, e.g. "increase" for a capacity change. Its fields and documents add to the
 * service's own.
 */
public record ServiceReason(String code, Label label, List<RequestField> requiredFields,
    List<DocumentKind> requiredDocuments, boolean active) {

  public ServiceReason {
    requiredFields = List.copyOf(requiredFields);
    requiredDocuments = List.copyOf(requiredDocuments);
  }
}
