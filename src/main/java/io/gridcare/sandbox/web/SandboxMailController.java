package io.gridcare.sandbox.web;

import java.time.Instant;
import java.util.List;

import io.gridcare.sandbox.SandboxMail;
import io.gridcare.sandbox.SandboxMail.ReceivedMail;
import io.gridcare.system.PageQuery;
import io.gridcare.system.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
@Tag(name = "Sandbox", description = "Máy chủ giả lập của bản chạy thử / Loopback peers of a local run (admins)")
class SandboxMailController {

  private final SandboxMail mail;

  SandboxMailController(SandboxMail mail) {
    this.mail = mail;
  }

  @GetMapping("/api/sandbox/mail/messages")
  @Operation(summary = "Thư máy chủ SMTP giả lập đã nhận / Mail the sandbox SMTP server received, newest first",
      description = "The last " + SandboxMail.KEPT + " messages; deliveryKey picks one notice attempt's.")
  PageResponse<MailView> messages(@Valid PageQuery query, @RequestParam(required = false) String deliveryKey) {
    List<MailView> views = mail.received().stream()
        .filter(received -> deliveryKey == null || deliveryKey.equals(received.deliveryKey()))
        .map(MailView::of).toList();
    return SandboxPages.of(views, query);
  }

  record MailView(Instant receivedAt, List<String> to, String subject, String excerpt, String deliveryKey,
                  String messageId, boolean html) {

    static MailView of(ReceivedMail mail) {
      return new MailView(mail.receivedAt(), mail.recipients(), mail.subject(), SandboxPages.excerpt(mail.text()),
          mail.deliveryKey(), mail.messageId(), mail.html() != null);
    }
  }
}
