package io.gridcare.system;

/** A request parameter that passed its annotations but is still wrong; answered like any validation error. */
public class InvalidParameterException extends RuntimeException {

  private final String field;

  public InvalidParameterException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
