package io.gridcare.requests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.CustomerProfiles;
import io.gridcare.customers.CustomerType;
import io.gridcare.customers.PhoneNumbers;
import io.gridcare.units.UnitAreas;
import io.gridcare.units.Units;
import org.springframework.stereotype.Component;

/**
 * Validation of a draft against the catalog, the customer's data, the units' areas and earlier requests. Reads
 * only (PostgreSQL and the search index), so it runs outside any engine transaction.
 */
@Component
class RequestChecks {

  private final CustomerProfiles customers;
  private final UnitAreas areas;
  private final Units units;
  private final Duplicates duplicates;

  RequestChecks(CustomerProfiles customers, UnitAreas areas, Units units, Duplicates duplicates) {
    this.customers = customers;
    this.areas = areas;
    this.units = units;
    this.duplicates = duplicates;
  }

  /** {@code self}: the request's own code when it is checked again, so it is not its own duplicate. */
  Assessment assess(ServiceType service, RequestDraft draft, String self) {
    List<Warning> warnings = new ArrayList<>();
    Optional<ServiceReason> reason = reason(service, draft, warnings);
    for (RequestField field : service.fieldsRequired(reason)) {
      if (draft.value(field) == null) {
        warnings.add(Warning.of(WarningCode.MISSING_FIELD, field.key(),
            "Cần nhập " + field.label().vi() + " cho dịch vụ này",
            field.label().en() + " is required for this service"));
      }
    }
    for (DocumentKind kind : service.documentsRequired(reason)) {
      if (!draft.hasDocument(kind)) {
        warnings.add(Warning.of(WarningCode.MISSING_DOCUMENT, "documents",
            "Cần đính kèm " + kind.label().vi(), "Attach the " + kind.label().en().toLowerCase()));
      }
    }
    Optional<String> phone = draft.phone() == null || draft.phone().isBlank() ? Optional.empty()
        : PhoneNumbers.normalise(draft.phone());
    if (draft.phone() != null && !draft.phone().isBlank() && phone.isEmpty()) {
      warnings.add(Warning.of(WarningCode.INVALID_FIELD, "phone", "Số điện thoại không hợp lệ",
          "The phone number is not valid"));
    }
    CustomerProfile customer = customer(draft, phone, warnings);
    contradictions(service, draft, customer, phone, warnings);
    String unit = unit(draft, customer, warnings);
    if (unit == null && service.handledBy() == HandledBy.POWER_COMPANY
        && warnings.stream().noneMatch(warning -> warning.code() == WarningCode.ADDRESS_OUTSIDE_AREA)) {
      warnings.add(Warning.of(WarningCode.UNIT_UNKNOWN, "unitCode",
          "Chưa rõ Điện lực nào xử lý; nhập mã khách hàng, địa chỉ hoặc chọn Điện lực",
          "Which Power Company handles it is unknown; give the customer code, the address or the unit"));
    }
    List<String> earlier = duplicates.find(service, draft, customer, phone.orElse(null), self, warnings);
    return new Assessment(service, List.copyOf(warnings), unit, customer, earlier,
        reason.isPresent());
  }

  private static Optional<ServiceReason> reason(ServiceType service, RequestDraft draft, List<Warning> warnings) {
    if (draft.reasonCode() != null && !draft.reasonCode().isBlank()) {
      Optional<ServiceReason> reason = service.reason(draft.reasonCode()).filter(ServiceReason::active);
      if (reason.isEmpty()) {
        warnings.add(Warning.of(WarningCode.REASON_NOT_IN_SERVICE, "reasonCode",
            "Lý do này không thuộc dịch vụ " + service.name().vi() + "; hãy chọn lại dịch vụ hoặc lý do",
            "This reason does not belong to " + service.name().en() + "; choose another service or reason"));
      }
      return reason;
    }
    boolean described = draft.description() != null && !draft.description().isBlank();
    if (!service.reasons().isEmpty() && !(service.freeTextAllowed() && described)) {
      warnings.add(Warning.of(WarningCode.REASON_REQUIRED, "reasonCode",
          service.freeTextAllowed() ? "Hãy chọn một lý do hoặc mô tả yêu cầu" : "Hãy chọn một lý do",
          service.freeTextAllowed() ? "Choose a reason or describe the request" : "Choose a reason"));
    }
    return Optional.empty();
  }

  private CustomerProfile customer(RequestDraft draft, Optional<String> phone, List<Warning> warnings) {
    if (draft.customerCode() == null || draft.customerCode().isBlank()) {
      return null;
    }
    Optional<CustomerProfile> found = customers.profile(draft.customerCode());
    if (found.isEmpty()) {
      warnings.add(Warning.of(WarningCode.UNKNOWN_CUSTOMER, "customerCode",
          "Không tìm thấy mã khách hàng này; kiểm tra lại trên hóa đơn tiền điện",
          "No customer has this code; check it on an electricity bill"));
      return null;
    }
    CustomerProfile customer = found.get();
    CustomerProfile.Contact contact = customer.contact();
    if (phone.isPresent() && contact != null && contact.mobile() != null
        && !phone.get().equals(contact.mobile()) && !phone.get().equals(contact.alternatePhone())) {
      warnings.add(Warning.of(WarningCode.PHONE_NOT_ON_RECORD, "phone",
          "Số điện thoại khác số đã đăng ký với Điện lực; chúng tôi sẽ liên hệ theo số này",
          "This phone differs from the one on record; we will call this one"));
    }
    return customer;
  }

