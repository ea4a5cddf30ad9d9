package io.gridcare.notifications.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipt.Status;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Message_state.Message_state_enum;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMSC's delivery receipts ({@code deliver_sm} with the receipt esm_class), read into {@link DeliveryReceipt}s
 * and handed on to the {@link ReceiptReporter} in small batches from one thread of its own, so a slow server never
 * holds the SMPP session. Every {@code deliver_sm} is answered: OK once the receipt is queued (or when it is not a
 * receipt, or unreadable: sending it again would not help), a temporary error while the queue is full, so the SMSC
 * keeps it and tries again later.
 *
 * <p>Of a message sent in several segments only the first segment's receipt counts: its id is the message's
 * provider id. The other segments' ids are remembered here ({@link #ignore}) and their receipts dropped.
 *
 * <p>The SMSC may answer with a receipt before the worker has reported the message's outcome, which is where the
 * ledger learns the provider id. So the sender tells this class which delivery key each message id belongs to
 * ({@link #sent}), and receipts name their attempt by its delivery key where it is known.
 */
class SmsReceipts implements MessageReceiverListener, AutoCloseable {

  /** As many as the server takes in one call: one reporting thread keeps up with the SMSC only in big batches. */
  static final int BATCH = DeliveryReceipt.MAX_PER_CALL;
  static final int CAPACITY = 10_000;
  /**
   * Ids of later segments remembered. Past this the oldest are forgotten and a late receipt of theirs passes
   * as one of an unknown message, which the ledger counts and drops.
   */
  static final int IGNORED_IDS = 100_000;
  /** Vietnamese operators' SMSCs write receipt dates in local time. */
  static final ZoneId SMSC_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final Logger log = LoggerFactory.getLogger(SmsReceipts.class);
  private static final Pattern DONE_DATE = Pattern.compile("done date:(\\d{10}(?:\\d{2})?)");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ReceiptReporter reporter;
  private final BlockingQueue<DeliveryReceipt> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Set<String> ignored = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > IGNORED_IDS;
        }
      }));
  /** Delivery keys by first segment id, of the messages this worker sent lately. */
  private final Map<String, String> keys = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > IGNORED_IDS;
        }
      });
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sms-receipts");
    thread.setDaemon(true);
    return thread;
  });
  /** Taken from the queue but not yet reported; only the flusher thread touches it and the backoff. */
  private final List<DeliveryReceipt> unsent = new ArrayList<>();
  private final Duration flushInterval;
  private int failures;
  private long nextAttempt = System.nanoTime();

  SmsReceipts(ReceiptReporter reporter, Duration flushInterval) {
    this.reporter = reporter;
    this.flushInterval = flushInterval;
  }

  void start() {
    long interval = flushInterval.toMillis();
    flusher.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** A later segment's id: its receipt must not count as a message of its own. */
  void ignore(String providerMessageId) {
    ignored.add(providerMessageId);
  }

  /** A message sent: its receipt names the attempt by delivery key, even before the outcome is reported. */
  void sent(String providerMessageId, String deliveryKey) {
    keys.put(providerMessageId, deliveryKey);
  }

  @Override
  public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
    if (!deliverSm.isSmscDeliveryReceipt()) {
      // a reply from a handset: brandname traffic is one-way, nothing to do with it
      return;
    }
    Optional<DeliveryReceipt> receipt;
    try {
      receipt = read(deliverSm, Instant.now());
    } catch (IllegalArgumentException e) {
      // not logged in full: its text field quotes the message
      log.warn("Unreadable SMS delivery receipt acknowledged and dropped: {}", e.getMessage());
      return;
    }
    receipt = receipt.map(this::withDeliveryKey);
    if (receipt.isPresent() && !queue.offer(receipt.get())) {
      throw new ProcessRequestException("Receipt queue full", SMPPConstant.STAT_ESME_RX_T_APPN);
    }
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alertNotification) {
    // only sent for SMPP's "set_dpf", which GridCare never asks for
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RX_R_APPN);
  }

  private DeliveryReceipt withDeliveryKey(DeliveryReceipt receipt) {
    String key = keys.remove(receipt.providerMessageId());
    return key == null ? receipt : new DeliveryReceipt(receipt.channel(), key, receipt.providerMessageId(),
        receipt.status(), receipt.at(), receipt.detail());
  }

  static Optional<DeliveryReceipt> read(DeliverSm deliverSm, Instant arrived) {
    byte[] body = deliverSm.getShortMessage();
    if (body == null || body.length == 0) {
      OptionalParameter.Message_payload payload = deliverSm.getOptionalParameter(
          OptionalParameter.Message_payload.class);
      body = payload == null ? new byte[0] : payload.getValue();
    }
    OptionalParameter.Receipted_message_id id = deliverSm.getOptionalParameter(
        OptionalParameter.Receipted_message_id.class);
    OptionalParameter.Message_state state = deliverSm.getOptionalParameter(OptionalParameter.Message_state.class);
    return read(new String(body, StandardCharsets.ISO_8859_1), id == null ? null : id.getValueAsString(),
        state == null ? null : state.getMessageState(), arrived);
  }

  /**
   * The receipt in {@code text} ({@code id:... stat:DELIVRD ...}). The receipted_message_id TLV, where the SMSC
   * sends one, names the message rather than the text's id (some SMSCs write that one in decimal and the
   * submit_sm_resp's in hex); the message_state TLV stands in for a text that cannot be read.
   *
   * @return empty for an interim state (ACCEPTD, ENROUTE)
   * @throws IllegalArgumentException if neither the text nor the TLVs say which message and what became of it
   */
  static Optional<DeliveryReceipt> read(String text, String receiptedId, Message_state_enum state,
      Instant arrived) {
    org.jsmpp.bean.DeliveryReceipt parsed = null;
    try {
      parsed = new org.jsmpp.bean.DeliveryReceipt(text);
    } catch (InvalidDeliveryReceiptException e) {
      // the TLVs may still say it all
    }
    String id = receiptedId != null && !receiptedId.isBlank() ? receiptedId.strip()
        : parsed == null ? null : parsed.getId();
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("no message id");
    }
    Optional<Status> status;
    String detail;
    if (parsed != null && parsed.getFinalStatus() != null) {
      status = status(parsed.getFinalStatus());
      detail = "stat:" + parsed.getFinalStatus() + (parsed.getError() == null ? "" : " err:" + parsed.getError());
    } else if (state != null) {
      status = status(state);
      detail = "message_state:" + state;
    } else {
      throw new IllegalArgumentException("no state for message " + id);
    }
    return status.map(value -> new DeliveryReceipt(Channel.SMS, null, id, value, doneAt(text, arrived), detail));
  }

  static Optional<Status> status(DeliveryReceiptState state) {
    return switch (state) {
      case DELIVRD -> Optional.of(Status.DELIVERED);
      case EXPIRED, DELETED, UNDELIV, UNKNOWN, REJECTD -> Optional.of(Status.FAILED);
      case ACCEPTD, ENROUTE -> Optional.empty();
    };
  }

  static Optional<Status> status(Message_state_enum state) {
    return switch (state) {
      case DELIVERED -> Optional.of(Status.DELIVERED);
      case EXPIRED, DELETED, UNDELIVERABLE, UNKNOWN, REJECTED -> Optional.of(Status.FAILED);
      default -> Optional.empty();
    };
  }

  /** The receipt's done date (minutes, or seconds where the SMSC gives them), else when it arrived. */
  private static Instant doneAt(String text, Instant arrived) {
    Matcher done = DONE_DATE.matcher(text);
    if (!done.find()) {
      return arrived;
    }
    String value = done.group(1);
    try {
      DateTimeFormatter format = DateTimeFormatter.ofPattern(value.length() == 12 ? "yyMMddHHmmss" : "yyMMddHHmm");
      return LocalDateTime.parse(value, format).atZone(SMSC_ZONE).toInstant();
    } catch (DateTimeParseException e) {
      return arrived;
    }
  }

  /** Hands the queued receipts on, a batch at a time; a failing reporter is tried again with growing pauses. */
  void flush() {
    if (System.nanoTime() - nextAttempt < 0) {
      return;
    }
    try {
      if (unsent.isEmpty()) {
        queue.drainTo(unsent, BATCH);
      }
      while (!unsent.isEmpty()) {
        List<DeliveryReceipt> batch = unsent.stream()
            .filter(receipt -> !ignored.contains(receipt.providerMessageId())).toList();
        if (!batch.isEmpty()) {
          reporter.report(batch);
        }
        unsent.clear();
        failures = 0;
        queue.drainTo(unsent, BATCH);
      }
    } catch (RuntimeException e) {
      failures++;
      long pause = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures, 10));
      nextAttempt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
      log.warn("Could not report {} SMS delivery receipts, trying again in {} ms: {}", unsent.size(), pause,
          e.toString());
    }
  }

  /** Reports what is queued once more, then stops. */
  @Override
  public void close() {
    flusher.shutdown();
    try {
      if (flusher.awaitTermination(5, TimeUnit.SECONDS)) {
        nextAttempt = System.nanoTime();
        flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!unsent.isEmpty() || !queue.isEmpty()) {
      log.warn("{} SMS delivery receipts not reported at shutdown", unsent.size() + queue.size());
    }
  }
}
