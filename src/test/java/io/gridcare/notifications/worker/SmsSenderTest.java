package io.gridcare.notifications.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipt.Status;
import io.gridcare.notifications.worker.SendOutcome.Accepted;
import io.gridcare.notifications.worker.SendOutcome.NotSent;
import io.gridcare.notifications.worker.SendOutcome.Rejected;
import io.gridcare.sandbox.SandboxSms;
import io.gridcare.sandbox.SandboxSmsc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMS channel against the sandbox SMSC, over real SMPP on the loopback interface. */
class SmsSenderTest {

  private static final Logger figures = LoggerFactory.getLogger("gridcare.bench");
  private static final String PASSWORD = "secret";
  private static final Duration RECEIPT_WAIT = Duration.ofSeconds(10);

  private final int port = freePort();
  private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
  private final List<SmsSender> senders = new ArrayList<>();
  private SandboxSmsc smsc;
  private SmsSender sender;

  @BeforeEach
  void smscAndSenderRun() {
    smsc = startSmsc();
    sender = sender(port, PASSWORD, 50);
  }

  @AfterEach
  void stopAll() {
    senders.forEach(SmsSender::stop);
    smsc.stop();
  }

  @Test
  void sendsAShortMessageAndReportsItsDelivery() {
    String text = "EVNHANOI: Tien dien thang 10 cua Quy khach la 185.000 dong, han thanh toan 15/11.";

    Accepted accepted = accepted(sender.send(List.of(sms("n1:PD09000000101:1", "+84912345678", text, false))));

    assertThat(accepted.deliveryKey()).isEqualTo("n1:PD09000000101:1");
    assertThat(accepted.segments()).isEqualTo(1);
    assertThat(accepted.delivered()).as("only a receipt says so").isFalse();
    assertThat(smsc.messages(10)).singleElement().satisfies(received -> {
      assertThat(received.phone()).isEqualTo("+84912345678");
      assertThat(received.sender()).isEqualTo("EVNHANOI");
      assertThat(received.text()).isEqualTo(text);
      assertThat(received.encoding()).isEqualTo("GSM-7");
      assertThat(received.segments()).isEqualTo(1);
      assertThat(received.messageId()).isEqualTo(accepted.providerMessageId());
    });
    DeliveryReceipt receipt = receiptOf(accepted.providerMessageId());
    assertThat(receipt.channel()).isEqualTo(Channel.SMS);
    assertThat(receipt.status()).isEqualTo(Status.DELIVERED);
  }

  @Test
  void everyCharacterOfTheGsmAlphabetArrivesAsSent() {
    String text = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà"
        + "\f^{}\\[~]|€";

    accepted(sender.send(List.of(sms("n10:PD09000000120:1", "+84912345678", text, false))));

    assertThat(smsc.messages(1)).singleElement().satisfies(received -> {
      assertThat(received.text()).isEqualTo(text);
      assertThat(received.encoding()).isEqualTo("GSM-7");
    });
  }

  @Test
  void sendsLongVietnameseTextInUcs2PartsAndCountsOnlyTheFirstPartsReceipt() {
    String text = "Điện lực Hà Nội thông báo: do sự cố lưới điện trung thế, khu vực phường Cống Vị, quận Ba Đình "
        + "tạm ngừng cấp điện từ 14h00. Dự kiến có điện trở lại lúc 17h30. Xin lỗi Quý khách.";

    Accepted accepted = accepted(sender.send(List.of(sms("n2:PD09000000102:1", "+84987654321", text, false))));

    assertThat(accepted.segments()).isEqualTo(3);
    assertThat(smsc.messages(1)).singleElement().satisfies(received -> {
      assertThat(received.text()).isEqualTo(text);
      assertThat(received.encoding()).isEqualTo("UCS-2");
      assertThat(received.segments()).isEqualTo(3);
      assertThat(received.messageId()).isEqualTo(accepted.providerMessageId());
    });
    await("the parts' receipts have come and only the first was reported").atMost(RECEIPT_WAIT)
        .during(Duration.ofMillis(600)).until(() -> receipts.size() == 1);
    assertThat(receipts.get(0).providerMessageId()).isEqualTo(accepted.providerMessageId());
  }

