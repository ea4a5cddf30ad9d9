package io.gridcare.notifications;

import java.util.List;

/** A template that cannot be saved (or previewed as a draft), with every problem found in it. */
public class TemplateValidationException extends RuntimeException {

  private final transient List<TemplateProblem> problems;

  public TemplateValidationException(List<TemplateProblem> problems) {
    super("Mẫu thông báo không hợp lệ / Invalid notice template: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<TemplateProblem> problems() {
    return problems;
  }
}
