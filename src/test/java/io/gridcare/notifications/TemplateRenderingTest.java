package io.gridcare.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gridcare.customers.Channel;
import io.gridcare.notifications.NoticeTemplateContent.TemplateSms;
import io.gridcare.notifications.NoticeTemplateContent.TemplateText;
import io.gridcare.notifications.NoticeTemplateContent.TemplateZns;
import org.junit.jupiter.api.Test;

class TemplateRenderingTest {

  private static final Map<String, Object> BILL = Map.of(
      "customerName", "Nguyễn Thị Hoa", "customerCode", "PD01000012345", "address", "12 Hàng Bạc, Hoàn Kiếm",
      "unitName", "Điện lực Hoàn Kiếm", "period", YearMonth.of(2026, 11), "amount", new BigDecimal("1234567.4"),
      "dueDate", LocalDate.of(2026, 12, 5), "kwh", new BigDecimal("512.75"));

  @Test
  void writesValuesTheVietnameseWay() {
    CompiledTemplate template = compile(NoticeType.BILL_ISSUED,
        content("{{amount}} hạn {{dueDate}} kỳ {{period}} {{kwh}} kWh", "Amount {{amount}} due {{dueDate}} {{kwh}} kWh",
            "KH {{customerCode}} {{amount}}"));

    RenderedTemplate vi = template.render("vi", BILL);
    RenderedTemplate en = template.render("en", BILL);

    assertThat(vi.text()).isEqualTo("1.234.567 đ hạn 05/12/2026 kỳ 11/2026 512,75 kWh");
    assertThat(en.text()).isEqualTo("Amount 1,234,567 VND due 05/12/2026 512.75 kWh");
    assertThat(en.smsText()).as("SMS is Vietnamese whatever the language").isEqualTo("KH PD01000012345 1.234.567 đ");
  }

  @Test
  void aMessageForOneChannelHoldsOnlyWhatThatChannelSendsAndMissingValuesStillFailIt() {
    CompiledTemplate template = compile(NoticeType.BILL_ISSUED,
        content("Kính gửi {{customerName}}: {{amount}}", "Dear {{customerName}}: {{amount}}",
            "KH {{customerCode}} {{amount}}"));

    RenderedTemplate app = template.render("vi", BILL, Channel.APP);
    RenderedTemplate email = template.render("vi", BILL, Channel.EMAIL);
    RenderedTemplate sms = template.render("vi", BILL, Channel.SMS);

    assertThat(app.title()).isEqualTo("Thông báo");
    assertThat(app.text()).isEqualTo("Kính gửi Nguyễn Thị Hoa: 1.234.567 đ");
    assertThat(app.html()).isNull();
    assertThat(app.smsText()).isNull();
    assertThat(email.html()).isEqualTo(template.render("vi", BILL).html()).contains("Nguyễn Thị Hoa");
    assertThat(sms.smsText()).isEqualTo("KH PD01000012345 1.234.567 đ");
    assertThat(sms.text()).isNull();
    assertThat(sms.title()).isNull();
    Map<String, Object> nameless = new HashMap<>(BILL);
    nameless.remove("customerName");
    assertThatThrownBy(() -> template.render("vi", nameless, Channel.SMS))
        .as("the SMS does not use the name, but the recipient is refused alike on every channel")
        .isInstanceOf(TemplateMissingVariablesException.class);
  }

  @Test
  void writesInstantsInVietnameseTimeAndTakesIsoStringsFromEventPayloads() {
    CompiledTemplate template = compile(NoticeType.PLANNED_OUTAGE_SCHEDULED,
        content("{{area}} {{outageStart}} - {{expectedRestoration}}", "{{outageStart}}", "{{outageStart}}"));
    Map<String, Object> values = new HashMap<>(Map.of("area", "Phường Phúc Tân",
        "outageStart", Instant.parse("2026-12-05T01:00:00Z"),
        "expectedRestoration", "2026-12-05T16:30:00+07:00"));

    assertThat(template.render("vi", values).text()).isEqualTo("Phường Phúc Tân 08:00 05/12/2026 - 16:30 05/12/2026");

    values.put("outageStart", "2026-12-05T08:00");
    assertThat(template.render("vi", values).smsText()).as("no offset: Vietnamese time").isEqualTo("08:00 05/12/2026");
    values.put("outageStart", "sáng mai");
    assertThat(template.render("vi", values).smsText()).as("not ISO: taken as written").isEqualTo("sáng mai");
  }

