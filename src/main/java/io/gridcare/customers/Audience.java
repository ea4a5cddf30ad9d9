package io.gridcare.customers;

import java.util.List;
import java.util.Objects;

/**
 * The customers a flow addresses: by managing unit, grid location (substation, feeder, meter book) and group
 * (corporate segment or regional group). Filters combine with AND; the values of one location filter with OR
 * (customers of any of these substations). Blank values count as not given.
 */
public record Audience(String unit, List<String> substations, List<String> feeders, List<String> meterBooks,
                       String segment) {

  public Audience {
    unit = blankToNull(unit);
    substations = given(substations);
    feeders = given(feeders);
    meterBooks = given(meterBooks);
    segment = blankToNull(segment);
  }

  /** No filter at all: every customer of the corporation, which no flow should address by accident. */
  public boolean unfiltered() {
    return unit == null && substations.isEmpty() && feeders.isEmpty() && meterBooks.isEmpty() && segment == null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> given(List<String> values) {
    return values == null ? List.of()
        : values.stream().filter(Objects::nonNull).map(String::strip).filter(value -> !value.isEmpty()).distinct()
            .toList();
  }
}
