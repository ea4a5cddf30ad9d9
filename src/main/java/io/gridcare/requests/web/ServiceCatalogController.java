package io.gridcare.requests.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Objects;

import io.gridcare.requests.DocumentKind;
import io.gridcare.requests.HandledBy;
import io.gridcare.requests.InvalidServiceTypeException;
import io.gridcare.requests.Label;
import io.gridcare.requests.RequestField;
import io.gridcare.requests.ServiceCatalog;
import io.gridcare.requests.ServiceCategory;
import io.gridcare.requests.ServiceReason;
import io.gridcare.requests.ServiceType;
import io.gridcare.system.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog for staff and its editing by admins. A service's ETag is its version: send it back in
 * {@code If-Match} (or as {@code version} in the body) and a change made on an older version is refused with 409.
 */
@RestController
@RequestMapping("/api/service-types")
@Tag(name = "Service catalog", description = "Danh mục dịch vụ điện trực tuyến / Catalog of online electricity services")
class ServiceCatalogController {

  private static final String INVALID = "Dữ liệu không hợp lệ / Invalid request";
  private static final String BASE = "/api/service-types/";

  private final ServiceCatalog catalog;

  ServiceCatalogController(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  @Operation(summary = "Mọi dịch vụ, kể cả đã ngừng / Every service, retired ones included, in the portal's order")
  List<ServiceTypeDocument> list() {
    return catalog.all().stream().map(ServiceTypeDocument::of).toList();
  }

  @GetMapping("/{code}")
  @Operation(summary = "Một dịch vụ với mọi lý do; ETag là phiên bản / One service with all its reasons; the ETag is "
      + "its version")
  ResponseEntity<ServiceTypeDocument> get(@PathVariable String code) {
    ServiceType service = catalog.get(code);
    return ResponseEntity.ok().eTag(eTag(service)).body(ServiceTypeDocument.of(service));
  }

  @PutMapping("/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Tạo hoặc thay dịch vụ cùng các lý do; lý do bị bỏ ra sẽ ngừng dùng / Create or replace a "
      + "service with its reasons; reasons left out are retired (admin)")
  ResponseEntity<ServiceTypeDocument> put(@PathVariable String code,
      @Parameter(description = "ETag của phiên bản đang sửa / ETag of the version edited")
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody @Valid ServiceTypeDocument change, Principal principal) {
    if (change.code() != null && !change.code().equals(code)) {
      throw new InvalidParameterException("code", "Mã khác với mã trên đường dẫn / The code differs from the path's");
    }
    Integer expected = expectedVersion(ifMatch, change.version());
    ServiceType saved = catalog.save(change.toServiceType(code), expected, principal.getName());
    // a service starts at version 0 and every change raises it
    ResponseEntity.BodyBuilder response = saved.version() == 0
        ? ResponseEntity.created(URI.create(BASE + code)) : ResponseEntity.ok();
    return response.eTag(eTag(saved)).body(ServiceTypeDocument.of(saved));
  }

  @DeleteMapping("/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Ngừng dịch vụ (không xóa: yêu cầu cũ vẫn tham chiếu) / Retire a service (kept: earlier "
      + "requests refer to it) (admin)")
  ResponseEntity<ServiceTypeDocument> retire(@PathVariable String code,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Principal principal) {
    ServiceType retired = catalog.retire(code, expectedVersion(ifMatch, null), principal.getName());
    return ResponseEntity.ok().eTag(eTag(retired)).body(ServiceTypeDocument.of(retired));
  }

  @ExceptionHandler(InvalidServiceTypeException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidServiceTypeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, INVALID);
    problem.setProperty("errors", e.problems());
    return ResponseEntity.badRequest().body(problem);
  }

  private static String eTag(ServiceType service) {
    return "\"" + service.version() + "\"";
  }

  /** The version from {@code If-Match} ({@code "3"}, {@code W/"3"}) or else the body's; null: no check. */
  private static Integer expectedVersion(String ifMatch, Integer bodyVersion) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return bodyVersion;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    int version;
    try {
      version = Integer.parseInt(tag);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(HttpHeaders.IF_MATCH, "Cần ETag của dịch vụ, ví dụ \"3\" / Expected the "
          + "service's ETag, such as \"3\"");
    }
    if (bodyVersion != null && bodyVersion != version) {
      throw new InvalidParameterException("version", "Phiên bản khác với If-Match / The version differs from If-Match");
    }
    return version;
  }

  /**
   * A service as staff read it and admins write it. {@code code} and {@code version} may be left out when
   * writing; everything an editor reads can be sent back as it is. Annotations catch only what could not be put
   * into a {@link ServiceType}; the catalog's own rules report everything else at once.
   */
  record ServiceTypeDocument(String code, ServiceCategory category, Label name, Label description,
                             @NotNull Integer promisedWorkingDays, Integer promisedWorkingDaysRural, Long feeVnd,
                             Label feeNote, HandledBy handledBy, @NotNull Boolean requiresCustomer,
                             @NotNull Boolean freeTextAllowed, @NotNull Boolean autoForward,
                             @NotNull List<@NotNull RequestField> requiredFields,
                             List<@NotNull DocumentKind> requiredDocuments,
                             @Valid List<@NotNull ReasonDocument> reasons, Boolean active, Integer version) {

    static ServiceTypeDocument of(ServiceType service) {
      return new ServiceTypeDocument(service.code(), service.category(), service.name(), service.description(),
          service.promisedWorkingDays(), service.promisedWorkingDaysRural(), service.feeVnd(), service.feeNote(),
          service.handledBy(), service.requiresCustomer(), service.freeTextAllowed(), service.autoForward(),
          service.requiredFields(), service.requiredDocuments(),
          service.reasons().stream().map(ReasonDocument::of).toList(), service.active(), service.version());
    }

    /** Absent lists are empty, an absent {@code active} is true. */
    ServiceType toServiceType(String code) {
      return new ServiceType(code, category, name, description, promisedWorkingDays, promisedWorkingDaysRural,
          feeVnd, feeNote, handledBy, requiresCustomer, freeTextAllowed, autoForward, requiredFields,
          Objects.requireNonNullElse(requiredDocuments, List.of()),
          Objects.requireNonNullElse(reasons, List.<ReasonDocument>of()).stream().map(ReasonDocument::toReason)
              .toList(), !Boolean.FALSE.equals(active), version == null ? 0 : version);
    }
  }

  /** A predefined reason; an absent {@code active} is true. */
  record ReasonDocument(String code, Label label,
                        List<@NotNull RequestField> requiredFields, List<@NotNull DocumentKind> requiredDocuments,
                        Boolean active) {

    static ReasonDocument of(ServiceReason reason) {
      return new ReasonDocument(reason.code(), reason.label(), reason.requiredFields(), reason.requiredDocuments(),
          reason.active());
    }

    ServiceReason toReason() {
      return new ServiceReason(code, label, Objects.requireNonNullElse(requiredFields, List.of()),
          Objects.requireNonNullElse(requiredDocuments, List.of()), !Boolean.FALSE.equals(active));
    }
  }
}
