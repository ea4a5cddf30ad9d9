package io.gridcare.notifications.worker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the App's push messages go: Firebase Cloud Messaging's HTTP v1 API ({@code gridcare.channels.app}).
 *
 * @param baseUrl     FCM's root URL ({@code https://fcm.googleapis.com}; the sandbox's stub by default)
 * @param projectId   the Firebase project of the App
 * @param credentials path to the JSON key of a Google service account allowed to send for that project: access
 *                    tokens are minted from it and renewed before they expire (production)
 * @param accessToken a fixed OAuth 2.0 access token, used when no credentials are given (the sandbox takes any);
 *                    with neither, App messages are not sent
 * @param maxInFlight requests open at once, so a batch of hundreds goes quickly without flooding FCM
 */
@Validated
@ConfigurationProperties("gridcare.channels.app")
record AppPushProperties(@NotBlank String baseUrl, @NotBlank String projectId, String credentials,
                         String accessToken, @DefaultValue("64") @Min(1) @Max(1000) int maxInFlight) {

  @Override
  public String toString() {
    // keeps the token out of anything that prints the configuration
    return "AppPushProperties[baseUrl=" + baseUrl + ", projectId=" + projectId + ", credentials=" + credentials
        + ", maxInFlight=" + maxInFlight + "]";
  }
}
