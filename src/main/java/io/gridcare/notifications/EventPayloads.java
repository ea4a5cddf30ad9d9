package io.gridcare.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.customers.Audience;
import io.gridcare.customers.CustomerProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What each source system's events carry, by source. The payload names the audience (one customer, a unit's
 * substations and feeders, or one person who is not a customer yet) and the values the notice's template shows.
 * Each type also requires the fields its standard template cannot do without ({@link #required}).
 */
final class EventPayloads {

  private EventPayloads() {
  }

  sealed interface Payload permits Billing, Outage, Consumption, Crm, Verification {

    /** Whom the notice addresses. */
    Target target();

    /** The template's values the event brings (customer values come from each profile). */
    Map<String, Object> variables();

    /** What makes two notices "the same content" for a customer (see {@link NoticeType}); null: never merged. */
    String contentKey(NoticeType type);

    /** The payload as the event log keeps it. */
    default JsonNode recorded(JsonNode payload) {
      return payload;
    }
  }

  /** One customer, the customers of a unit's grid area, or one person who is not a customer. */
  record Target(String customerCode, Audience audience, NoticeContact contact) {

    Target(String customerCode, Audience audience) {
      this(customerCode, audience, null);
    }

    Target(NoticeContact contact) {
      this(null, null, contact);
    }

    /** The unit the notice belongs to; null for a contact no unit handles. */
    String unitCode() {
      if (customerCode != null) {
        return customerCode.substring(0, 4);
      }
      return contact != null ? contact.unitCode() : audience.unit();
    }

    /** Whom the ledger keys the only recipient by, for a notice to one customer or contact. */
    String recipientKey() {
      return customerCode != null ? customerCode : contact.key();
    }
  }

  /** Someone who is not (yet) a customer, such as a new-connection applicant: a name, a mobile, maybe e-mail. */
  record Contact(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Size(max = 32) String phone,
      @Email @Size(max = 200) String email,
      @Pattern(regexp = "P[A-Z][0-9]{2}") String unitCode) {
  }

  record Billing(
      @NotBlank @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @NotNull YearMonth period,
      @NotNull @PositiveOrZero BigDecimal amount,
      LocalDate dueDate,
      @PositiveOrZero BigDecimal kwh,
      LocalDate disconnectionDate,
      Instant paidAt) implements Payload {

    @Override
    public Target target() {
      return new Target(customerCode, null);
    }

    @Override
    public Map<String, Object> variables() {
      return values("period", period, "amount", amount, "dueDate", dueDate, "kwh", kwh,
          "disconnectionDate", disconnectionDate, "paidAt", paidAt);
    }

    @Override
    public String contentKey(NoticeType type) {
      return type + ":" + customerCode + ":" + period;
    }
  }

  /** Unplanned (OMS) and planned (switching) outages of a unit's substations or feeders. */
  record Outage(
      @NotBlank @Pattern(regexp = "P[A-Z][0-9]{2}") String unitCode,
      @Size(max = 200) List<@NotBlank @Size(max = 32) String> substations,
      @Size(max = 200) List<@NotBlank @Size(max = 32) String> feeders,
      @NotNull @Valid LocalizedText area,
      @NotNull Instant outageStart,
      Instant expectedRestoration,
      Instant restoredAt,
      Instant previousStart,
      @Valid LocalizedText reason,
      @Positive BigDecimal reducedCapacityKw) implements Payload {

    @Override
    public Target target() {
      return new Target(null, new Audience(unitCode, substations, feeders, List.of(), null));
    }

    @Override
    public Map<String, Object> variables() {
      return values("area", area == null ? null : area.asMap(), "outageStart", outageStart,
          "expectedRestoration", expectedRestoration, "restoredAt", restoredAt, "previousStart", previousStart,
          "reason", reason == null ? null : reason.asMap());
    }

    /**
     * OMS and the switching schedule both announce an outage starting: the same place and the same hour is the
     * same news. Restorations and changes are news of their own.
     */
    @Override
    public String contentKey(NoticeType type) {
      String family = switch (type) {
        case OUTAGE_STARTED, PLANNED_OUTAGE_SCHEDULED -> "OUTAGE_START";
        default -> type.name();
      };
      Set<String> places = new TreeSet<>();
      if (substations != null) {
        substations.forEach(substation -> places.add("S:" + substation));
      }
      if (feeders != null) {
        feeders.forEach(feeder -> places.add("F:" + feeder));
      }
      long hour = outageStart.getEpochSecond() / 3600;
      String key = family + ":" + unitCode + ":" + String.join(",", places) + ":" + hour;
      return key.length() <= 200 ? key : key.substring(0, 160) + "#" + Integer.toHexString(key.hashCode());
    }
  }

  record Consumption(
      @NotBlank @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @NotNull YearMonth period,
      @NotNull @PositiveOrZero BigDecimal kwh,
      @NotNull @PositiveOrZero BigDecimal averageKwh) implements Payload {

    @Override
    public Target target() {
      return new Target(customerCode, null);
    }

    @Override
    public Map<String, Object> variables() {
      BigDecimal change = averageKwh.signum() == 0 ? null
          : kwh.subtract(averageKwh).multiply(BigDecimal.valueOf(100))
              .divide(averageKwh, 0, java.math.RoundingMode.HALF_UP);
      return values("period", period, "kwh", kwh, "averageKwh", averageKwh, "changePercent", change);
    }

    @Override
    public String contentKey(NoticeType type) {
      return type + ":" + customerCode + ":" + period;
    }
  }

  /**
   * A service request or complaint in CRM (or an online request) changed status: of a customer, or of someone
   * who has no customer code yet (exactly one of {@code customerCode} and {@code contact}).
   */
  record Crm(
      @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @Valid Contact contact,
      @NotBlank @Size(max = 32) String requestCode,
      @NotNull @Valid LocalizedText status,
      @Valid LocalizedText serviceName,
      @Valid LocalizedText subject,
      @Valid LocalizedText note) implements Payload {

    @Override
    public Target target() {
      return customerCode != null ? new Target(customerCode, null)
          : new Target(NoticeContact.of(contact.name(), contact.phone(), contact.email(), contact.unitCode()));
    }

    @Override
    public Map<String, Object> variables() {
      return values("requestCode", requestCode, "status", status.asMap(),
          "serviceName", serviceName == null ? null : serviceName.asMap(),
          "subject", subject == null ? null : subject.asMap(), "note", note == null ? null : note.asMap());
    }

    @Override
    public String contentKey(NoticeType type) {
      return type + ":" + target().recipientKey() + ":" + requestCode + ":" + status.vi();
    }
  }

  /**
   * A one-time code that proves a person holds a phone number, raised by GridCare's online requests. The code
   * reaches the phone and the notice's variables, and nowhere else: the event log keeps it masked, and so does
   * {@link #toString}.
   */
  record Verification(
      @NotBlank @Size(max = 32) String phone,
      @NotBlank @Pattern(regexp = "[0-9]{4,8}", message = "4 đến 8 chữ số / 4 to 8 digits") String code,
      @NotNull @Min(1) @Max(60) Integer expiresInMinutes,
      @Valid LocalizedText purpose) implements Payload {

    static final String MASKED = "******";

    @Override
    public Target target() {
      return new Target(NoticeContact.of(null, phone, null, null));
    }

    @Override
    public Map<String, Object> variables() {
      return values("code", code, "expiresInMinutes", expiresInMinutes,
          "purpose", purpose == null ? null : purpose.asMap());
    }

    /** Two codes to one phone are two messages; the same code again within the window is one. */
    @Override
    public String contentKey(NoticeType type) {
      return type + ":" + target().recipientKey() + ":" + code;
    }

    @Override
    public JsonNode recorded(JsonNode payload) {
      ObjectNode masked = payload.deepCopy();
      masked.put("code", MASKED);
      return masked;
    }

    @Override
    public String toString() {
      return "Verification[expiresInMinutes=" + expiresInMinutes + "]";
    }
  }

  static Class<? extends Payload> typeOf(NoticeType.EventSource source) {
    return switch (source) {
      case BILLING -> Billing.class;
      case OUTAGES, SWITCHING -> Outage.class;
      case CONSUMPTION -> Consumption.class;
      case CRM -> Crm.class;
      case PORTAL -> Verification.class;
    };
  }

  /** Payload fields a type's standard template needs on top of what its record requires. */
  static List<String> required(NoticeType type) {
    return switch (type) {
      case BILL_ISSUED, PAYMENT_DUE, PAYMENT_OVERDUE -> List.of("dueDate");
      case DISCONNECTION_WARNING -> List.of("dueDate", "disconnectionDate");
      case PAYMENT_RECEIVED -> List.of("paidAt");
      case OUTAGE_STARTED, PLANNED_OUTAGE_SCHEDULED, PLANNED_OUTAGE_CANCELLED -> List.of("expectedRestoration");
      case PLANNED_OUTAGE_CHANGED -> List.of("expectedRestoration", "previousStart");
      case OUTAGE_RESTORED -> List.of("restoredAt");
      case REQUEST_STATUS_CHANGED -> List.of("serviceName");
      case COMPLAINT_STATUS_CHANGED -> List.of("subject");
      case ABNORMAL_CONSUMPTION, PHONE_VERIFICATION -> List.of();
    };
  }

  /** Problems with the payload that its record cannot express: field paths under {@code payload.}. */
  static List<String[]> problems(NoticeType type, Payload payload) {
    List<String[]> problems = new ArrayList<>();
    Map<String, Object> variables = payload.variables();
    for (String field : required(type)) {
      if (variables.get(field) == null) {
        problems.add(new String[] {"payload." + field,
            "Bắt buộc với loại " + type + " / required for type " + type});
      }
    }
    if (payload instanceof Crm crm) {
      if ((crm.customerCode() == null) == (crm.contact() == null)) {
        String problem = "Cần đúng một trong customerCode và contact / exactly one of customerCode and contact is "
            + "required";
        problems.add(new String[] {"payload.customerCode", problem});
        problems.add(new String[] {"payload.contact", problem});
      }
      if (crm.contact() != null && !NoticeContact.validPhone(crm.contact().phone())) {
        problems.add(new String[] {"payload.contact.phone", MOBILE});
      }
    }
    if (payload instanceof Verification verification && !NoticeContact.validPhone(verification.phone())) {
      problems.add(new String[] {"payload.phone", MOBILE});
    }
    if (payload instanceof Outage outage && (outage.substations() == null || outage.substations().isEmpty())
        && (outage.feeders() == null || outage.feeders().isEmpty())) {
      problems.add(new String[] {"payload.substations",
          "Cần ít nhất một trạm biến áp hoặc xuất tuyến / at least one substation or feeder is required"});
    }
    return problems;
  }

  private static final String MOBILE = "Cần một số di động Việt Nam, như 0912 345 678 / a Vietnamese mobile number "
      + "is required, such as 0912 345 678";

  private static Map<String, Object> values(Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        values.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return values;
  }
}
