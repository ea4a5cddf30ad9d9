package io.gridcare.customers.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.GridCareIntegrationTest.WORKER;
import static io.gridcare.GridCareIntegrationTest.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.customers.Audience;
import io.gridcare.customers.AudienceMember;
import io.gridcare.customers.CustomerAudiences;
import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.CustomerProfiles;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Flows' workers reading who is in an audience, over HTTP on the real stack. The customers here have grid
 * locations of their own (AUD14-...), so other tests' customers never match them.
 */
@GridCareIntegrationTest
class AudienceApiTest {

  private static final String STAFF = "audience-test-staff";
  private static final String SOURCE = "audience-test-source";
  private static final String PASSWORD = "audience-secret";

  private static final String HOUSE_1 = "PD14000000301";
  private static final String HOUSE_2 = "PD14000000302";
  private static final String STREET_LIGHTS = "PD14000000303";
  private static final String HOUSE_4 = "PD14000000304";
  private static final String HOUSE_5 = "PD14000000305";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  private final Http worker = anonymous.as(WORKER, WORKER_PASSWORD);
  private final Http staff = anonymous.as(STAFF, PASSWORD);
  private final Http source = anonymous.as(SOURCE, PASSWORD);

  private final IdentityService identity;
  private final CustomerAudiences audiences;
  private final CustomerProfiles profiles;

  AudienceApiTest(@Autowired IdentityService identity, @Autowired CustomerAudiences audiences,
      @Autowired CustomerProfiles profiles) {
    this.identity = identity;
    this.audiences = audiences;
    this.profiles = profiles;
  }

