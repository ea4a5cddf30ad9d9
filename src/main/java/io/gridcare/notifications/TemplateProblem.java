package io.gridcare.notifications;

/**
 * Why a template cannot be saved: the field as the API names it ({@code texts.vi.text}, {@code sms.text},
 * {@code zns.params.due_date}) and, where one is to blame, the variable.
 */
public record TemplateProblem(String field, String variable, String message) {

  static TemplateProblem of(String field, String message) {
    return new TemplateProblem(field, null, message);
  }
}
