package io.gridcare.notifications;

import java.util.Map;

/**
 * A notice written out for one recipient in one language, for every channel.
 *
 * @param html              e-mail HTML part: the template's, variables escaped, or the text, escaped
 * @param smsText           the SMS variant, in Vietnamese with diacritics
 * @param smsMayDropAccents whether it may go out without diacritics ({@link SmsSegments#withoutAccents})
 * @param znsTemplateId     Zalo ZNS template, or null where none is registered
 * @param znsData           the ZNS template's parameters, written in Vietnamese
 */
public record RenderedTemplate(NoticeType type, int version, String language, String title, String text,
                               String html, String smsText, boolean smsMayDropAccents, String znsTemplateId,
                               Map<String, String> znsData) {
}
