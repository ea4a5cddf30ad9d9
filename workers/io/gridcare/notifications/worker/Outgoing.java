package io.gridcare.notifications.worker;

import java.util.List;
import java.util.Map;

import io.gridcare.customers.Channel;

/**
 * One message to send on one channel, rendered by the server: a recipient's attempt on that channel.
 *
 * @param deliveryKey  GridCare's key of this attempt ({@code noticeId:customerCode:attempt}); sent along wherever
 *                     the channel carries a reference (push data, Zalo tracking_id, e-mail Message-ID)
 * @param addresses    where to: one E.164 phone (SMS, Zalo), one e-mail address, or the App's push tokens
 * @param title        push title and e-mail subject
 * @param text         plain text (push body, e-mail text part)
 * @param html         e-mail HTML part, or null
 * @param smsText      the SMS variant of the template, with diacritics
 * @param smsMayDropAccents whether the template allows sending {@code smsText} without diacritics when that fits
 *                     one GSM-7 segment (160 characters) where the accented text would need several UCS-2 ones
 * @param znsTemplateId the Zalo ZNS template registered for this notice type
 * @param znsData      the ZNS template's parameters
 * @param data         key-value data for the App (notice id, type, delivery key)
 */
public record Outgoing(String deliveryKey, String customerCode, Channel channel, String language,
                       List<String> addresses, String title, String text, String html, String smsText,
                       boolean smsMayDropAccents, String znsTemplateId, Map<String, String> znsData,
                       Map<String, String> data) {
}
