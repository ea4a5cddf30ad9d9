package io.gridcare.notifications.worker;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.gridcare.customers.Channel;
import io.gridcare.system.JakartaMailStreams;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP: one MIME message per {@link Outgoing} (plain text and HTML as alternatives, UTF-8), a batch
 * over one connection. The Message-ID carries the delivery key so that bounces can be matched to the attempt later;
 * so does the {@value #DELIVERY_KEY_HEADER} header. SMTP acceptance is all the channel confirms, so an accepted
 * message counts as delivered; bounces arriving later are not read (yet).
 */
@Component
class EmailSender implements ChannelSender {

  static final String DELIVERY_KEY_HEADER = "X-GridCare-Delivery-Key";
  /** The right-hand side of every Message-ID GridCare writes. */
  static final String MESSAGE_ID_DOMAIN = "gridcare";

  private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

  private final JavaMailSender mail;
  private final InternetAddress from;

  EmailSender(JavaMailSender mail, @Value("${gridcare.channels.email.from}") String from) {
    JakartaMailStreams.pinProvider();
    this.mail = mail;
    this.from = sender(from);
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public List<SendOutcome> send(List<Outgoing> batch) {
    SendOutcome[] outcomes = new SendOutcome[batch.size()];
    MimeMessage[] composed = new MimeMessage[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      Outgoing message = batch.get(i);
      try {
        composed[i] = compose(message);
      } catch (AddressException e) {
        outcomes[i] = new SendOutcome.Rejected(message.deliveryKey(), "INVALID_ADDRESS",
            "Địa chỉ e-mail không hợp lệ / Invalid e-mail address", List.of());
      } catch (MessagingException | RuntimeException e) {
        outcomes[i] = new SendOutcome.Rejected(message.deliveryKey(), "INVALID_MESSAGE",
            "Không tạo được thư / The message could not be built: " + e.getClass().getSimpleName(), List.of());
      }
    }
    List<MimeMessage> messages = Arrays.stream(composed).filter(Objects::nonNull).toList();
    Map<Object, Exception> failures = messages.isEmpty() ? Map.of() : sendAll(messages);
    for (int i = 0; i < batch.size(); i++) {
      if (outcomes[i] == null) {
        String key = batch.get(i).deliveryKey();
        // MimeMessage keeps Object's identity equality: the map finds exactly this message
        Exception failure = failures.get(composed[i]);
        outcomes[i] = failure == null ? new SendOutcome.Accepted(key, messageId(key), 1, true) : failed(key, failure);
      }
    }
    List<SendOutcome> answer = List.of(outcomes);
    log.info("E-mail batch of {}: {} accepted, {} rejected, {} not sent", batch.size(),
        count(answer, SendOutcome.Accepted.class), count(answer, SendOutcome.Rejected.class),
        count(answer, SendOutcome.NotSent.class));
    // one line for a batch held back: the server down, refusing the login, or deferring
    answer.stream().filter(SendOutcome.NotSent.class::isInstance).map(SendOutcome.NotSent.class::cast).findFirst()
        .ifPresent(notSent -> log.warn("E-mail: messages not sent, first reason: {}", notSent.reason()));
    return answer;
  }

  /**
   * Sends over one connection (JavaMailSender reconnects only if the server drops it) and answers the messages that
   * failed, each with its own exception. A failure to connect or log in fails every message.
   */
  private Map<Object, Exception> sendAll(List<MimeMessage> messages) {
    try {
      mail.send(messages.toArray(MimeMessage[]::new));
      return Map.of();
    } catch (MailSendException e) {
      // thrown at the end of the batch, listing only the messages that failed
      return e.getFailedMessages();
    } catch (MailException e) {
      Map<Object, Exception> all = new IdentityHashMap<>();
      messages.forEach(message -> all.put(message, e));
      return all;
    }
  }

  private MimeMessage compose(Outgoing message) throws MessagingException {
    if (message.addresses() == null || message.addresses().isEmpty()) {
      throw new AddressException("no address");
    }
    MimeMessage mime = mail.createMimeMessage();
    mime.setFrom(from);
    for (String address : message.addresses()) {
      mime.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
    }
    mime.setSubject(message.title() == null ? "" : message.title(), StandardCharsets.UTF_8.name());
    String text = message.text() == null ? "" : message.text();
    if (message.html() == null) {
      mime.setText(text, StandardCharsets.UTF_8.name(), "plain");
    } else {
      MimeMultipart alternatives = new MimeMultipart("alternative");
      alternatives.addBodyPart(part(text, "plain"));
      // the richest alternative comes last (RFC 2046)
      alternatives.addBodyPart(part(message.html(), "html"));
      mime.setContent(alternatives);
    }
    if (message.language() != null) {
      mime.setContentLanguage(new String[] {message.language()});
    }
    mime.setSentDate(new Date());
    // automatic notices: out-of-office replies are not to answer them (RFC 3834)
    mime.setHeader("Auto-Submitted", "auto-generated");
    mime.setHeader(DELIVERY_KEY_HEADER, message.deliveryKey());
    // JavaMailSender keeps a Message-ID set before sending, where saveChanges would generate one
    mime.setHeader("Message-ID", messageId(message.deliveryKey()));
    return mime;
  }

  private static MimeBodyPart part(String content, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, StandardCharsets.UTF_8.name(), subtype);
    return part;
  }

  /**
   * A 5xx reply (recipient refused, message refused) is final for this recipient: Rejected, the next channel is
   * tried. Anything else (no connection, 4xx, a dropped connection) may pass: NotSent. Reasons carry the reply
   * code only, since the server's text usually repeats the address.
   */
  private static SendOutcome failed(String deliveryKey, Exception failure) {
    int code = replyCode(failure);
    if (code >= 500) {
      return new SendOutcome.Rejected(deliveryKey, "SMTP_" + code,
          "Máy chủ thư từ chối thư, mã " + code + " / The mail server refused the message, code " + code,
          List.of());
    }
    return new SendOutcome.NotSent(deliveryKey, code > 0
        ? "Máy chủ thư tạm từ chối, mã " + code + " / The mail server deferred the message, code " + code
        : "Không gửi được tới máy chủ thư / Mail server unreachable: " + failure.getClass().getSimpleName());
  }

  /** The SMTP reply code behind a failure (a refused recipient or a refused message), or 0 if there was none. */
  static int replyCode(Throwable failure) {
    int code = 0;
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof SMTPAddressFailedException refused) {
        code = Math.max(code, refused.getReturnCode());
      } else if (cause instanceof SMTPSendFailedException refused) {
        code = Math.max(code, refused.getReturnCode());
      }
    }
    return code;
  }

  /** JavaMail chains the reasons of a failed send with {@code getNextException}, other exceptions by cause. */
  private static Throwable next(Throwable failure) {
    if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
      return messaging.getNextException();
    }
    return failure.getCause() == failure ? null : failure.getCause();
  }

  /**
   * {@code <deliveryKey@gridcare>}. A Message-ID's left-hand side is a dot-atom (RFC 5322): letters, digits,
   * {@code -} and {@code _} stay, any other character (the key's colons) is percent-encoded, so the key can be read
   * back from a bounce.
   */
  static String messageId(String deliveryKey) {
    StringBuilder id = new StringBuilder("<");
    for (byte b : deliveryKey.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        id.append(c);
      } else {
        id.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return id.append('@').append(MESSAGE_ID_DOMAIN).append('>').toString();
  }

  /** The configured sender, its display name encoded as UTF-8 whatever the platform's default charset. */
  private static InternetAddress sender(String from) {
    try {
      InternetAddress parsed = new InternetAddress(from, true);
      return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("gridcare.channels.email.from is not an e-mail address: " + from, e);
    }
  }

  private static long count(List<SendOutcome> outcomes, Class<? extends SendOutcome> kind) {
    return outcomes.stream().filter(kind::isInstance).count();
  }
}
