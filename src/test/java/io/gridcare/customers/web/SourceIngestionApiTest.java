package io.gridcare.customers.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source systems sending records, and staff reading the profiles that result, over HTTP on the real stack. */
@GridCareIntegrationTest
class SourceIngestionApiTest {

  private static final String CMIS = "cmis-integration";
  private static final String STAFF = "ingestion-test-staff";
  private static final String PASSWORD = "integration-secret";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http source = anonymous.as(CMIS, PASSWORD);
  private final Http staff = anonymous.as(STAFF, PASSWORD);
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);

  private final IdentityService identity;
  private final JdbcClient sql;

  SourceIngestionApiTest(@Autowired IdentityService identity,
      @Autowired JdbcClient sql) {
    this.identity = identity;
    this.sql = sql;
  }

  @BeforeEach
  void accountsExist() {
    TestUsers.ensure(identity, CMIS, PASSWORD, Access.INTEGRATION_GROUP);
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP, Access.UNIT_GROUP_PREFIX + "PD09");
  }

  @Test
  void billingRecordCreatesAProfileInItsCorporateAndRegionalGroups() {
    String code = "PD09000000101";

    Response report = send("billing", billing(code, "2026-11-01T00:00:00Z", "Nguyễn Văn Đức", "AGRICULTURAL_PUMPING"));

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().path("applied").asInt()).isEqualTo(1);
    JsonNode customer = staff.get("/api/customers/" + code).json();
    assertThat(customer.path("profile").path("identity").path("fullName").asText()).isEqualTo("Nguyễn Văn Đức");
    assertThat(customer.path("profile").path("location").path("substation").asText()).isEqualTo("E1.9-T12");
    assertThat(customer.path("segment").asText()).as("rural household, not digital, pays on time").isEqualTo("C2-B5");
    assertThat(texts(customer.path("regionalGroups"))).contains("PD09-BOM-NONG-NGHIEP");
    assertThat(queuedForIndex(code)).isEqualTo(1);
  }

  @Test
  void segmentFollowsAChangedAttributeAndKeepsTheHistory() {
    String code = "PD09000000102";
    send("billing", billing(code, "2026-11-01T00:00:00Z", "Trần Thị Lan", "RESIDENTIAL_LIVING"));

    send("channels", "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"2026-11-02T00:00:00Z\","
        + "\"appRegistered\":true,\"pushTokens\":[\"token-1\"],\"preferredChannel\":\"APP\"}");

    JsonNode customer = staff.get("/api/customers/" + code).json();
    assertThat(customer.path("segment").asText()).as("now reachable on the App").isEqualTo("C2-B1");
    List<JsonNode> history = list(customer.path("segmentHistory"));
    assertThat(history).extracting(stay -> stay.path("segment").asText()).containsExactly("C2-B5", "C2-B1");
    assertThat(history.get(0).path("leftAt").isMissingNode()).as("left the first group").isFalse();
    assertThat(history.get(1).path("leftAt").isMissingNode()).as("still in the second").isTrue();
  }

  @Test
  void olderRecordChangesNothingAndTheSameRecordTwiceIsCountedUnchanged() {
    String code = "PD09000000103";
    send("billing", billing(code, "2026-11-05T00:00:00Z", "Lê Văn Nam", "RESIDENTIAL_LIVING"));

    JsonNode older = send("billing", billing(code, "2026-11-01T00:00:00Z", "Tên cũ", "RESIDENTIAL_LIVING")).json();
    JsonNode again = send("billing", billing(code, "2026-11-05T00:00:00Z", "Lê Văn Nam", "RESIDENTIAL_LIVING")).json();

    assertThat(older.path("stale").asInt()).isEqualTo(1);
    assertThat(again.path("unchanged").asInt()).isEqualTo(1);
    assertThat(staff.get("/api/customers/" + code).json().path("profile").path("identity").path("fullName").asText())
        .isEqualTo("Lê Văn Nam");
    assertThat(queuedForIndex(code)).as("only the first record changed the profile").isEqualTo(1);
  }

  @Test
  void badRecordsAreRejectedOneByOneAndTheGoodOnesKept() {
    String good = "PD09000000104";
    String batch = "{\"records\":["
        + billing(good, "2026-11-01T00:00:00Z", "Phạm Thu Hà", "RESIDENTIAL_LIVING") + ","
        + "{\"customerCode\":\"PD09000000105\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"fullName\":\"\","
        + "\"customerType\":\"RESIDENTIAL\"},"
        + "{\"customerCode\":\"PD09000000106\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"fullName\":\"X\","
        + "\"customerType\":\"ALIEN\"},"
        + "{\"customerCode\":\"PD99000000107\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"fullName\":\"Y\","
        + "\"customerType\":\"BUSINESS\"}]}";

    JsonNode report = source.postJson("/api/sources/billing/records", batch).json();

    assertThat(report.path("received").asInt()).isEqualTo(4);
    assertThat(report.path("applied").asInt()).isEqualTo(1);
    assertThat(list(report.path("rejected"))).extracting(r -> r.path("row").asInt() + ":" + r.path("field").asText())
        .containsExactly("2:fullName", "3:customerType", "4:customerCode");
    assertThat(staff.get("/api/customers/" + good).status()).isEqualTo(200);
    assertThat(staff.get("/api/customers/PD09000000105").status()).isEqualTo(404);
  }

  @Test
  void phoneNumbersAreNormalisedAndInvalidOnesRejected() {
    String code = "PD09000000108";
    JsonNode report = source.postJson("/api/sources/crm/records", "{\"records\":["
        + "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"mobile\":\"0912 345 678\"},"
        + "{\"customerCode\":\"PD09000000109\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"mobile\":\"12345\"}]}").json();

    assertThat(report.path("applied").asInt()).isEqualTo(1);
    assertThat(list(report.path("rejected"))).extracting(r -> r.path("field").asText()).containsExactly("mobile");
    assertThat(admin.get("/api/customers/" + code).json().path("profile").path("contact").path("mobile").asText())
        .isEqualTo("+84912345678");
    assertThat(staff.get("/api/customers/" + code).json().path("profile").path("contact").path("mobile").asText())
        .as("masked without the personal-data permission").isEqualTo("+849*****678");
  }

  @Test
  void malformedBatchesAreRefusedWhole() {
    assertThat(source.postJson("/api/sources/billing/records", "{\"records\":[]}").json()
        .path("errors").get(0).path("field").asText()).isEqualTo("records");
    String tooMany = IntStream.range(0, 1001).mapToObj(i -> "{}").collect(Collectors.joining(",", "{\"records\":[", "]}"));
    assertThat(source.postJson("/api/sources/billing/records", tooMany).status()).isEqualTo(400);
    assertThat(source.postJson("/api/sources/billing/records", "{\"records\":[{\"customerCode\"").status())
        .isEqualTo(400);
    assertThat(source.postJson("/api/sources/weather/records", "{\"records\":[{}]}").status()).isEqualTo(404);
  }

  @Test
  void onlySourceSystemsAndAdminsSendRecordsAndOnlyStaffReadProfiles() {
    String code = "PD09000000110";
    String body = "{\"records\":["
        + billing(code, "2026-11-01T00:00:00Z", "Đỗ Minh", "RESIDENTIAL_LIVING") + "]}";

    assertThat(anonymous.postJson("/api/sources/billing/records", body).status()).isEqualTo(401);
    assertThat(staff.postJson("/api/sources/billing/records", body).status()).isEqualTo(403);
    assertThat(admin.postJson("/api/sources/billing/records", body).status()).isEqualTo(200);
    assertThat(source.get("/api/customers/" + code).status()).isEqualTo(403);
  }

  @Test
  void groupCountsIncludeEveryCurrentMember() {
    send("billing", billing("PD09000000111", "2026-11-01T00:00:00Z", "Vũ Hải", "AGRICULTURAL_PUMPING"));

    List<JsonNode> counts = list(staff.get("/api/segments").json());

    assertThat(counts).anySatisfy(count -> {
      assertThat(count.path("segment").asText()).isEqualTo("PD09-BOM-NONG-NGHIEP");
      assertThat(count.path("kind").asText()).isEqualTo("REGIONAL");
      assertThat(count.path("customers").asLong()).isGreaterThanOrEqualTo(1);
    });
  }

  private Response send(String sourceName, String record) {
    Response response = source.postJson("/api/sources/" + sourceName + "/records", "{\"records\":[" + record + "]}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("rejected")).as(response.body()).isEmpty();
    return response;
  }

  /** A rural (Sóc Sơn) household that has paid every bill of the last three months on time. */
  private static String billing(String code, String updatedAt, String name, String purpose) {
    YearMonth now = YearMonth.now();
    String bills = IntStream.rangeClosed(1, 3).mapToObj(now::minusMonths).map(period -> {
      LocalDate due = period.plusMonths(1).atDay(15);
      return "{\"period\":\"" + period + "\",\"amount\":185000,\"dueDate\":\"" + due + "\",\"paidAt\":\""
          + due.minusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC) + "\"}";
    }).collect(Collectors.joining(","));
    return "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"" + Instant.parse(updatedAt) + "\","
        + "\"fullName\":\"" + name + "\",\"customerType\":\"RESIDENTIAL\",\"status\":\"ACTIVE\","
        + "\"address\":\"Thôn Đông, xã Phù Linh\",\"district\":\"Sóc Sơn\",\"province\":\"Hà Nội\","
        + "\"substation\":\"E1.9-T12\",\"feeder\":\"471E1.9\",\"meterBook\":\"PD09-S012\","
        + "\"purposeOfUse\":\"" + purpose + "\",\"voltageLevel\":\"LV\",\"households\":1,\"bills\":[" + bills + "]}";
  }

  private int queuedForIndex(String code) {
    return sql.sql("select count(*) from customer_index_outbox where customer_code = :code").param("code", code)
        .query(Integer.class).single();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array) {
    return list(array).stream().map(JsonNode::asText).toList();
  }
}
