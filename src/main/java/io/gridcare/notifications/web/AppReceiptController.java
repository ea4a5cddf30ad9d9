package io.gridcare.notifications.web;

import java.time.Instant;
import java.util.List;

import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Receipts the App's backend reports for push messages: shown on a device, opened by the customer. */
@RestController
@Tag(name = "Channels", description = "Báo nhận từ các kênh / Receipts from channels")
class AppReceiptController {

  static final int MAX_RECEIPTS = 1000;

  private final DeliveryReceipts receipts;

  AppReceiptController(DeliveryReceipts receipts) {
    this.receipts = receipts;
  }

  @PostMapping("/api/channels/app/receipts")
  @Operation(summary = "Nhận báo nhận của ứng dụng / Take the App's receipts (up to " + MAX_RECEIPTS + ")",
      description = "Each receipt names a push message by the deliveryKey GridCare put in its data. The answer "
          + "counts the receipts received and those that matched a message GridCare sent; others are counted, not "
          + "kept. A batch with any invalid receipt is refused whole.")
  Answer receive(@RequestBody @Valid Batch batch) {
    List<DeliveryReceipt> received = batch.receipts().stream()
        .map(receipt -> new DeliveryReceipt(Channel.APP, receipt.deliveryKey(), null, receipt.status().status,
            receipt.at(), null))
        .toList();
    return new Answer(received.size(), receipts.record(received));
  }

  record Batch(@NotNull @Size(min = 1, max = MAX_RECEIPTS) List<@NotNull @Valid Receipt> receipts) {
  }

  record Receipt(@NotBlank @Size(max = 200) String deliveryKey, @NotNull AppStatus status, @NotNull Instant at) {
  }

  /** What the App can tell: it never learns of a push that did not arrive. */
  enum AppStatus {
    DELIVERED(DeliveryReceipt.Status.DELIVERED), READ(DeliveryReceipt.Status.READ);

    private final DeliveryReceipt.Status status;

    AppStatus(DeliveryReceipt.Status status) {
      this.status = status;
    }
  }

  record Answer(int received, int matched) {
  }
}
