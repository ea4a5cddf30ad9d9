package io.gridcare.requests;

/** The portal groups its services by these. */
public enum ServiceCategory {
  NEW_CONNECTION,
  CONTRACT_CHANGE,
  PAID_SERVICE,
  OTHER
}
