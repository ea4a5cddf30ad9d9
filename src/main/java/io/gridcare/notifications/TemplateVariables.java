package io.gridcare.notifications;

import static io.gridcare.notifications.TemplateVariable.Kind.DATE;
import static io.gridcare.notifications.TemplateVariable.Kind.DATE_TIME;
import static io.gridcare.notifications.TemplateVariable.Kind.MONEY;
import static io.gridcare.notifications.TemplateVariable.Kind.NUMBER;
import static io.gridcare.notifications.TemplateVariable.Kind.PERIOD;
import static io.gridcare.notifications.TemplateVariable.Kind.TEXT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The variables each notice type's templates may use: the customer's (every type) and those its events carry. A
 * template using any other is refused when saved. The flow fills them from the customer profile and the event; for
 * a recipient who is not a customer, {@code customerName} and {@code unitName} from what the event said of them,
 * and no {@code customerCode} or {@code address} (templates put those in sections).
 */
public final class TemplateVariables {

  private static final List<TemplateVariable> CUSTOMER = List.of(
      text("customerName", "Tên khách hàng / Customer name", "Nguyễn Văn An"),
      text("customerCode", "Mã khách hàng / Customer code", "PD09000012345"),
      text("address", "Địa chỉ dùng điện / Supply address", "Thôn Đông, xã Phù Linh, huyện Sóc Sơn, Hà Nội"),
      text("unitName", "Điện lực quản lý, như danh mục Điện lực ghi / Power Company, as the unit list names it",
          "Điện lực Sóc Sơn"));

  private static final TemplateVariable PERIOD_VAR = new TemplateVariable("period",
      PERIOD, "Kỳ hóa đơn / Billing period", YearMonth.of(2026, 11));
  private static final TemplateVariable AMOUNT = new TemplateVariable("amount",
      MONEY, "Số tiền / Amount", new BigDecimal("685400"));
  private static final TemplateVariable DUE_DATE = new TemplateVariable("dueDate",
      DATE, "Hạn thanh toán / Due date", LocalDate.of(2026, 12, 15));
  private static final TemplateVariable AREA = text("area", "Khu vực / Area",
      Map.of("vi", "Thôn Đông, xã Phù Linh", "en", "Thôn Đông, Phù Linh commune"));
  private static final TemplateVariable OUTAGE_START = new TemplateVariable("outageStart",
      DATE_TIME, "Thời điểm ngừng cấp điện / Outage start", OffsetDateTime.parse("2026-12-05T08:00:00+07:00"));
  private static final TemplateVariable EXPECTED_RESTORATION = new TemplateVariable("expectedRestoration",
      DATE_TIME, "Dự kiến có điện trở lại / Expected restoration", OffsetDateTime.parse("2026-12-05T16:30:00+07:00"));
  private static final TemplateVariable REASON = text("reason", "Lý do / Reason",
      Map.of("vi", "bảo dưỡng đường dây 22kV", "en", "maintenance of the 22 kV line"));
  private static final TemplateVariable REQUEST_CODE = text("requestCode",
      "Mã yêu cầu trên CSKH / Request code in CRM", "YC2612050123");
  private static final TemplateVariable STATUS = text("status", "Trạng thái / Status",
      Map.of("vi", "Đang xử lý", "en", "In progress"));
  private static final TemplateVariable NOTE = text("note", "Ghi chú thêm (tùy chọn) / Further note (optional)",
      Map.of("vi", "Điện lực sẽ liên hệ Quý khách trong 02 ngày làm việc.",
          "en", "The Power Company will contact you within 2 working days."));

  private static final Map<NoticeType, Map<String, TemplateVariable>> BY_TYPE = byType();

  private TemplateVariables() {
  }

  /** What templates of this type may use, by name, customer variables first. */
  public static Map<String, TemplateVariable> of(NoticeType type) {
    return BY_TYPE.get(type);
  }

  /** Each variable's sample value, by name. */
  public static Map<String, Object> samples(NoticeType type) {
    Map<String, Object> samples = new LinkedHashMap<>();
    of(type).values().forEach(variable -> samples.put(variable.name(), variable.sample()));
    return samples;
  }

