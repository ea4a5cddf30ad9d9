package io.gridcare.notifications;

import java.util.List;
import java.util.Map;

import io.gridcare.customers.Channel;

/** One claimed attempt as a channel worker receives it: the JSON shape of the workers' {@code Outgoing}. */
public record OutgoingMessage(String deliveryKey, String customerCode, Channel channel, String language,
                              List<String> addresses, String title, String text, String html, String smsText,
                              boolean smsMayDropAccents, String znsTemplateId, Map<String, String> znsData,
                              Map<String, String> data) {
}
