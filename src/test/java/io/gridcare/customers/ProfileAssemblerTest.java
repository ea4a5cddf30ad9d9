package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gridcare.customers.SourceRecords.Billing.Bill;
import io.gridcare.customers.SourceRecords.Metering.MonthlyKwh;
import io.gridcare.customers.SourceRecords.Outages.Outage;
import org.junit.jupiter.api.Test;

class ProfileAssemblerTest {

  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  private static final String CODE = "PD09000000001";

  private final ProfileAssembler assembler = new ProfileAssembler(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void unitIsTheFirstFourCharactersOfTheCode() {
    assertThat(ProfileAssembler.unitOf(CODE)).isEqualTo("PD09");
  }

  @Test
  void consumptionAveragesTrendAndAbnormalFlagComeFromMonthlyReadings() {
    List<MonthlyKwh> months = new ArrayList<>();
    for (int i = 12; i >= 2; i--) {
      months.add(new MonthlyKwh(YearMonth.of(2026, 11).minusMonths(i), new BigDecimal("100")));
    }
    months.add(new MonthlyKwh(YearMonth.of(2026, 10), new BigDecimal("340")));

    CustomerProfile.Consumption consumption = assemble(Source.METERING, metering(months)).consumption();

    assertThat(consumption.avgKwh3m()).isEqualByComparingTo("180.0");
    assertThat(consumption.avgKwh12m()).isEqualByComparingTo("120.0");
    assertThat(consumption.trendPct()).isEqualByComparingTo("50.0");
    assertThat(consumption.abnormalConsumption()).as("340 kWh is above twice the average of 120").isTrue();
  }

  @Test
  void steadyConsumptionIsNotAbnormal() {
    List<MonthlyKwh> months = new ArrayList<>();
    for (int i = 12; i >= 1; i--) {
      months.add(new MonthlyKwh(YearMonth.of(2026, 11).minusMonths(i), new BigDecimal("150")));
    }

    CustomerProfile.Consumption consumption = assemble(Source.METERING, metering(months)).consumption();

    assertThat(consumption.trendPct()).isEqualByComparingTo("0.0");
    assertThat(consumption.abnormalConsumption()).isFalse();
  }

  @Test
  void newMeterWithoutReadingsHasNoAverages() {
    CustomerProfile.Consumption consumption = assemble(Source.METERING, metering(List.of())).consumption();

    assertThat(consumption.avgKwh12m()).isNull();
    assertThat(consumption.abnormalConsumption()).isFalse();
  }

  @Test
  void overdueCountsLatePaymentsAndUnpaidBillsPastDueWithinTwelveMonths() {
    List<Bill> bills = List.of(
        bill(YearMonth.of(2026, 10), LocalDate.of(2026, 11, 15), null),                         // unpaid, past due
        bill(YearMonth.of(2026, 9), LocalDate.of(2026, 10, 15), Instant.parse("2026-10-20T02:00:00Z")), // late
        bill(YearMonth.of(2026, 8), LocalDate.of(2026, 9, 15), Instant.parse("2026-09-10T02:00:00Z")),  // on time
        bill(YearMonth.of(2025, 6), LocalDate.of(2025, 7, 15), null));                          // too old to count

    CustomerProfile.Billing billing = assemble(Source.BILLING, billing(bills)).billing();

    assertThat(billing.overdueCount12m()).isEqualTo(2);
    assertThat(billing.lastBillAmount()).isEqualByComparingTo("250000");
    assertThat(billing.lastBillDueDate()).isEqualTo(LocalDate.of(2026, 11, 15));
  }

  @Test
  void billNotYetDueIsNotOverdue() {
    CustomerProfile.Billing billing = assemble(Source.BILLING,
        billing(List.of(bill(YearMonth.of(2026, 11), LocalDate.of(2026, 12, 5), null)))).billing();

    assertThat(billing.overdueCount12m()).isZero();
  }

  @Test
  void outagesCountOverTheLastYear() {
    SourceRecords.Outages outages = new SourceRecords.Outages(CODE, NOW, "HOSPITAL", List.of(
        new Outage(Instant.parse("2026-11-01T01:00:00Z"), Instant.parse("2026-11-01T03:00:00Z"), true),
        new Outage(Instant.parse("2026-03-01T01:00:00Z"), null, false),
        new Outage(Instant.parse("2025-10-01T01:00:00Z"), null, false)));

    CustomerProfile.Supply supply = assemble(Source.OUTAGES, outages).supply();

    assertThat(supply.outages12m()).isEqualTo(2);
    assertThat(supply.lastOutageAt()).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));
    assertThat(supply.criticalLoad()).isEqualTo("HOSPITAL");
  }

  @Test
  void contactCombinesCrmAndChannels() {
    SourceRecords.Crm crm = new SourceRecords.Crm(CODE, NOW.minusSeconds(60), "+84912345678", null,
        "lan@example.vn", 1, 0, null, null);
    SourceRecords.Channels channels = new SourceRecords.Channels(CODE, NOW, "zalo-1", false, List.of(),
        Channel.ZALO, "vi", Set.of(Channel.SMS), null);

    CustomerProfile profile = assembler.assemble(CODE, Map.of(Source.CRM, crm, Source.CHANNELS, channels));

    assertThat(profile.contact().mobile()).isEqualTo("+84912345678");
    assertThat(profile.contact().zaloUserId()).isEqualTo("zalo-1");
    assertThat(profile.contact().optedOut()).containsExactly(Channel.SMS);
    assertThat(profile.digital()).isTrue();
    assertThat(profile.updatedAt()).as("the newest source's time").isEqualTo(NOW);
    assertThat(profile.identity()).as("nothing from billing yet").isNull();
  }

  private CustomerProfile assemble(Source source, SourceRecords.SourceRecord record) {
    return assembler.assemble(CODE, Map.of(source, record));
  }

  private static SourceRecords.Metering metering(List<MonthlyKwh> months) {
    return new SourceRecords.Metering(CODE, NOW, "M1", "SMART", 5, new BigDecimal("12345"), months);
  }

  private static SourceRecords.Billing billing(List<Bill> bills) {
    return new SourceRecords.Billing(CODE, NOW, "Nguyễn Văn Đức", CustomerType.RESIDENTIAL, null, null, "ACTIVE",
        null, null, null, null, null, null, null, null, null, null, null, null, "RESIDENTIAL_LIVING", "LV", null, 1,
        null, null, null, bills);
  }

  private static Bill bill(YearMonth period, LocalDate due, Instant paidAt) {
    return new Bill(period, period.equals(YearMonth.of(2026, 10)) ? new BigDecimal("250000") : new BigDecimal("180000"),
        due, paidAt);
  }
}
