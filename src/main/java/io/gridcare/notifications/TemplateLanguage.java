package io.gridcare.notifications;

import java.util.Arrays;
import java.util.Optional;

/** The languages every notice template is written in. SMS and Zalo ZNS go out in Vietnamese only. */
public enum TemplateLanguage {
  VI("vi"), EN("en");

  private final String code;

  TemplateLanguage(String code) {
    this.code = code;
  }

  /** ISO 639-1 code, as the API and the customer profile write it. */
  public String code() {
    return code;
  }

  public static Optional<TemplateLanguage> of(String code) {
    return Arrays.stream(values()).filter(language -> language.code.equalsIgnoreCase(code)).findFirst();
  }
}
