package io.gridcare.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.gridcare.notifications.NoticeTemplateContent.TemplateText;
import io.gridcare.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standard notice templates: versions per notice type, and rendering them. A notice renders the version that
 * was current when it started, for every recipient: {@link #compiled} compiles each version once and keeps it
 * (versions never change, so every server's copy stays right). Reads need no transaction for the same reason, and
 * rendering from the cache touches no connection.
 */
@Service
public class NoticeTemplates {

  private static final Logger log = LoggerFactory.getLogger(NoticeTemplates.class);

  private final NoticeTemplateStore store;
  private final ConcurrentMap<VersionKey, CompiledTemplate> compiled = new ConcurrentHashMap<>();

  NoticeTemplates(NoticeTemplateStore store) {
    this.store = store;
  }

  private record VersionKey(NoticeType type, int version) {
  }

  /** The type's current version. */
  public NoticeTemplate current(NoticeType type) {
    int version = store.currentVersion(type).orElseThrow(() -> notFound(type));
    return version(type, version).orElseThrow(() -> notFound(type));
  }

  /** Every type's current version. */
  public List<NoticeTemplate> current() {
    return store.current();
  }

  public Optional<NoticeTemplate> version(NoticeType type, int version) {
    return store.find(type, version);
  }

  /** The type's versions, newest first. */
  public List<NoticeTemplateVersion> versions(NoticeType type) {
    return store.versions(type);
  }

  /** This version, compiled; the same instance for every caller. */
  public CompiledTemplate compiled(NoticeType type, int version) {
    VersionKey key = new VersionKey(type, version);
    CompiledTemplate cached = compiled.get(key);
    if (cached != null) {
      return cached;
    }
    NoticeTemplate template = store.find(type, version).orElseThrow(() -> new NotFoundException(
        "Không có mẫu " + type + " phiên bản " + version + " / No template " + type + " version " + version));
    // compiled outside the map's lock; two callers racing compile twice and keep the first
    CompiledTemplate fresh = TemplateCompiler.compile(type, version, template.content());
    CompiledTemplate kept = compiled.putIfAbsent(key, fresh);
    return kept != null ? kept : fresh;
  }

  /**
   * Writes one recipient's notice from this version. See {@link CompiledTemplate#render}; for many recipients take
   * {@link #compiled} once and render from it.
   */
  public RenderedTemplate render(NoticeType type, int version, String language, Map<String, ?> variables) {
    return compiled(type, version).render(language, variables);
  }

  /** The problems that would stop this content being saved; none when it can be. */
  public List<TemplateProblem> check(NoticeType type, NoticeTemplateContent content) {
    return TemplateCompiler.check(type, content);
  }

  /**
   * Compiles content that is not saved (to preview a draft).
   *
   * @throws TemplateValidationException listing its problems
   */
  public CompiledTemplate compileDraft(NoticeType type, NoticeTemplateContent content) {
    return TemplateCompiler.compile(type, 0, content);
  }

  /**
   * Saves the content as the type's next version, which becomes current. Nothing is saved when it has problems.
   *
   * @param basedOn the version the editor started from, or null to skip the check
   * @throws TemplateValidationException      listing every problem
   * @throws TemplateVersionConflictException when another version was saved since {@code basedOn}
   */
  @Transactional
  public NoticeTemplate save(NoticeType type, NoticeTemplateContent content, String comment, Integer basedOn,
      String author) {
    TemplateCompiler.compile(type, 0, content);
    NoticeTemplateContent normalised = normalise(content);
    int version = store.nextVersion(type);
    if (basedOn != null && basedOn != version - 1) {
      throw new TemplateVersionConflictException(type, basedOn, version - 1);
    }
    store.insert(type, version, normalised, comment, author);
    log.info("Notice template {} version {} saved by {}", type, version, author);
    return store.find(type, version).orElseThrow();
  }

  /** Blank HTML and ZNS id are stored as absent, languages in a fixed order. */
  private static NoticeTemplateContent normalise(NoticeTemplateContent content) {
    Map<String, TemplateText> texts = new LinkedHashMap<>();
    for (TemplateLanguage language : TemplateLanguage.values()) {
      TemplateText text = content.texts().get(language.code());
      texts.put(language.code(), new TemplateText(text.title().strip(), text.text().strip(),
          text.html() == null || text.html().isBlank() ? null : text.html().strip()));
    }
    NoticeTemplateContent.TemplateZns zns = content.zns();
    String znsTemplateId = zns == null || zns.templateId() == null || zns.templateId().isBlank()
        ? null : zns.templateId().strip();
    Map<String, String> params = zns == null || zns.params() == null ? Map.of() : zns.params();
    return new NoticeTemplateContent(texts,
        new NoticeTemplateContent.TemplateSms(content.sms().text().strip(), content.sms().mayDropAccents()),
        new NoticeTemplateContent.TemplateZns(znsTemplateId, params));
  }

  private static NotFoundException notFound(NoticeType type) {
    return new NotFoundException("Không có mẫu thông báo " + type + " / No notice template " + type);
  }
}
