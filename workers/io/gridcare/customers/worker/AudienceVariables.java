package io.gridcare.customers.worker;

import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_FEEDERS;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_METER_BOOKS;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_SEGMENT;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_SUBSTATIONS;
import static io.gridcare.customers.CustomerTopics.VAR_AUDIENCE_UNIT;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.gridcare.customers.Audience;

/** An audience as a process carries it: one string variable per filter, lists comma-separated. */
final class AudienceVariables {

  /** The variables a worker needs to fetch for an audience. */
  static final String[] NAMES = {VAR_AUDIENCE_UNIT, VAR_AUDIENCE_SUBSTATIONS, VAR_AUDIENCE_FEEDERS,
      VAR_AUDIENCE_METER_BOOKS, VAR_AUDIENCE_SEGMENT};

  private AudienceVariables() {
  }

  /**
   * @param variables the task's variables by name
   * @throws IllegalArgumentException when a variable is not a string
   */
  static Audience audience(Function<String, Object> variables) {
    return new Audience(text(variables, VAR_AUDIENCE_UNIT), list(variables, VAR_AUDIENCE_SUBSTATIONS),
        list(variables, VAR_AUDIENCE_FEEDERS), list(variables, VAR_AUDIENCE_METER_BOOKS),
        text(variables, VAR_AUDIENCE_SEGMENT));
  }

  private static String text(Function<String, Object> variables, String name) {
    Object value = variables.apply(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException(name + ": cần một chuỗi / must be a string");
  }

  private static List<String> list(Function<String, Object> variables, String name) {
    String value = text(variables, name);
    return value == null ? List.of() : Arrays.asList(value.split(","));
  }
}
