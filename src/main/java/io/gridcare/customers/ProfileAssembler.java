package io.gridcare.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gridcare.customers.SourceRecords.Billing.Bill;
import io.gridcare.customers.SourceRecords.Metering.MonthlyKwh;
import io.gridcare.customers.SourceRecords.Outages.Outage;

/**
 * Builds a profile from the latest record of each source, and derives what no source states: consumption
 * averages and trend, the abnormal-consumption flag, overdue bills and outages over twelve months.
 */
final class ProfileAssembler {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  /** A month this far above or below the twelve-month average is abnormal (meter fault, leak, theft, vacancy). */
  static final BigDecimal ABNORMAL_HIGH = new BigDecimal("2.0");
  static final BigDecimal ABNORMAL_LOW = new BigDecimal("0.3");

  private final Clock clock;

  ProfileAssembler(Clock clock) {
    this.clock = clock;
  }

  CustomerProfile assemble(String code, Map<Source, SourceRecords.SourceRecord> records) {
    SourceRecords.Billing billing = (SourceRecords.Billing) records.get(Source.BILLING);
    SourceRecords.Metering metering = (SourceRecords.Metering) records.get(Source.METERING);
    SourceRecords.Outages outages = (SourceRecords.Outages) records.get(Source.OUTAGES);
    SourceRecords.Crm crm = (SourceRecords.Crm) records.get(Source.CRM);
    SourceRecords.Channels channels = (SourceRecords.Channels) records.get(Source.CHANNELS);
    Instant updatedAt = records.values().stream().map(SourceRecords.SourceRecord::updatedAt)
        .max(Comparator.naturalOrder()).orElseThrow();
    return new CustomerProfile(code, unitOf(code),
        billing == null ? null : new CustomerProfile.Identity(billing.fullName(), billing.customerType(),
            billing.idNumber(), billing.birthOrFoundingDate(), billing.status()),
        contact(crm, channels),
        billing == null ? null : new CustomerProfile.Location(billing.address(), billing.ward(), billing.district(),
            billing.province(), billing.substation(), billing.feeder(), billing.meterBook(), billing.latitude(),
            billing.longitude()),
        billing == null ? null : new CustomerProfile.Contract(billing.contractId(), billing.contractStart(),
            billing.tariffGroup(), billing.purposeOfUse(), billing.voltageLevel(), billing.contractedCapacityKw(),
            billing.households()),
        metering == null ? null : consumption(metering),
        billing == null ? null : billing(billing),
        outages == null ? null : supply(outages),
        crm == null ? null : new CustomerProfile.Service(crm.openRequests(), crm.complaints12m(),
            crm.lastContactAt(), crm.satisfactionScore(), null),
        updatedAt);
  }

  /** The managing unit: the first four characters of the customer code ({@code PD01}). */
  static String unitOf(String customerCode) {
    return customerCode.substring(0, 4);
  }

  private static CustomerProfile.Contact contact(SourceRecords.Crm crm, SourceRecords.Channels channels) {
    if (crm == null && channels == null) {
      return null;
    }
    return new CustomerProfile.Contact(
        crm == null ? null : crm.mobile(),
        crm == null ? null : crm.alternatePhone(),
        crm == null ? null : crm.email(),
        channels == null ? null : channels.zaloUserId(),
        channels != null && channels.appRegistered(),
        channels == null || channels.pushTokens() == null ? List.of() : channels.pushTokens(),
        channels == null ? null : channels.preferredChannel(),
        channels == null || channels.language() == null ? "vi" : channels.language(),
        channels == null || channels.optedOut() == null ? Set.of() : channels.optedOut(),
        channels == null || channels.quietHours() == null ? null : channels.quietHours().start(),
        channels == null || channels.quietHours() == null ? null : channels.quietHours().end());
  }

  private static CustomerProfile.Consumption consumption(SourceRecords.Metering metering) {
    List<BigDecimal> newestFirst = metering.monthlyKwh() == null ? List.of() : metering.monthlyKwh().stream()
        .sorted(Comparator.comparing(MonthlyKwh::period).reversed()).map(MonthlyKwh::kwh).toList();
    BigDecimal avg3 = average(newestFirst, 3);
    BigDecimal avg12 = average(newestFirst, 12);
    BigDecimal trend = avg3 == null || avg12 == null || avg12.signum() == 0 ? null
        : avg3.subtract(avg12).multiply(BigDecimal.valueOf(100)).divide(avg12, 1, RoundingMode.HALF_UP);
    boolean abnormal = !newestFirst.isEmpty() && avg12 != null && avg12.signum() > 0 && newestFirst.size() >= 3
        && (newestFirst.get(0).compareTo(avg12.multiply(ABNORMAL_HIGH)) > 0
            || newestFirst.get(0).compareTo(avg12.multiply(ABNORMAL_LOW)) < 0);
    return new CustomerProfile.Consumption(metering.meterId(), metering.meterType(), metering.readingDay(),
        metering.lastIndex(), avg3, avg12, trend, abnormal);
  }

  private CustomerProfile.Billing billing(SourceRecords.Billing billing) {
    List<Bill> bills = billing.bills() == null ? List.of() : billing.bills();
    Bill last = bills.stream().max(Comparator.comparing(Bill::period)).orElse(null);
    LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
    YearMonth since = YearMonth.from(today).minusMonths(12);
    int overdue = (int) bills.stream()
        .filter(bill -> bill.period().isAfter(since))
        .filter(bill -> bill.paidAt() == null
            ? bill.dueDate().isBefore(today)
            : bill.paidAt().atZone(VIETNAM).toLocalDate().isAfter(bill.dueDate()))
        .count();
    return new CustomerProfile.Billing(last == null ? null : last.amount(), last == null ? null : last.dueDate(),
        billing.paymentMethod(), billing.eInvoice(), overdue, billing.outstandingDebt());
  }

  private CustomerProfile.Supply supply(SourceRecords.Outages outages) {
    List<Outage> all = outages.outages() == null ? List.of() : outages.outages();
    Instant since = clock.instant().minus(Duration.ofDays(365));
    int lastYear = (int) all.stream().filter(outage -> outage.startedAt().isAfter(since)).count();
    Instant last = all.stream().map(Outage::startedAt).max(Comparator.naturalOrder()).orElse(null);
    return new CustomerProfile.Supply(lastYear, last, outages.criticalLoad() == null ? "NONE" : outages.criticalLoad());
  }

  /** The mean of the newest values, at most {@code months} of them; none before the first reading. */
  private static BigDecimal average(List<BigDecimal> newestFirst, int months) {
    if (newestFirst.isEmpty()) {
      return null;
    }
    List<BigDecimal> window = newestFirst.subList(0, Math.min(months, newestFirst.size()));
    return window.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(window.size()), 1, RoundingMode.HALF_UP);
  }
}
