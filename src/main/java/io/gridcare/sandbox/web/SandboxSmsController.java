package io.gridcare.sandbox.web;

import java.util.List;

import io.gridcare.sandbox.SandboxSms;
import io.gridcare.sandbox.SandboxSmsc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the sandbox SMSC received, to check by eye or in a test what customers would have got (admin only). */
@RestController
@RequestMapping("/api/sandbox/sms")
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
@Tag(name = "Sandbox", description = "Máy chủ giả lập cục bộ / Loopback peers for local runs and tests")
class SandboxSmsController {

  private final SandboxSmsc smsc;

  SandboxSmsController(SandboxSmsc smsc) {
    this.smsc = smsc;
  }

  @GetMapping("/messages")
  @Operation(summary = "Tin SMS giả lập đã nhận, mới nhất trước / SMS the sandbox SMSC received, newest first")
  SandboxMessages messages(@RequestParam(defaultValue = "100") @Min(1) @Max(SandboxSmsc.MAX_KEPT) int limit) {
    return new SandboxMessages(smsc.messages(limit));
  }

  record SandboxMessages(List<SandboxSms> messages) {
  }
}
