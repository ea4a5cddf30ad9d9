package io.gridcare.notifications.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zalo's webhook: delivery and read receipts of ZNS messages, on to the delivery ledger. Zalo calls it without a
 * login, so every call must carry a valid {@code X-ZEvent-Signature} over its raw body ({@link ZaloSignature}) and a
 * {@code timestamp} within {@code webhook-max-age} of now; anything else is refused with 401 and records nothing. A
 * body that is not JSON is a 400 (the signed timestamp is inside it). Within that window a captured call could be
 * replayed: the ledger takes the same receipt twice as once. Events that carry no receipt are acknowledged and
 * ignored, since Zalo keeps resending what is not answered 200.
 */
@RestController
@EnableConfigurationProperties(ZaloWebhookSettings.class)
@Tag(name = "Webhooks", description = "Sự kiện từ các kênh / Events from the channels")
class ZaloWebhookController {

  static final String PATH = "/api/webhooks/zalo";
  static final String SIGNATURE = "X-ZEvent-Signature";

  private static final Logger log = LoggerFactory.getLogger(ZaloWebhookController.class);
  private static final String UNSIGNED =
      "Chữ ký không hợp lệ / Missing or invalid " + SIGNATURE + ": only Zalo may call this webhook";

  private final ZaloWebhookSettings settings;
  private final SingletonSupplier<DeliveryReceipts> receipts;
  private final ObjectMapper json;
  private final Clock clock;

  // the ledger is found when a call comes: the webhook must not keep the server from starting without one
  ZaloWebhookController(ZaloWebhookSettings settings, ObjectProvider<DeliveryReceipts> receipts, ObjectMapper json,
      Clock clock) {
    this.settings = settings;
    // looked up once it is there (the provider's lookup costs more than the rest of a receipt's parsing)
    this.receipts = SingletonSupplier.of(receipts::getIfAvailable);
    this.json = json;
    this.clock = clock;
  }

  @PostMapping(PATH)
  @Operation(summary = "Sự kiện Zalo OA/ZNS / Zalo OA and ZNS events (called by Zalo)",
      description = "Signed by Zalo with X-ZEvent-Signature: mac=sha256(appId + body + timestamp + OA secret key). "
          + "user_received_message and user_seen_message become delivery receipts; other events are acknowledged.")
  ResponseEntity<Object> receive(@RequestHeader(name = SIGNATURE, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    if (!settings.configured()) {
      log.warn("A Zalo webhook call was refused: gridcare.channels.zalo.app-id and oa-secret-key are not set");
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "Webhook Zalo chưa được cấu hình / The Zalo webhook is not "
          + "configured: set GRIDCARE_ZALO_APP_ID and GRIDCARE_ZALO_OA_SECRET_KEY", null);
    }
    if (signature == null || signature.isBlank()) {
      return problem(HttpStatus.UNAUTHORIZED, UNSIGNED, null);
    }
    byte[] raw = body == null ? new byte[0] : body;
    JsonNode event;
    try {
      event = json.readTree(raw);
    } catch (IOException e) {
      event = null;
    }
    if (event == null || !event.isObject()) {
      return problem(HttpStatus.BAD_REQUEST, "Nội dung không đọc được / Malformed request body", null);
    }
    String timestamp = event.path("timestamp").asText("");
    Instant sent = ZaloEvents.millis(event.path("timestamp"));
    if (sent == null || !ZaloSignature.matches(signature, settings.appId(), raw, timestamp, settings.oaSecretKey())) {
      return problem(HttpStatus.UNAUTHORIZED, UNSIGNED, null);
    }
    if (Duration.between(sent, clock.instant()).abs().compareTo(settings.webhookMaxAge()) > 0) {
      return problem(HttpStatus.UNAUTHORIZED, "Sự kiện quá cũ / Stale event: its timestamp is more than "
          + settings.webhookMaxAge().toMinutes() + " minutes from now", null);
    }
    List<DeliveryReceipt> found;
    try {
      found = ZaloEvents.receipts(event);
    } catch (ZaloEvents.InvalidEvent e) {
      return problem(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ / Invalid request",
          List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }
    if (found.isEmpty()) {
      return ResponseEntity.ok(new Answer(0, 0));
    }
    DeliveryReceipts ledger = receipts.get();
    if (ledger == null) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE,
          "Sổ giao nhận chưa sẵn sàng / The delivery ledger is not available", null);
    }
    int matched = ledger.record(found);
    log.debug("Zalo {}: {} receipts, {} matched", event.path("event_name").asText(), found.size(), matched);
    return ResponseEntity.ok(new Answer(found.size(), matched));
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(PATH));
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** How many receipts the event held and how many of them named a message the ledger knows. */
  record Answer(int receipts, int matched) {
  }
}
