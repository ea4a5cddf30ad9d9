package io.gridcare.requests;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of online requests ({@code gridcare.requests.*}).
 *
 * @param reviewSla how long a review may stay untouched before a supervisor is alerted
 * @param supplementTimeout how long the flow waits for information it asked the customer for
 * @param duplicateWindow how long after closing a request a new one of the same service counts as a repeat
 * @param unitSystems the Power Companies that take requests into their own system, and its address
 */
@ConfigurationProperties("gridcare.requests")
record RequestSettings(@DefaultValue("PT4H") Duration reviewSla, @DefaultValue("P5D") Duration supplementTimeout,
    @DefaultValue("P30D") Duration duplicateWindow, Map<String, URI> unitSystems) {

  RequestSettings {
    unitSystems = unitSystems == null ? Map.of() : Map.copyOf(unitSystems);
  }
}
