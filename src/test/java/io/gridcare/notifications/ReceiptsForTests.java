package io.gridcare.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stands in for the delivery ledger, which this branch does not have: it keeps every receipt it is given. The
 * application's component scan (unlike {@code @SpringBootApplication}'s, it has no test-type filter) picks it up in
 * every {@code @GridCareIntegrationTest} context, so those classes keep sharing one context on the fixed test port;
 * an {@code @Import} would make a second one. Delete it once the ledger is the {@link DeliveryReceipts} bean.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReceiptsForTests {

  @Bean
  Collected deliveryReceipts() {
    return new Collected();
  }

  /** Every receipt recorded, in order; none of them matches a ledger entry. */
  public static final class Collected implements DeliveryReceipts {

    private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();

    @Override
    public int record(List<DeliveryReceipt> receipts) {
      this.receipts.addAll(receipts);
      return 0;
    }

    public List<DeliveryReceipt> all() {
      return List.copyOf(receipts);
    }

    public List<DeliveryReceipt> forMessage(String providerMessageId) {
      return receipts.stream().filter(receipt -> providerMessageId.equals(receipt.providerMessageId())).toList();
    }
  }
}
