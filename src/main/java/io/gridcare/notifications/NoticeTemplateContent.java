package io.gridcare.notifications;

import java.util.Map;

/**
 * What an editor writes for one version of a notice type's template: a text per language ({@code vi} and
 * {@code en}), the SMS variant and the Zalo ZNS template.
 */
public record NoticeTemplateContent(Map<String, TemplateText> texts, TemplateSms sms, TemplateZns zns) {

  /**
   * App push, e-mail and any channel that carries free text, in one language.
   *
   * @param title push title and e-mail subject
   * @param text  push body and e-mail text part
   * @param html  e-mail HTML part; when absent it is made from the rendered text, escaped
   */
  public record TemplateText(String title, String text, String html) {
  }

  /**
   * The SMS brandname variant, in Vietnamese with diacritics.
   *
   * @param mayDropAccents the sender may send it without diacritics when that fits one GSM-7 segment
   */
  public record TemplateSms(String text, boolean mayDropAccents) {
  }

  /**
   * The Zalo ZNS template registered with Zalo for this notice type.
   *
   * @param templateId Zalo's id of the approved template, or null where none is registered
   * @param params     ZNS parameter name to template variable name; values go out written in Vietnamese
   */
  public record TemplateZns(String templateId, Map<String, String> params) {
  }
}
