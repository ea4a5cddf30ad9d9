package io.gridcare.requests;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Promised processing times count working days: Monday to Friday (public holidays are not known yet). */
final class WorkingDays {

  private WorkingDays() {
  }

  static LocalDate after(LocalDate start, int days) {
    LocalDate date = start;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return date;
  }
}
