package io.gridcare.requests;

/**
 * Who works a forwarded request: the Power Company of the customer (or of the address, for a new connection), or
 * the corporation's care centre itself (questions it answers without a site visit).
 */
public enum HandledBy {
  POWER_COMPANY,
  CARE_CENTRE
}
