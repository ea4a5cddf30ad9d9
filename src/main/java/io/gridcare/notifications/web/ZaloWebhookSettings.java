package io.gridcare.notifications.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the Zalo webhook checks signatures with ({@code gridcare.channels.zalo}, shared with the worker's sender).
 *
 * @param appId         the Zalo application that the OA granted access to
 * @param oaSecretKey   the OA's secret key (not the application's secret)
 * @param webhookMaxAge how far an event's timestamp may be from now before it is refused as a replay
 */
@ConfigurationProperties("gridcare.channels.zalo")
record ZaloWebhookSettings(String appId, String oaSecretKey, @DefaultValue("5m") Duration webhookMaxAge) {

  boolean configured() {
    return appId != null && !appId.isBlank() && oaSecretKey != null && !oaSecretKey.isBlank();
  }
}
