package io.gridcare.notifications.worker;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.gridcare.customers.Channel;
import io.gridcare.notifications.worker.SendOutcome.Accepted;
import io.gridcare.notifications.worker.SendOutcome.NotSent;
import io.gridcare.notifications.worker.SendOutcome.Rejected;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * SMS brandname over SMPP 3.4: one long-lived transceiver session to the SMSC, bound at start, watched with
 * enquire_link and bound again when it drops; delivery receipts come back on the same session ({@link SmsReceipts}).
 *
 * <p>Messages of a batch, and of batches sent at once from several threads, go out side by side: up to
 * {@code window} submit_sm wait for their responses at the same time (one thread each, as jsmpp's blocking
 * submit asks), instead of one round trip after the other.
 *
 * <p>A message longer than one segment goes as concatenated parts, one after the other; its provider id is the
 * first part's SMSC id, and only that part's receipt decides its status (the others' are dropped). A part that
 * fails ends the message with that part's outcome; the parts already taken are orphans that the handset never
 * shows as a whole, and another attempt sends every part again under a new reference.
 *
 * <p>Outcomes: an SMSC error about the recipient (invalid destination, permanent application error) is
 * {@link Rejected}; throttling, a full queue, any other SMSC error, no session and a lost connection are
 * {@link NotSent}. No response within {@code submit-timeout} after the submit_sm was written is in doubt: the SMSC
 * may have taken the message. It is reported as {@link NotSent} with a reason starting "IN_DOUBT", so another
 * attempt may send the message twice; for a notice a rare duplicate costs less than a notice lost.
 */
@Component
@EnableConfigurationProperties(SmsProperties.class)
class SmsSender implements ChannelSender, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RECEIPT_FLUSH_INTERVAL = Duration.ofMillis(200);
  private static final RegisteredDelivery RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);
  private static final ESMClass SINGLE = new ESMClass();
  private static final ESMClass CONCATENATED = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
      GSMSpecificFeature.UDHI);
  /** SMSC errors about this recipient: another channel may still reach them, trying SMS again will not. */
  private static final Set<Integer> RECIPIENT_ERRORS = Set.of(SMPPConstant.STAT_ESME_RINVDSTADR,
      SMPPConstant.STAT_ESME_RINVDSTTON, SMPPConstant.STAT_ESME_RINVDSTNPI, SMPPConstant.STAT_ESME_RX_P_APPN,
      SMPPConstant.STAT_ESME_RX_R_APPN);
  private static final Map<Integer, String> STATUS_NAMES = statusNames();

  private final SmsProperties properties;
  private final SmsReceipts receipts;
  private final ThreadPoolExecutor submitters;
  private final ScheduledExecutorService keeper;
  private final AtomicInteger references = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
  private final Object binding = new Object();
  private volatile SMPPSession session;
  private volatile boolean running;
  private volatile long lastBindFailure;
  private volatile boolean bindFailing;
  private volatile String bindFailure = "";

  /** Without a {@link ReceiptReporter} (a worker built without one) receipts are acknowledged and dropped. */
  SmsSender(SmsProperties properties, Optional<ReceiptReporter> reporter) {
    this.properties = properties;
    this.receipts = new SmsReceipts(reporter.orElseGet(() -> {
      log.warn("No ReceiptReporter: SMS delivery receipts are acknowledged and dropped");
      return unreported -> log.debug("Dropped {} SMS delivery receipts", unreported.size());
    }), RECEIPT_FLUSH_INTERVAL);
    this.submitters = new ThreadPoolExecutor(properties.window(), properties.window(), 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), threads("sms-submit"));
    this.submitters.allowCoreThreadTimeOut(true);
    this.keeper = Executors.newSingleThreadScheduledExecutor(threads("sms-session"));
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public List<SendOutcome> send(List<Outgoing> batch) {
    List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>(batch.size());
    for (Outgoing message : batch) {
      try {
        outcomes.add(CompletableFuture.supplyAsync(() -> sendOne(message), submitters));
      } catch (RejectedExecutionException e) {
        outcomes.add(CompletableFuture.completedFuture(new NotSent(message.deliveryKey(),
            "Kênh SMS đang dừng / The SMS channel is stopping")));
      }
    }
    return outcomes.stream().map(CompletableFuture::join).toList();
  }

  private SendOutcome sendOne(Outgoing message) {
    String key = message.deliveryKey();
    try {
      String phone = message.addresses() == null || message.addresses().isEmpty() ? null
          : message.addresses().get(0);
      if (phone == null || !E164.matcher(phone).matches()) {
        return new Rejected(key, "INVALID_PHONE",
            "Không có số điện thoại E.164 / No E.164 phone number", List.of());
      }
      if (message.smsText() == null || message.smsText().isBlank()) {
        return new Rejected(key, "NO_SMS_TEXT", "Mẫu không có nội dung SMS / The template has no SMS text",
            List.of());
      }
      SmsEncoding.Encoded encoded = SmsEncoding.encode(message.smsText(), message.smsMayDropAccents());
      int count = encoded.segments().size();
      if (count > properties.maxSegments()) {
        return new Rejected(key, "TOO_LONG", "Tin nhắn cần " + count + " phần, tối đa " + properties.maxSegments()
            + " / The message needs " + count + " segments, at most " + properties.maxSegments(), List.of());
      }
      SMPPSession current = boundSession();
      if (current == null) {
        return new NotSent(key, properties.configured()
            ? "Không kết nối được SMSC / No session with the SMSC at " + properties.host() + ":" + properties.port()
                + (bindFailing ? " (" + bindFailure + ")" : "")
            : "Chưa cấu hình SMSC / No SMSC configured (gridcare.channels.sms.host)");
      }
      return submit(current, key, phone.substring(1), encoded);
    } catch (RuntimeException e) {
      log.warn("SMS {} not sent", key, e);
      return new NotSent(key, "Lỗi khi gửi SMS / Failure while sending: " + e);
    }
  }

  private SendOutcome submit(SMPPSession current, String key, String destination, SmsEncoding.Encoded encoded) {
    List<byte[]> parts = SmsEncoding.withHeaders(encoded.segments(), references.getAndIncrement());
    ESMClass esmClass = parts.size() == 1 ? SINGLE : CONCATENATED;
    RawDataCoding dataCoding = new RawDataCoding(encoded.dataCoding());
    String first = null;
    for (int part = 0; part < parts.size(); part++) {
      try {
        String id = current.submitShortMessage(null, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
            properties.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
            esmClass, (byte) 0, (byte) 0, null, null, RECEIPT, (byte) 0, dataCoding, (byte) 0, parts.get(part))
            .getMessageId();
        if (part == 0) {
          first = id;
          receipts.sent(id, key);
        } else {
          receipts.ignore(id);
        }
      } catch (PDUException | ResponseTimeoutException | InvalidResponseException | NegativeResponseException
               | IOException e) {
        if (first != null) {
          // orphaned parts: their receipts belong to no message
          receipts.ignore(first);
        }
        return failed(key, e, parts.size() == 1 ? "" : " (phần / part " + (part + 1) + "/" + parts.size() + ")");
      }
    }
    log.debug("SMS {} accepted as {} {} segment(s){}", key, parts.size(), encoded.encoding(),
        encoded.unaccented() ? ", unaccented" : "");
    return new Accepted(key, first, parts.size(), false);
  }

  static SendOutcome failed(String key, Exception failure, String part) {
    if (failure instanceof NegativeResponseException negative) {
      int status = negative.getCommandStatus();
      String code = statusName(status);
      if (RECIPIENT_ERRORS.contains(status)) {
        return new Rejected(key, code, "SMSC từ chối người nhận / The SMSC refused the recipient: " + code + part,
            List.of());
      }
      return new NotSent(key, "SMSC chưa nhận / The SMSC did not take it: " + code + part);
    }
    if (failure instanceof ResponseTimeoutException || failure instanceof InvalidResponseException) {
      return new NotSent(key, "IN_DOUBT: SMSC không trả lời submit_sm, có thể đã nhận / no valid submit_sm_resp in "
          + "time, the SMSC may have taken it" + part);
    }
    if (failure instanceof PDUException) {
      return new Rejected(key, "INVALID_PDU", "Tin nhắn không hợp lệ / Invalid message: " + failure.getMessage()
          + part, List.of());
    }
    return new NotSent(key, "Mất kết nối SMSC / Connection to the SMSC lost: " + failure.getMessage() + part);
  }

  /** {@code ESME_RINVDSTADR} for 0x0B; unnamed (vendor) codes in hex. */
  static String statusName(int status) {
    return STATUS_NAMES.getOrDefault(status, String.format("ESME_0x%08X", status));
  }

  private static Map<Integer, String> statusNames() {
    Map<Integer, String> names = new HashMap<>();
    for (Field field : SMPPConstant.class.getFields()) {
      if (field.getName().startsWith("STAT_ESME_") && Modifier.isStatic(field.getModifiers())
          && field.getType() == int.class) {
        try {
          names.putIfAbsent(field.getInt(null), field.getName().substring("STAT_".length()));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Map.copyOf(names);
  }

  /** The bound session; binds one now unless a bind failed within the reconnect delay. */
  private SMPPSession boundSession() {
    SMPPSession current = session;
    if (current != null && current.getSessionState().isBound()) {
      return current;
    }
    boolean failedJustNow = bindFailing
        && System.nanoTime() - lastBindFailure < properties.reconnectDelay().toNanos();
    if (!running || !properties.configured() || failedJustNow) {
      return null;
    }
    return bind();
  }

  private SMPPSession bind() {
    synchronized (binding) {
      SMPPSession current = session;
      if (current != null && current.getSessionState().isBound()) {
        return current;
      }
      if (!running) {
        return null;
      }
      if (current != null) {
        current.close();
      }
      SMPPSession fresh = new SMPPSession(SmsSender::connect);
      fresh.setEnquireLinkTimer((int) properties.enquireLinkInterval().toMillis());
      fresh.setTransactionTimer(properties.submitTimeout().toMillis());
      // responses to a full window, and receipts, may arrive together
      fresh.setQueueCapacity(Math.max(100, properties.window() * 4));
      fresh.setMessageReceiverListener(receipts);
      fresh.addSessionStateListener((newState, oldState, source) -> {
        // jsmpp marks a session bound even on a refused bind: only a session that was in use has dropped
        if (newState == SessionState.CLOSED && source == session && running) {
          log.warn("SMPP session to {}:{} closed; binding again within {}", properties.host(), properties.port(),
              properties.reconnectDelay());
        }
      });
      try {
        fresh.connectAndBind(properties.host(), properties.port(), new BindParameter(BindType.BIND_TRX,
            properties.systemId(), properties.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
            null), properties.submitTimeout().toMillis());
      } catch (IOException e) {
        lastBindFailure = System.nanoTime();
        bindFailure = e.getMessage();
        if (!bindFailing) {
          log.warn("Could not bind to the SMSC at {}:{}: {}", properties.host(), properties.port(), e.getMessage());
        }
        bindFailing = true;
        fresh.close();
        return null;
      }
      if (!running) {
        // stopped while binding
        fresh.unbindAndClose();
        return null;
      }
      if (bindFailing || current != null) {
        log.info("SMPP session to {}:{} bound again", properties.host(), properties.port());
      } else {
        log.info("SMPP session to {}:{} bound as {}", properties.host(), properties.port(), properties.systemId());
      }
      bindFailing = false;
      session = fresh;
      return fresh;
    }
  }

  /**
   * A socket with a connect timeout (jsmpp's own factory would wait for the operating system's, minutes) and
   * without Nagle's delay, which would hold small PDUs back while a response is awaited.
   */
  private static Connection connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
      return new SocketConnection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public void start() {
    running = true;
    receipts.start();
    if (properties.configured()) {
      long delay = properties.reconnectDelay().toMillis();
      keeper.scheduleWithFixedDelay(this::bind, 0, delay, TimeUnit.MILLISECONDS);
    } else {
      log.warn("No SMSC configured (gridcare.channels.sms.host): SMS messages are not sent");
    }
  }

  /**
   * Lets the submits in flight have their responses (so they do not end in doubt), then unbinds. Not interrupted:
   * jsmpp takes an interrupted wait for a response as a timeout.
   */
  @Override
  public void stop() {
    running = false;
    keeper.shutdown();
    submitters.shutdown();
    try {
      submitters.awaitTermination(properties.submitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (binding) {
      SMPPSession current = session;
      session = null;
      if (current != null) {
        current.unbindAndClose();
      }
    }
    receipts.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
