package io.gridcare.notifications.worker;

import java.util.List;

import io.gridcare.notifications.DeliveryReceipt;

/** Where a worker hands the receipts its channel sessions collect (SMPP delivery receipts): on to the server. */
public interface ReceiptReporter {

  void report(List<DeliveryReceipt> receipts);
}
