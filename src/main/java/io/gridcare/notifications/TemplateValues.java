package io.gridcare.notifications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;

/**
 * Writes variable values the way customers read them. Values come from Java (numbers, {@code java.time}) or from
 * JSON event payloads (numbers, ISO-8601 strings); a string that does not parse is taken as already written and
 * used as it is. A {@code Map} holds one value per language code ({@code vi}, {@code en}).
 */
final class TemplateValues {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("MM/yyyy");

  private TemplateValues() {
  }

  /** The value as text, or null when there is none. */
  static String format(TemplateVariable.Kind kind, Object value, TemplateLanguage language) {
    if (value instanceof Map<?, ?> byLanguage) {
      Object chosen = byLanguage.get(language.code());
      value = chosen != null ? chosen : byLanguage.get(TemplateLanguage.VI.code());
    }
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case TEXT -> value.toString();
      case MONEY -> money(value, language);
      case NUMBER -> number(value, language);
      case DATE -> date(value);
      case DATE_TIME -> dateTime(value);
      case PERIOD -> period(value);
    };
  }

  private static String money(Object value, TemplateLanguage language) {
    BigDecimal amount = decimal(value);
    if (amount == null) {
      return value.toString();
    }
    String digits = group(amount.setScale(0, RoundingMode.HALF_UP), language);
    return language == TemplateLanguage.VI ? digits + " đ" : digits + " VND";
  }

  private static String number(Object value, TemplateLanguage language) {
    BigDecimal number = decimal(value);
    if (number == null) {
      return value.toString();
    }
    BigDecimal rounded = number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    BigDecimal whole = rounded.setScale(0, RoundingMode.DOWN);
    String text = group(whole, language);
    if (rounded.scale() > 0) {
      String fraction = rounded.abs().toPlainString();
      text += (language == TemplateLanguage.VI ? "," : ".") + fraction.substring(fraction.indexOf('.') + 1);
      if (whole.signum() == 0 && rounded.signum() < 0) {
        text = "-" + text;
      }
    }
    return text;
  }

  /** Thousands grouped by hand: DecimalFormat is neither thread-safe nor cheap to create per value. */
  private static String group(BigDecimal whole, TemplateLanguage language) {
    char separator = language == TemplateLanguage.VI ? '.' : ',';
    String digits = whole.abs().toPlainString();
    StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (whole.signum() < 0) {
      grouped.append('-');
    }
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    grouped.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      grouped.append(separator).append(digits, i, i + 3);
    }
    return grouped.toString();
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String date(Object value) {
    if (value instanceof LocalDate date) {
      return DATE.format(date);
    }
    ZonedDateTime instant = inVietnam(value);
    if (instant != null) {
      return DATE.format(instant);
    }
    try {
      return DATE.format(LocalDate.parse(value.toString()));
    } catch (DateTimeParseException e) {
      return value.toString();
    }
  }

  private static String dateTime(Object value) {
    ZonedDateTime time = inVietnam(value);
    return time != null ? DATE_TIME.format(time) : value.toString();
  }

  private static String period(Object value) {
    if (value instanceof YearMonth || value instanceof LocalDate) {
      return PERIOD.format((TemporalAccessor) value);
    }
    try {
      return PERIOD.format(YearMonth.parse(value.toString()));
    } catch (DateTimeParseException e) {
      return value.toString();
    }
  }

  /** An instant in Vietnamese time; a date-time without offset is taken as Vietnamese already. */
  private static ZonedDateTime inVietnam(Object value) {
    if (value instanceof Instant instant) {
      return instant.atZone(VIETNAM);
    }
    if (value instanceof OffsetDateTime time) {
      return time.atZoneSameInstant(VIETNAM);
    }
    if (value instanceof ZonedDateTime time) {
      return time.withZoneSameInstant(VIETNAM);
    }
    if (value instanceof LocalDateTime time) {
      return time.atZone(VIETNAM);
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(VIETNAM);
    }
    if (value instanceof CharSequence text && text.toString().indexOf('T') > 0) {
      String iso = text.toString().trim();
      try {
        return OffsetDateTime.parse(iso).atZoneSameInstant(VIETNAM);
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDateTime.parse(iso).atZone(VIETNAM);
        } catch (DateTimeParseException notLocal) {
          return null;
        }
      }
    }
    return null;
  }
}
