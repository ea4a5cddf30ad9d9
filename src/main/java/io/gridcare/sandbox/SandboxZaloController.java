package io.gridcare.sandbox;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the Zalo sandbox received, and its quota, for whoever tries the channel locally (administrators). */
@RestController
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
@Tag(name = "Sandbox", description = "Kênh giả lập cho chạy thử / Loopback channel providers for local runs")
class SandboxZaloController {

  private final SandboxZalo zalo;

  SandboxZaloController(SandboxZalo zalo) {
    this.zalo = zalo;
  }

  @GetMapping("/api/sandbox/zalo/messages")
  @Operation(summary = "Tin ZNS giả lập đã nhận / ZNS requests the Zalo sandbox received",
      description = "Oldest first, the last " + SandboxZalo.KEPT + "; trackingId picks one delivery key's.")
  Messages messages(@RequestParam(required = false) String trackingId) {
    return new Messages(zalo.received(trackingId));
  }

  @GetMapping("/api/sandbox/zalo/quota")
  @Operation(summary = "Hạn mức ZNS giả lập / The Zalo sandbox's daily quota and what today used of it")
  SandboxZalo.Quota quota() {
    return zalo.quota();
  }

  @PutMapping("/api/sandbox/zalo/quota")
  @Operation(summary = "Đặt hạn mức ZNS giả lập / Set the Zalo sandbox's daily quota",
      description = "Starts a fresh day: messages beyond the quota are answered -115 (out of quota).")
  SandboxZalo.Quota setQuota(@RequestBody @Valid QuotaChange change) {
    return zalo.quota(change.dailyQuota());
  }

  record Messages(List<SandboxZalo.Received> messages) {
  }

  record QuotaChange(@NotNull @Min(0) Integer dailyQuota) {
  }
}
