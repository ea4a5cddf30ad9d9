package io.gridcare.customers;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The flat CSV form of a source's records ({@code docs/csv-import.md}): a column per property of the JSON record;
 * its one list of objects (bills, monthly readings, outages) as one row per item under prefixed columns
 * ({@code bill.amount}); lists and sets of plain values as one {@code |}-separated cell; a nested object as
 * {@code quietHours.start}-style columns. It is derived from the record types, so a new property is a new column.
 */
final class CsvLayout {

  static final String CODE = "customerCode";
  static final String VALUE_SEPARATOR = "|";

  /** The column prefix of each list of objects: one row per bill, reading or outage. */
  private static final Map<String, String> ITEM_PREFIXES = Map.of(
      "bills", "bill", "monthlyKwh", "reading", "outages", "outage");
  private static final Map<Source, CsvLayout> LAYOUTS = new EnumMap<>(Source.class);

  static {
    for (Source source : Source.values()) {
      LAYOUTS.put(source, new CsvLayout(source));
    }
  }

  enum Kind {
    /** One value in one cell, the same on every row of the customer. */
    SCALAR,
    /** A list or set of plain values, {@code |}-separated in one cell. */
    VALUES,
    /** A property of a nested object: {@code quietHours.start}. */
    OBJECT,
    /** A property of an item of the record's list of objects, one item per row: {@code bill.amount}. */
    ITEM
  }

  /** A column: the record's property it fills, and for nested objects and items the property inside. */
  record Column(String name, Kind kind, String property, String key) {
  }

  private final Source source;
  private final Map<String, Column> columns = new LinkedHashMap<>();
  private final Set<String> required = new LinkedHashSet<>();
  /** Columns required once any column of the same nested object or item is present: {@code bill.*}. */
  private final Map<String, Set<String>> requiredInGroup = new HashMap<>();
  private String itemsProperty;

  private CsvLayout(Source source) {
    this.source = source;
    for (RecordComponent component : source.recordType().getRecordComponents()) {
      String name = component.getName();
      Class<?> type = component.getType();
      if (Collection.class.isAssignableFrom(type) && elementType(component).isRecord()) {
        if (itemsProperty != null || !ITEM_PREFIXES.containsKey(name)) {
          throw new IllegalStateException(source + ": no CSV column prefix for the list " + name);
        }
        itemsProperty = name;
        addGroup(Kind.ITEM, name, ITEM_PREFIXES.get(name), elementType(component));
      } else if (Collection.class.isAssignableFrom(type)) {
        columns.put(name, new Column(name, Kind.VALUES, name, null));
      } else if (type.isRecord()) {
        addGroup(Kind.OBJECT, name, name, type);
      } else {
        columns.put(name, new Column(name, Kind.SCALAR, name, null));
        if (isRequired(source.recordType(), name)) {
          required.add(name);
        }
      }
    }
  }

  private void addGroup(Kind kind, String property, String prefix, Class<?> type) {
    Set<String> groupRequired = new LinkedHashSet<>();
    for (RecordComponent inner : type.getRecordComponents()) {
      String column = prefix + "." + inner.getName();
      columns.put(column, new Column(column, kind, property, inner.getName()));
      if (isRequired(type, inner.getName())) {
        groupRequired.add(column);
      }
    }
    requiredInGroup.put(prefix, groupRequired);
  }

  static CsvLayout of(Source source) {
    return LAYOUTS.get(source);
  }

  /** Every column, in the order of the record's properties. */
  List<String> columns() {
    return List.copyOf(columns.keySet());
  }

  Column column(String name) {
    return columns.get(name);
  }

