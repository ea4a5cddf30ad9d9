package io.gridcare.customers.worker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a process asks of a customer ({@code identity.fullName,contact.mobile,segment}) and the process
 * variables they become ({@code identityFullName}, {@code contactMobile}, {@code segment}).
 */
final class ProfileFields {

  /** Fields of the customer view beside its profile: the groups the customer is in now, and the stays. */
  private static final Set<String> VIEW_FIELDS = Set.of("segment", "regionalGroups", "segmentHistory");
  private static final Pattern PATH = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*");

  private ProfileFields() {
  }

  /**
   * The paths of a {@code customerFields} variable, in order and once each.
   *
   * @throws IllegalArgumentException when there is none or one is not a path: the model is wrong
   */
  static List<String> parse(Object customerFields) {
    if (!(customerFields instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException("customerFields: thiếu danh sách trường / missing, expected "
          + "comma-separated paths such as identity.fullName,contact.mobile");
    }
    List<String> paths = Arrays.stream(text.split(",")).map(String::strip).filter(path -> !path.isEmpty())
        .distinct().toList();
    paths.stream().filter(path -> !PATH.matcher(path).matches()).findFirst().ifPresent(path -> {
      throw new IllegalArgumentException("customerFields: '" + path + "' không phải đường dẫn / is not a path "
          + "such as contact.mobile");
    });
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("customerFields: không có trường nào / names no field");
    }
    return paths;
  }

  /** {@code identity.fullName} to {@code identityFullName}. */
  static String variableName(String path) {
    String[] steps = path.split("\\.");
    StringBuilder name = new StringBuilder(steps[0]);
    for (int i = 1; i < steps.length; i++) {
      name.append(Character.toUpperCase(steps[i].charAt(0))).append(steps[i], 1, steps[i].length());
    }
    return name.toString();
  }

  /**
   * One variable per path, with the value in the customer view; null where the profile has no such field (or
   * it is empty). Paths start in the profile, except the view's own fields ({@code segment}...).
   */
  static Map<String, Object> variables(JsonNode customerView, List<String> paths) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String path : paths) {
      String first = path.split("\\.", 2)[0];
      JsonNode node = VIEW_FIELDS.contains(first) ? customerView : customerView.path("profile");
      for (String step : path.split("\\.")) {
        node = node.path(step);
      }
      variables.put(variableName(path), value(node));
    }
    return variables;
  }

  /**
   * As a process variable: text, boolean and whole numbers as themselves, other numbers as doubles, lists and
   * objects as JSON text (object variables would need a data format plugin in the engine to be read).
   */
  static Object value(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.isBigInteger() ? node.asText() : node.doubleValue();
    }
    return node.toString();
  }
}