  @Test
  void takesNumbersAsJsonGivesThem() {
    CompiledTemplate template = compile(NoticeType.PAYMENT_DUE, content("{{amount}} {{dueDate}}", "{{amount}}", "x"));

    assertThat(template.render("vi", Map.of("amount", 685400, "dueDate", "2026-12-15")).text())
        .isEqualTo("685.400 đ 15/12/2026");
    assertThat(template.render("vi", Map.of("amount", "1500000", "dueDate", "2026-12-15")).text())
        .isEqualTo("1.500.000 đ 15/12/2026");
    assertThat(template.render("vi", Map.of("amount", 99.5, "dueDate", "2026-12-15")).text()).startsWith("100 đ");
  }

  @Test
  void picksTheRecipientsLanguageFromValuesGivenPerLanguage() {
    CompiledTemplate template = compile(NoticeType.REQUEST_STATUS_CHANGED,
        content("Trạng thái: {{status}}", "Status: {{status}}", "{{status}}"));
    Map<String, Object> values = Map.of("status", Map.of("vi", "Đã hoàn thành", "en", "Completed"));

    assertThat(template.render("vi", values).text()).isEqualTo("Trạng thái: Đã hoàn thành");
    assertThat(template.render("en", values).text()).isEqualTo("Status: Completed");
    assertThat(template.render("en", values).smsText()).isEqualTo("Đã hoàn thành");
  }

  @Test
  void escapesVariablesInHtmlOnly() {
    NoticeTemplateContent content = new NoticeTemplateContent(Map.of(
        "vi", new TemplateText("Gửi {{customerName}}", "Gửi {{customerName}}", "<p>Gửi <b>{{customerName}}</b></p>"),
        "en", new TemplateText("To {{customerName}}", "To {{customerName}}\n\nBye <3", null)),
        new TemplateSms("{{customerName}}", false), null);
    CompiledTemplate template = compile(NoticeType.PAYMENT_RECEIVED, content);
    Map<String, Object> values = Map.of("customerName", "Tom & \"Jerry\" <script>");

    RenderedTemplate vi = template.render("vi", values);
    assertThat(vi.title()).isEqualTo("Gửi Tom & \"Jerry\" <script>");
    assertThat(vi.text()).isEqualTo("Gửi Tom & \"Jerry\" <script>");
    assertThat(vi.smsText()).isEqualTo("Tom & \"Jerry\" <script>");
    assertThat(vi.html()).isEqualTo("<p>Gửi <b>Tom &amp; &quot;Jerry&quot; &lt;script&gt;</b></p>");

    assertThat(template.render("en", values).html()).as("made from the text, all of it escaped")
        .isEqualTo("<p>To Tom &amp; &quot;Jerry&quot; &lt;script&gt;</p>\n<p>Bye &lt;3</p>");
  }

