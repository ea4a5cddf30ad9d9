package io.gridcare.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the server keeps the Zalo OA's access token ({@code gridcare.channels.zalo}, shared with the webhook and the
 * worker's sender).
 *
 * @param appId        the Zalo application the OA granted access to
 * @param appSecretKey the application's secret key (not the OA's), which Zalo's OAuth endpoint takes
 * @param refreshToken the first refresh token, stored when the database has none for the application; later ones
 *                     come from Zalo with each refresh (or from an admin, {@code PUT /api/channels/zalo/credentials})
 * @param oauthUrl     Zalo's OAuth server ({@code https://oauth.zaloapp.com})
 * @param refreshAhead how long before the access token runs out (it lives 25 hours) a new one is asked for
 * @param oauthTimeout how long one call to the OAuth server may take
 */
@ConfigurationProperties("gridcare.channels.zalo")
record ZaloOaSettings(String appId, String appSecretKey, String refreshToken,
                      @DefaultValue("https://oauth.zaloapp.com") String oauthUrl,
                      @DefaultValue("2h") Duration refreshAhead, @DefaultValue("10s") Duration oauthTimeout) {

  /** The server refreshes tokens only for an application whose id and secret key it knows. */
  boolean configured() {
    return appId != null && !appId.isBlank() && appSecretKey != null && !appSecretKey.isBlank();
  }

  boolean seeded() {
    return refreshToken != null && !refreshToken.isBlank();
  }

  @Override
  public String toString() {
    // keeps the secret key and the refresh token out of anything that prints the configuration
    return "ZaloOaSettings[appId=" + appId + ", oauthUrl=" + oauthUrl + ", refreshAhead=" + refreshAhead + "]";
  }
}
