package io.gridcare.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Message_state.Message_state_enum;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An SMSC on the loopback interface, for local runs and tests: it takes binds with the SMS channel's own system id
 * and password, answers submit_sm with a message id, decodes the text (GSM 03.38 or UCS-2, concatenated parts
 * joined), keeps the last {@value #MAX_KEPT} messages, and shortly after each part sends its delivery receipt as a
 * real SMSC would. Numbers tell it what to play:
 * <ul>
 *   <li>not a Vietnamese mobile ({@code 84} and nine digits from 3, 5, 7, 8 or 9): ESME_RINVDSTADR;</li>
 *   <li>ending in 0000: receipt UNDELIV;</li>
 *   <li>ending in 9999: no receipt at all (a receipt that never comes);</li>
 *   <li>any other: receipt DELIVRD.</li>
 * </ul>
 * Its decoder is written apart from the SMS channel's encoder on purpose: it checks that encoder as a handset would.
 */
public final class SandboxSmsc implements SmartLifecycle, ServerMessageReceiverListener {

  public static final int MAX_KEPT = 10_000;
  static final String SYSTEM_ID = "SANDBOX";

  private static final Logger log = LoggerFactory.getLogger(SandboxSmsc.class);
  private static final Pattern VIETNAMESE_MOBILE = Pattern.compile("84[35789][0-9]{8}");
  private static final Duration RECEIPT_DELAY = Duration.ofMillis(100);
  private static final int RECEIPTS_AT_ONCE = 8;
  /** A refused receipt is offered again after 1 s, 2 s, ... up to this many times. */
  private static final int RECEIPT_ATTEMPTS = 10;
  private static final Duration RECEIPT_RETRY = Duration.ofSeconds(1);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_PARTIAL = 1_000;
  private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");
  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final Map<Integer, Character> GSM_EXTENSION = Map.of(0x0A, '\f', 0x14, '^', 0x28, '{', 0x29, '}',
      0x2F, '\\', 0x3C, '[', 0x3D, '~', 0x3E, ']', 0x40, '|', 0x65, '€');

  private final int port;
  private final String systemId;
  private final String password;
  private final Deque<SandboxSms> received = new ArrayDeque<>();
  private final Map<PartsKey, Parts> partial = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PartsKey, Parts> eldest) {
      return size() > MAX_PARTIAL;
    }
  };
  private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40) << 16);
  private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
  private volatile SMPPServerSessionListener listener;
  private volatile ExecutorService binds;
  private volatile ScheduledExecutorService receipts;

  public SandboxSmsc(int port, String systemId, String password) {
    this.port = port;
    this.systemId = systemId;
    this.password = password == null ? "" : password;
  }

  public int port() {
    return port;
  }

  /** What it received, newest first. */
  public List<SandboxSms> messages(int limit) {
    synchronized (received) {
      List<SandboxSms> newest = new ArrayList<>(Math.min(limit, received.size()));
      Iterator<SandboxSms> messages = received.descendingIterator();
      while (messages.hasNext() && newest.size() < limit) {
        newest.add(messages.next());
      }
      return newest;
    }
  }

  /** Listens on the loopback interface; a port already taken (another local instance) is logged, not fatal. */
  @Override
  public synchronized void start() {
    if (listener != null) {
      return;
    }
    try {
      listener = new SMPPServerSessionListener(port, new LoopbackServerConnections());
    } catch (IOException e) {
      log.warn("Sandbox SMSC not started: port {} is not free ({}); set GRIDCARE_SANDBOX_SMPP_PORT", port,
          e.getMessage());
      return;
    }
    listener.setMessageReceiverListener(this);
    binds = Executors.newCachedThreadPool(daemon("sandbox-smsc-bind"));
    // a real SMSC has several receipts out at once (its window); each deliver_sm here waits for its answer
    receipts = Executors.newScheduledThreadPool(RECEIPTS_AT_ONCE, daemon("sandbox-smsc-receipts"));
    SMPPServerSessionListener accepting = listener;
    Thread acceptor = daemon("sandbox-smsc-accept").newThread(() -> accept(accepting));
    acceptor.start();
    log.info("Sandbox SMSC listening on {}:{}", InetAddress.getLoopbackAddress().getHostAddress(), port);
  }

  private void accept(SMPPServerSessionListener accepting) {
    while (listener == accepting) {
      try {
        SMPPServerSession session = accepting.accept();
        binds.execute(() -> bind(session));
      } catch (IOException e) {
        if (listener == accepting) {
          log.warn("Sandbox SMSC stopped accepting: {}", e.getMessage());
        }
        return;
      }
    }
  }

  private void bind(SMPPServerSession session) {
    try {
      BindRequest request = session.waitForBind(BIND_TIMEOUT.toMillis());
      if (systemId.equals(request.getSystemId())
          && password.equals(request.getPassword() == null ? "" : request.getPassword())) {
        sessions.add(session);
        session.addSessionStateListener((newState, oldState, source) -> {
          if (newState == SessionState.CLOSED) {
            sessions.remove(session);
          }
        });
        request.accept(SYSTEM_ID);
        return;
      }
      request.reject(systemId.equals(request.getSystemId()) ? SMPPConstant.STAT_ESME_RINVPASWD
          : SMPPConstant.STAT_ESME_RINVSYSID);
      // the client closes on the refusal; closing at once could beat the refusal to it (jsmpp then drops it)
      receipts.schedule(session::close, BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | IOException | PDUStringException | IllegalStateException e) {
      log.debug("Sandbox SMSC: bind failed: {}", e.getMessage());
      session.close();
    }
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
    String destination = submit.getDestAddress();
    if (submit.getDestAddrTon() != TypeOfNumber.INTERNATIONAL.value() || destination == null
        || !VIETNAMESE_MOBILE.matcher(destination).matches()) {
      throw new ProcessRequestException("Not a Vietnamese mobile number", SMPPConstant.STAT_ESME_RINVDSTADR);
    }
    String id = Long.toHexString(ids.incrementAndGet());
    Part part = Part.of(submit.getEsmClass(), submit.getShortMessage());
    String text = decode(submit.getDataCoding(), part.payload());
    String encoding = switch (submit.getDataCoding()) {
      case 0x00 -> "GSM-7";
      case 0x08 -> "UCS-2";
      default -> String.format("0x%02X", submit.getDataCoding());
    };
    if (part.total() <= 1) {
      keep(new SandboxSms(Instant.now(), "+" + destination, submit.getSourceAddr(), text, encoding, 1, id));
    } else {
      join(new PartsKey(submit.getSourceAddr(), destination, part.reference(), part.total()), part, text, id,
          encoding);
    }
    scheduleReceipt(source, submit.getSourceAddr(), destination, id, text);
    try {
      return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
    } catch (PDUStringException e) {
      throw new ProcessRequestException("Invalid message id", SMPPConstant.STAT_ESME_RSYSERR);
    }
  }

  private void join(PartsKey key, Part part, String text, String id, String encoding) {
    SandboxSms whole = null;
    synchronized (partial) {
      Parts parts = partial.computeIfAbsent(key, unused -> new Parts(new String[key.total()], new String[key.total()]));
      int index = part.number() - 1;
      if (index < 0 || index >= key.total()) {
        return;
      }
      parts.texts()[index] = text;
      parts.ids()[index] = id;
      boolean complete = true;
      for (String each : parts.texts()) {
        complete &= each != null;
      }
      if (complete) {
        partial.remove(key);
        whole = new SandboxSms(Instant.now(), "+" + key.destination(), key.source(), String.join("", parts.texts()),
            encoding, key.total(), parts.ids()[0]);
      }
    }
    if (whole != null) {
      keep(whole);
    }
  }

  private void keep(SandboxSms message) {
    synchronized (received) {
      received.addLast(message);
      while (received.size() > MAX_KEPT) {
        received.removeFirst();
      }
    }
  }

  private void scheduleReceipt(SMPPServerSession session, String sender, String destination, String id,
      String text) {
    if (destination.endsWith("9999")) {
      return;
    }
    boolean delivered = !destination.endsWith("0000");
    DeliveryReceiptState state = delivered ? DeliveryReceiptState.DELIVRD : DeliveryReceiptState.UNDELIV;
    String now = LocalDateTime.now().format(RECEIPT_DATE);
    String quoted = text.length() > 20 ? text.substring(0, 20) : text;
    String receipt = "id:" + id + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:" + now
        + " done date:" + now + " stat:" + state + " err:" + (delivered ? "000" : "001") + " text:"
        + quoted.replaceAll("[^\\x20-\\x7E]", "?");
    Message_state_enum messageState = delivered ? Message_state_enum.DELIVERED : Message_state_enum.UNDELIVERABLE;
    receipts.schedule(() -> deliverReceipt(session, sender, destination, id, receipt, messageState, 1),
        RECEIPT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** As a real SMSC does, a receipt the ESME refuses for now (its queue is full) is offered again later. */
  private void deliverReceipt(SMPPServerSession session, String sender, String destination, String id,
      String receipt, Message_state_enum messageState, int attempt) {
    try {
      session.deliverShortMessage(null, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
          TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, sender,
          new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
          (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
          receipt.getBytes(StandardCharsets.US_ASCII), new OptionalParameter.Receipted_message_id(id),
          new OptionalParameter.Message_state(messageState.byteValue()));
    } catch (NegativeResponseException refused) {
      if (attempt < RECEIPT_ATTEMPTS) {
        receipts.schedule(() -> deliverReceipt(session, sender, destination, id, receipt, messageState, attempt + 1),
            RECEIPT_RETRY.toMillis() * attempt, TimeUnit.MILLISECONDS);
      } else {
        log.warn("Sandbox SMSC: receipt for {} refused {} times, given up: {}", id, attempt, refused.toString());
      }
    } catch (Exception e) {
      // the session went away meanwhile: a real SMSC would keep the receipt, the sandbox forgets it
      log.debug("Sandbox SMSC: receipt for {} not delivered: {}", id, e.toString());
    }
  }

  static String decode(byte dataCoding, byte[] payload) {
    if (dataCoding == 0x08) {
      return new String(payload, StandardCharsets.UTF_16BE);
    }
    if (dataCoding != 0x00) {
      return new String(payload, StandardCharsets.ISO_8859_1);
    }
    StringBuilder text = new StringBuilder(payload.length);
    for (int index = 0; index < payload.length; index++) {
      int septet = payload[index] & 0x7F;
      if (septet == 0x1B && index + 1 < payload.length) {
        text.append(GSM_EXTENSION.getOrDefault(payload[++index] & 0x7F, ' '));
      } else {
        text.append(GSM_BASIC.charAt(septet));
      }
    }
    return text.toString();
  }

  @Override
  public synchronized void stop() {
    SMPPServerSessionListener current = listener;
    if (current == null) {
      return;
    }
    listener = null;
    try {
      current.close();
    } catch (IOException e) {
      log.debug("Sandbox SMSC: closing the listener: {}", e.getMessage());
    }
    sessions.forEach(SMPPServerSession::unbindAndClose);
    sessions.clear();
    binds.shutdownNow();
    receipts.shutdownNow();
    log.info("Sandbox SMSC on port {} stopped", port);
  }

  @Override
  public boolean isRunning() {
    return listener != null;
  }

  /** Up before the worker's SMS session tries to bind, down after it unbound. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
      SMPPServerSession source) throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw unsupported();
  }

  private static ProcessRequestException unsupported() {
    return new ProcessRequestException("Not supported by the sandbox SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  private static ThreadFactory daemon(String name) {
    AtomicLong count = new AtomicLong();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One submit_sm's short message: its concatenation header, if any, read off. */
  record Part(int reference, int total, int number, byte[] payload) {

    static Part of(byte esmClass, byte[] body) {
      if ((esmClass & 0x40) == 0 || body.length == 0) {
        return new Part(0, 1, 1, body);
      }
      int headerLength = body[0] & 0xFF;
      int reference = 0;
      int total = 1;
      int number = 1;
      int at = 1;
      while (at + 1 < 1 + headerLength && at + 1 < body.length) {
        int element = body[at] & 0xFF;
        int length = body[at + 1] & 0xFF;
        if (element == 0x00 && length == 3) {
          reference = body[at + 2] & 0xFF;
          total = body[at + 3] & 0xFF;
          number = body[at + 4] & 0xFF;
        } else if (element == 0x08 && length == 4) {
          reference = ((body[at + 2] & 0xFF) << 8) | (body[at + 3] & 0xFF);
          total = body[at + 4] & 0xFF;
          number = body[at + 5] & 0xFF;
        }
        at += 2 + length;
      }
      int start = Math.min(body.length, 1 + headerLength);
      byte[] payload = new byte[body.length - start];
      System.arraycopy(body, start, payload, 0, payload.length);
      return new Part(reference, total, number, payload);
    }
  }

  private record PartsKey(String source, String destination, int reference, int total) {
  }

  private record Parts(String[] texts, String[] ids) {
  }

  /**
   * jsmpp's own listens on every interface; the sandbox is for this machine only. Its PDUs are small and answered
   * one by one, so they go without Nagle's delay.
   */
  private static final class LoopbackServerConnections implements ServerConnectionFactory {

    @Override
    public ServerConnection listen(int port) throws IOException {
      return listen(port, 0);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      ServerSocket socket = new ServerSocket();
      try {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        socket.setSoTimeout(timeout);
        return new ServerSocketConnection(socket) {
          @Override
          public Connection accept() throws IOException {
            Socket accepted = socket.accept();
            accepted.setTcpNoDelay(true);
            return new SocketConnection(accepted);
          }
        };
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }
  }
}
