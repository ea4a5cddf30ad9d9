package io.gridcare.requests.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.requests.DocumentKind;
import io.gridcare.requests.HandledBy;
import io.gridcare.requests.Label;
import io.gridcare.requests.RequestField;
import io.gridcare.requests.ServiceCatalog;
import io.gridcare.requests.ServiceCategory;
import io.gridcare.requests.ServiceReason;
import io.gridcare.requests.ServiceType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the public portal offers, for its forms: no login. The catalog changes rarely, so browsers and proxies may
 * keep it for a few minutes and then ask again with the ETag (304 when nothing changed).
 */
@RestController
@Tag(name = "Portal", description = "Cổng dịch vụ điện trực tuyến, không cần đăng nhập / Online service portal, "
    + "no login")
class PortalServicesController {

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private static final Map<ServiceCategory, Label> CATEGORIES = Map.of(
      ServiceCategory.NEW_CONNECTION, new Label("Cấp điện mới", "New connection"),
      ServiceCategory.CONTRACT_CHANGE, new Label("Thay đổi hợp đồng mua bán điện", "Contract changes"),
      ServiceCategory.PAID_SERVICE, new Label("Dịch vụ có thu phí", "Paid services"),
      ServiceCategory.OTHER, new Label("Hỏi đáp, báo sự cố, khiếu nại", "Questions, outages and complaints"));

  private final ServiceCatalog catalog;
  private final ObjectMapper json;

  PortalServicesController(ServiceCatalog catalog, ObjectMapper json) {
    this.catalog = catalog;
    this.json = json;
  }

  @GetMapping("/api/portal/services")
  @Operation(summary = "Danh mục dịch vụ: lý do, thông tin và giấy tờ cần có, thời hạn, phí / The catalog: reasons, "
      + "the fields and papers each needs, promised days and fees")
  ResponseEntity<PortalCatalog> services() throws JsonProcessingException {
    PortalCatalog body = new PortalCatalog(
        Arrays.stream(ServiceCategory.values()).map(category -> new CategoryView(category, CATEGORIES.get(category)))
            .toList(),
        catalog.active().stream().map(PortalService::of).toList());
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
        .eTag(fingerprint(json.writeValueAsBytes(body))).body(body);
  }

  /** Same content, same tag, on every server; no version to keep in step. */
  private static String fingerprint(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  record PortalCatalog(List<CategoryView> categories, List<PortalService> services) {
  }

  record CategoryView(ServiceCategory code, Label label) {
  }

  /**
   * @param promisedWorkingDays the processing time promised, by the kind of area the address is in
   * @param fee absent when the catalog states none
   */
  record PortalService(String code, ServiceCategory category, Label name, Label description,
                       PromisedDays promisedWorkingDays, Fee fee, HandledBy handledBy, boolean requiresCustomer,
                       boolean freeTextAllowed, List<FieldView> requiredFields, List<DocumentView> requiredDocuments,
                       List<ReasonView> reasons) {

    static PortalService of(ServiceType service) {
      return new PortalService(service.code(), service.category(), service.name(), service.description(),
          new PromisedDays(service.promisedWorkingDays(true), service.promisedWorkingDays(false)),
          service.feeVnd() == null && service.feeNote() == null ? null : new Fee(service.feeVnd(), service.feeNote()),
          service.handledBy(), service.requiresCustomer(), service.freeTextAllowed(),
          FieldView.of(service.fieldsRequired(Optional.empty())),
          DocumentView.of(service.documentsRequired(Optional.empty())),
          service.reasons().stream().map(ReasonView::of).toList());
    }
  }

  record PromisedDays(int city, int rural) {
  }

  /** @param vnd the fixed fee, when there is one; {@code note} explains the others */
  record Fee(Long vnd, Label note) {
  }

  /** A reason's fields and documents are those it adds to the service's. */
  record ReasonView(String code, Label label, List<FieldView> requiredFields, List<DocumentView> requiredDocuments) {
    static ReasonView of(ServiceReason reason) {
      return new ReasonView(reason.code(), reason.label(), FieldView.of(reason.requiredFields()),
          DocumentView.of(reason.requiredDocuments()));
    }
  }

  /** @param key the property of a request that carries it */
  record FieldView(String key, RequestField.Kind kind, Label label) {
    static List<FieldView> of(List<RequestField> fields) {
      return fields.stream().map(field -> new FieldView(field.key(), field.kind(), field.label())).toList();
    }
  }

  record DocumentView(DocumentKind kind, Label label) {
    static List<DocumentView> of(List<DocumentKind> documents) {
      return documents.stream().map(document -> new DocumentView(document, document.label())).toList();
    }
  }
}
