package io.gridcare.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.gridcare.customers.Channel;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger as the channel workers and the channels' receipts see it: batches claimed and reported message by
 * message, receipts matched to attempts.
 */
@Service
@EnableConfigurationProperties(ChannelPrices.class)
public class DeliveryLedger implements DeliveryReceipts, DisposableBean {

  private final Attempts attempts;
  private final OutgoingMessages messages;
  private final ChannelPrices prices;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final GroupCommit receiptWrites;

  DeliveryLedger(Attempts attempts, OutgoingMessages messages, ChannelPrices prices, TransactionTemplate transaction,
      Clock clock) {
    this.attempts = attempts;
    this.messages = messages;
    this.prices = prices;
    this.transaction = transaction;
    this.clock = clock;
    this.receiptWrites = new GroupCommit("receipt-writes", this::write);
  }

  /** The next messages of a batch to send, claimed; empty when none is left unclaimed. */
  public record Claim(long batchId, Channel channel, List<OutgoingMessage> messages) {
  }

  /**
   * Claims unclaimed attempts of the batch and renders them, up to {@code limit} messages. Attempts that cannot
   * be sent at all (no address any more) are refused here and never reach the worker; more are claimed in their
   * place, so that fewer than {@code limit} messages means the batch has none left unclaimed: a worker stops
   * there, and a claim that refused a whole slice must not look like the end of the batch.
   */
  public Claim claim(long batchId, int limit) {
    Channel channel = attempts.channelOf(batchId);
    return transaction.execute(status -> {
      List<OutgoingMessage> claimedMessages = new ArrayList<>();
      List<Attempts.Claimed> claimed;
      do {
        claimed = attempts.claim(batchId, limit - claimedMessages.size());
        OutgoingMessages.Prepared prepared = messages.prepare(claimed);
        attempts.refused(prepared.refused());
        claimedMessages.addAll(prepared.messages());
      } while (!claimed.isEmpty() && claimedMessages.size() < limit);
      return new Claim(batchId, channel, claimedMessages);
    });
  }

  /** What became of claimed messages; answers whether the batch still has unsent attempts (to retry later). */
  public boolean report(long batchId, List<BatchOutcome> outcomes) {
    Channel channel = attempts.channelOf(batchId);
    List<Attempts.Sent> sent = new ArrayList<>();
    Map<String, String> refused = new LinkedHashMap<>();
    Map<String, String> notSent = new LinkedHashMap<>();
    List<String> deadTokens = new ArrayList<>();
    for (BatchOutcome outcome : outcomes) {
      switch (outcome.outcome()) {
        case ACCEPTED -> {
          int segments = outcome.segments() == null ? 1 : outcome.segments();
          sent.add(new Attempts.Sent(outcome.deliveryKey(), outcome.providerMessageId(), segments,
              prices.of(channel, outcome.address(), segments), Boolean.TRUE.equals(outcome.delivered())));
        }
        case REJECTED -> {
          refused.put(outcome.deliveryKey(), outcome.code() + ": " + outcome.reason());
          if (outcome.deadAddresses() != null && channel == Channel.APP) {
            deadTokens.addAll(outcome.deadAddresses());
          }
        }
        case NOT_SENT -> notSent.put(outcome.deliveryKey(), outcome.reason());
      }
    }
    return Boolean.TRUE.equals(transaction.execute(status -> {
      attempts.lock(outcomes.stream().map(BatchOutcome::deliveryKey).toList(), List.of(), List.of());
      attempts.sent(sent);
      attempts.refused(refused);
      attempts.notSent(notSent);
      attempts.dropTokens(deadTokens);
      return attempts.hasPending(batchId);
    }));
  }

  @Override
  public int record(List<DeliveryReceipt> receipts) {
    return receiptWrites.record(receipts);
  }

  @Override
  public void destroy() {
    receiptWrites.close();
  }

  /** One transaction for receipts of any number of callers (see {@link GroupCommit}). */
  private Set<Integer> write(List<DeliveryReceipt> receipts) {
    return transaction.execute(status -> {
      List<DeliveryReceipt> named = new ArrayList<>(receipts.size());
      for (DeliveryReceipt receipt : receipts) {
        // unnamed receipts keep their place, so that positions still say whose receipt matched
        named.add(receipt.deliveryKey() != null || receipt.providerMessageId() != null ? receipt : null);
      }
      List<DeliveryReceipt> present = named.stream().filter(Objects::nonNull).toList();
      attempts.lock(present.stream().map(DeliveryReceipt::deliveryKey).filter(Objects::nonNull).toList(),
          present.stream().filter(receipt -> receipt.deliveryKey() == null).map(DeliveryReceipt::channel).toList(),
          present.stream().filter(receipt -> receipt.deliveryKey() == null).map(DeliveryReceipt::providerMessageId)
              .toList());
      return attempts.receipts(named.stream().map(receipt -> receipt == null || receipt.at() != null ? receipt
          : new DeliveryReceipt(receipt.channel(), receipt.deliveryKey(), receipt.providerMessageId(),
              receipt.status(), clock.instant(), receipt.detail())).toList());
    });
  }

}
