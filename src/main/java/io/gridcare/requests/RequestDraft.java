package io.gridcare.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.gridcare.customers.CustomerProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A portal request as the customer fills it. Every field may still be missing (validation says what is); a value
 * that is there must be well-formed, or the whole draft is refused.
 */
public record RequestDraft(
    @Size(max = 48) String serviceType,
    @Size(max = 48) String reasonCode,
    @Size(max = 2000) String description,
    @Pattern(regexp = CustomerProfile.CODE_FORMAT, message = "Mã khách hàng dạng PD01000012345 / a customer code like PD01000012345")
    String customerCode,
    @Size(max = 100) String contactName,
    @Size(max = 20) String phone,
    @Email @Size(max = 254) String email,
    @Pattern(regexp = ID_NUMBER, message = ID_NUMBER_MESSAGE) String idNumber,
    @Valid Address address,
    @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{2}", message = "Mã đơn vị dạng PD01 / a unit code like PD01") String unitCode,
    @DecimalMin("0.1") @DecimalMax("100000") BigDecimal requestedCapacityKw,
    @Min(1) @Max(3) Integer phases,
    @Min(1) @Max(50) Integer households,
    @Pattern(regexp = "RESIDENTIAL|BUSINESS|PRODUCTION|ADMINISTRATIVE",
        message = "RESIDENTIAL, BUSINESS, PRODUCTION hoặc/or ADMINISTRATIVE") String purposeOfUse,
    @Size(max = 100) String newHolderName,
    @Pattern(regexp = ID_NUMBER, message = ID_NUMBER_MESSAGE) String newHolderIdNumber,
    @Size(max = 300) String newMeterLocation,
    LocalDate preferredDate,
    YearMonth billingPeriod,
    @Size(max = 10) List<@Valid @NotNull DocumentRef> documents) {

  /** Citizen identity card (12 digits), old identity card (9), tax code (10, or 10-3 for a branch). */
  static final String ID_NUMBER = "[0-9]{9}|[0-9]{12}|[0-9]{10}(-[0-9]{3})?";
  static final String ID_NUMBER_MESSAGE = "CCCD 12 số, CMND 9 số hoặc mã số thuế / a 12-digit identity card, "
      + "9-digit old card or a tax code";

  public RequestDraft {
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** The address of supply. Districts and provinces are compared without diacritics or case. */
  public record Address(@Size(max = 200) String street, @Size(max = 100) String ward,
      @Size(max = 100) String district, @Size(max = 100) String province) {
  }

  /** A paper the portal stored: its kind, and where the Power Company fetches it. */
  public record DocumentRef(@NotNull DocumentKind kind, @Size(max = 200) String fileName,
      @Size(max = 500) @Pattern(regexp = "https://.+", message = "Địa chỉ https / an https address") String url) {
  }

  /** The field's value, or null when the customer has not given it (blank text counts as not given). */
  Object value(RequestField field) {
    Object value = switch (field) {
      case CUSTOMER_CODE -> customerCode;
      case CONTACT_NAME -> contactName;
      case PHONE -> phone;
      case EMAIL -> email;
      case ID_NUMBER -> idNumber;
      case ADDRESS -> address == null || blank(address.street()) || blank(address.district()) ? null : address;
      case REQUESTED_CAPACITY_KW -> requestedCapacityKw;
      case PHASES -> phases;
      case HOUSEHOLDS -> households;
      case PURPOSE_OF_USE -> purposeOfUse;
      case NEW_HOLDER_NAME -> newHolderName;
      case NEW_HOLDER_ID_NUMBER -> newHolderIdNumber;
      case NEW_METER_LOCATION -> newMeterLocation;
      case PREFERRED_DATE -> preferredDate;
      case BILLING_PERIOD -> billingPeriod;
      case DESCRIPTION -> description;
    };
    return value instanceof String text && blank(text) ? null : value;
  }

  boolean hasDocument(DocumentKind kind) {
    return documents.stream().anyMatch(document -> document.kind() == kind);
  }

  /** This draft with what a supplement gives; a supplement adds or corrects, it does not erase. */
  RequestDraft supplementedBy(RequestDraft more) {
    List<DocumentRef> papers = new java.util.ArrayList<>(documents);
    papers.addAll(more.documents);
    return new RequestDraft(or(more.serviceType, serviceType), or(more.reasonCode, reasonCode),
        description == null ? more.description
            : more.description == null ? description : description + "\n" + more.description,
        or(more.customerCode, customerCode), or(more.contactName, contactName), phone, or(more.email, email),
        or(more.idNumber, idNumber), or(more.address, address), or(more.unitCode, unitCode),
        or(more.requestedCapacityKw, requestedCapacityKw), or(more.phases, phases),
        or(more.households, households), or(more.purposeOfUse, purposeOfUse),
        or(more.newHolderName, newHolderName), or(more.newHolderIdNumber, newHolderIdNumber),
        or(more.newMeterLocation, newMeterLocation), or(more.preferredDate, preferredDate),
        or(more.billingPeriod, billingPeriod), papers.size() > 20 ? papers.subList(0, 20) : papers);
  }

  /** This draft as an agent corrected it in review. */
  RequestDraft correctedTo(String service, String reason, String unit) {
    return new RequestDraft(service, reason, description, customerCode, contactName, phone, email, idNumber,
        address, unit, requestedCapacityKw, phases, households, purposeOfUse, newHolderName, newHolderIdNumber,
        newMeterLocation, preferredDate, billingPeriod, documents);
  }

  private static <T> T or(T preferred, T otherwise) {
    return preferred instanceof String text && blank(text) || preferred == null ? otherwise : preferred;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
