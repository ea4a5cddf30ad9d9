package io.gridcare.notifications.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;

/**
 * FCM's OAuth 2.0 access tokens minted from the App's Google service account (its JSON key,
 * {@code gridcare.channels.app.credentials}): valid an hour, renewed by Google's library some minutes before they
 * run out, at the token URI the key names.
 */
final class FcmServiceAccount implements ChannelTokens {

  /** Allowed to send messages for a Firebase project. */
  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

  private final GoogleCredentials credentials;

  FcmServiceAccount(GoogleCredentials credentials) {
    this.credentials = credentials;
  }

  /**
   * From the service account's key when one is configured, else the fixed token (the sandbox's); null when
   * neither is.
   */
  static ChannelTokens of(AppPushProperties properties) {
    if (properties.credentials() != null && !properties.credentials().isBlank()) {
      Path key = Path.of(properties.credentials().trim());
      try (InputStream in = Files.newInputStream(key)) {
        return new FcmServiceAccount(ServiceAccountCredentials.fromStream(in).createScoped(List.of(SCOPE)));
      } catch (IOException e) {
        // the message names the file, never its content
        throw new UncheckedIOException("The FCM service account key " + key + " cannot be read: "
            + e.getClass().getSimpleName(), e);
      }
    }
    if (properties.accessToken() != null && !properties.accessToken().isBlank()) {
      return new ChannelTokens.Fixed(properties.accessToken().trim());
    }
    return null;
  }

  @Override
  public String current() throws IOException {
    credentials.refreshIfExpired();
    return value(credentials.getAccessToken());
  }

  @Override
  public synchronized String renew(String rejected) throws IOException {
    // the requests in flight with the same token all come back 401: the first one mints, the others reuse
    String now = value(credentials.getAccessToken());
    if (now != null && !now.equals(rejected)) {
      return now;
    }
    credentials.refresh();
    return value(credentials.getAccessToken());
  }

  private static String value(AccessToken token) {
    return token == null ? null : token.getTokenValue();
  }
}
