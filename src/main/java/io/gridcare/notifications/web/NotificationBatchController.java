package io.gridcare.notifications.web;

import java.util.List;
import java.util.Map;

import io.gridcare.notifications.BatchOutcome;
import io.gridcare.notifications.DeliveryLedger;
import io.gridcare.notifications.DeliveryReceipt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The channel workers' side of the ledger (service accounts of the worker role). */
@RestController
@Validated
@Tag(name = "Notification workers", description = "Lô gửi của worker kênh / Channel workers' batches")
class NotificationBatchController {

  private final DeliveryLedger ledger;

  NotificationBatchController(DeliveryLedger ledger) {
    this.ledger = ledger;
  }

  @PostMapping("/api/notification-batches/{id}/claims")
  @Operation(summary = "Nhận các tin chưa gửi của một lô / Claim a batch's unsent messages (rendered)")
  DeliveryLedger.Claim claim(@PathVariable long id, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return ledger.claim(id, limit);
  }

  @PostMapping("/api/notification-batches/{id}/outcomes")
  @Operation(summary = "Kết quả gửi các tin đã nhận / What became of claimed messages")
  Map<String, Boolean> outcomes(@PathVariable long id, @RequestBody @Valid Outcomes outcomes) {
    return Map.of("pending", ledger.report(id, outcomes.outcomes()));
  }

  @PostMapping("/api/notification-receipts")
  @Operation(summary = "Xác nhận từ kênh mà worker nhận được (SMS) / Receipts a worker's channel session got (SMS)")
  Map<String, Integer> receipts(@RequestBody @Valid Receipts receipts) {
    return Map.of("received", receipts.receipts().size(), "matched", ledger.record(receipts.receipts()));
  }

  record Outcomes(@NotNull @Size(max = 500) List<@Valid @NotNull BatchOutcome> outcomes) {
  }

  record Receipts(@NotNull @Size(max = DeliveryReceipt.MAX_PER_CALL) List<@NotNull DeliveryReceipt> receipts) {
  }
}
