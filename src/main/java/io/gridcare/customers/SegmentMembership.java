package io.gridcare.customers;

import java.time.Instant;

/** A customer's stay in a group: corporate ({@code C1-B3}) or regional; {@code leftAt} is empty while in it. */
public record SegmentMembership(String kind, String segment, Instant enteredAt, Instant leftAt) {

  public static final String CORPORATE = "CORPORATE";
  public static final String REGIONAL = "REGIONAL";
}