  @Test
  void refusesUnknownVariablesNamingTheFieldAndTheVariable() {
    NoticeTemplateContent content = new NoticeTemplateContent(Map.of(
        "vi", new TemplateText("Tiền điện", "Số tiền {{amount}}, hạn {{dueDate}}", null),
        "en", new TemplateText("Bill", "Amount {{amount}}, outage {{outageStart}}", null)),
        new TemplateSms("{{amount}} {{#bonus}}{{bonus}}{{/bonus}}", true),
        new TemplateZns("318204", Map.of("amount", "amount", "area", "area")));

    assertThat(TemplateCompiler.check(NoticeType.PAYMENT_DUE, content))
        .extracting(TemplateProblem::field, TemplateProblem::variable)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("texts.en.text", "outageStart"),
            org.assertj.core.groups.Tuple.tuple("sms.text", "bonus"),
            org.assertj.core.groups.Tuple.tuple("zns.params.area", "area"));
  }

  @Test
  void refusesBlankPartsMissingLanguagesAndBadSyntax() {
    Map<String, TemplateText> texts = new LinkedHashMap<>();
    texts.put("vi", new TemplateText(" ", "Số tiền {{amount}", null));
    texts.put("en", new TemplateText("{{}}", "Amount {{amount}} due {{#dueDate}}{{dueDate}}", null));
    texts.put("fr", new TemplateText("Facture", "Montant", null));
    NoticeTemplateContent content = new NoticeTemplateContent(texts, new TemplateSms("", true),
        new TemplateZns("abc", Map.of()));

    assertThat(TemplateCompiler.check(NoticeType.PAYMENT_DUE, content)).extracting(TemplateProblem::field)
        .containsExactlyInAnyOrder("texts.fr", "texts.vi.title", "texts.vi.text", "texts.en.title", "texts.en.text",
            "sms.text", "zns.templateId");
  }

  @Test
  void refusesWhatWouldGetRoundHtmlEscapingOrLoadOtherTemplates() {
    NoticeTemplateContent content = new NoticeTemplateContent(Map.of(
        "vi", new TemplateText("A", "{{> footer}}", "<p>{{{customerName}}}</p>"),
        "en", new TemplateText("{{=<% %>=}}<%customerName%>", "B", "<p>{{&customerName}}</p>")),
        new TemplateSms("C", false), null);

    assertThat(TemplateCompiler.check(NoticeType.PAYMENT_DUE, content)).extracting(TemplateProblem::field)
        .containsExactlyInAnyOrder("texts.vi.text", "texts.vi.html", "texts.en.title", "texts.en.html");
  }

  @Test
  void refusesAnSmsLongerThanThreeSegmentsWithSampleValues() {
    String longSms = "{{unitName}} thông báo: tiền điện kỳ {{period}} của khách hàng {{customerName}}, mã "
        + "{{customerCode}}, địa chỉ {{address}}, là {{amount}}; hạn thanh toán {{dueDate}}. Trân trọng cảm ơn!";

    List<TemplateProblem> problems = TemplateCompiler.check(NoticeType.PAYMENT_DUE, content("a", "b", longSms));

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo("sms.text");
      assertThat(problem.message()).contains("4 đoạn", "UCS_2");
    });
    assertThat(TemplateCompiler.check(NoticeType.PAYMENT_DUE, content("a", "b", "{{amount}} {{dueDate}}"))).isEmpty();
  }

  @Test
  void failsWhenAValueUsedOutsideSectionsIsMissingAndLeavesOptionalSectionsOut() {
    NoticeTemplateContent content = new NoticeTemplateContent(Map.of(
        "vi", new TemplateText("Mất điện {{area}}",
            "Mất điện từ {{outageStart}}{{#reason}} do {{reason}}{{/reason}}.", null),
        "en", new TemplateText("Outage in {{area}}", "Since {{outageStart}}.", null)),
        new TemplateSms("{{area}}", true), new TemplateZns("318215", Map.of("start_time", "outageStart")));
    CompiledTemplate template = compile(NoticeType.OUTAGE_STARTED, content);
    Map<String, Object> values = new HashMap<>(Map.of("area", "Xã Mai Đình", "outageStart", "2026-12-05T14:10"));

    RenderedTemplate rendered = template.render("vi", values);
    assertThat(rendered.text()).isEqualTo("Mất điện từ 14:10 05/12/2026.");
    assertThat(rendered.znsData()).containsExactly(Map.entry("start_time", "14:10 05/12/2026"));

    values.put("reason", "sự cố đường dây 22kV");
    assertThat(template.render("vi", values).text()).isEqualTo("Mất điện từ 14:10 05/12/2026 do sự cố đường dây 22kV.");

    values.remove("outageStart");
    values.put("area", null);
    assertThatThrownBy(() -> template.render("en", values))
        .isInstanceOfSatisfying(TemplateMissingVariablesException.class,
            e -> assertThat(e.missing()).containsExactly("area", "outageStart"));
  }

  @Test
  void refusesLanguagesItHasNoTextFor() {
    CompiledTemplate template = compile(NoticeType.PAYMENT_DUE, content("a", "b", "c"));

    assertThatThrownBy(() -> template.render("fr", Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyNoticeTypeDeclaresItsVariablesWithSamples() {
    for (NoticeType type : NoticeType.values()) {
      assertThat(TemplateVariables.of(type)).as(type.name())
          .containsKeys("customerName", "customerCode", "address", "unitName")
          .allSatisfy((name, variable) -> assertThat(variable.example(TemplateLanguage.EN)).isNotBlank());
    }
  }

  private static CompiledTemplate compile(NoticeType type, NoticeTemplateContent content) {
    return TemplateCompiler.compile(type, 1, content);
  }

  private static NoticeTemplateContent content(String vi, String en, String sms) {
    return new NoticeTemplateContent(Map.of("vi", new TemplateText("Thông báo", vi, null),
        "en", new TemplateText("Notice", en, null)), new TemplateSms(sms, true), null);
  }
}
