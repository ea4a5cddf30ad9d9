package io.gridcare.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
 * What each source system sends for one customer: its whole current view of that customer, stamped with the
 * source's own time ({@code updatedAt}). A newer record replaces the source's previous one; an older one is
 * ignored, so out-of-order delivery is harmless.
 */
final class SourceRecords {

  private SourceRecords() {
  }

  sealed interface SourceRecord permits Billing, Metering, Outages, Crm, Channels {
    String customerCode();

    Instant updatedAt();
  }

  record Billing(
      @NotBlank @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @NotNull Instant updatedAt,
      @NotBlank @Size(max = 200) String fullName,
      @NotNull CustomerType customerType,
      @Size(max = 20) String idNumber,
      LocalDate birthOrFoundingDate,
      @Pattern(regexp = "ACTIVE|SUSPENDED|TERMINATED") String status,
      @Size(max = 300) String address,
      @Size(max = 100) String ward,
      @Size(max = 100) String district,
      @Size(max = 100) String province,
      @Size(max = 32) String substation,
      @Size(max = 32) String feeder,
      @Size(max = 32) String meterBook,
      @DecimalMin("8.0") @DecimalMax("24.0") BigDecimal latitude,
      @DecimalMin("102.0") @DecimalMax("110.0") BigDecimal longitude,
      @Size(max = 32) String contractId,
      LocalDate contractStart,
      @Size(max = 32) String tariffGroup,
      @Size(max = 32) String purposeOfUse,
      @Pattern(regexp = "LV|MV|HV") String voltageLevel,
      @PositiveOrZero BigDecimal contractedCapacityKw,
      @Positive @Max(1000) Integer households,
      @Size(max = 32) String paymentMethod,
      Boolean eInvoice,
      @PositiveOrZero BigDecimal outstandingDebt,
      @Size(max = 36) List<@Valid @NotNull Bill> bills) implements SourceRecord {

    record Bill(@NotNull YearMonth period, @NotNull @PositiveOrZero BigDecimal amount, @NotNull LocalDate dueDate,
                Instant paidAt) {
    }
  }

  record Metering(
      @NotBlank @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @NotNull Instant updatedAt,
      @Size(max = 32) String meterId,
      @Pattern(regexp = "SMART|ELECTRONIC|MECHANICAL") String meterType,
      @Min(1) @Max(31) Integer readingDay,
      @PositiveOrZero BigDecimal lastIndex,
      @Size(max = 36) List<@Valid @NotNull MonthlyKwh> monthlyKwh) implements SourceRecord {

    record MonthlyKwh(@NotNull YearMonth period, @NotNull @PositiveOrZero BigDecimal kwh) {
    }
  }

  record Outages(
      @NotBlank @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @NotNull Instant updatedAt,
      @Pattern(regexp = "NONE|HOSPITAL|HOME_MEDICAL_EQUIPMENT|WATER_SUPPLY|OTHER") String criticalLoad,
      @Size(max = 500) List<@Valid @NotNull Outage> outages) implements SourceRecord {

    record Outage(@NotNull Instant startedAt, Instant restoredAt, boolean planned) {
    }
  }

  record Crm(
      @NotBlank @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @NotNull Instant updatedAt,
      @Size(max = 20) String mobile,
      @Size(max = 20) String alternatePhone,
      @Email @Size(max = 200) String email,
      @PositiveOrZero Integer openRequests,
      @PositiveOrZero Integer complaints12m,
      Instant lastContactAt,
      @DecimalMin("1.0") @DecimalMax("5.0") BigDecimal satisfactionScore) implements SourceRecord {
  }

  record Channels(
      @NotBlank @Pattern(regexp = CustomerProfile.CODE_FORMAT) String customerCode,
      @NotNull Instant updatedAt,
      @Size(max = 64) String zaloUserId,
      boolean appRegistered,
      @Size(max = 10) List<@NotBlank @Size(max = 4096) String> pushTokens,
      Channel preferredChannel,
      @Pattern(regexp = "vi|en") String language,
      Set<@NotNull Channel> optedOut,
      @Valid QuietHours quietHours) implements SourceRecord {

    record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {
    }
  }
}
