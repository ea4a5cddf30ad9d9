package io.gridcare.notifications.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stands in for the delivery ledger (the server's {@link DeliveryReceipts}) in integration tests while there is
 * none: it keeps every receipt and matches those of the delivery keys a test made known. The application's
 * component scan covers the test classes too (it has no type-exclude filter), so the shared test context picks this
 * up; once a real ledger is a bean, this one steps back.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedReceipts {

  @Bean
  @ConditionalOnMissingBean(DeliveryReceipts.class)
  Log recordedReceiptLog() {
    return new Log();
  }

  /** The receipts recorded, in order; {@code record} counts those whose delivery key is {@link #know known}. */
  public static class Log implements DeliveryReceipts {

    private final List<DeliveryReceipt> receipts = new ArrayList<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public void know(String... deliveryKeys) {
      known.addAll(List.of(deliveryKeys));
    }

    @Override
    public synchronized int record(List<DeliveryReceipt> batch) {
      receipts.addAll(batch);
      return (int) batch.stream().filter(receipt -> known.contains(receipt.deliveryKey())).count();
    }

    public synchronized List<DeliveryReceipt> withKeyPrefix(String prefix) {
      return receipts.stream().filter(receipt -> receipt.deliveryKey() != null
          && receipt.deliveryKey().startsWith(prefix)).toList();
    }
  }
}
