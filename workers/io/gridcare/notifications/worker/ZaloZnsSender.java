package io.gridcare.notifications.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.customers.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Zalo ZNS ("tin qua số điện thoại"): one {@code POST /message/template} per message, with the OA's access token,
 * the recipient's phone in Zalo's {@code 84...} form, the notice type's template and GridCare's delivery key as
 * {@code tracking_id}, which Zalo echoes in its delivery receipts. Requests run asynchronously, at most
 * {@code max-in-flight} at once in this process, however many batches are sent side by side. What each answer
 * means is decided in {@link ZnsAnswers}. A request that times out is {@code NotSent}, although Zalo may have taken
 * it: trying again can send it twice, which is better than not at all.
 *
 * <p>The OA's access token comes from {@link ZaloServerTokens} (or a fixed one): taken once per batch; when Zalo answers that it is
 * invalid (-124: renewed or revoked meanwhile), a newer one is asked for and the refused message sent again, once.
 */
@Component
@EnableConfigurationProperties(ZaloZnsSettings.class)
class ZaloZnsSender implements ChannelSender {

  static final String SEND_PATH = "/message/template";

  private static final Logger log = LoggerFactory.getLogger(ZaloZnsSender.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  /** Zalo takes 84xxxxxxxxx; the longest international number has 15 digits. */
  private static final Pattern ZALO_PHONE = Pattern.compile("84\\d{8,13}");

  // HTTP/1.1: the default HTTP/2 client would first ask plain-HTTP peers (the sandbox) for an upgrade
  private final PooledHttp http = new PooledHttp(PooledHttp.client(CONNECT_TIMEOUT), "zalo-zns");
  private final URI endpoint;
  private final ChannelTokens tokens;
  private final Duration requestTimeout;
  private final Semaphore inFlight;
  private final ObjectMapper json;

  ZaloZnsSender(ZaloZnsSettings settings, NotificationApi api, ObjectMapper json) {
    this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + SEND_PATH);
    this.tokens = ZaloServerTokens.of(settings, api);
    this.requestTimeout = settings.requestTimeout();
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.json = json;
  }

  @Override
  public Channel channel() {
    return Channel.ZALO;
  }

  @Override
  public List<SendOutcome> send(List<Outgoing> batch) {
    ChannelTokens.InUse token;
    try {
      token = new ChannelTokens.InUse(tokens.current());
    } catch (IOException | RuntimeException e) {
      String reason = "Chưa có access token của Zalo OA / No Zalo OA access token: " + e.getMessage();
      log.warn("Zalo ZNS: {} messages not sent: {}", batch.size(), reason);
      return batch.stream().<SendOutcome>map(message -> new SendOutcome.NotSent(message.deliveryKey(), reason))
          .toList();
    }
    List<CompletableFuture<SendOutcome>> pending = new ArrayList<>(batch.size());
    for (Outgoing message : batch) {
      pending.add(send(message, token));
    }
    List<SendOutcome> outcomes = pending.stream().map(CompletableFuture::join).toList();
    report(outcomes);
    return outcomes;
  }

