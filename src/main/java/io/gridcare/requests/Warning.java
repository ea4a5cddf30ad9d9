package io.gridcare.requests;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing validation found: its code, the field it points at (the JSON property, or null for the whole
 * draft), a message for the customer, and for duplicates the earlier request's code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Warning(WarningCode code, String field, Label message, boolean blocking, String relatedRequest) {

  static Warning of(WarningCode code, String field, String vi, String en) {
    return new Warning(code, field, new Label(vi, en), code.blocking(), null);
  }

  static Warning duplicate(WarningCode code, String related, String vi, String en) {
    return new Warning(code, null, new Label(vi, en), code.blocking(), related);
  }
}
