package io.gridcare.notifications;

/**
 * A variable a notice template may use, {@code {{name}}}. The renderer formats its value by kind.
 *
 * @param sample a realistic value for previews and length checks; a {@code Map} of language code to value where
 *               the words differ by language
 */
public record TemplateVariable(String name, Kind kind, String description, Object sample) {

  /** The sample as the renderer writes it in this language. */
  public String example(TemplateLanguage language) {
    return TemplateValues.format(kind, sample, language);
  }

  /** How values are accepted and written. */
  public enum Kind {
    /** As given. */
    TEXT,
    /** VND, whole đồng: {@code 1.234.567 đ} (Vietnamese), {@code 1,234,567 VND} (English). */
    MONEY,
    /** Up to two decimals: {@code 1.234,5} (Vietnamese), {@code 1,234.5} (English). */
    NUMBER,
    /** {@code dd/MM/yyyy}, in Asia/Ho_Chi_Minh for instants. */
    DATE,
    /** {@code HH:mm dd/MM/yyyy} in Asia/Ho_Chi_Minh (local date-times are taken as Vietnamese time). */
    DATE_TIME,
    /** A billing month: {@code MM/yyyy}. */
    PERIOD
  }
}
