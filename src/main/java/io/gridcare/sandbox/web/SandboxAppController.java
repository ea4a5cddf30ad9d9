package io.gridcare.sandbox.web;

import java.time.Instant;
import java.util.List;

import io.gridcare.sandbox.SandboxFcm;
import io.gridcare.sandbox.SandboxFcm.ReceivedPush;
import io.gridcare.sandbox.SandboxHttpPeers;
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
class SandboxAppController {

  private final SandboxFcm fcm;

  SandboxAppController(SandboxFcm fcm) {
    this.fcm = fcm;
  }

  @GetMapping("/api/sandbox/app/messages")
  @Operation(summary = "Thông báo FCM giả lập đã nhận / Push messages the sandbox FCM received, newest first",
      description = "One entry per push token, with the status the stub answered (200 sent, 404 unregistered "
          + "token, 400 invalid token, 503 busy); among the last " + SandboxHttpPeers.KEPT + " HTTP requests of the "
          + "sandbox. deliveryKey picks one notice attempt's.")
  PageResponse<PushView> messages(@Valid PageQuery query, @RequestParam(required = false) String deliveryKey) {
    List<PushView> views = fcm.received().stream()
        .filter(received -> deliveryKey == null || deliveryKey.equals(received.deliveryKey()))
        .map(PushView::of).toList();
    return SandboxPages.of(views, query);
  }

  record PushView(Instant receivedAt, String token, String title, String excerpt, String deliveryKey, int status) {

    static PushView of(ReceivedPush push) {
      return new PushView(push.receivedAt(), push.token(), push.title(), SandboxPages.excerpt(push.body()),
          push.deliveryKey(), push.status());
    }
  }
}