  private CompletableFuture<SendOutcome> send(Outgoing message, ChannelTokens.InUse token) {
    String key = message.deliveryKey();
    if (message.znsTemplateId() == null || message.znsTemplateId().isBlank()) {
      return done(new SendOutcome.NotSent(key,
          "Loại thông báo chưa có mẫu ZNS / The notice type has no ZNS template"));
    }
    String phone = zaloPhone(message.addresses());
    if (phone == null) {
      return done(new SendOutcome.Rejected(key, String.valueOf(ZnsAnswers.PHONE_INVALID),
          "Không có số điện thoại hợp lệ / No valid phone number", List.of()));
    }
    byte[] body;
    try {
      body = body(message, phone);
    } catch (JsonProcessingException e) {
      return done(new SendOutcome.NotSent(key, "Không tạo được yêu cầu / Could not write the request"));
    }
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return done(new SendOutcome.NotSent(key, "Bị ngắt trước khi gửi / Interrupted before sending"));
    }
    try {
      String sentWith = token.value();
      return http.send(request(body, sentWith))
          .thenCompose(response -> ZnsAnswers.accessTokenInvalid(response.statusCode(), response.body(), json)
              ? withRenewedToken(body, sentWith, token, response) : CompletableFuture.completedFuture(response))
          .handle((response, failure) -> {
            inFlight.release();
            return failure == null
                ? ZnsAnswers.outcome(key, response.statusCode(), response.body(), json)
                : new SendOutcome.NotSent(key, "Zalo không trả lời / Zalo did not answer: " + cause(failure));
          });
    } catch (RuntimeException e) {
      inFlight.release();
      return done(new SendOutcome.NotSent(key, "Zalo không trả lời / Zalo did not answer: " + cause(e)));
    }
  }

  private HttpRequest request(byte[] body, String accessToken) {
    return HttpRequest.newBuilder(endpoint)
        .header("access_token", accessToken)
        .header("Content-Type", "application/json")
        .timeout(requestTimeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /**
   * Zalo called the token invalid: once, the message goes again with a newer token, which the rest of the batch
   * then uses too. Without one, Zalo's answer stands and an operator sees it.
   */
  private CompletableFuture<HttpResponse<String>> withRenewedToken(byte[] body, String refused, ChannelTokens.InUse token,
      HttpResponse<String> invalid) {
    String renewed;
    try {
      renewed = tokens.renew(refused);
    } catch (IOException | RuntimeException e) {
      log.warn("Zalo ZNS: the access token was refused and no newer one could be had: {}", e.getMessage());
      return CompletableFuture.completedFuture(invalid);
    }
    if (renewed == null || renewed.equals(refused)) {
      return CompletableFuture.completedFuture(invalid);
    }
    token.replace(renewed);
    return http.send(request(body, renewed));
  }

  private byte[] body(Outgoing message, String phone) throws JsonProcessingException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("phone", phone);
    body.put("template_id", message.znsTemplateId());
    body.put("template_data", message.znsData() == null ? Map.of() : message.znsData());
    body.put("tracking_id", message.deliveryKey());
    return json.writeValueAsBytes(body);
  }

  /** The first address in Zalo's form: {@code +84912345678} and {@code 0912345678} become {@code 84912345678}. */
  static String zaloPhone(List<String> addresses) {
    if (addresses == null || addresses.isEmpty() || addresses.get(0) == null) {
      return null;
    }
    String digits = addresses.get(0).replaceAll("[\\s.()-]", "");
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    } else if (digits.startsWith("0")) {
      digits = "84" + digits.substring(1);
    }
    return ZALO_PHONE.matcher(digits).matches() ? digits : null;
  }

  /** Counts per outcome; the reasons of messages not sent name set-up faults, never a recipient. */
  private static void report(List<SendOutcome> outcomes) {
    long accepted = outcomes.stream().filter(SendOutcome.Accepted.class::isInstance).count();
    long rejected = outcomes.stream().filter(SendOutcome.Rejected.class::isInstance).count();
    TreeSet<String> notSentReasons = new TreeSet<>();
    outcomes.stream().filter(SendOutcome.NotSent.class::isInstance)
        .forEach(outcome -> notSentReasons.add(((SendOutcome.NotSent) outcome).reason()));
    long notSent = outcomes.size() - accepted - rejected;
    if (notSent > 0) {
      log.warn("Zalo ZNS batch: {} accepted, {} rejected, {} not sent: {}", accepted, rejected, notSent,
          notSentReasons);
    } else {
      log.debug("Zalo ZNS batch: {} accepted, {} rejected", accepted, rejected);
    }
  }

  private static String cause(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
  }

  private static CompletableFuture<SendOutcome> done(SendOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
