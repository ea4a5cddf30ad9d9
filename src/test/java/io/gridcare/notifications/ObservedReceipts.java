package io.gridcare.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Lets integration tests see the receipts the server is given (webhooks, the App's backend, the SMS worker) on
 * their way to the real ledger: every receipt is kept, then recorded by {@link DeliveryLedger}, whose answer
 * stands. The application's component scan covers test classes, so the shared test context has it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ObservedReceipts {

  @Bean
  @Primary
  Log receiptLog(DeliveryLedger ledger) {
    return new Log(ledger);
  }

  /** Every receipt recorded, in order. */
  public static final class Log implements DeliveryReceipts {

    private final DeliveryLedger ledger;
    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();

    Log(DeliveryLedger ledger) {
      this.ledger = ledger;
    }

    @Override
    public int record(List<DeliveryReceipt> batch) {
      receipts.addAll(batch);
      return ledger.record(batch);
    }

    public List<DeliveryReceipt> all() {
      return List.copyOf(receipts);
    }

    public List<DeliveryReceipt> forMessage(String providerMessageId) {
      return receipts.stream().filter(receipt -> providerMessageId.equals(receipt.providerMessageId())).toList();
    }

    public List<DeliveryReceipt> withKeyPrefix(String prefix) {
      return receipts.stream().filter(receipt -> receipt.deliveryKey() != null
          && receipt.deliveryKey().startsWith(prefix)).toList();
    }
  }
}
