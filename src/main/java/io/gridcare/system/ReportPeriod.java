package io.gridcare.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The {@code from} and {@code to} parameters of the statistics endpoints: ISO dates are whole days in Vietnam
 * ({@code to} included), instants are taken as they are ({@code to} excluded), a date-time without offset is
 * Vietnamese time; the default is the {@code defaultLength} before {@code now}.
 */
public record ReportPeriod(Instant from, Instant to) {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Bad dates, and a {@code from} not before {@code to}, are {@link InvalidParameterException}s. */
  public static ReportPeriod of(String from, String to, Instant now, Duration defaultLength) {
    Instant end = present(to) == null ? now : bound("to", to.strip(), true);
    Instant start = present(from) == null ? end.minus(defaultLength) : bound("from", from.strip(), false);
    if (!start.isBefore(end)) {
      String field = present(to) == null ? "from" : "to";
      throw new InvalidParameterException(field, "'from' phải trước 'to' / 'from' must come before 'to'");
    }
    return new ReportPeriod(start, end);
  }

  private static Instant bound(String field, String value, boolean end) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1) : day).atStartOfDay(VIETNAM).toInstant();
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from,
          LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned ? zoned.toInstant()
          : ((LocalDateTime) parsed).atZone(VIETNAM).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(field, "Ngày không hợp lệ, ví dụ 2026-11-24 hoặc 2026-11-24T08:00:00+07:00 "
          + "/ Invalid date, e.g. 2026-11-24 or 2026-11-24T08:00:00+07:00");
    }
  }

  /** The parameter without surrounding blanks, or null when it is missing or blank. */
  public static String present(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
