package io.gridcare.notifications;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A text a source system sends for customers to read: one string for both languages, or {@code {vi, en}}.
 * Templates receive it as a map per language.
 */
public record LocalizedText(@NotBlank @Size(max = 300) String vi, @Size(max = 300) String en) {

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public LocalizedText {
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static LocalizedText of(String text) {
    return new LocalizedText(text, text);
  }

  Map<String, String> asMap() {
    return Map.of("vi", vi, "en", en == null || en.isBlank() ? vi : en);
  }
}
