package io.gridcare.notifications.worker;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.customers.Channel;
import io.gridcare.sandbox.SandboxMail;
import io.gridcare.sandbox.SandboxMail.ReceivedMail;
import io.gridcare.system.embedded.TestStack;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail channel over real SMTP, against the sandbox's SMTP server (GreenMail). */
@GridCareIntegrationTest
class EmailSenderTest {

  private static final Logger log = LoggerFactory.getLogger(EmailSenderTest.class);

  private static final String SUBJECT = "Thông báo tiền điện tháng 11/2026 – Điện lực Sóc Sơn";
  private static final String TEXT = "Kính gửi Quý khách Nguyễn Văn Đức,\nSố tiền điện kỳ này là 185.000 đồng.";
  private static final String HTML = "<p>Kính gửi Quý khách <b>Nguyễn Văn Đức</b>,</p><p>Số tiền: 185.000 đồng.</p>";

  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final String notice = "notice-" + UUID.randomUUID();

  private final EmailSender email;
  private final SandboxMail mailbox;

  EmailSenderTest(@Autowired EmailSender email, @Autowired SandboxMail mailbox) {
    this.email = email;
    this.mailbox = mailbox;
  }

  @Test
  void sendsTextAndHtmlAlternativesInUtf8WithTheDeliveryKeyAsMessageId() throws Exception {
    Outgoing message = outgoing(key(1), "nguyen.van.duc@example.vn");

    List<SendOutcome> outcomes = email.send(List.of(message));

    String messageId = "<" + notice + "%3APD09000000101%3A1@gridcare>";
    assertThat(outcomes).containsExactly(new SendOutcome.Accepted(key(1), messageId, 1, true));
    ReceivedMail received = received(key(1));
    assertThat(received.recipients()).containsExactly("nguyen.van.duc@example.vn");
    assertThat(received.subject()).isEqualTo(SUBJECT);
    assertThat(received.message().getHeader("Subject")[0]).as("encoded for 7-bit transport").startsWith("=?UTF-8?");
    assertThat(normalised(received.text())).as("SMTP carries CRLF line ends").isEqualTo(TEXT);
    assertThat(received.html()).isEqualTo(HTML);
    assertThat(received.message().getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) received.message().getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).containsIgnoringCase("text/html")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(received.messageId()).isEqualTo(messageId);
    assertThat(received.message().getHeader(EmailSender.DELIVERY_KEY_HEADER, null)).isEqualTo(key(1));
    InternetAddress from = (InternetAddress) received.message().getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Điện lực Hà Nội - CSKH");
    assertThat(from.getAddress()).isEqualTo("cskh@evnhanoi.example");
    assertThat(received.message().getContentLanguage()).containsExactly("vi");
  }

  @Test
  void aMessageWithoutHtmlIsPlainText() throws Exception {
    Outgoing message = new Outgoing(key(2), "PD09000000102", Channel.EMAIL, "vi", List.of("tran.thi.lan@example.vn"),
        SUBJECT, TEXT, null, null, false, null, Map.of(), Map.of());

    assertThat(email.send(List.of(message))).first().isInstanceOf(SendOutcome.Accepted.class);

    ReceivedMail received = received(key(2));
    assertThat(received.message().getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
    assertThat(normalised(received.text())).as("SMTP carries CRLF line ends").isEqualTo(TEXT);
  }

  @Test
  void eachMessageOfABatchHasItsOwnOutcome() {
    List<Outgoing> batch = List.of(
        outgoing(key(1), "first@example.vn"),
        outgoing(key(2), "refused-nobody@example.vn"),
        outgoing(key(3), "busy-mailbox@example.vn"),
        outgoing(key(4), "not an address"),
        outgoing(key(5), "last@example.vn"));

    List<SendOutcome> outcomes = email.send(batch);

    assertThat(outcomes).extracting(SendOutcome::deliveryKey).containsExactly(key(1), key(2), key(3), key(4), key(5));
    assertThat(outcomes.get(0)).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(outcomes.get(1)).isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
      assertThat(rejected.code()).isEqualTo("SMTP_550");
      assertThat(rejected.reason()).doesNotContain("refused-nobody");
    });
    assertThat(outcomes.get(2)).as("450: a mailbox busy now may take it later")
        .isInstanceOfSatisfying(SendOutcome.NotSent.class,
            notSent -> assertThat(notSent.reason()).contains("450").doesNotContain("busy-mailbox"));
    assertThat(outcomes.get(3)).isInstanceOfSatisfying(SendOutcome.Rejected.class,
        rejected -> assertThat(rejected.code()).isEqualTo("INVALID_ADDRESS"));
    assertThat(outcomes.get(4)).as("the connection goes on after refusals").isInstanceOf(SendOutcome.Accepted.class);
    assertThat(mailbox.received()).extracting(ReceivedMail::deliveryKey).contains(key(1), key(5))
        .doesNotContain(key(2), key(3), key(4));
  }

  @Test
  void anUnreachableServerLeavesEveryMessageNotSent() throws IOException {
    JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
    nowhere.setHost("127.0.0.1");
    nowhere.setPort(closedPort());
    Properties timeouts = new Properties();
    timeouts.put("mail.smtp.connectiontimeout", "2000");
    nowhere.setJavaMailProperties(timeouts);
    EmailSender unreachable = new EmailSender(nowhere, "GridCare <cskh@evnhanoi.example>");

    List<SendOutcome> outcomes = unreachable.send(List.of(outgoing(key(1), "a@example.vn"),
        outgoing(key(2), "b@example.vn")));

    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.NotSent.class));
    assertThat(outcomes).extracting(SendOutcome::deliveryKey).containsExactly(key(1), key(2));
  }

  @Test
  void adminsSeeWhatTheSandboxReceived() {
    email.send(List.of(outgoing(key(7), "le.van.nam@example.vn")));

    JsonNode page = admin.get("/api/sandbox/mail/messages?deliveryKey=" + key(7).replace(":", "%3A")).json();

    assertThat(page.path("totalItems").asInt()).isEqualTo(1);
    JsonNode mail = page.path("items").get(0);
    assertThat(mail.path("to").get(0).asText()).isEqualTo("le.van.nam@example.vn");
    assertThat(mail.path("subject").asText()).isEqualTo(SUBJECT);
    assertThat(mail.path("excerpt").asText()).startsWith("Kính gửi Quý khách Nguyễn Văn Đức, Số tiền");
    assertThat(mail.path("deliveryKey").asText()).isEqualTo(key(7));
    assertThat(mail.path("html").asBoolean()).isTrue();
    assertThat(Http.to(TestStack.get().serverPort()).get("/api/sandbox/mail/messages").status()).isEqualTo(401);
  }

  @Test
  void aBatchOf500GoesOverOneConnection() {
    List<Outgoing> batch = IntStream.range(0, 500)
        .mapToObj(i -> outgoing(key(1000 + i), "khach" + i + "@example.vn")).toList();

    long started = System.nanoTime();
    List<SendOutcome> outcomes = email.send(batch);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(outcomes).hasSize(500).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class));
    log.info("E-mail: 500 messages in {} ms, {} messages/s", took.toMillis(),
        Math.round(500 / (took.toNanos() / 1e9)));
  }

  private ReceivedMail received(String deliveryKey) {
    // SMTP acceptance means the server has the message: no waiting
    return mailbox.received().stream().filter(mail -> deliveryKey.equals(mail.deliveryKey())).findFirst()
        .orElseThrow(() -> new AssertionError("The sandbox has no message " + deliveryKey));
  }

  private static String normalised(String text) {
    return text.replace("\r\n", "\n");
  }

  private String key(int attempt) {
    return notice + ":PD09000000101:" + attempt;
  }

  private static Outgoing outgoing(String deliveryKey, String address) {
    return new Outgoing(deliveryKey, "PD09000000101", Channel.EMAIL, "vi", List.of(address), SUBJECT, TEXT, HTML,
        null, false, null, Map.of(), Map.of());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