  @Test
  void sendsTheTextWithoutDiacriticsWhenTheTemplateAllowsItAndItFitsOneSegment() {
    String text = "Điện lực Hà Nội: Quý khách đã thanh toán tiền điện tháng 10. Cảm ơn Quý khách.";

    Accepted accepted = accepted(sender.send(List.of(sms("n3:PD09000000103:1", "+84356789012", text, true))));

    assertThat(accepted.segments()).isEqualTo(1);
    assertThat(smsc.messages(1)).singleElement().satisfies(received -> {
      assertThat(received.text())
          .isEqualTo("Dien luc Ha Noi: Quy khach da thanh toan tien dien thang 10. Cam on Quy khach.");
      assertThat(received.encoding()).isEqualTo("GSM-7");
    });
  }

  @Test
  void aDestinationTheSmscRefusesIsRejected() {
    List<SendOutcome> outcomes = sender.send(List.of(
        sms("n4:PD09000000104:1", "+14155550123", "Test", false),
        sms("n4:PD09000000105:1", "+842438123456", "Test", false),
        sms("n4:PD09000000106:1", "+84912345679", "Test", false)));

    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isInstanceOfSatisfying(Rejected.class, rejected -> {
      assertThat(rejected.deliveryKey()).isEqualTo("n4:PD09000000104:1");
      assertThat(rejected.code()).isEqualTo("ESME_RINVDSTADR");
      assertThat(rejected.deadAddresses()).isEmpty();
    });
    assertThat(outcomes.get(1)).as("a landline").isInstanceOf(Rejected.class);
    assertThat(outcomes.get(2)).as("the others of the batch go on").isInstanceOf(Accepted.class);
    assertThat(smsc.messages(10)).hasSize(1);
  }

  @Test
  void addressesAndTextsThatCannotGoAsSmsAreRejectedWithoutTheSmsc() {
    List<SendOutcome> outcomes = sender.send(List.of(
        sms("n5:PD09000000107:1", "0912345678", "Test", false),
        new Outgoing("n5:PD09000000108:1", "PD09000000108", Channel.SMS, "vi", List.of(), null, null, null, "Test",
            false, null, Map.of(), Map.of()),
        sms("n5:PD09000000109:1", "+84912345678", " ", false),
        sms("n5:PD09000000110:1", "+84912345678", "ạ".repeat(67 * 10 + 1), false)));

    assertThat(outcomes).extracting(outcome -> ((Rejected) outcome).code())
        .containsExactly("INVALID_PHONE", "INVALID_PHONE", "NO_SMS_TEXT", "TOO_LONG");
    assertThat(smsc.messages(10)).isEmpty();
  }

  @Test
  void anUndeliveredMessageIsReportedFailed() {
    Accepted accepted = accepted(sender.send(List.of(sms("n6:PD09000000111:1", "+84912340000", "Test", false))));

    DeliveryReceipt receipt = receiptOf(accepted.providerMessageId());
    assertThat(receipt.status()).isEqualTo(Status.FAILED);
    assertThat(receipt.detail()).contains("UNDELIV");
  }

  @Test
  void aMessageTheSmscNeverConfirmsGetsNoReceipt() {
    Accepted confirmed = accepted(sender.send(List.of(sms("n6:PD09000000112:1", "+84912345678", "Test", false))));
    accepted(sender.send(List.of(sms("n6:PD09000000113:1", "+84912349999", "Test", false))));

    receiptOf(confirmed.providerMessageId());
    await("nothing but the confirmed one's receipt").atMost(RECEIPT_WAIT).during(Duration.ofMillis(600))
        .until(() -> receipts.size() == 1);
  }

