package io.gridcare.customers;

/** Channels a customer can be reached on, in the default order of preference (cheapest first). */
public enum Channel {
  APP, ZALO, EMAIL, SMS
}
