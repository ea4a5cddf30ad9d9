package io.gridcare.notifications;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.system.embedded.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notices to people who are not customers, on the real stack: a request's status to a requester known only by
 * name, phone and maybe e-mail (through {@code POST /api/events/crm}), and verification codes raised in-process
 * as the online requests raise them ({@link NotificationEvents#accept} with the portal source), sent by the
 * application's own push worker to the sandbox's Zalo, SMTP server and SMSC.
 */
@GridCareIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ContactNoticesEndToEndTest {

  private final Http source = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final ObjectMapper json = new ObjectMapper();
  private final NotificationEvents events;
  private final JdbcClient sql;

  ContactNoticesEndToEndTest(@Autowired NotificationEvents events, @Autowired JdbcClient sql) {
    this.events = events;
    this.sql = sql;
  }

  @Test
  void aRequestStatusReachesSomeoneWithoutACustomerCodeBySmsWhenTheirPhoneHasNoZalo() {
    // the sandbox's Zalo has no account for numbers ending in 118
    String phone = mobile("118");
    String requestCode = requestCode();

    Response accepted = source.postJson("/api/events/crm", requestStatus(requestCode,
        "\"contact\":{\"name\":\"Nguyễn Văn An\",\"phone\":\"" + phone + "\",\"unitCode\":\"PD09\"}"));

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    long notice = accepted.json().path("noticeId").asLong();
    JsonNode report = awaitCompleted(notice);
    assertThat(report.path("recipients").asInt()).isEqualTo(1);
    assertThat(report.path("recipientsByStatus").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").path("ZALO").path("FAILED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").path("SMS").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").has("APP")).as("a contact has no App").isFalse();
    assertThat(report.path("attemptsByChannel").has("EMAIL")).as("no e-mail address given").isFalse();
    assertThat(report.path("smsSegments").asInt()).isPositive();
    assertThat(report.path("cost").decimalValue()).isPositive();
    assertThat(report.path("notice").path("unitCode").asText()).isEqualTo("PD09");
    assertThat(recipientKeys(notice)).containsExactly(key(phone));
    JsonNode sms = awaitSms(e164(phone), requestCode);
    assertThat(sms.path("text").asText()).as("no customer code to name").doesNotContain("KH");
  }

  @Test
  void aRequestStatusReachesSomeoneWhoGaveAnEmailAddressByEmailBeforeAnySms() {
    String phone = mobile("118");

    Response accepted = source.postJson("/api/events/crm", requestStatus(requestCode(),
        "\"contact\":{\"name\":\"Trần Thị Bích\",\"phone\":\"" + phone + "\","
            + "\"email\":\"bich.tran@example.vn\",\"unitCode\":\"PD09\"}"));

    long notice = accepted.json().path("noticeId").asLong();
    JsonNode report = awaitCompleted(notice);
    assertThat(report.path("recipientsByStatus").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").path("EMAIL").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").has("SMS")).as("the e-mail reached them").isFalse();
    JsonNode mail = source.get("/api/sandbox/mail/messages?deliveryKey=" + notice + ":" + key(phone) + ":2").json();
    assertThat(mail.findValues("to")).anySatisfy(to -> assertThat(to.toString()).contains("bich.tran@example.vn"));
    assertThat(mail.findValuesAsText("excerpt")).anySatisfy(text -> assertThat(text).contains("Trần Thị Bích"));
  }

  @Test
  void theSameRequestStatusToTheSamePhoneIsMergedIntoTheFirstNotice() {
    String phone = mobile("118");
    String requestCode = requestCode();
    String contact = "\"contact\":{\"name\":\"Lê Văn Cường\",\"phone\":\"" + phone + "\",\"unitCode\":\"PD09\"}";
    long first = source.postJson("/api/events/crm", requestStatus(requestCode, contact)).json().path("noticeId")
        .asLong();
    awaitCompleted(first);

    // the requester wrote the number another way: still the same recipient
    String sameNumber = "\"contact\":{\"name\":\"Lê Văn Cường\",\"phone\":\"+84 " + phone.substring(1)
        + "\",\"unitCode\":\"PD09\"}";
    long again = source.postJson("/api/events/crm", requestStatus(requestCode, sameNumber)).json()
        .path("noticeId").asLong();

    // nothing is left to send, so the notice waits out its receipt window: look at the ledger before that
    JsonNode report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> source.get("/api/notices/" + again).json(), merged -> merged.path("merged").asInt() == 1);
    assertThat(again).isNotEqualTo(first);
    assertThat(report.path("recipients").asInt()).isZero();
    assertThat(report.path("attemptsByChannel").isEmpty()).as("nothing sent again").isTrue();
  }

  @Test
  void aVerificationCodeGoesBySmsAtOnceAndIsNeverShownOrLogged(CapturedOutput output) {
    String phone = mobile("321");
    String code = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));

    NotificationEvents.Accepted accepted = events.accept(NoticeType.EventSource.PORTAL,
        verification("otp-" + UUID.randomUUID(), phone, code));

    assertThat(accepted.created()).isTrue();
    long notice = accepted.notice().id();
    JsonNode report = awaitCompleted(notice);
    assertThat(report.path("notice").path("type").asText()).isEqualTo("PHONE_VERIFICATION");
    assertThat(report.path("notice").path("urgency").asText()).isEqualTo("URGENT");
    assertThat(report.path("recipientsByStatus").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").path("SMS").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(report.path("attemptsByChannel").has("ZALO")).as("SMS first, no fallback needed").isFalse();
    assertThat(awaitSms(e164(phone), code).path("text").asText())
        .isEqualTo("Ma xac thuc GridCare: " + code + ", hieu luc 5 phut. Khong chia se ma nay.");

    assertThat(report.toString()).doesNotContain(code);
    assertThat(report.path("notice").path("variables").path("code").asText()).isEqualTo("******");
    assertThat(sql.sql("select payload::text from notification_event where notice_id = :id").param("id", notice)
        .query(String.class).single()).doesNotContain(code);
    assertThat(output.getAll()).as("the flow logged its steps").contains("Notice " + notice + " (PHONE_VERIFICATION)")
        .doesNotContain(code);
  }

  @Test
  void twoCodesToOnePhoneBothGoOutButTheSameEventTwiceDoesNot() {
    String phone = mobile("654");
    String eventId = "otp-" + UUID.randomUUID();
    NotificationEvents.Accepted first = events.accept(NoticeType.EventSource.PORTAL,
        verification(eventId, phone, "1234"));
    NotificationEvents.Accepted repeated = events.accept(NoticeType.EventSource.PORTAL,
        verification(eventId, phone, "1234"));
    NotificationEvents.Accepted newCode = events.accept(NoticeType.EventSource.PORTAL,
        verification("otp-" + UUID.randomUUID(), phone, "5678"));

    assertThat(repeated.created()).isFalse();
    assertThat(repeated.notice().id()).isEqualTo(first.notice().id());
    assertThat(newCode.notice().id()).isNotEqualTo(first.notice().id());
    assertThat(awaitCompleted(first.notice().id()).path("recipientsByStatus").path("DELIVERED").asInt()).isEqualTo(1);
    assertThat(awaitCompleted(newCode.notice().id()).path("recipientsByStatus").path("DELIVERED").asInt())
        .isEqualTo(1);
    assertThat(smsTo(e164(phone))).extracting(sms -> sms.path("text").asText())
        .hasSize(2).anySatisfy(text -> assertThat(text).contains("1234"))
        .anySatisfy(text -> assertThat(text).contains("5678"));
  }

  @Test
  void thePortalSourceIsNotTakenOverHttp() {
    Response refused = source.postJson("/api/events/portal", verification("otp-" + UUID.randomUUID(),
        mobile("777"), "4321").toString());

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.json().path("detail").asText()).contains("billing, outages, switching, consumption, crm")
        .doesNotContain("portal, ").doesNotContain(", portal");
  }

  @Test
  void aRequestStatusNamingBothACustomerAndAContactOrNeitherIsRefusedAndNothingIsStored() {
    String both = "customer-and-contact-" + UUID.randomUUID();
    String neither = "no-recipient-" + UUID.randomUUID();
    String contact = "\"contact\":{\"name\":\"Phạm Văn Dũng\",\"phone\":\"0912345678\",\"unitCode\":\"PD09\"}";

    Response twice = source.postJson("/api/events/crm", requestStatus(both, requestCode(),
        "\"customerCode\":\"PD09RQ0000701\"," + contact));
    Response none = source.postJson("/api/events/crm", requestStatus(neither, requestCode(), null));

    for (Response refused : List.of(twice, none)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.contentType()).isEqualTo("application/problem+json");
      assertThat(refused.json().path("errors").findValuesAsText("field"))
          .contains("payload.customerCode", "payload.contact");
    }
    assertThat(stored(both) + stored(neither)).isZero();
  }

  @Test
  void aContactWhosePhoneIsNoVietnameseMobileIsRefusedAndNothingIsStored() {
    for (String phone : List.of("12345", "024 3826 5555", "không có")) {
      String eventId = "bad-phone-" + UUID.randomUUID();

      Response refused = source.postJson("/api/events/crm", requestStatus(eventId, requestCode(),
          "\"contact\":{\"name\":\"Phạm Văn Dũng\",\"phone\":\"" + phone + "\",\"unitCode\":\"PD09\"}"));

      assertThat(refused.status()).as(phone).isEqualTo(400);
      assertThat(refused.json().path("errors").findValuesAsText("field")).as(phone)
          .containsExactly("payload.contact.phone");
      assertThat(stored(eventId)).isZero();
    }
    Response noName = source.postJson("/api/events/crm", requestStatus("no-name-" + UUID.randomUUID(),
        requestCode(), "\"contact\":{\"phone\":\"0912345678\",\"email\":\"not-an-address\",\"unitCode\":\"X1\"}"));
    // no unit is fine (an applicant whose address names none yet); a malformed one is not
    assertThat(noName.json().path("errors").findValuesAsText("field"))
        .contains("payload.contact.name", "payload.contact.email", "payload.contact.unitCode");
  }

  @Test
  void anInvalidVerificationCodeIsRefusedNamingTheFieldAndNothingIsStored() {
    String eventId = "otp-" + UUID.randomUUID();

    assertThatThrownBy(() -> events.accept(NoticeType.EventSource.PORTAL,
        verification(eventId, "0912 345", "12ab")))
        .isInstanceOfSatisfying(NotificationEvents.InvalidEvent.class, e -> {
          assertThat(e.problems()).extracting(NotificationEvents.FieldProblem::field).containsExactly("payload.code");
          assertThat(e.getMessage()).as("the code is not repeated").doesNotContain("12ab");
        });
    assertThatThrownBy(() -> events.accept(NoticeType.EventSource.PORTAL,
        verification(eventId, "0912 345", "123456")))
        .isInstanceOfSatisfying(NotificationEvents.InvalidEvent.class, e -> assertThat(e.problems())
            .extracting(NotificationEvents.FieldProblem::field).containsExactly("payload.phone"));
    assertThat(stored(eventId)).isZero();
  }

  private JsonNode awaitCompleted(long notice) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> source.get("/api/notices/" + notice).json(),
            report -> "COMPLETED".equals(report.path("notice").path("status").asText()));
  }

  private JsonNode awaitSms(String phone, String containing) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> smsTo(phone).stream().filter(sms -> sms.path("text").asText().contains(containing))
            .findFirst().orElse(null), sms -> sms != null);
  }

  private List<JsonNode> smsTo(String phone) {
    JsonNode messages = source.get("/api/sandbox/sms/messages?limit=10000").json().path("messages");
    return java.util.stream.StreamSupport.stream(messages.spliterator(), false)
        .filter(sms -> sms.path("phone").asText().equals(phone)).toList();
  }

  private List<String> recipientKeys(long notice) {
    return sql.sql("select customer_code from notice_delivery where notice_id = :id").param("id", notice)
        .query(String.class).list();
  }

  private long stored(String eventId) {
    return sql.sql("select count(*) from notification_event where event_id = :id").param("id", eventId)
        .query(Long.class).single();
  }

  private JsonNode verification(String eventId, String phone, String code) {
    return read("""
        {"eventId":"%s","type":"PHONE_VERIFICATION","occurredAt":"2026-11-23T01:00:00Z",
         "payload":{"phone":"%s","code":"%s","expiresInMinutes":5,
                    "purpose":{"vi":"xác nhận số điện thoại cho yêu cầu cấp điện mới",
                               "en":"confirm your phone number for a new connection request"}}}"""
        .formatted(eventId, phone, code));
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String requestStatus(String requestCode, String recipient) {
    return requestStatus("crm-" + UUID.randomUUID(), requestCode, recipient);
  }

  private static String requestStatus(String eventId, String requestCode, String recipient) {
    return """
        {"eventId":"%s","type":"REQUEST_STATUS_CHANGED","occurredAt":"2026-11-23T01:00:00Z",
         "payload":{%s"requestCode":"%s","status":{"vi":"Đã tiếp nhận","en":"Received"},
                    "serviceName":"Cấp điện mới sinh hoạt"}}"""
        .formatted(eventId, recipient == null ? "" : recipient + ",", requestCode);
  }

  /** A Viettel-style mobile ({@code 0912...}) ending as asked, new for each test. */
  private static String mobile(String ending) {
    return "0912" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)) + ending;
  }

  private static String requestCode() {
    return "YC" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  private static String e164(String mobile) {
    return "+84" + mobile.substring(1);
  }

  private static String key(String mobile) {
    return "tel:84" + mobile.substring(1);
  }
}
