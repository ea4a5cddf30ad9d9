package io.gridcare.notifications.worker;

import java.io.IOException;

/**
 * The access token a channel's provider takes (FCM's OAuth 2.0 token, the Zalo OA's), kept and renewed by an
 * implementation: {@link FcmServiceAccount}, {@link ZaloServerTokens}, or a fixed one from the configuration for
 * the sandbox and local runs.
 */
interface ChannelTokens {

  /** A token believed valid now, fetched or renewed first if need be (the caller waits meanwhile). */
  String current() throws IOException;

  /**
   * The provider refused {@code rejected}: a newer token, renewed now unless another request already did; null
   * when there is none to try.
   */
  String renew(String rejected) throws IOException;

  /** A token from the configuration: never renewed. */
  record Fixed(String token) implements ChannelTokens {

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
      return "ChannelTokens.Fixed";
    }
  }

  /** The token one batch sends with, replaced for the rest of the batch once renewed. */
  final class InUse {

    private volatile String value;

    InUse(String value) {
      this.value = value;
    }

    String value() {
      return value;
    }

    void replace(String renewed) {
      value = renewed;
    }
  }
}