  private static Map<NoticeType, Map<String, TemplateVariable>> byType() {
    Map<NoticeType, List<TemplateVariable>> own = new EnumMap<>(NoticeType.class);
    own.put(NoticeType.BILL_ISSUED, List.of(PERIOD_VAR, AMOUNT, DUE_DATE,
        new TemplateVariable("kwh", NUMBER, "Điện năng tiêu thụ trong kỳ (kWh) / Consumption (kWh)", 246)));
    own.put(NoticeType.PAYMENT_DUE, List.of(PERIOD_VAR, AMOUNT, DUE_DATE));
    own.put(NoticeType.PAYMENT_OVERDUE, List.of(PERIOD_VAR, AMOUNT, DUE_DATE));
    own.put(NoticeType.DISCONNECTION_WARNING, List.of(PERIOD_VAR, AMOUNT, DUE_DATE,
        new TemplateVariable("disconnectionDate", DATE, "Ngày tạm ngừng cấp điện / Suspension date",
            LocalDate.of(2026, 12, 22))));
    own.put(NoticeType.PAYMENT_RECEIVED, List.of(PERIOD_VAR, AMOUNT,
        new TemplateVariable("paidAt", DATE_TIME, "Thời điểm thanh toán / Paid at",
            OffsetDateTime.parse("2026-12-03T09:42:00+07:00"))));
    own.put(NoticeType.OUTAGE_STARTED, List.of(AREA, OUTAGE_START, EXPECTED_RESTORATION, REASON));
    own.put(NoticeType.OUTAGE_RESTORED, List.of(AREA, OUTAGE_START,
        new TemplateVariable("restoredAt", DATE_TIME, "Thời điểm có điện trở lại / Restored at",
            OffsetDateTime.parse("2026-12-05T11:15:00+07:00"))));
    own.put(NoticeType.PLANNED_OUTAGE_SCHEDULED, List.of(AREA, OUTAGE_START, EXPECTED_RESTORATION, REASON));
    own.put(NoticeType.PLANNED_OUTAGE_CHANGED, List.of(AREA, OUTAGE_START, EXPECTED_RESTORATION, REASON,
        new TemplateVariable("previousStart", DATE_TIME, "Thời điểm ngừng cấp điện đã báo trước / Previously "
            + "announced start", OffsetDateTime.parse("2026-12-03T08:00:00+07:00"))));
    own.put(NoticeType.PLANNED_OUTAGE_CANCELLED, List.of(AREA, OUTAGE_START, EXPECTED_RESTORATION));
    own.put(NoticeType.ABNORMAL_CONSUMPTION, List.of(PERIOD_VAR,
        new TemplateVariable("kwh", NUMBER, "Điện năng tiêu thụ trong kỳ (kWh) / Consumption (kWh)", 612),
        new TemplateVariable("averageKwh", NUMBER,
            "Điện năng trung bình các kỳ trước (kWh) / Average of earlier periods (kWh)", 245),
        new TemplateVariable("changePercent", NUMBER, "Mức tăng so với trung bình (%) / Increase on the average (%)",
            150)));
    own.put(NoticeType.REQUEST_STATUS_CHANGED, List.of(REQUEST_CODE,
        text("serviceName", "Tên dịch vụ / Service",
            Map.of("vi", "Cấp điện mới sinh hoạt", "en", "New residential connection")),
        STATUS, NOTE));
    own.put(NoticeType.COMPLAINT_STATUS_CHANGED, List.of(REQUEST_CODE,
        text("subject", "Nội dung phản ánh / Complaint subject",
            Map.of("vi", "Điện áp thấp", "en", "Low voltage")),
        STATUS, NOTE));
    own.put(NoticeType.PHONE_VERIFICATION, List.of(
        text("code", "Mã xác thực, 4-8 chữ số / Verification code, 4-8 digits", "482913"),
        new TemplateVariable("expiresInMinutes", NUMBER, "Hiệu lực (phút) / Valid for (minutes)", 5),
        text("purpose", "Mục đích (tùy chọn) / Purpose (optional)",
            Map.of("vi", "xác nhận số điện thoại cho yêu cầu cấp điện mới",
                "en", "confirm your phone number for a new connection request"))));

    Map<NoticeType, Map<String, TemplateVariable>> byType = new EnumMap<>(NoticeType.class);
    for (NoticeType type : NoticeType.values()) {
      List<TemplateVariable> variables = own.get(type);
      if (variables == null) {
        throw new IllegalStateException("No template variables declared for " + type);
      }
      Map<String, TemplateVariable> byName = new LinkedHashMap<>();
      Stream.concat(CUSTOMER.stream(), variables.stream()).forEach(variable -> byName.put(variable.name(), variable));
      byType.put(type, Collections.unmodifiableMap(byName));
    }
    return Collections.unmodifiableMap(byType);
  }

  private static TemplateVariable text(String name, String description, Object sample) {
    return new TemplateVariable(name, TEXT, description, sample);
  }
}
