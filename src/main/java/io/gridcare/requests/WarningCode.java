package io.gridcare.requests;

/**
 * What validation finds in a draft. A blocking warning means the Power Company could not work the request as it
 * stands, so triage never forwards it without an agent; the others only inform.
 */
public enum WarningCode {
  MISSING_FIELD(true),
  MISSING_DOCUMENT(true),
  INVALID_FIELD(true),
  REASON_NOT_IN_SERVICE(true),
  REASON_REQUIRED(true),
  UNKNOWN_CUSTOMER(true),
  PHONE_NOT_ON_RECORD(false),
  NOT_RESIDENTIAL(true),
  CONNECTION_EXISTS(true),
  CAPACITY_UNCHANGED(true),
  PURPOSE_UNCHANGED(true),
  ADDRESS_OUTSIDE_UNIT(true),
  ADDRESS_OUTSIDE_AREA(true),
  UNIT_UNKNOWN(true),
  DUPLICATE_OPEN(true),
  DUPLICATE_RECENT(true),
  SIMILAR_REQUEST(true);

  private final boolean blocking;

  WarningCode(boolean blocking) {
    this.blocking = blocking;
  }

  public boolean blocking() {
    return blocking;
  }

  boolean duplicate() {
    return this == DUPLICATE_OPEN || this == DUPLICATE_RECENT || this == SIMILAR_REQUEST;
  }

  boolean incompleteData() {
    return this == MISSING_FIELD || this == MISSING_DOCUMENT || this == INVALID_FIELD;
  }
}
