package io.gridcare.notifications.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.notifications.ChannelPrices;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notice statistics over a ledger seeded with SQL: notices of 2019 (no other test writes such old ones), of two
 * units and two types, with attempts on every channel in every outcome.
 */
@GridCareIntegrationTest
class NotificationStatsApiTest {

  private static final String PATH = "/api/notifications/stats";
  /** The day of notices 1 to 3, in Vietnam. */
  private static final String DAY = "from=2019-03-11&to=2019-03-11";
  private static final String PASSWORD = "stats-secret";
  private static final String UNIT_STAFF = "stats-test-pd09";
  private static final String CALL_CENTRE = "stats-test-callcentre";
  private static final String STAFF = "stats-test-staff";
  private static final String INTEGRATION = "stats-test-integration";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);

  private final IdentityService identity;
  private final JdbcClient sql;
  /** The price of one SMS segment to an unknown carrier: what the baseline of a recipient sent no SMS costs. */
  private final BigDecimal segmentPrice;

  NotificationStatsApiTest(@Autowired IdentityService identity, @Autowired JdbcClient sql,
      @Autowired ChannelPrices prices) {
    this.identity = identity;
    this.sql = sql;
    this.segmentPrice = prices.smsDefault();
  }

  @BeforeEach
  void ledgerOfMarch2019() {
    TestUsers.ensure(identity, UNIT_STAFF, PASSWORD, Access.STAFF_GROUP, Access.UNIT_GROUP_PREFIX + "PD09");
    TestUsers.ensure(identity, CALL_CENTRE, PASSWORD, Access.STAFF_GROUP, Access.CALL_CENTRE_GROUP);
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP);
    TestUsers.ensure(identity, INTEGRATION, PASSWORD, Access.INTEGRATION_GROUP);
    String old = "(select id from notice where created_at < '2020-01-01')";
    sql.sql("delete from delivery_attempt where notice_id in " + old).update();
    sql.sql("delete from notice_delivery where notice_id in " + old).update();
    sql.sql("delete from notice where id in " + old).update();

    String day = "2019-03-11T10:00:00+07:00";
    // 1: a planned outage in PD09
    long n1 = notice("PLANNED_OUTAGE_SCHEDULED", "PD09", day);
    recipient(n1, "PD09000000001", "PD09", "S1", "B1", "READ");
    attempt(n1, "PD09000000001", 1, "APP", "READ", true, null, "0");
    recipient(n1, "PD09000000002", "PD09", "S1", "B1", "DELIVERED");
    attempt(n1, "PD09000000002", 1, "ZALO", "FAILED", false, null, null);
    attempt(n1, "PD09000000002", 2, "SMS", "DELIVERED", true, 2, "1700");
    recipient(n1, "PD09000000003", "PD09", "S2", "B2", "DELIVERED");
    attempt(n1, "PD09000000003", 1, "ZALO", "DELIVERED", true, null, "250");
    recipient(n1, "PD09000000004", "PD09", "S2", "B2", "FAILED");
    attempt(n1, "PD09000000004", 1, "EMAIL", "EXPIRED", true, null, "0");
    attempt(n1, "PD09000000004", 2, "SMS", "FAILED", true, 2, "1600");
    recipient(n1, "PD09000000005", "PD09", "S2", "B2", "OPTED_OUT");
    recipient(n1, "PD09000000006", "PD09", "S1", "B1", "MERGED");
    // 2: a bill in PD10, no SMS sent
    long n2 = notice("BILL_ISSUED", "PD10", day);
    recipient(n2, "PD10000000001", "PD10", "T1", "K1", "DELIVERED");
    attempt(n2, "PD10000000001", 1, "EMAIL", "SENT", true, null, "0");
    recipient(n2, "PD10000000002", "PD10", "T1", "K1", "READ");
    attempt(n2, "PD10000000002", 1, "APP", "EXPIRED", false, null, null);
    attempt(n2, "PD10000000002", 2, "ZALO", "READ", true, null, "250");
    // 3: a bill in PD09, one SMS of one segment
    long n3 = notice("BILL_ISSUED", "PD09", day);
    recipient(n3, "PD09000000007", "PD09", "S1", "B1", "DELIVERED");
    attempt(n3, "PD09000000007", 1, "SMS", "DELIVERED", true, 1, "850");
    recipient(n3, "PD09000000008", "PD09", null, null, "DELIVERED");
    attempt(n3, "PD09000000008", 1, "APP", "DELIVERED", true, null, "0");
    // 4: late on the evening before, Vietnamese time (the 10th in UTC too); 5: nine days later
    long n4 = notice("BILL_ISSUED", "PD10", "2019-03-10T23:30:00+07:00");
    recipient(n4, "PD10000000003", "PD10", "T1", "K1", "DELIVERED");
    attempt(n4, "PD10000000003", 1, "APP", "DELIVERED", true, null, "0");
    long n5 = notice("BILL_ISSUED", "PD09", "2019-03-20T10:00:00+07:00");
    recipient(n5, "PD09000000001", "PD09", "S1", "B1", "DELIVERED");
    attempt(n5, "PD09000000001", 1, "SMS", "DELIVERED", true, 1, "850");
  }

  @Test
  void groupedByChannelCountsAttemptsRatesCostAndSavingsOfTheRecipientsEachChannelReached() {
    JsonNode stats = ok(admin, PATH + "?" + DAY + "&groupBy=channel");

    assertThat(keys(stats)).containsExactly("APP", "ZALO", "EMAIL", "SMS");
    JsonNode app = group(stats, "APP");
    assertCounts(app, 3, 3, 2, 2, 1, 0, 1);
    assertRates(app, "100.0", "50.0");
    assertSavings(app, 2, segmentPrice.multiply(BigDecimal.valueOf(3)), BigDecimal.ZERO);
    assertThat(app.path("savings").path("percent").decimalValue()).isEqualByComparingTo("100.0");
    JsonNode zalo = group(stats, "ZALO");
    assertCounts(zalo, 2, 3, 2, 2, 1, 1, 0);
    assertMoney(zalo.path("costByChannel").path("ZALO"), "500");
    assertMoney(zalo.path("cost"), "500");
    assertSavings(zalo, 2, segmentPrice.multiply(BigDecimal.valueOf(3)), new BigDecimal("500"));
    JsonNode email = group(stats, "EMAIL");
    assertCounts(email, 2, 2, 2, 0, 0, 0, 1);
    assertRates(email, "0.0", "0.0");
    assertSavings(email, 1, segmentPrice, BigDecimal.ZERO);
    JsonNode sms = group(stats, "SMS");
    assertCounts(sms, 2, 3, 3, 2, 0, 1, 0);
    assertRates(sms, "66.7", "0.0");
    assertThat(sms.path("smsMessages").asLong()).isEqualTo(3);
    assertThat(sms.path("smsSegments").asLong()).isEqualTo(5);
    assertMoney(sms.path("costByChannel").path("SMS"), "4150");
    assertMoney(sms.path("costByChannel").path("APP"), "0");
    assertSavings(sms, 2, new BigDecimal("2550"), new BigDecimal("2550"));
    assertThat(sms.path("savings").path("percent").decimalValue()).isEqualByComparingTo("0.0");

    JsonNode totals = stats.path("totals");
    assertThat(totals.has("key")).as("the totals have no key").isFalse();
    assertCounts(totals, 3, 9, 9, 6, 2, 2, 2);
    assertRates(totals, "66.7", "22.2");
    assertThat(totals.path("smsMessages").asLong()).isEqualTo(3);
    assertThat(totals.path("smsSegments").asLong()).isEqualTo(5);
    assertMoney(totals.path("cost"), "4650");
    assertMoney(totals.path("costByChannel").path("ZALO"), "500");
    assertMoney(totals.path("costByChannel").path("SMS"), "4150");
    // reached: 7 of the 9 recipients; SMS sent to two of them (1700 + 850), the others one SMS of their notice's
    // fewest segments (2, 2, none so 1, 1, 1) at the default price
    BigDecimal baseline = segmentPrice.multiply(BigDecimal.valueOf(7)).add(new BigDecimal("2550"));
    assertSavings(totals, 7, baseline, new BigDecimal("3050"));
    assertThat(totals.path("savings").path("percent").decimalValue()).isEqualByComparingTo(
        baseline.subtract(new BigDecimal("3050")).multiply(BigDecimal.valueOf(100))
            .divide(baseline, 1, RoundingMode.HALF_UP));
    assertThat(sum(stats, "amount")).as("the channels' savings add up to the total")
        .isEqualByComparingTo(totals.path("savings").path("amount").decimalValue());
  }

  @Test
  void groupedByUnitSubstationAndMeterBookCountEveryRecipientOnce() {
    JsonNode units = ok(admin, PATH + "?" + DAY + "&groupBy=unit");
    assertThat(keys(units)).containsExactly("PD09", "PD10");
    JsonNode pd09 = group(units, "PD09");
    assertCounts(pd09, 2, 7, 7, 5, 1, 2, 1);
    assertRates(pd09, "71.4", "14.3");
    assertMoney(pd09.path("cost"), "4400");
    assertSavings(pd09, 5, segmentPrice.multiply(BigDecimal.valueOf(5)).add(new BigDecimal("2550")), new BigDecimal("2800"));
    JsonNode pd10 = group(units, "PD10");
    assertCounts(pd10, 1, 2, 2, 1, 1, 0, 1);
    assertRates(pd10, "50.0", "50.0");
    assertSavings(pd10, 2, segmentPrice.multiply(BigDecimal.valueOf(2)), new BigDecimal("250"));
    assertThat(sum(units, "amount")).isEqualByComparingTo(units.path("totals").path("savings").path("amount")
        .decimalValue());
    assertThat(units.path("totals").path("recipients").asLong()).isEqualTo(9);

    JsonNode substations = ok(admin, PATH + "?" + DAY + "&groupBy=substation");
    assertThat(lines(substations)).containsExactly("PD09/S1", "PD09/S2", "PD09/-", "PD10/T1");
    JsonNode s1 = substations.path("groups").get(0);
    assertCounts(s1, 2, 3, 3, 3, 1, 1, 0);
    assertSavings(s1, 3, segmentPrice.multiply(BigDecimal.valueOf(2)).add(new BigDecimal("2550")), new BigDecimal("2550"));
    JsonNode s2 = substations.path("groups").get(1);
    assertCounts(s2, 1, 3, 3, 1, 0, 1, 1);
    assertMoney(s2.path("cost"), "1850");
    assertSavings(s2, 1, segmentPrice.multiply(BigDecimal.valueOf(2)), new BigDecimal("250"));
    assertThat(substations.path("groups").get(2).path("recipients").asLong()).isEqualTo(1);

    JsonNode books = ok(admin, PATH + "?" + DAY + "&groupBy=meterBook");
    assertThat(lines(books)).containsExactly("PD09/B1", "PD09/B2", "PD09/-", "PD10/K1");
    assertThat(StreamSupport.stream(books.path("groups").spliterator(), false)
        .mapToLong(line -> line.path("recipients").asLong()).sum()).isEqualTo(9);
    assertThat(books.path("groupBy").asText()).isEqualTo("meterBook");
  }

  @Test
  void typeUnitAndPeriodFilterTheNotices() {
    JsonNode bills = ok(admin, PATH + "?" + DAY + "&type=BILL_ISSUED").path("totals");
    assertThat(bills.path("notices").asLong()).isEqualTo(2);
    assertThat(bills.path("recipients").asLong()).isEqualTo(4);
    assertSavings(bills, 4, segmentPrice.multiply(BigDecimal.valueOf(3)).add(new BigDecimal("850")), new BigDecimal("1100"));

    JsonNode pd10 = ok(admin, PATH + "?" + DAY + "&unit=PD10&groupBy=unit");
    assertThat(keys(pd10)).containsExactly("PD10");
    assertThat(pd10.path("totals").path("recipients").asLong()).isEqualTo(2);
    assertThat(pd10.path("unit").asText()).isEqualTo("PD10");

    assertThat(ok(admin, PATH + "?from=2019-03-10&to=2019-03-11").path("totals").path("notices").asLong())
        .as("days are Vietnamese: 23:30 on the 10th is on the 10th").isEqualTo(4);
    assertThat(ok(admin, PATH + "?from=2019-03-11&to=2019-03-31").path("totals").path("notices").asLong())
        .isEqualTo(4);
    JsonNode instants = ok(admin, PATH + "?from=2019-03-10T16:00:00Z&to=2019-03-10T17:00:00Z");
    assertThat(instants.path("totals").path("notices").asLong()).isEqualTo(1);
    assertThat(instants.path("from").asText()).isEqualTo("2019-03-10T16:00:00Z");
    assertThat(ok(admin, PATH + "?from=2019-03-11T10:00:00&to=2019-03-11T10:00:01").path("totals")
        .path("notices").asLong()).as("a local date-time is Vietnamese time").isEqualTo(3);

    JsonNode recent = ok(admin, PATH);
    Instant to = Instant.parse(recent.path("to").asText());
    assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    assertThat(Instant.parse(recent.path("from").asText())).isEqualTo(to.minus(Duration.ofDays(30)));
    assertThat(recent.path("groupBy").asText()).isEqualTo("channel");
  }

  @Test
  void unitStaffSeeTheirUnitOnlyAndAreRefusedAnother() {
    Http unitStaff = anonymous.as(UNIT_STAFF, PASSWORD);
    JsonNode own = ok(unitStaff, PATH + "?" + DAY + "&groupBy=unit");
    assertThat(keys(own)).containsExactly("PD09");
    assertThat(own.path("totals").path("recipients").asLong()).isEqualTo(7);
    assertThat(ok(unitStaff, PATH + "?" + DAY + "&groupBy=channel").path("totals").path("notices").asLong())
        .isEqualTo(2);
    assertThat(ok(unitStaff, PATH + "?" + DAY + "&unit=PD09").path("totals").path("recipients").asLong())
        .isEqualTo(7);

    Response other = unitStaff.get(PATH + "?" + DAY + "&unit=PD10");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.contentType()).startsWith("application/problem+json");

    JsonNode everyUnit = ok(anonymous.as(CALL_CENTRE, PASSWORD), PATH + "?" + DAY + "&groupBy=unit");
    assertThat(keys(everyUnit)).containsExactly("PD09", "PD10");
    assertThat(ok(anonymous.as(STAFF, PASSWORD), PATH + "?" + DAY).path("totals").path("recipients").asLong())
        .as("staff of no unit see no unit's recipients, as in customer search").isZero();
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    assertInvalid("unit=PD9", "unit");
    assertInvalid("type=BILL", "type");
    assertInvalid("groupBy=customer", "groupBy");
    assertInvalid("from=yesterday", "from");
    assertInvalid("to=2019-13-01", "to");
    assertInvalid("from=2019-03-12&to=2019-03-11", "to");
    assertInvalid("from=2999-01-01", "from");
  }

  @Test
  void onlyStaffAndAdminsReadStatistics() {
    assertThat(anonymous.get(PATH).status()).isEqualTo(401);
    assertThat(anonymous.as(INTEGRATION, PASSWORD).get(PATH).status()).isEqualTo(403);
    assertThat(anonymous.as(STAFF, PASSWORD).get(PATH).status()).isEqualTo(200);
  }

  private void assertInvalid(String query, String field) {
    Response answer = admin.get(PATH + "?" + query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("errors").findValuesAsText("field")).as(answer.body()).containsExactly(field);
  }

  private static JsonNode ok(Http user, String path) {
    Response answer = user.get(path);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static void assertCounts(JsonNode line, long notices, long recipients, long sent, long delivered, long read,
      long failed, long expired) {
    assertThat(List.of(line.path("notices").asLong(), line.path("recipients").asLong(), line.path("sent").asLong(),
        line.path("delivered").asLong(), line.path("read").asLong(), line.path("failed").asLong(),
        line.path("expired").asLong()))
        .as("notices, recipients, sent, delivered, read, failed, expired of %s", line)
        .containsExactly(notices, recipients, sent, delivered, read, failed, expired);
  }

  private static void assertRates(JsonNode line, String delivery, String read) {
    assertThat(line.path("deliveryRate").decimalValue()).isEqualByComparingTo(delivery);
    assertThat(line.path("readRate").decimalValue()).isEqualByComparingTo(read);
  }

  private static void assertSavings(JsonNode line, long reached, BigDecimal baseline, BigDecimal cost) {
    JsonNode savings = line.path("savings");
    assertThat(savings.path("recipients").asLong()).as("%s", line).isEqualTo(reached);
    assertThat(savings.path("smsBaseline").decimalValue()).as("%s", line).isEqualByComparingTo(baseline);
    assertThat(savings.path("cost").decimalValue()).as("%s", line).isEqualByComparingTo(cost);
    assertThat(savings.path("amount").decimalValue()).as("%s", line).isEqualByComparingTo(baseline.subtract(cost));
  }

  private static void assertMoney(JsonNode node, String amount) {
    assertThat(node.decimalValue()).isEqualByComparingTo(amount);
  }

  private static BigDecimal sum(JsonNode stats, String savingsField) {
    return StreamSupport.stream(stats.path("groups").spliterator(), false)
        .map(line -> line.path("savings").path(savingsField).decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<String> keys(JsonNode stats) {
    List<String> keys = new ArrayList<>();
    stats.path("groups").forEach(line -> keys.add(line.path("key").asText()));
    return keys;
  }

  private static List<String> lines(JsonNode stats) {
    List<String> lines = new ArrayList<>();
    stats.path("groups").forEach(line -> lines.add(line.path("unit").asText() + "/" + line.path("key").asText("-")));
    return lines;
  }

  private static JsonNode group(JsonNode stats, String key) {
    for (JsonNode line : stats.path("groups")) {
      if (key.equals(line.path("key").asText())) {
        return line;
      }
    }
    throw new AssertionError("No group " + key + " in " + stats);
  }

  private long notice(String type, String unit, String createdAt) {
    return sql.sql("""
            insert into notice (type, source, status, unit_code, audience, variables, created_at)
            values (:type, 'BILLING', 'COMPLETED', :unit, '{}', '{}', :created) returning id""")
        .param("type", type).param("unit", unit).param("created", OffsetDateTime.parse(createdAt))
        .query(Long.class).single();
  }

  private void recipient(long notice, String code, String unit, String substation, String book, String status) {
    sql.sql("""
            insert into notice_delivery (notice_id, customer_code, unit_code, substation, meter_book, status)
            values (:notice, :code, :unit, :substation, :book, :status)""")
        .param("notice", notice).param("code", code).param("unit", unit).param("substation", substation)
        .param("book", book).param("status", status).update();
  }

  private void attempt(long notice, String code, int attempt, String channel, String status, boolean sent,
      Integer segments, String cost) {
    sql.sql("""
            insert into delivery_attempt (delivery_key, notice_id, customer_code, attempt, round, channel, status,
                                          segments, cost, sent_at)
            values (:key, :notice, :code, :attempt, 1, :channel, :status, :segments, :cost,
                    case when :sent then now() end)""")
        .param("key", notice + ":" + code + ":" + attempt).param("notice", notice).param("code", code)
        .param("attempt", attempt).param("channel", channel).param("status", status)
        .param("segments", segments, Types.SMALLINT)
        .param("cost", cost == null ? null : new BigDecimal(cost), Types.NUMERIC)
        .param("sent", sent).update();
  }
}
