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
 * The OAuth 2.0 access token FCM's HTTP v1 API takes. In production it is minted from the App's Google service
 * account (its JSON key, {@code gridcare.channels.app.credentials}): valid an hour, renewed by Google's library
 * some minutes before it runs out, at the token URI the key names. A fixed token ({@code access-token}) is the
 * sandbox's and local runs' alternative; it is never renewed.
 */
interface FcmAccessTokens {

  /** Allowed to send messages for a Firebase project. */
  String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

  /** A token valid now, minted or renewed first if need be (the caller waits meanwhile). */
  String current() throws IOException;

  /**
   * FCM refused {@code rejected} (401): a newer token, minted now unless another request already replaced it; null
   * when there is none to try (a fixed token).
   */
  String renew(String rejected) throws IOException;

  /** From the service account's key when one is configured, else the fixed token; null when neither is. */
  static FcmAccessTokens of(AppPushProperties properties) {
    if (properties.credentials() != null && !properties.credentials().isBlank()) {
      Path key = Path.of(properties.credentials().trim());
      try (InputStream in = Files.newInputStream(key)) {
        return new ServiceAccount(ServiceAccountCredentials.fromStream(in).createScoped(List.of(SCOPE)));
      } catch (IOException e) {
        // the message names the file, never its content
        throw new UncheckedIOException("The FCM service account key " + key + " cannot be read: "
            + e.getClass().getSimpleName(), e);
      }
    }
    if (properties.accessToken() != null && !properties.accessToken().isBlank()) {
      return new Fixed(properties.accessToken().trim());
    }
    return null;
  }

  /** A token from the configuration (the sandbox takes any). */
  record Fixed(String token) implements FcmAccessTokens {

    @Override
    public String current() {
      return token;
    }

    @Override
    public String renew(String rejected) {
      return null;
    }

    @Override
    public String toString() {
      return "FcmAccessTokens.Fixed";
    }
  }

  /** Tokens of a Google service account; the library keeps one and renews it ahead of its expiry. */
  final class ServiceAccount implements FcmAccessTokens {

    private final GoogleCredentials credentials;

    ServiceAccount(GoogleCredentials credentials) {
      this.credentials = credentials;
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
}
