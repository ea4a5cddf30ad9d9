package io.gridcare.notifications.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gridcare.notifications.CompiledTemplate;
import io.gridcare.notifications.NoticeTemplate;
import io.gridcare.notifications.NoticeTemplateContent;
import io.gridcare.notifications.NoticeTemplateContent.TemplateSms;
import io.gridcare.notifications.NoticeTemplateContent.TemplateText;
import io.gridcare.notifications.NoticeTemplateContent.TemplateZns;
import io.gridcare.notifications.NoticeTemplateVersion;
import io.gridcare.notifications.NoticeTemplates;
import io.gridcare.notifications.NoticeType;
import io.gridcare.notifications.RenderedTemplate;
import io.gridcare.notifications.SmsSegments;
import io.gridcare.notifications.TemplateLanguage;
import io.gridcare.notifications.TemplateValidationException;
import io.gridcare.notifications.TemplateVariable;
import io.gridcare.notifications.TemplateVariables;
import io.gridcare.notifications.TemplateVersionConflictException;
import io.gridcare.system.InvalidParameterException;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notice-templates")
@Tag(name = "Notice templates", description = "Mẫu thông báo chuẩn / Standard notice templates")
class NoticeTemplateController {

  private static final String INVALID = "Dữ liệu không hợp lệ / Invalid request";

  private final NoticeTemplates templates;

  NoticeTemplateController(NoticeTemplates templates) {
    this.templates = templates;
  }

  @GetMapping
  @Operation(summary = "Mẫu hiện hành của mọi loại thông báo / Every notice type's current template")
  List<TemplateView> list() {
    return templates.current().stream().map(TemplateView::of).toList();
  }

  @GetMapping("/{type}")
  @Operation(summary = "Mẫu hiện hành, các phiên bản và biến được dùng / Current template, versions and variables")
  TemplateDetails get(@PathVariable String type) {
    NoticeType noticeType = noticeType(type);
    return new TemplateDetails(TemplateView.of(templates.current(noticeType)), templates.versions(noticeType),
        TemplateVariables.of(noticeType).values().stream().map(VariableView::of).toList());
  }

  @GetMapping("/{type}/versions/{version}")
  @Operation(summary = "Một phiên bản của mẫu / One version of a template")
  TemplateView version(@PathVariable String type, @PathVariable int version) {
    NoticeType noticeType = noticeType(type);
    return templates.version(noticeType, version).map(TemplateView::of)
        .orElseThrow(() -> new NotFoundException("Không có mẫu " + noticeType + " phiên bản " + version
            + " / No template " + noticeType + " version " + version));
  }

  @PutMapping("/{type}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Lưu phiên bản mới, thành mẫu hiện hành / Save a new version, which becomes current (admin)")
  ResponseEntity<TemplateView> save(@PathVariable String type, @RequestBody @Valid TemplateChange change,
      Principal principal) {
    NoticeType noticeType = noticeType(type);
    NoticeTemplate saved = templates.save(noticeType, change.content(), change.comment(), change.basedOnVersion(),
        principal.getName());
    return ResponseEntity
        .created(URI.create("/api/notice-templates/" + noticeType + "/versions/" + saved.version()))
        .body(TemplateView.of(saved));
  }

  @PostMapping("/{type}/preview")
  @Operation(summary = "Xem trước với giá trị đã cho, giá trị mẫu cho biến còn thiếu / Preview with the given "
      + "values, samples for the others; of the current version, another version or an unsaved draft")
  PreviewView preview(@PathVariable String type, @RequestBody @Valid PreviewRequest request) {
    NoticeType noticeType = noticeType(type);
    if (TemplateLanguage.of(request.language()).isEmpty()) {
      throw new InvalidParameterException("language", "Chỉ hỗ trợ vi và en / Only vi and en are supported");
    }
    Map<String, TemplateVariable> allowed = TemplateVariables.of(noticeType);
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> sampled = new ArrayList<>();
    Map<String, Object> given = request.variables() == null ? Map.of() : request.variables();
    given.keySet().stream().filter(name -> !allowed.containsKey(name)).findFirst().ifPresent(name -> {
      throw new InvalidParameterException("variables." + name, "Biến {{" + name + "}} không có cho loại thông báo "
          + noticeType + " / Unknown variable {{" + name + "}} for " + noticeType);
    });
    allowed.values().forEach(variable -> {
      Object value = given.get(variable.name());
      if (value == null) {
        sampled.add(variable.name());
        value = variable.sample();
      }
      values.put(variable.name(), value);
    });

    CompiledTemplate compiled;
    if (request.template() != null) {
      compiled = templates.compileDraft(noticeType, request.template().content());
    } else {
      int version = request.version() != null ? request.version() : templates.current(noticeType).version();
      compiled = templates.compiled(noticeType, version);
    }
    RenderedTemplate rendered = compiled.render(request.language(), values);
    return PreviewView.of(rendered, request.template() != null ? null : rendered.version(), sampled);
  }