  @BeforeEach
  void customersAndAccountsExist() {
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP, Access.CALL_CENTRE_GROUP);
    TestUsers.ensure(identity, SOURCE, PASSWORD, Access.INTEGRATION_GROUP);
    // the same records again change nothing, so every test can send them
    Response report = admin.postJson("/api/sources/billing/records", "{\"records\":["
        + billing(HOUSE_1, "AUD14-T1", "AUD14-F1", "AUD14-S1", "RESIDENTIAL", "RESIDENTIAL_LIVING") + ","
        + billing(HOUSE_2, "AUD14-T1", "AUD14-F2", "AUD14-S1", "RESIDENTIAL", "RESIDENTIAL_LIVING") + ","
        + billing(STREET_LIGHTS, "AUD14-T2", "AUD14-F2", "AUD14-S2", "ADMINISTRATIVE", "PUBLIC_LIGHTING") + ","
        + billing(HOUSE_4, "AUD14-T3", "AUD14-F3", "AUD14-S3", "RESIDENTIAL", "RESIDENTIAL_LIVING") + ","
        + billing(HOUSE_5, "AUD14-T1", "AUD14-F3", "AUD14-S2", "RESIDENTIAL", "RESIDENTIAL_LIVING") + "]}");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().path("rejected")).as(report.body()).isEmpty();
  }

  @Test
  void pagesThroughAnAudienceInCodeOrder() {
    JsonNode first = audience("substation=AUD14-T1&limit=2");
    JsonNode last = audience("substation=AUD14-T1&limit=2&after=" + first.path("next").asText());

    assertThat(codes(first)).containsExactly(HOUSE_1, HOUSE_2);
    assertThat(first.path("next").asText()).isEqualTo(HOUSE_2);
    assertThat(codes(last)).containsExactly(HOUSE_5);
    assertThat(last.has("next")).as("the last page says so").isTrue();
    assertThat(last.path("next").isNull()).isTrue();
  }

  @Test
  void membersComeWithTheirGridLocationAndProfilesWithOnlyThePartsAskedFor() {
    CustomerAudiences.MemberPage page = audiences.members(
        new Audience(null, List.of("AUD14-T1"), List.of(), List.of(), null), null, 2);
    CustomerAudiences.MemberPage rest = audiences.members(
        new Audience(null, List.of("AUD14-T1"), List.of(), List.of(), null), page.next(), 2);

    assertThat(page.members()).containsExactly(new AudienceMember(HOUSE_1, "PD14", "AUD14-T1", "AUD14-S1"),
        new AudienceMember(HOUSE_2, "PD14", "AUD14-T1", "AUD14-S1"));
    assertThat(rest.members()).containsExactly(new AudienceMember(HOUSE_5, "PD14", "AUD14-T1", "AUD14-S2"));
    assertThat(rest.next()).isNull();

    CustomerProfile whole = profiles.profile(HOUSE_1).orElseThrow();
    CustomerProfile located = profiles.profiles(List.of(HOUSE_1, "PD14999999999"),
        Set.of(CustomerProfiles.Part.LOCATION)).get(HOUSE_1);
    assertThat(located.code()).isEqualTo(HOUSE_1);
    assertThat(located.unitCode()).isEqualTo("PD14");
    assertThat(located.location()).isEqualTo(whole.location()).isNotNull();
    assertThat(located.identity()).isNull();
    assertThat(located.contract()).isNull();
    assertThat(located.billing()).isNull();
    assertThat(profiles.profiles(List.of(HOUSE_1), Set.of(CustomerProfiles.Part.IDENTITY,
        CustomerProfiles.Part.CONTACT)).get(HOUSE_1).identity()).isEqualTo(whole.identity()).isNotNull();
  }

  @Test
  void pageThatEndsExactlyAtTheLastCustomerSaysItIsTheLast() {
    JsonNode page = audience("substation=AUD14-T1&limit=3");

    assertThat(codes(page)).containsExactly(HOUSE_1, HOUSE_2, HOUSE_5);
    assertThat(page.path("next").isNull()).isTrue();
  }

  @Test
  void eachFilterNarrowsTheAudience() {
    assertThat(codes(audience("unit=PD14&limit=5000"))).contains(HOUSE_1, HOUSE_2, STREET_LIGHTS, HOUSE_4, HOUSE_5)
        .allMatch(code -> code.startsWith("PD14"));
    assertThat(codes(audience("substation=AUD14-T2"))).containsExactly(STREET_LIGHTS);
    assertThat(codes(audience("feeder=AUD14-F2"))).containsExactly(HOUSE_2, STREET_LIGHTS);
    assertThat(codes(audience("meterBook=AUD14-S2"))).containsExactly(STREET_LIGHTS, HOUSE_5);
    assertThat(codes(audience("segment=CHIEU-SANG-CONG-CONG&limit=5000"))).as("a regional group")
        .contains(STREET_LIGHTS).doesNotContain(HOUSE_1, HOUSE_2, HOUSE_4, HOUSE_5);
    String houseSegment = admin.get("/api/customers/" + HOUSE_1).json().path("segment").asText();
    assertThat(houseSegment).as("urban household").startsWith("C1-");
    assertThat(codes(audience("segment=" + houseSegment + "&limit=5000"))).as("a corporate segment")
        .contains(HOUSE_1, HOUSE_2, HOUSE_4, HOUSE_5).doesNotContain(STREET_LIGHTS);
  }

  @Test
  void repeatedLocationFilterMatchesAnyOfItsValues() {
    assertThat(codes(audience("substation=AUD14-T2&substation=AUD14-T3"))).containsExactly(STREET_LIGHTS, HOUSE_4);
    assertThat(codes(audience("feeder=AUD14-F1&feeder=AUD14-F3"))).containsExactly(HOUSE_1, HOUSE_4, HOUSE_5);
    assertThat(codes(audience("meterBook=AUD14-S1&meterBook=AUD14-S3"))).containsExactly(HOUSE_1, HOUSE_2, HOUSE_4);
  }

  @Test
  void filtersCombineWithAnd() {
    assertThat(codes(audience("substation=AUD14-T1&feeder=AUD14-F3"))).containsExactly(HOUSE_5);
    assertThat(codes(audience("unit=PD14&meterBook=AUD14-S2&segment=CHIEU-SANG-CONG-CONG")))
        .containsExactly(STREET_LIGHTS);
    assertThat(codes(audience("unit=PD15&substation=AUD14-T1"))).isEmpty();
  }

  @Test
  void countsTheAudience() {
    assertThat(count("substation=AUD14-T1")).isEqualTo(3);
    assertThat(count("substation=AUD14-T2&substation=AUD14-T3")).isEqualTo(2);
    assertThat(count("feeder=AUD14-F2&segment=CHIEU-SANG-CONG-CONG")).isEqualTo(1);
    assertThat(count("substation=AUD14-NOWHERE")).isZero();
  }

  @Test
  void audienceWithoutAFilterIsRefused() {
    for (String path : List.of("/api/audiences/customers", "/api/audiences/customers/count",
        "/api/audiences/customers?limit=10", "/api/audiences/customers?substation=")) {
      Response refused = worker.get(path);

      assertThat(refused.status()).as(path).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().path("errors").get(0).path("field").asText()).as(path).isEqualTo("unit");
      assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("substation", "segment");
    }
  }

  @Test
  void malformedParametersAreRefusedNamingTheParameter() {
    assertThat(refusedField("/api/audiences/customers?unit=PD14&limit=0")).isEqualTo("limit");
    assertThat(refusedField("/api/audiences/customers?unit=PD14&limit=5001")).isEqualTo("limit");
    assertThat(refusedField("/api/audiences/customers?unit=PD14&limit=many")).isEqualTo("limit");
    assertThat(refusedField("/api/audiences/customers?unit=PD14&after=PD14%27--")).isEqualTo("after");
    assertThat(refusedField("/api/audiences/customers?unit=Cau+Giay")).isEqualTo("unit");
    assertThat(refusedField("/api/audiences/customers/count?segment=" + "X".repeat(65))).isEqualTo("segment");
    assertThat(worker.get("/api/audiences/customers?unit=PD14&limit=5000").status()).isEqualTo(200);
  }

  @Test
  void onlyWorkersAndAdminsReadAudiences() {
    for (String path : List.of("/api/audiences/customers?unit=PD14", "/api/audiences/customers/count?unit=PD14")) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
      assertThat(staff.get(path).status()).as("staff, even of the call centre: " + path).isEqualTo(403);
      assertThat(source.get(path).status()).as(path).isEqualTo(403);
      assertThat(worker.get(path).status()).as(path).isEqualTo(200);
      assertThat(admin.get(path).status()).as(path).isEqualTo(200);
    }
  }

  private JsonNode audience(String query) {
    Response response = worker.get("/api/audiences/customers?" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private long count(String query) {
    Response response = worker.get("/api/audiences/customers/count?" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("customers").asLong();
  }

  private String refusedField(String path) {
    Response response = worker.get(path);
    assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
    return response.json().path("errors").get(0).path("field").asText();
  }

  private static List<String> codes(JsonNode page) {
    return StreamSupport.stream(page.path("codes").spliterator(), false).map(JsonNode::asText).toList();
  }

  /** A customer of Đống Đa (PD14, inner city) that pays on time. */
  private static String billing(String code, String substation, String feeder, String meterBook, String type,
      String purpose) {
    return "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"2026-11-01T00:00:00Z\","
        + "\"fullName\":\"Khách hàng " + code + "\",\"customerType\":\"" + type + "\",\"status\":\"ACTIVE\","
        + "\"address\":\"Phố Tây Sơn\",\"district\":\"Đống Đa\",\"province\":\"Hà Nội\","
        + "\"substation\":\"" + substation + "\",\"feeder\":\"" + feeder + "\",\"meterBook\":\"" + meterBook + "\","
        + "\"purposeOfUse\":\"" + purpose + "\",\"voltageLevel\":\"LV\",\"bills\":[]}";
  }
}
