package io.gridcare.notifications.worker;

import java.util.List;

/** What became of one {@link Outgoing} when a channel tried it. Exactly one per message of a batch. */
public sealed interface SendOutcome {

  String deliveryKey();

  /**
   * The channel took the message. {@code providerMessageId} is the channel's id for later receipts (SMSC message
   * id, Zalo msg_id, FCM message name, e-mail Message-ID); {@code segments} counts SMS segments (1 elsewhere).
   * {@code delivered} is true where acceptance is all the channel will ever confirm (e-mail over SMTP).
   * {@code deadAddresses} are addresses found dead on the way, as in {@link Rejected}: an App message reaches the
   * customer's other devices while one push token turns out unregistered.
   */
  record Accepted(String deliveryKey, String providerMessageId, int segments, boolean delivered,
                  List<String> deadAddresses) implements SendOutcome {

    public Accepted {
      deadAddresses = deadAddresses == null ? List.of() : List.copyOf(deadAddresses);
    }

    /** Accepted with no dead address: every channel with one address per message. */
    public Accepted(String deliveryKey, String providerMessageId, int segments, boolean delivered) {
      this(deliveryKey, providerMessageId, segments, delivered, List.of());
    }
  }

  /**
   * The channel will not take this message for this recipient (blocked the OA, no Zalo account, out of quota,
   * invalid phone, unregistered token): the recipient moves on to the next channel. {@code deadAddresses} are
   * addresses the channel says no longer exist (an unregistered push token), to be dropped.
   */
  record Rejected(String deliveryKey, String code, String reason, List<String> deadAddresses)
      implements SendOutcome {
  }

  /**
   * Not sent, for a reason that may pass (the peer is down, answered 5xx or throttled before taking the message):
   * safe to try the same attempt again later.
   */
  record NotSent(String deliveryKey, String reason) implements SendOutcome {
  }
}
