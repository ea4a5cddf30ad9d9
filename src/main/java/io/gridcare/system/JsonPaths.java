package io.gridcare.system;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Where in a JSON document a mapping error is, as a client names the field: {@code bills[2].dueDate}. */
public final class JsonPaths {

  private JsonPaths() {
  }

  /** The failing field's path, or {@code null} when the error is about the document as a whole. */
  public static String of(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
  }
}