  /** Choices that contradict what the customer's data says. */
  private void contradictions(ServiceType service, RequestDraft draft, CustomerProfile customer,
      Optional<String> phone, List<Warning> warnings) {
    if (service.category() == ServiceCategory.NEW_CONNECTION && draft.value(RequestField.ADDRESS) != null) {
      List<CustomerProfile> candidates = new ArrayList<>();
      if (customer != null) {
        candidates.add(customer);
      }
      phone.ifPresent(number -> candidates.addAll(customers.withMobile(number)));
      if (candidates.stream().anyMatch(candidate -> sameAddress(candidate, draft.address()))) {
        warnings.add(Warning.of(WarningCode.CONNECTION_EXISTS, "address",
            "Địa chỉ này đã có công tơ của quý khách; có thể quý khách cần dịch vụ tách, thay đổi công suất hoặc di dời công tơ",
            "This address already has your meter; you may need a split, a capacity change or a meter relocation"));
      }
    }
    if (customer == null) {
      return;
    }
    CustomerType type = customer.identity() == null ? null : customer.identity().customerType();
    List<RequestField> fields = service.requiredFields();
    if (fields.contains(RequestField.HOUSEHOLDS) && service.category() != ServiceCategory.NEW_CONNECTION
        && type != null && type != CustomerType.RESIDENTIAL) {
      warnings.add(Warning.of(WarningCode.NOT_RESIDENTIAL, "households",
          "Định mức theo số hộ chỉ áp dụng cho khách hàng sinh hoạt; khách hàng này thuộc nhóm " + type,
          "Household norms apply to residential customers only; this customer is " + type));
    }
    BigDecimal current = customer.contract() == null ? null : customer.contract().contractedCapacityKw();
    if (fields.contains(RequestField.REQUESTED_CAPACITY_KW) && service.category() != ServiceCategory.NEW_CONNECTION
        && current != null && draft.requestedCapacityKw() != null
        && current.compareTo(draft.requestedCapacityKw()) == 0) {
      warnings.add(Warning.of(WarningCode.CAPACITY_UNCHANGED, "requestedCapacityKw",
          "Công suất đề nghị bằng công suất hiện tại (" + current.toPlainString() + " kW)",
          "The requested capacity is the current one (" + current.toPlainString() + " kW)"));
    }
    if (fields.contains(RequestField.PURPOSE_OF_USE) && service.category() == ServiceCategory.CONTRACT_CHANGE
        && type != null && type.name().equals(draft.purposeOfUse())) {
      warnings.add(Warning.of(WarningCode.PURPOSE_UNCHANGED, "purposeOfUse",
          "Mục đích sử dụng điện đề nghị giống mục đích hiện tại",
          "The requested purpose of use is the current one"));
    }
  }

  private static boolean sameAddress(CustomerProfile customer, RequestDraft.Address address) {
    CustomerProfile.Location location = customer.location();
    if (location == null || location.address() == null) {
      return false;
    }
    String street = UnitAreas.fold(address.street());
    return !street.isEmpty() && UnitAreas.fold(location.address()).startsWith(street)
        && UnitAreas.fold(location.district()).equals(UnitAreas.fold(address.district()));
  }

  /** The request's unit: the customer's, else the one chosen, else the one serving the address. */
  private String unit(RequestDraft draft, CustomerProfile customer, List<Warning> warnings) {
    String unit = customer != null ? customer.unitCode() : null;
    if (unit == null && draft.unitCode() != null) {
      if (units.existsById(draft.unitCode())) {
        unit = draft.unitCode();
      } else {
        warnings.add(Warning.of(WarningCode.INVALID_FIELD, "unitCode", "Không có Điện lực " + draft.unitCode(),
            "There is no Power Company " + draft.unitCode()));
      }
    }
    RequestDraft.Address address = draft.address();
    if (address == null || address.district() == null || address.district().isBlank()) {
      return unit;
    }
    List<String> serving = areas.unitsServing(address.province(), address.district());
    if (serving.isEmpty()) {
      warnings.add(Warning.of(WarningCode.ADDRESS_OUTSIDE_AREA, "address.district",
          "Địa chỉ không thuộc khu vực Tổng công ty phục vụ; kiểm tra quận/huyện, tỉnh/thành phố",
          "The address is outside the corporation's area; check the district and province"));
      return unit;
    }
    if (unit == null) {
      return serving.get(0);
    }
    if (!serving.contains(unit)) {
      warnings.add(Warning.of(WarningCode.ADDRESS_OUTSIDE_UNIT, "address.district",
          "Địa chỉ không thuộc địa bàn Điện lực " + unit + " (thuộc " + String.join(", ", serving) + ")",
          "The address is outside the area of " + unit + " (it is served by " + String.join(", ", serving) + ")"));
    }
    return unit;
  }
}
