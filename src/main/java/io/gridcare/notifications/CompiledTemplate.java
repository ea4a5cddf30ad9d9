package io.gridcare.notifications;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.samskivert.mustache.Escapers;
import io.gridcare.customers.Channel;

/**
 * One template version compiled once, rendered per recipient. Immutable and thread-safe: one instance serves every
 * recipient of a notice, concurrently.
 */
public final class CompiledTemplate {

  private static final Pattern PARAGRAPHS = Pattern.compile("\\R\\s*\\R");
  private static final Pattern LINES = Pattern.compile("\\R");

  /** One language's compiled parts; {@code html} is null where the text gives the HTML. */
  record Texts(TemplateCompiler.Part title, TemplateCompiler.Part text, TemplateCompiler.Part html) {
  }

  private final NoticeType type;
  private final int version;
  private final Map<TemplateLanguage, Texts> texts;
  private final TemplateCompiler.Part sms;
  private final boolean smsMayDropAccents;
  private final String znsTemplateId;
  private final Map<String, String> znsParams;
  private final TemplateVariable[] variables;
  /** Per language: what its title, text and HTML need; and what SMS and ZNS (always Vietnamese) need. */
  private final Map<TemplateLanguage, String[]> requiredTexts;
  private final String[] requiredVietnamese;

  CompiledTemplate(NoticeType type, int version, Map<TemplateLanguage, Texts> texts, TemplateCompiler.Part sms,
      boolean smsMayDropAccents, String znsTemplateId, Map<String, String> znsParams,
      Map<String, TemplateVariable> allowed) {
    this.type = type;
    this.version = version;
    this.texts = Collections.unmodifiableMap(new EnumMap<>(texts));
    this.sms = sms;
    this.smsMayDropAccents = smsMayDropAccents;
    this.znsTemplateId = znsTemplateId;
    this.znsParams = znsParams;
    this.variables = allowed.values().toArray(TemplateVariable[]::new);
    Map<TemplateLanguage, String[]> required = new EnumMap<>(TemplateLanguage.class);
    texts.forEach((language, parts) -> {
      Set<String> names = new LinkedHashSet<>(parts.title().required());
      names.addAll(parts.text().required());
      if (parts.html() != null) {
        names.addAll(parts.html().required());
      }
      required.put(language, names.toArray(String[]::new));
    });
    this.requiredTexts = Collections.unmodifiableMap(required);
    Set<String> vietnamese = new LinkedHashSet<>(sms.required());
    vietnamese.addAll(znsParams.values());
    this.requiredVietnamese = vietnamese.toArray(String[]::new);
  }

  public NoticeType type() {
    return type;
  }

  public int version() {
    return version;
  }

  /**
   * Writes the notice for one recipient. Values are taken by variable name (others are ignored) and written by
   * kind ({@link TemplateVariable.Kind}); a missing or null value renders empty inside a {@code {{#section}}} and
   * fails the render anywhere else.
   *
   * @param language {@code vi} or {@code en}
   * @throws TemplateMissingVariablesException naming the values the recipient lacks
   * @throws IllegalArgumentException for a language other than {@code vi} and {@code en}
   */
  public RenderedTemplate render(String language, Map<String, ?> values) {
    return render(language, values, null);
  }

  /**
   * The same, written only for one channel: the parts it does not send stay null (an empty ZNS map). A value
   * missing from any part still fails the render, so a recipient is refused alike on every channel.
   */
  public RenderedTemplate render(String language, Map<String, ?> values, Channel channel) {
    TemplateLanguage chosen = TemplateLanguage.of(language).orElseThrow(() -> new IllegalArgumentException(
        "Ngôn ngữ không hỗ trợ / Unsupported language: " + language));
    Map<String, ?> given = values == null ? Map.of() : values;
    Map<String, String> local = write(given, chosen);
    Map<String, String> vietnamese = chosen == TemplateLanguage.VI ? local : write(given, TemplateLanguage.VI);
    Set<String> missing = missing(local, requiredTexts.get(chosen), null);
    missing = missing(vietnamese, requiredVietnamese, missing);
    if (missing != null) {
      throw new TemplateMissingVariablesException(type, version, missing);
    }

    Texts parts = texts.get(chosen);
    boolean app = channel == null || channel == Channel.APP;
    boolean email = channel == null || channel == Channel.EMAIL;
    String text = app || email ? parts.text().template().execute(local).strip() : null;
    String html = !email ? null
        : parts.html() != null ? parts.html().template().execute(local).strip() : html(text);
    Map<String, String> znsData = null;
    if (znsTemplateId != null && (channel == null || channel == Channel.ZALO)) {
      znsData = new LinkedHashMap<>();
      for (Map.Entry<String, String> param : znsParams.entrySet()) {
        znsData.put(param.getKey(), vietnamese.get(param.getValue()));
      }
      znsData = Collections.unmodifiableMap(znsData);
    }
    return new RenderedTemplate(type, version, chosen.code(),
        app || email ? parts.title().template().execute(local).strip() : null, text, html,
        channel == null || channel == Channel.SMS ? sms.template().execute(vietnamese).strip() : null,
        smsMayDropAccents, znsTemplateId, znsData == null ? Map.of() : znsData);
  }

  private Map<String, String> write(Map<String, ?> values, TemplateLanguage language) {
    Map<String, String> written = new HashMap<>(variables.length * 2);
    for (TemplateVariable variable : variables) {
      String value = TemplateValues.format(variable.kind(), values.get(variable.name()), language);
      if (value != null) {
        written.put(variable.name(), value);
      }
    }
    return written;
  }

  private static Set<String> missing(Map<String, String> written, String[] required, Set<String> missing) {
    for (String name : required) {
      if (!written.containsKey(name)) {
        missing = missing == null ? new TreeSet<>() : missing;
        missing.add(name);
      }
    }
    return missing;
  }

  /** The rendered text as HTML: everything escaped, blank lines make paragraphs, line breaks stay. */
  static String html(String text) {
    StringBuilder html = new StringBuilder(text.length() + 64);
    for (String paragraph : PARAGRAPHS.split(text)) {
      html.append("<p>").append(LINES.matcher(Escapers.HTML.escape(paragraph.strip())).replaceAll("<br>\n"))
          .append("</p>\n");
    }
    return html.toString().strip();
  }
}