  @ExceptionHandler(TemplateValidationException.class)
  ResponseEntity<ProblemDetail> invalid(TemplateValidationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, INVALID);
    problem.setProperty("errors", e.problems());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(TemplateVersionConflictException.class)
  ResponseEntity<ProblemDetail> conflict(TemplateVersionConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setProperty("currentVersion", e.current());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private static NoticeType noticeType(String type) {
    try {
      return NoticeType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Không có loại thông báo " + type + " / No notice type " + type);
    }
  }

  record TemplateView(NoticeType type, NoticeType.EventSource source, int version, String comment, String createdBy,
                      Instant createdAt, Map<String, TemplateText> texts, TemplateSms sms, TemplateZns zns) {
    static TemplateView of(NoticeTemplate template) {
      NoticeTemplateContent content = template.content();
      return new TemplateView(template.type(), template.type().source(), template.version(), template.comment(),
          template.createdBy(), template.createdAt(), content.texts(), content.sms(), content.zns());
    }
  }

  record TemplateDetails(TemplateView current, List<NoticeTemplateVersion> versions, List<VariableView> variables) {
  }

  /** A variable editors may use, with its sample written in Vietnamese. */
  record VariableView(String name, TemplateVariable.Kind kind, String description, String example) {
    static VariableView of(TemplateVariable variable) {
      return new VariableView(variable.name(), variable.kind(), variable.description(),
          variable.example(TemplateLanguage.VI));
    }
  }

  /**
   * A new version as editors send it.
   *
   * @param basedOnVersion the version the editor started from: saving fails with 409 when another was saved since
   */
  record TemplateChange(@Size(max = 500) String comment, @Positive Integer basedOnVersion,
                        Map<String, TemplateText> texts, TemplateSms sms, TemplateZns zns) {
    NoticeTemplateContent content() {
      return new NoticeTemplateContent(texts, sms, zns);
    }
  }

  /** The template parts of a draft to preview unsaved. */
  record TemplateDraft(Map<String, TemplateText> texts, TemplateSms sms, TemplateZns zns) {
    NoticeTemplateContent content() {
      return new NoticeTemplateContent(texts, sms, zns);
    }
  }

  /**
   * @param version  a saved version to preview instead of the current one
   * @param template an unsaved draft to preview instead of a saved version
   */
  record PreviewRequest(@NotBlank String language, Map<String, Object> variables, @Positive Integer version,
                        TemplateDraft template) {
  }

  record PreviewView(NoticeType type, Integer version, String language, String title, String text, String html,
                     SmsView sms, ZnsView zns, List<String> sampled) {
    static PreviewView of(RenderedTemplate rendered, Integer version, List<String> sampled) {
      return new PreviewView(rendered.type(), version, rendered.language(), rendered.title(), rendered.text(),
          rendered.html(), SmsView.of(rendered), rendered.znsTemplateId() == null ? null
              : new ZnsView(rendered.znsTemplateId(), rendered.znsData()), sampled);
    }
  }

  /** The SMS as it would go out, and without diacritics where the template allows that. */
  record SmsView(String text, SmsSegments.Encoding encoding, int units, int segments, boolean mayDropAccents,
                 SmsView withoutAccents) {
    static SmsView of(RenderedTemplate rendered) {
      SmsView plain = null;
      if (rendered.smsMayDropAccents()) {
        plain = measured(SmsSegments.withoutAccents(rendered.smsText()), true, null);
      }
      return measured(rendered.smsText(), rendered.smsMayDropAccents(), plain);
    }

    private static SmsView measured(String text, boolean mayDropAccents, SmsView withoutAccents) {
      SmsSegments.Measure measure = SmsSegments.measure(text);
      return new SmsView(text, measure.encoding(), measure.units(), measure.segments(), mayDropAccents,
          withoutAccents);
    }
  }

  record ZnsView(String templateId, Map<String, String> data) {
  }
}
