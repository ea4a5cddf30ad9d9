package io.gridcare.notifications;

import java.util.List;

/** Where channel receipts go: the ledger. A receipt for a message GridCare does not know is counted, not kept. */
public interface DeliveryReceipts {

  /** Records the receipts and returns how many matched a message of the ledger. */
  int record(List<DeliveryReceipt> receipts);
}
