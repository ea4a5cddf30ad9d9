package io.gridcare.system;

/** The request clashes with the state of things (a run already in progress); answered with 409 and this message. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
