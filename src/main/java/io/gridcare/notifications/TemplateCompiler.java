package io.gridcare.notifications;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.gridcare.notifications.NoticeTemplateContent.TemplateSms;
import io.gridcare.notifications.NoticeTemplateContent.TemplateText;
import io.gridcare.notifications.NoticeTemplateContent.TemplateZns;

/**
 * Checks a template and compiles it with jmustache. Text parts never escape; the HTML part escapes every variable
 * (triple braces, {@code {{&x}}} and changed delimiters, which would get round that, are refused). A missing value
 * renders empty inside jmustache, so sections ({@code {{#reason}} do {{reason}}{{/reason}}}) make parts optional;
 * {@link CompiledTemplate} refuses to render when a value used outside any section is missing.
 */
final class TemplateCompiler {

  static final int TITLE_MAX = 200;
  static final int TEXT_MAX = 4_000;
  static final int HTML_MAX = 100_000;
  static final int SMS_SOURCE_MAX = 1_000;
  static final int SMS_MAX_SEGMENTS = 3;

  private static final Mustache.Compiler PLAIN = Mustache.compiler()
      .escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
  private static final Mustache.Compiler HTML = PLAIN.escapeHTML(true);
  private static final Pattern ZNS_TEMPLATE_ID = Pattern.compile("[0-9]{1,20}");
  private static final Pattern ZNS_PARAM = Pattern.compile("[A-Za-z0-9_]{1,50}");

  private TemplateCompiler() {
  }

  /** A compiled part and the variables it needs (outside sections) and uses (anywhere, section names too). */
  record Part(Template template, Set<String> required, Set<String> used) {
  }

  /** Compiles the content or throws {@link TemplateValidationException} with every problem in it. */
  static CompiledTemplate compile(NoticeType type, int version, NoticeTemplateContent content) {
    Map<String, TemplateVariable> allowed = TemplateVariables.of(type);
    List<TemplateProblem> problems = new ArrayList<>();
    if (content == null) {
      throw new TemplateValidationException(List.of(TemplateProblem.of("texts", BLANK)));
    }

    Map<TemplateLanguage, CompiledTemplate.Texts> texts = new EnumMap<>(TemplateLanguage.class);
    Map<String, TemplateText> given = content.texts() == null ? Map.of() : content.texts();
    for (String code : given.keySet()) {
      if (TemplateLanguage.of(code).filter(language -> language.code().equals(code)).isEmpty()) {
        problems.add(TemplateProblem.of("texts." + code,
            "Ngôn ngữ không hỗ trợ, chỉ vi và en / Unsupported language, only vi and en"));
      }
    }
    for (TemplateLanguage language : TemplateLanguage.values()) {
      String field = "texts." + language.code();
      TemplateText text = given.get(language.code());
      if (text == null) {
        problems.add(TemplateProblem.of(field, "Thiếu nội dung ngôn ngữ này / Missing this language"));
        continue;
      }
      Part title = part(field + ".title", text.title(), TITLE_MAX, false, allowed, problems);
      Part body = part(field + ".text", text.text(), TEXT_MAX, false, allowed, problems);
      Part html = isBlank(text.html()) ? null : part(field + ".html", text.html(), HTML_MAX, true, allowed, problems);
      if (title != null && body != null) {
        texts.put(language, new CompiledTemplate.Texts(title, body, html));
      }
    }

    TemplateSms sms = content.sms();
    Part smsPart = sms == null
        ? missing("sms", problems)
        : part("sms.text", sms.text(), SMS_SOURCE_MAX, false, allowed, problems);

    TemplateZns zns = content.zns();
    String znsTemplateId = zns == null || isBlank(zns.templateId()) ? null : zns.templateId().strip();
    Map<String, String> znsParams = zns == null || zns.params() == null ? Map.of() : zns.params();
    if (znsTemplateId != null && !ZNS_TEMPLATE_ID.matcher(znsTemplateId).matches()) {
      problems.add(TemplateProblem.of("zns.templateId",
          "Mã mẫu ZNS là dãy số Zalo cấp / A ZNS template id is the number Zalo gave it"));
    }
    if (znsTemplateId == null && !znsParams.isEmpty()) {
      problems.add(TemplateProblem.of("zns.templateId",
          "Có tham số ZNS nhưng thiếu mã mẫu / ZNS parameters without a template id"));
    }
    znsParams.forEach((param, variable) -> {
      String field = "zns.params." + param;
      if (!ZNS_PARAM.matcher(param).matches()) {
        problems.add(TemplateProblem.of(field,
            "Tên tham số ZNS chỉ gồm chữ, số và _ / A ZNS parameter name has letters, digits and _ only"));
      }
      if (variable == null || !allowed.containsKey(variable)) {
        problems.add(unknown(field, variable, type));
      }
    });

    if (!problems.isEmpty()) {
      throw new TemplateValidationException(problems);
    }
    CompiledTemplate compiled = new CompiledTemplate(type, version, texts, smsPart, sms.mayDropAccents(),
        znsTemplateId, Collections.unmodifiableMap(new LinkedHashMap<>(znsParams)), allowed);
    checkSmsLength(compiled, type);
    return compiled;
  }

