package io.gridcare.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Everything GridCare knows about one customer, assembled from the source systems (see
 * {@code docs/customer-attributes.md} for each attribute's meaning, source and derivation). A group is empty
 * until its source has sent a record.
 */
public record CustomerProfile(
    String code,
    String unitCode,
    Identity identity,
    Contact contact,
    Location location,
    Contract contract,
    Consumption consumption,
    Billing billing,
    Supply supply,
    Service service,
    Instant updatedAt) {

  /** What a customer code looks like: corporation and unit ({@code PD01}), two characters, the unit's sequence. */
  public static final String CODE_FORMAT = "P[A-Z][0-9]{2}[0-9A-Z]{2}[0-9]{7}";

  public record Identity(String fullName, CustomerType customerType, String idNumber, LocalDate birthOrFoundingDate,
                         String status) {
  }

  public record Contact(String mobile, String alternatePhone, String email, String zaloUserId, boolean appRegistered,
                        List<String> pushTokens, Channel preferredChannel, String language, Set<Channel> optedOut,
                        LocalTime quietHoursStart, LocalTime quietHoursEnd) {
  }

  public record Location(String address, String ward, String district, String province, String substation,
                         String feeder, String meterBook, BigDecimal latitude, BigDecimal longitude) {
  }

  public record Contract(String contractId, LocalDate contractStart, String tariffGroup, String purposeOfUse,
                         String voltageLevel, BigDecimal contractedCapacityKw, Integer households) {
  }

  public record Consumption(String meterId, String meterType, Integer readingDay, BigDecimal lastIndex,
                            BigDecimal avgKwh3m, BigDecimal avgKwh12m, BigDecimal trendPct,
                            boolean abnormalConsumption) {
  }

  public record Billing(BigDecimal lastBillAmount, LocalDate lastBillDueDate, String paymentMethod, Boolean eInvoice,
                        int overdueCount12m, BigDecimal outstandingDebt) {
  }

  public record Supply(int outages12m, Instant lastOutageAt, String criticalLoad) {
  }

  public record Service(Integer openRequests, Integer complaints12m, Instant lastContactAt,
                        BigDecimal satisfactionScore, String socialSentiment) {
  }

  /** Reachable on the App or Zalo OA, the free and cheap channels. */
  public boolean digital() {
    return contact != null && (contact.appRegistered() || contact.zaloUserId() != null);
  }
}
