package io.gridcare.requests;

import java.util.List;
import java.util.stream.Collectors;

import io.gridcare.customers.CustomerProfile;
import org.springframework.stereotype.Component;

/** What the Tasklist forms show of a request: plain text, since form variables are strings. */
@Component
class RequestTexts {

  private final ServiceCatalog catalog;
  private final ServiceRequests requests;

  RequestTexts(ServiceCatalog catalog, ServiceRequests requests) {
    this.catalog = catalog;
    this.requests = requests;
  }

  String summary(ServiceRequest request) {
    RequestDraft draft = request.draft();
    StringBuilder text = new StringBuilder();
    catalog.find(request.serviceType()).ifPresent(service -> {
      text.append("Dịch vụ / Service: ").append(service.name().vi()).append(" (").append(service.code()).append(")\n");
      if (request.reasonCode() != null) {
        service.reason(request.reasonCode()).ifPresent(reason -> text.append("Lý do / Reason: ")
            .append(reason.label().vi()).append(" (").append(reason.code()).append(")\n"));
      }
    });
    line(text, "Người yêu cầu / Requester", request.contactName());
    line(text, "Mã khách hàng / Customer code", request.customerCode());
    line(text, "Điện lực / Unit", request.unitCode());
    for (RequestField field : RequestField.values()) {
      if (field == RequestField.CONTACT_NAME || field == RequestField.CUSTOMER_CODE || field == RequestField.PHONE
          || field == RequestField.EMAIL) {
        continue;
      }
      Object value = draft.value(field);
      if (value instanceof RequestDraft.Address address) {
        value = String.join(", ", List.of(nz(address.street()), nz(address.ward()), nz(address.district()),
            nz(address.province())).stream().filter(part -> !part.isBlank()).toList());
      }
      if (value != null) {
        line(text, field.label().vi() + " / " + field.label().en(), value.toString());
      }
    }
    if (!draft.documents().isEmpty()) {
      text.append("Giấy tờ / Documents: ").append(draft.documents().stream()
          .map(document -> document.kind().label().vi() + (document.url() == null ? "" : " " + document.url()))
          .collect(Collectors.joining("; "))).append('\n');
    }
    return text.toString().strip();
  }

  static String warnings(List<Warning> warnings) {
    if (warnings.isEmpty()) {
      return "Không có / None";
    }
    return warnings.stream()
        .map(warning -> (warning.blocking() ? "⛔ " : "ℹ ") + warning.code() + (warning.field() == null ? ""
            : " [" + warning.field() + "]") + ": " + warning.message().vi() + " / " + warning.message().en())
        .collect(Collectors.joining("\n"));
  }

  static String profile(CustomerProfile customer) {
    if (customer == null) {
      return "Chưa xác định được khách hàng / Customer not identified";
    }
    StringBuilder text = new StringBuilder();
    line(text, "Mã / Code", customer.code());
    if (customer.identity() != null) {
      line(text, "Tên / Name", customer.identity().fullName());
      line(text, "Loại / Type", String.valueOf(customer.identity().customerType()));
      line(text, "Trạng thái / Status", customer.identity().status());
    }
    if (customer.location() != null) {
      line(text, "Địa chỉ / Address", customer.location().address() + ", " + customer.location().district());
    }
    if (customer.contract() != null) {
      line(text, "Mục đích / Purpose", customer.contract().purposeOfUse());
      line(text, "Công suất (kW) / Capacity (kW)", customer.contract().contractedCapacityKw() == null ? null
          : customer.contract().contractedCapacityKw().toPlainString());
      line(text, "Số hộ / Households", customer.contract().households() == null ? null
          : customer.contract().households().toString());
    }
    if (customer.billing() != null && customer.billing().outstandingDebt() != null) {
      line(text, "Nợ / Outstanding debt (VND)", customer.billing().outstandingDebt().toPlainString());
    }
    if (customer.service() != null) {
      line(text, "Yêu cầu đang mở / Open requests", String.valueOf(customer.service().openRequests()));
    }
    return text.toString().strip();
  }

  String duplicates(List<String> codes) {
    if (codes.isEmpty()) {
      return "Không có / None";
    }
    return codes.stream().map(requests::find).flatMap(java.util.Optional::stream)
        .map(earlier -> earlier.code() + ": " + earlier.serviceType() + ", " + earlier.status() + ", "
            + earlier.submittedAt().atZone(PortalRequests.VIETNAM).toLocalDate()
            + (earlier.draft().description() == null ? "" : " — " + abbreviate(earlier.draft().description())))
        .collect(Collectors.joining("\n"));
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append(label).append(": ").append(value).append('\n');
    }
  }
}