  /** The problems in this content, none when it can be saved. */
  static List<TemplateProblem> check(NoticeType type, NoticeTemplateContent content) {
    try {
      compile(type, 0, content);
      return List.of();
    } catch (TemplateValidationException e) {
      return e.problems();
    }
  }

  /** Refuses an SMS that would take more than three segments with realistic values, even kept in UCS-2. */
  private static void checkSmsLength(CompiledTemplate compiled, NoticeType type) {
    String sample = compiled.render(TemplateLanguage.VI.code(), TemplateVariables.samples(type)).smsText();
    SmsSegments.Measure measure = SmsSegments.measure(sample);
    if (measure.segments() > SMS_MAX_SEGMENTS) {
      throw new TemplateValidationException(List.of(TemplateProblem.of("sms.text",
          "Tin nhắn mẫu dài " + measure.segments() + " đoạn (" + measure.encoding() + ", " + measure.units()
              + " ký tự), tối đa " + SMS_MAX_SEGMENTS + " / With sample values the SMS takes " + measure.segments()
              + " segments (" + measure.encoding() + ", " + measure.units() + " units), at most "
              + SMS_MAX_SEGMENTS)));
    }
  }

  private static Part part(String field, String source, int maxLength, boolean html,
      Map<String, TemplateVariable> allowed, List<TemplateProblem> problems) {
    if (isBlank(source)) {
      return missing(field, problems);
    }
    int before = problems.size();
    if (source.length() > maxLength) {
      problems.add(TemplateProblem.of(field, "Dài quá " + maxLength + " ký tự / Longer than " + maxLength
          + " characters"));
    }
    if (source.contains("{{=")) {
      problems.add(TemplateProblem.of(field, "Không được đổi dấu ngoặc biến / Changing delimiters is not allowed"));
    }
    if (html && (source.contains("{{{") || source.contains("{{&"))) {
      problems.add(TemplateProblem.of(field,
          "Trong HTML mọi biến đều được thoát, không dùng {{{x}}} hay {{&x}} / In HTML every variable is escaped: "
              + "no {{{x}}} or {{&x}}"));
    }
    Template template;
    try {
      template = (html ? HTML : PLAIN).compile(source);
    } catch (MustacheException | IndexOutOfBoundsException e) {
      problems.add(TemplateProblem.of(field, "Mẫu sai cú pháp / Template syntax error: " + e.getMessage()));
      return null;
    }
    Variables all = new Variables(true);
    template.visit(all);
    Variables outside = new Variables(false);
    template.visit(outside);
    all.refused.forEach(tag -> problems.add(new TemplateProblem(field, tag,
        "Không dùng mẫu con hay kế thừa mẫu / Partials and template inheritance are not allowed")));
    if (all.strayBraces) {
      // jmustache keeps "{{amount}" as text: a typo that would reach customers as it is
      problems.add(TemplateProblem.of(field, "Dấu {{ }} không khớp / Unmatched {{ or }}"));
    }
    for (String variable : all.names) {
      if (!allowed.containsKey(variable)) {
        problems.add(unknown(field, variable, null));
      }
    }
    return problems.size() == before ? new Part(template, Set.copyOf(outside.values), Set.copyOf(all.names)) : null;
  }

  private static TemplateProblem unknown(String field, String variable, NoticeType type) {
    return new TemplateProblem(field, variable, "Biến {{" + variable + "}} không có cho loại thông báo này / "
        + "Unknown variable {{" + variable + "}} for this notice type" + (type == null ? "" : " (" + type + ")"));
  }

  private static Part missing(String field, List<TemplateProblem> problems) {
    problems.add(TemplateProblem.of(field, BLANK));
    return null;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static final String BLANK = "Không được để trống / Must not be blank";

  /**
   * Collects names. Walking into sections collects everything a template uses; not walking into them collects the
   * values it needs whatever the data (section names excluded: a missing section value only hides the section).
   */
  private static final class Variables implements Mustache.Visitor {

    private final boolean intoSections;
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> values = new LinkedHashSet<>();
    private final Set<String> refused = new LinkedHashSet<>();
    private boolean strayBraces;

    Variables(boolean intoSections) {
      this.intoSections = intoSections;
    }

    @Override
    public void visitText(String text) {
      strayBraces |= text.contains("{{") || text.contains("}}");
    }

    @Override
    public void visitVariable(String name) {
      names.add(name);
      values.add(name);
    }

    @Override
    public boolean visitInclude(String name) {
      refused.add(name);
      return false;
    }

    @Override
    public boolean visitParent(String name) {
      refused.add(name);
      return false;
    }

    @Override
    public boolean visitBlock(String name) {
      refused.add(name);
      return false;
    }

    @Override
    public boolean visitSection(String name) {
      names.add(name);
      return intoSections;
    }

    @Override
    public boolean visitInvertedSection(String name) {
      names.add(name);
      return intoSections;
    }
  }
}
