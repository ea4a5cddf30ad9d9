package io.gridcare.notifications.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.gridcare.customers.Channel;
import io.gridcare.notifications.DeliveryReceipt;
import io.gridcare.notifications.DeliveryReceipt.Status;
import org.awaitility.Awaitility;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter.Message_state.Message_state_enum;
import org.junit.jupiter.api.Test;

class SmsReceiptsTest {

  private static final Instant ARRIVED = Instant.parse("2026-11-05T06:00:00Z");

  @Test
  void deliveredReceiptNamesTheMessageAndWhenItWasDelivered() {
    DeliveryReceipt receipt = SmsReceipts.read("id:0A1B2C3D sub:001 dlvrd:001 submit date:2611051228 "
        + "done date:2611051230 stat:DELIVRD err:000 text:Dien luc Ha Noi thon", null, null, ARRIVED).orElseThrow();

    assertThat(receipt.channel()).isEqualTo(Channel.SMS);
    assertThat(receipt.deliveryKey()).isNull();
    assertThat(receipt.providerMessageId()).isEqualTo("0A1B2C3D");
    assertThat(receipt.status()).isEqualTo(Status.DELIVERED);
    assertThat(receipt.at()).as("the SMSC's local time, UTC+7").isEqualTo(Instant.parse("2026-11-05T05:30:00Z"));
    assertThat(receipt.detail()).isEqualTo("stat:DELIVRD err:000");
  }

  @Test
  void finalFailuresAreFailed() {
    for (String state : List.of("UNDELIV", "EXPIRED", "REJECTD", "UNKNOWN", "DELETED")) {
      DeliveryReceipt receipt = SmsReceipts.read("id:77 sub:001 dlvrd:000 submit date:2611051228 done date:2611061228 "
          + "stat:" + state + " err:034 text:", null, null, ARRIVED).orElseThrow();

      assertThat(receipt.status()).as(state).isEqualTo(Status.FAILED);
      assertThat(receipt.detail()).isEqualTo("stat:" + state + " err:034");
    }
  }

  @Test
  void interimStatesAreIgnored() {
    assertThat(SmsReceipts.read("id:77 sub:001 dlvrd:000 submit date:2611051228 done date:2611051228 stat:ACCEPTD "
        + "err:000 text:", null, null, ARRIVED)).isEmpty();
    assertThat(SmsReceipts.read("id:77 sub:001 dlvrd:000 submit date:2611051228 done date:2611051228 stat:ENROUTE "
        + "err:000 text:", null, null, ARRIVED)).isEmpty();
  }

  @Test
  void receiptedMessageIdNamesTheMessageRatherThanTheText() {
    Optional<DeliveryReceipt> receipt = SmsReceipts.read("id:168496141 sub:001 dlvrd:001 submit date:2611051228 "
        + "done date:2611051230 stat:DELIVRD err:000 text:", "0A0B0C0D", Message_state_enum.DELIVERED, ARRIVED);

    assertThat(receipt).map(DeliveryReceipt::providerMessageId).contains("0A0B0C0D");
  }

  @Test
  void messageStateStandsInForAnUnreadableText() {
    DeliveryReceipt receipt = SmsReceipts.read("garbled", "abc", Message_state_enum.UNDELIVERABLE, ARRIVED)
        .orElseThrow();

    assertThat(receipt.status()).isEqualTo(Status.FAILED);
    assertThat(receipt.at()).as("no done date: when it arrived").isEqualTo(ARRIVED);
    assertThat(receipt.detail()).isEqualTo("message_state:UNDELIVERABLE");
  }

  @Test
  void aReceiptWithoutIdOrStateCannotBeRead() {
    assertThatThrownBy(() -> SmsReceipts.read("stat:DELIVRD", null, null, ARRIVED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmsReceipts.read("garbled", "abc", null, ARRIVED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void receiptsOfLaterSegmentsAreNotReported() throws Exception {
    List<DeliveryReceipt> reported = new CopyOnWriteArrayList<>();
    SmsReceipts receipts = new SmsReceipts(reported::addAll, Duration.ofHours(1));
    receipts.ignore("second-part");

    receipts.onAcceptDeliverSm(receipt("first-part", "DELIVRD"));
    receipts.onAcceptDeliverSm(receipt("second-part", "DELIVRD"));
    receipts.flush();

    assertThat(reported).extracting(DeliveryReceipt::providerMessageId).containsExactly("first-part");
  }

  @Test
  void aReceiptNamesItsAttemptByDeliveryKeyWhenTheSenderSaidWhichItIs() throws Exception {
    List<DeliveryReceipt> reported = new CopyOnWriteArrayList<>();
    SmsReceipts receipts = new SmsReceipts(reported::addAll, Duration.ofHours(1));
    receipts.sent("sent-here", "41:PD09000000101:1");

    receipts.onAcceptDeliverSm(receipt("sent-here", "DELIVRD"));
    receipts.onAcceptDeliverSm(receipt("sent-before-a-restart", "DELIVRD"));
    receipts.flush();

    assertThat(reported).extracting(DeliveryReceipt::deliveryKey).containsExactly("41:PD09000000101:1", null);
    assertThat(reported).extracting(DeliveryReceipt::providerMessageId)
        .containsExactly("sent-here", "sent-before-a-restart");
  }

  @Test
  void repliesFromHandsetsAreAcknowledgedAndIgnored() throws Exception {
    List<DeliveryReceipt> reported = new CopyOnWriteArrayList<>();
    SmsReceipts receipts = new SmsReceipts(reported::addAll, Duration.ofHours(1));
    DeliverSm reply = receipt("x", "DELIVRD");
    reply.setEsmClass((byte) 0);

    receipts.onAcceptDeliverSm(reply);
    receipts.flush();

    assertThat(reported).isEmpty();
  }

  @Test
  void receiptsWaitWhileTheReporterFailsAndGoOnceItRecovers() throws Exception {
    List<DeliveryReceipt> reported = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    SmsReceipts receipts = new SmsReceipts(batch -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("server down");
      }
      reported.addAll(batch);
    }, Duration.ofMillis(50));
    receipts.onAcceptDeliverSm(receipt("1", "DELIVRD"));
    receipts.onAcceptDeliverSm(receipt("2", "UNDELIV"));

    receipts.start();

    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reported.size() == 2);
      assertThat(calls).hasValue(2);
      assertThat(reported).extracting(DeliveryReceipt::status).containsExactly(Status.DELIVERED, Status.FAILED);
    } finally {
      receipts.close();
    }
  }

  private static DeliverSm receipt(String id, String state) {
    DeliverSm deliverSm = new DeliverSm();
    deliverSm.setSmscDeliveryReceipt();
    deliverSm.setShortMessage(("id:" + id + " sub:001 dlvrd:001 submit date:2611051228 done date:2611051230 stat:"
        + state + " err:000 text:").getBytes(StandardCharsets.US_ASCII));
    return deliverSm;
  }
}
