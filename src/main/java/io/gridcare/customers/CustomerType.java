package io.gridcare.customers;

/** The customer types of billing systems; the DMN segments by them. */
public enum CustomerType {
  RESIDENTIAL, BUSINESS, PRODUCTION, ADMINISTRATIVE, PRIORITY
}