  /** What is wrong with a header: unknown, repeated or missing columns; empty when it is fine. */
  List<String> headerProblems(List<String> header) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String name : header) {
      if (!columns.containsKey(name)) {
        unknown.add(name.isEmpty() ? "\"\"" : name);
      } else if (!seen.add(name)) {
        repeated.add(name);
      }
    }
    Set<String> missing = new LinkedHashSet<>(required);
    requiredInGroup.forEach((prefix, groupRequired) -> {
      if (header.stream().anyMatch(name -> name.startsWith(prefix + "."))) {
        missing.addAll(groupRequired);
      }
    });
    missing.removeAll(seen);
    if (!unknown.isEmpty()) {
      problems.add("Cột không có trong bố cục " + source.path() + ": " + String.join(", ", unknown) + " / Unknown "
          + source.path() + " columns: " + String.join(", ", unknown) + " (known: " + String.join(",", columns.keySet())
          + ")");
    }
    if (!repeated.isEmpty()) {
      problems.add("Cột lặp lại / Repeated columns: " + String.join(", ", repeated));
    }
    if (!missing.isEmpty()) {
      problems.add("Thiếu cột / Missing columns: " + String.join(", ", missing));
    }
    return problems;
  }

  /** One CSV row: where it starts in the file (line from 1) and its cells. */
  record Row(long line, List<String> cells) {
  }

  /** A customer's rows put together: the JSON record, the line of each list item, and what was wrong. */
  record Assembled(ObjectNode json, long[] itemLines, List<ImportJob.Rejection> problems) {
  }

  /**
   * Puts one customer's consecutive rows together into its JSON record. Cells are trimmed; an empty cell is no
   * value. Every row adds an item to the list when it has item cells; the other columns must agree between
   * rows (a later row may leave them empty).
   */
  Assembled assemble(List<String> header, String code, List<Row> rows) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    List<ImportJob.Rejection> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Long> valueLines = new HashMap<>();
    Set<String> disagreeing = new HashSet<>();
    ArrayNode items = itemsProperty != null && header.stream().anyMatch(name -> columns.get(name).kind() == Kind.ITEM)
        ? json.putArray(itemsProperty) : null;
    List<Long> itemLines = new ArrayList<>();
    for (Row row : rows) {
      if (row.cells().size() != header.size()) {
        problems.add(new ImportJob.Rejection(row.line(), code, null, "Dòng có " + row.cells().size()
            + " ô, tiêu đề có " + header.size() + " cột / The row has " + row.cells().size() + " cells, the header "
            + header.size() + " columns"));
        continue;
      }
      ObjectNode item = null;
      for (int i = 0; i < header.size(); i++) {
        String cell = row.cells().get(i).strip();
        if (cell.isEmpty()) {
          continue;
        }
        Column column = columns.get(header.get(i));
        if (column.kind() == Kind.ITEM) {
          item = item == null ? items.addObject() : item;
          item.put(column.key(), cell);
        } else if (!values.containsKey(column.name())) {
          values.put(column.name(), cell);
          valueLines.put(column.name(), row.line());
        } else if (!values.get(column.name()).equals(cell) && disagreeing.add(column.name())) {
          long first = valueLines.get(column.name());
          problems.add(new ImportJob.Rejection(row.line(), code, column.name(), "Khác với dòng " + first
              + " của cùng khách hàng / Differs from line " + first + " of the same customer"));
        }
      }
      if (item != null) {
        itemLines.add(row.line());
      }
    }
    values.forEach((name, value) -> {
      Column column = columns.get(name);
      switch (column.kind()) {
        case SCALAR -> json.put(name, value);
        case VALUES -> {
          ArrayNode array = json.putArray(name);
          for (String part : value.split("\\" + VALUE_SEPARATOR, -1)) {
            array.add(part.strip());
          }
        }
        case OBJECT -> json.withObjectProperty(column.property()).put(column.key(), value);
        case ITEM -> throw new IllegalStateException(name);
      }
    });
    return new Assembled(json, itemLines.stream().mapToLong(Long::longValue).toArray(), problems);
  }

  /**
   * Where a problem that ingestion found in an assembled record is in the file: the line of the list item it is
   * about (else the record's first line) and the column ({@code bills[3].amount} is {@code bill.amount}).
   */
  ImportJob.Rejection locate(IngestionReport.Rejection problem, long line, long[] itemLines) {
    String path = problem.field();
    if (path == null || path.isEmpty()) {
      return new ImportJob.Rejection(line, problem.customerCode(), null, problem.problem());
    }
    int end = firstOf(path, 0);
    String property = path.substring(0, end);
    String column = property;
    long at = line;
    if (property.equals(itemsProperty)) {
      String prefix = ITEM_PREFIXES.get(property);
      column = prefix;
      if (end < path.length() && path.charAt(end) == '[') {
        int close = path.indexOf(']', end);
        int index = close < 0 ? -1 : parseIndex(path.substring(end + 1, close));
        if (index >= 0 && index < itemLines.length) {
          at = itemLines[index];
        }
        if (close >= 0 && close + 1 < path.length() && path.charAt(close + 1) == '.') {
          String key = path.substring(close + 2, firstOf(path, close + 2));
          column = columns.containsKey(prefix + "." + key) ? prefix + "." + key : prefix;
        }
      }
    } else if (end < path.length() && path.charAt(end) == '.') {
      String nested = path.substring(0, firstOf(path, end + 1));
      column = columns.containsKey(nested) ? nested : property;
    }
    return new ImportJob.Rejection(at, problem.customerCode(), column, problem.problem());
  }

  /**
   * The rows of one JSON record in this layout's full column order: one per list item (or one with empty item
   * cells), every other value repeated on each.
   */
  List<List<String>> rows(JsonNode record) {
    List<String> base = new ArrayList<>();
    for (Column column : columns.values()) {
      base.add(switch (column.kind()) {
        case SCALAR -> text(record.get(column.name()));
        case VALUES -> {
          List<String> parts = new ArrayList<>();
          record.path(column.name()).forEach(value -> parts.add(value.asText()));
          yield String.join(VALUE_SEPARATOR, parts);
        }
        case OBJECT -> text(record.path(column.property()).get(column.key()));
        case ITEM -> "";
      });
    }
    JsonNode items = itemsProperty == null ? null : record.get(itemsProperty);
    if (items == null || items.isEmpty()) {
      return List.of(base);
    }
    List<List<String>> rows = new ArrayList<>();
    List<Column> all = List.copyOf(columns.values());
    for (JsonNode item : items) {
      List<String> row = new ArrayList<>(base);
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).kind() == Kind.ITEM) {
          row.set(i, text(item.get(all.get(i).key())));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static int firstOf(String path, int from) {
    for (int i = from; i < path.length(); i++) {
      if (path.charAt(i) == '.' || path.charAt(i) == '[') {
        return i;
      }
    }
    return path.length();
  }

  private static int parseIndex(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Class<?> elementType(RecordComponent component) {
    Type type = component.getGenericType();
    if (type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return Object.class;
  }

  /** A property the record cannot do without: its column must be in the header. */
  private static boolean isRequired(Class<?> record, String property) {
    try {
      Field field = record.getDeclaredField(property);
      return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