  @Test
  void nothingIsSentWhileTheSmscIsDownOrRefusesTheBind() {
    SmsSender nowhere = sender(freePort(), PASSWORD, 50);
    SmsSender wrongPassword = sender(port, "wrong", 50);

    assertThat(nowhere.send(List.of(sms("n7:PD09000000114:1", "+84912345678", "Test", false))))
        .singleElement().isInstanceOfSatisfying(NotSent.class,
            notSent -> assertThat(notSent.reason()).contains("No session with the SMSC"));
    assertThat(wrongPassword.send(List.of(sms("n7:PD09000000115:1", "+84912345678", "Test", false))))
        .singleElement().isInstanceOf(NotSent.class);
    assertThat(smsc.messages(10)).isEmpty();
  }

  @Test
  void bindsAgainAfterTheSmscRestarts() {
    accepted(sender.send(List.of(sms("n8:PD09000000114:1", "+84912345678", "Before", false))));

    smsc.stop();
    assertThat(sender.send(List.of(sms("n8:PD09000000114:2", "+84912345678", "Down", false))))
        .singleElement().isInstanceOf(NotSent.class);
    smsc = startSmsc();

    await("bound to the restarted SMSC").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
        .until(() -> sender.send(List.of(sms("n8:PD09000000114:3", "+84912345678", "After", false)))
            .get(0) instanceof Accepted);
    assertThat(smsc.messages(10)).extracting(SandboxSms::text).contains("After");
  }

  /** Also the figure for the report: messages a second through one session, with and without a window. */
  @ParameterizedTest(name = "window {0}")
  @ValueSource(ints = {1, 50})
  void keepsManySubmitsInFlightAndCollectsEveryReceipt(int window) {
    SmsSender windowed = window == 50 ? sender : sender(port, PASSWORD, window);
    int count = 2_000;
    List<Outgoing> messages = IntStream.range(0, count).mapToObj(index -> sms("n9:" + index + ":1",
        String.format("+8491%07d", index + 1), "EVNHANOI: Thong bao lich cat dien so " + index, false)).toList();
    windowed.send(messages.subList(0, 100));

    long started = System.nanoTime();
    List<SendOutcome> outcomes = new ArrayList<>();
    for (int from = 0; from < count; from += 500) {
      outcomes.addAll(windowed.send(messages.subList(from, from + 500)));
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    figures.info("SMS over SMPP to the sandbox SMSC, window {}: {} messages in {} s, {} messages/s", window, count,
        String.format("%.2f", seconds), Math.round(count / seconds));
    assertThat(outcomes).hasSize(count).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Accepted.class));
    Set<String> ids = outcomes.stream().map(outcome -> ((Accepted) outcome).providerMessageId())
        .collect(Collectors.toSet());
    assertThat(ids).hasSize(count);
    await("every receipt reported").atMost(Duration.ofSeconds(60))
        .until(() -> receipts.stream().map(DeliveryReceipt::providerMessageId).collect(Collectors.toSet())
            .containsAll(ids));
  }

  private SandboxSmsc startSmsc() {
    SandboxSmsc started = new SandboxSmsc(port, "gridcare", PASSWORD);
    started.start();
    assertThat(started.isRunning()).isTrue();
    return started;
  }

  private SmsSender sender(int smscPort, String password, int window) {
    SmsSender started = new SmsSender(new SmsProperties("localhost", smscPort, "gridcare", password, "EVNHANOI",
        window, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200), 10),
        Optional.of(receipts::addAll));
    started.start();
    senders.add(started);
    return started;
  }

  private DeliveryReceipt receiptOf(String providerMessageId) {
    return await().atMost(RECEIPT_WAIT).until(() -> receipts.stream()
        .filter(receipt -> receipt.providerMessageId().equals(providerMessageId)).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  private static Accepted accepted(List<SendOutcome> outcomes) {
    assertThat(outcomes).singleElement().isInstanceOf(Accepted.class);
    return (Accepted) outcomes.get(0);
  }

  private static Outgoing sms(String key, String phone, String text, boolean mayDropAccents) {
    return new Outgoing(key, key.split(":")[1], Channel.SMS, "vi", List.of(phone), null, null, null, text,
        mayDropAccents, null, Map.of(), Map.of());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
