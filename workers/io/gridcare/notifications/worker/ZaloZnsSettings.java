package io.gridcare.notifications.worker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker reaches Zalo's ZNS API ({@code gridcare.channels.zalo}); the server reads the webhook's app id and
 * OA secret key from the same keys itself.
 *
 * @param baseUrl      Zalo's Business Open API, or the sandbox when {@code gridcare.sandbox.enabled}
 * @param accessToken  a fixed access token of the OA (the sandbox's); empty: the worker asks a server for the one
 *                     the servers keep and renew ({@code GET /api/channels/zalo/access-token})
 * @param maxInFlight  requests open at once per worker process
 * @param requestTimeout how long one request may take
 */
@ConfigurationProperties("gridcare.channels.zalo")
record ZaloZnsSettings(String baseUrl, String accessToken, @DefaultValue("64") int maxInFlight,
                       @DefaultValue("10s") Duration requestTimeout) {
}
