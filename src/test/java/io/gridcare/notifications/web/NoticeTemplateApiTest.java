package io.gridcare.notifications.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.notifications.NoticeTemplate;
import io.gridcare.notifications.NoticeTemplates;
import io.gridcare.notifications.NoticeType;
import io.gridcare.notifications.RenderedTemplate;
import io.gridcare.notifications.SmsSegments;
import io.gridcare.notifications.TemplateVariables;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff reading and previewing the standard notice templates, admins changing them, over HTTP on the real stack. */
@GridCareIntegrationTest
class NoticeTemplateApiTest {

  private static final String STAFF = "template-test-staff";
  private static final String PASSWORD = "template-secret";
  /** The type these tests save versions of; each test that does puts the standard text back as the newest. */
  private static final NoticeType CHANGED = NoticeType.COMPLAINT_STATUS_CHANGED;
  private static final String LIST = "/api/notice-templates";
  private static final String BASE = LIST + "/";

  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http staff = anonymous.as(STAFF, PASSWORD);
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);

  private final IdentityService identity;
  private final NoticeTemplates templates;

  NoticeTemplateApiTest(@Autowired IdentityService identity, @Autowired NoticeTemplates templates) {
    this.identity = identity;
    this.templates = templates;
  }

  @BeforeEach
  void accountsExist() {
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP);
  }

  @Test
  void everyNoticeTypeHasAStandardTemplateWhoseSmsFitsOneSegmentWithoutAccents() {
    for (NoticeType type : NoticeType.values()) {
      NoticeTemplate standard = templates.version(type, 1).orElseThrow();
      assertThat(templates.check(type, standard.content())).as(type.name()).isEmpty();
      assertThat(standard.content().zns().templateId()).as(type.name()).matches("[0-9]{6}");
      for (String language : List.of("vi", "en")) {
        RenderedTemplate rendered = templates.render(type, 1, language, TemplateVariables.samples(type));
        assertThat(rendered.title()).as(type + " " + language).isNotBlank().doesNotContain("{{");
        assertThat(rendered.text()).as(type + " " + language).isNotBlank().doesNotContain("{{");
        assertThat(rendered.znsData()).as(type.name()).isNotEmpty().doesNotContainValue("");
        assertThat(rendered.smsMayDropAccents()).isTrue();
        assertThat(SmsSegments.measure(SmsSegments.withoutAccents(rendered.smsText())))
            .as(type + ": " + rendered.smsText())
            .satisfies(sms -> {
              assertThat(sms.encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
              assertThat(sms.segments()).isEqualTo(1);
            });
      }
    }
  }

  @Test
  void theStandardRequestAndComplaintTemplatesAlsoServeSomeoneWithoutACustomerCode() {
    for (NoticeType type : List.of(NoticeType.REQUEST_STATUS_CHANGED, NoticeType.COMPLAINT_STATUS_CHANGED)) {
      int current = templates.current(type).version();
      Map<String, Object> contact = new HashMap<>(TemplateVariables.samples(type));
      contact.remove("customerCode");
      contact.remove("address");

      RenderedTemplate rendered = templates.render(type, current, "vi", contact);

      assertThat(rendered.smsText()).as(type.name()).contains("YC2612050123").doesNotContain("KH");
      assertThat(rendered.text()).as(type.name()).contains("Nguyễn Văn An");
      assertThat(templates.render(type, current, "vi", TemplateVariables.samples(type)).smsText())
          .as("a customer's still names their code").contains("của KH PD09000012345");
    }
  }

  @Test
  void staffListTheCurrentTemplateOfEveryType() {
    Response list = staff.get(LIST);

    assertThat(list.status()).isEqualTo(200);
    assertThat(elements(list.json())).extracting(template -> template.path("type").asText())
        .containsExactlyInAnyOrder(java.util.Arrays.stream(NoticeType.values()).map(Enum::name).toArray(String[]::new));
    JsonNode planned = elements(list.json()).stream()
        .filter(template -> template.path("type").asText().equals("PLANNED_OUTAGE_SCHEDULED")).findFirst().orElseThrow();
    assertThat(planned.path("source").asText()).isEqualTo("SWITCHING");
    assertThat(planned.at("/texts/vi/text").asText())
        .startsWith("{{unitName}} thông báo tạm ngừng cấp điện khu vực {{area}} từ {{outageStart}}");
    assertThat(planned.at("/zns/params/start_time").asText()).isEqualTo("outageStart");
  }

  @Test
  void oneTypeShowsItsVersionsAndTheVariablesItMayUse() {
    JsonNode details = staff.get(BASE + "BILL_ISSUED").json();

    assertThat(details.at("/current/type").asText()).isEqualTo("BILL_ISSUED");
    assertThat(elements(details.path("versions"))).extracting(version -> version.path("version").asInt()).contains(1);
    assertThat(elements(details.path("variables"))).anySatisfy(variable -> {
      assertThat(variable.path("name").asText()).isEqualTo("amount");
      assertThat(variable.path("kind").asText()).isEqualTo("MONEY");
      assertThat(variable.path("example").asText()).isEqualTo("685.400 đ");
    });
    assertThat(staff.get(BASE + "BILL_ISSUED/versions/1").json().at("/texts/en/title").asText())
        .isEqualTo("Electricity bill for {{period}}");
    assertThat(staff.get(BASE + "BILL_ISSUED/versions/999").status()).isEqualTo(404);
    assertThat(staff.get(BASE + "WEATHER_WARNING").status()).isEqualTo(404);
  }

  @Test
  void adminSavesANewVersionThatBecomesCurrentAndLeavesTheOldOnesAsTheyWere() {
    NoticeTemplate before = templates.current(CHANGED);
    ObjectNode change = change(before);
    ((ObjectNode) change.at("/texts/vi")).put("title", "Phản ánh {{requestCode}} đã có kết quả: {{status}}");
    change.put("comment", "Tiêu đề rõ hơn / Clearer title");

    Response saved = admin.putJson(BASE + CHANGED, write(change));

    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    int version = saved.json().path("version").asInt();
    assertThat(version).isEqualTo(before.version() + 1);
    assertThat(saved.headers().firstValue("Location")).hasValue(BASE + CHANGED + "/versions/" + version);
    assertThat(saved.json().path("createdBy").asText()).isEqualTo(ADMIN);
    JsonNode details = staff.get(BASE + CHANGED).json();
    assertThat(details.at("/current/version").asInt()).isEqualTo(version);
    assertThat(elements(details.path("versions")).get(0).path("comment").asText())
        .isEqualTo("Tiêu đề rõ hơn / Clearer title");
    assertThat(templates.render(CHANGED, version, "vi", Map.of("requestCode", "PA001", "status", "Đã giải quyết",
        "customerName", "Lê Văn Bình", "customerCode", "PD12000000001", "unitName", "Điện lực Cầu Giấy",
        "subject", "Điện yếu")).title()).isEqualTo("Phản ánh PA001 đã có kết quả: Đã giải quyết");
    assertThat(staff.get(BASE + CHANGED + "/versions/" + before.version()).json().at("/texts/vi/title").asText())
        .isEqualTo(before.content().texts().get("vi").title());

    restore(before);
  }

  @Test
  void unknownVariableIsRefusedNamingTheFieldAndVariableAndNothingIsSaved() {
    NoticeTemplate before = templates.current(CHANGED);
    int versions = templates.versions(CHANGED).size();
    ObjectNode change = change(before);
    ((ObjectNode) change.at("/texts/en")).put("text", "Dear {{customerName}}, your bonus is {{bonus}}.");
    ((ObjectNode) change.at("/zns/params")).put("amount", "amount");

    Response refused = admin.putJson(BASE + CHANGED, write(change));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(elements(refused.json().path("errors")))
        .extracting(error -> error.path("field").asText() + ":" + error.path("variable").asText())
        .containsExactlyInAnyOrder("texts.en.text:bonus", "zns.params.amount:amount");
    assertThat(templates.current(CHANGED).version()).isEqualTo(before.version());
    assertThat(templates.versions(CHANGED)).hasSize(versions);
  }

  @Test
  void blankTextsAndTooLongSmsAreRefused() {
    ObjectNode change = change(templates.current(CHANGED));
    ((ObjectNode) change.at("/texts/vi")).put("title", " ");
    ((ObjectNode) change.path("sms")).put("text", "{{address}} ".repeat(6) + "{{customerName}}");

    Response refused = admin.putJson(BASE + CHANGED, write(change));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(elements(refused.json().path("errors"))).extracting(error -> error.path("field").asText())
        .containsExactly("texts.vi.title");
    ((ObjectNode) change.at("/texts/vi")).put("title", "Phản ánh {{requestCode}}");
    assertThat(elements(admin.putJson(BASE + CHANGED, write(change)).json().path("errors")))
        .extracting(error -> error.path("field").asText()).containsExactly("sms.text");
  }

  @Test
  void aChangeMadeOnAnOlderVersionIsRefusedWithConflict() {
    NoticeTemplate before = templates.current(CHANGED);
    ObjectNode change = change(before);
    change.put("basedOnVersion", before.version() - 1);

    Response conflict = admin.putJson(BASE + CHANGED, write(change));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().path("currentVersion").asInt()).isEqualTo(before.version());
    assertThat(templates.current(CHANGED).version()).isEqualTo(before.version());
  }

  @Test
  void previewFillsMissingValuesWithSamplesAndShowsWhatEachChannelGets() {
    Response preview = staff.postJson(BASE + "PAYMENT_DUE/preview",
        "{\"language\":\"vi\",\"variables\":{\"amount\":1234567,\"dueDate\":\"2026-12-20\","
            + "\"customerName\":\"Trần <Minh>\"}}");

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    JsonNode body = preview.json();
    assertThat(body.path("version").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(body.path("title").asText()).isEqualTo("Nhắc hạn thanh toán tiền điện kỳ 11/2026");
    assertThat(body.path("text").asText()).contains("Trần <Minh>", "số tiền 1.234.567 đ", "vào ngày 20/12/2026");
    assertThat(body.path("html").asText()).contains("Trần &lt;Minh&gt;").doesNotContain("<Minh>");
    assertThat(texts(body.path("sampled"))).contains("period", "customerCode").doesNotContain("amount", "dueDate");
    assertThat(body.at("/sms/encoding").asText()).isEqualTo("UCS_2");
    assertThat(body.at("/sms/segments").asInt()).isGreaterThan(1);
    assertThat(body.at("/sms/withoutAccents/encoding").asText()).isEqualTo("GSM_7");
    assertThat(body.at("/sms/withoutAccents/segments").asInt()).isEqualTo(1);
    assertThat(body.at("/sms/withoutAccents/text").asText()).startsWith("Dien luc Soc Son nhac: tien dien ky 11/2026");
    assertThat(body.at("/zns/templateId").asText()).isEqualTo("318206");
    assertThat(body.at("/zns/data/amount").asText()).isEqualTo("1.234.567 đ");
  }

  @Test
  void previewOfAnEnglishDraftRendersItWithoutSavingIt() {
    NoticeTemplate before = templates.current(CHANGED);
    ObjectNode request = json.createObjectNode().put("language", "en");
    ObjectNode draft = change(before);
    draft.remove("comment");
    ((ObjectNode) draft.at("/texts/en")).put("title", "Complaint {{requestCode}} closed");
    request.set("template", draft);
    request.set("variables", json.createObjectNode().put("requestCode", "PA777"));

    Response preview = staff.postJson(BASE + CHANGED + "/preview", write(request));

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("title").asText()).isEqualTo("Complaint PA777 closed");
    assertThat(preview.json().has("version")).as("a draft has no version").isFalse();
    assertThat(templates.current(CHANGED).version()).isEqualTo(before.version());
  }

  @Test
  void previewRefusesUnknownVariablesLanguagesAndBrokenDrafts() {
    Response unknown = staff.postJson(BASE + "PAYMENT_DUE/preview", "{\"language\":\"vi\",\"variables\":{\"bonus\":1}}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("variables.bonus");

    Response language = staff.postJson(BASE + "PAYMENT_DUE/preview", "{\"language\":\"fr\"}");
    assertThat(language.status()).isEqualTo(400);
    assertThat(language.json().at("/errors/0/field").asText()).isEqualTo("language");

    ObjectNode draft = change(templates.current(NoticeType.PAYMENT_DUE));
    draft.remove("comment");
    ((ObjectNode) draft.at("/texts/vi")).put("text", "{{outageStart}}");
    ObjectNode request = json.createObjectNode().put("language", "vi");
    request.set("template", draft);
    Response broken = staff.postJson(BASE + "PAYMENT_DUE/preview", write(request));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().at("/errors/0/variable").asText()).isEqualTo("outageStart");
  }

  @Test
  void staffReadAndPreviewOnlyAdminsSaveAndAnonymousCallersAreAskedToSignIn() {
    String change = write(change(templates.current(CHANGED)));

    assertThat(anonymous.get(LIST).status()).isEqualTo(401);
    assertThat(anonymous.postJson(BASE + "PAYMENT_DUE/preview", "{\"language\":\"vi\"}").status()).isEqualTo(401);
    assertThat(staff.putJson(BASE + CHANGED, change).status()).isEqualTo(403);
    assertThat(staff.postJson(BASE + "PAYMENT_DUE/preview", "{\"language\":\"vi\"}").status()).isEqualTo(200);
    assertThat(admin.get(BASE + CHANGED).status()).isEqualTo(200);
  }

  /** Saves the content current before the test again, so other tests find the standard template current. */
  private void restore(NoticeTemplate before) {
    ObjectNode standard = change(before);
    standard.put("comment", "Trở lại mẫu chuẩn / Back to the standard template");
    assertThat(admin.putJson(BASE + CHANGED, write(standard)).status()).isEqualTo(201);
  }

  /** The template's content as a PUT body. */
  private ObjectNode change(NoticeTemplate template) {
    ObjectNode change = json.valueToTree(template.content());
    change.put("comment", "test");
    return change;
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array) {
    return elements(array).stream().map(JsonNode::asText).toList();
  }
}
