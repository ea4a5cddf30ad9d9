package io.gridcare.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.gridcare.system.JakartaMailStreams;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMTP server on the loopback interface (GreenMail) that takes every message and keeps the last
 * {@value #KEPT} in memory, newest first. Recipients whose mailbox name starts with {@code refused-} are refused
 * (550), those starting with {@code busy-} deferred (450), so both ways a real server says no can be tried.
 */
@Component
@ConditionalOnProperty(name = "gridcare.sandbox.enabled", havingValue = "true")
public class SandboxMail implements DisposableBean {

  /** How many received messages are kept: a local run may send thousands. */
  public static final int KEPT = 1000;
  /** The header EmailSender writes the delivery key into. */
  public static final String DELIVERY_KEY_HEADER = "X-GridCare-Delivery-Key";

  private static final Logger log = LoggerFactory.getLogger(SandboxMail.class);

  /** As taken: reading a message's parts costs more than taking it, so it is done only when someone looks. */
  private final Deque<Taken> received = new ArrayDeque<>();
  private final SandboxGreenMail server;

  SandboxMail(@Value("${gridcare.sandbox.smtp-port}") int port) {
    JakartaMailStreams.pinProvider();
    this.server = new SandboxGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.onReceived(this::keep);
    server.start();
    log.info("Sandbox SMTP server on 127.0.0.1:{}; received mail at /api/sandbox/mail/messages", port);
  }

  /** The messages received, newest first. */
  public List<ReceivedMail> received() {
    List<Taken> taken;
    synchronized (received) {
      taken = List.copyOf(received);
    }
    return taken.stream().map(Taken::read).toList();
  }

  @Override
  public void destroy() {
    server.stop();
  }

  private void keep(MovingMessage message) {
    Taken mail = new Taken(Instant.now(), message.getToAddresses().stream().map(MailAddress::getEmail).toList(),
        message.getMessage());
    synchronized (received) {
      received.addFirst(mail);
      while (received.size() > KEPT) {
        received.removeLast();
      }
    }
  }

  private record Taken(Instant receivedAt, List<String> recipients, MimeMessage message) {

    ReceivedMail read() {
      return ReceivedMail.of(receivedAt, recipients, message);
    }
  }

  /**
   * One message as it arrived over SMTP: the envelope's recipients, the decoded subject and text parts, and the
   * whole MIME message for anyone who wants to look closer.
   */
  public record ReceivedMail(Instant receivedAt, List<String> recipients, String subject, String text, String html,
                             String deliveryKey, String messageId, MimeMessage message) {

    static ReceivedMail of(Instant receivedAt, List<String> recipients, MimeMessage message) {
      try {
        return new ReceivedMail(receivedAt, recipients, message.getSubject(), part(message, "text/plain"),
            part(message, "text/html"), message.getHeader(DELIVERY_KEY_HEADER, null), message.getMessageID(),
            message);
      } catch (MessagingException | IOException e) {
        // a message the sandbox cannot read is still shown, as received
        return new ReceivedMail(receivedAt, recipients, null, null, null, null, null, message);
      }
    }

    /** The first part of this type, depth first, decoded; null if there is none. */
    private static String part(Part part, String type) throws MessagingException, IOException {
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart parts = (Multipart) part.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart child = parts.getBodyPart(i);
          String found = part(child, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }
  }

  /**
   * GreenMail with its SMTP server's hooks replaced: recipients checked by the sandbox's rules, and received
   * messages handed on instead of filed into mailboxes, which would grow without limit. GreenMail builds its
   * services in its constructor, hence the handler is set afterwards.
   */
  private static final class SandboxGreenMail extends GreenMail {

    private volatile Consumer<MovingMessage> handler = message -> {
    };

    SandboxGreenMail(ServerSetup setup) {
      super(setup);
    }

    void onReceived(Consumer<MovingMessage> handler) {
      this.handler = handler;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(config, managers);
      Managers sandbox = new SandboxManagers(managers, new SandboxSmtp(managers, message -> handler.accept(message)));
      for (ServerSetup setup : config) {
        if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
          services.put(setup.getProtocol(), new SmtpServer(setup, sandbox));
        }
      }
      return services;
    }
  }

  /** GreenMail's managers with the sandbox's SMTP rules. */
  private static final class SandboxManagers extends Managers {

    private final Managers managers;
    private final SmtpManager smtp;

    SandboxManagers(Managers managers, SmtpManager smtp) {
      this.managers = managers;
      this.smtp = smtp;
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return managers.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return managers.getImapHostManager();
    }
  }

  private static final class SandboxSmtp extends SmtpManager {

    private final Consumer<MovingMessage> handler;

    SandboxSmtp(Managers managers, Consumer<MovingMessage> handler) {
      super(managers.getImapHostManager(), managers.getUserManager());
      this.handler = handler;
    }

    /** SMTP replies stay ASCII: clients read them as such. */
    @Override
    public String checkRecipient(SmtpState state, MailAddress address) {
      String mailbox = address.getUser() == null ? "" : address.getUser();
      if (mailbox.startsWith("refused-")) {
        return "550 5.1.1 No such mailbox (sandbox: refused-*)";
      }
      if (mailbox.startsWith("busy-")) {
        return "450 4.2.1 Mailbox busy, try again later (sandbox: busy-*)";
      }
      return null;
    }

    @Override
    public void send(SmtpState state) {
      handler.accept(state.getMessage());
    }
  }
}
