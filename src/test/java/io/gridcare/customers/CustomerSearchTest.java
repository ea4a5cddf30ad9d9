package io.gridcare.customers;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.apache.http.HttpHost;
import org.camunda.bpm.engine.IdentityService;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Profiles reaching the search index through the outbox, and staff searching them, on the real stack. */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSearchTest {

  private static final String PASSWORD = "search-secret";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  private final Http socSonStaff = anonymous.as("search-pd09", PASSWORD);
  private final Http callCentre = anonymous.as("search-callcentre", PASSWORD);

  private final IdentityService identity;
  private final IndexSync sync;
  private final CustomerStore store;
  private final SearchDocuments documents;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;

  CustomerSearchTest(@Autowired IdentityService identity,
      @Autowired IndexSync sync,
      @Autowired CustomerStore store,
      @Autowired SearchDocuments documents,
      @Autowired TransactionTemplate transaction,
      @Autowired ObjectMapper json) {
    this.identity = identity;
    this.sync = sync;
    this.store = store;
    this.documents = documents;
    this.transaction = transaction;
    this.json = json;
  }

  @BeforeAll
  void customersAreIndexed() {
    TestUsers.ensure(identity, "search-pd09", PASSWORD, Access.STAFF_GROUP, Access.UNIT_GROUP_PREFIX + "PD09");
    TestUsers.ensure(identity, "search-callcentre", PASSWORD, Access.STAFF_GROUP, Access.CALL_CENTRE_GROUP,
        Access.PERSONAL_DATA_GROUP);
    ingest("billing", billing("PD09000000201", "Nguyễn Văn Đức", "Thôn Đông Xuân, xã Phù Linh", "E1.9-T12"));
    ingest("crm", "{\"customerCode\":\"PD09000000201\",\"updatedAt\":\"2026-11-01T00:00:00Z\","
        + "\"mobile\":\"0962 718 305\",\"email\":\"duc.nguyen@example.vn\"}");
    ingest("channels", "{\"customerCode\":\"PD09000000201\",\"updatedAt\":\"2026-11-01T00:00:00Z\","
        + "\"zaloUserId\":\"zalo-201\"}");
    ingest("billing", billing("PD09000000202", "Trần Thị Đào", "Xóm Chùa, xã Minh Phú", "E1.9-T15"));
    ingest("billing", billing("PD01000000203", "Nguyễn Văn Đức", "12 Hàng Bạc, phường Hàng Buồm", "E1.1-T03"));
    ingest("billing", billing("PD09000000205", "Đặng Văn Lâm", "Thôn Lạc Nông, xã Mai Đình", "E1.9-T22"));
    sync.sync();
    index().refresh(SearchIndex.ALIAS);
  }

  @Test
  void nameWithoutDiacriticsFindsTheNameWithThem() {
    assertThat(codes(callCentre.get("/api/customers?q=nguyen%20van%20duc")))
        .contains("PD09000000201", "PD01000000203").doesNotContain("PD09000000202");
  }

  @Test
  void dStrokeFoldsToD() {
    assertThat(codes(callCentre.get("/api/customers?q=dao&unit=PD09"))).containsExactly("PD09000000202");
  }

  @Test
  void addressCodeAndPhoneTailFindTheCustomer() {
    assertThat(codes(callCentre.get("/api/customers?q=hang%20bac"))).containsExactly("PD01000000203");
    assertThat(codes(callCentre.get("/api/customers?q=PD09000000202"))).containsExactly("PD09000000202");
    // four digits are shared by about one customer in 10,000: other tests' generated customers may match too
    assertThat(codes(callCentre.get("/api/customers?q=8305"))).contains("PD09000000201");
    assertThat(codes(callCentre.get("/api/customers?q=0962718305"))).containsExactly("PD09000000201");
  }

  @Test
  void filtersAndFacetsCountTheMatches() {
    JsonNode result = callCentre.get("/api/customers?q=nguyen&channel=ZALO").json();

    assertThat(codes(result)).containsExactly("PD09000000201");
    assertThat(facet(result, "channel")).contains("ZALO=1", "EMAIL=1", "SMS=1");

    JsonNode units = callCentre.get("/api/customers?q=nguyen%20van%20duc").json();
    assertThat(facet(units, "unit")).contains("PD01=1", "PD09=1");
    assertThat(codes(callCentre.get("/api/customers?substation=E1.9-T15").json())).containsExactly("PD09000000202");
  }

  @Test
  void unitStaffFindOnlyTheirUnitsCustomers() {
    assertThat(codes(socSonStaff.get("/api/customers?q=nguyen%20van%20duc"))).containsExactly("PD09000000201");
    assertThat(socSonStaff.get("/api/customers/PD01000000203").status()).as("not their unit").isEqualTo(404);
    assertThat(socSonStaff.get("/api/customers/PD09000000201").status()).isEqualTo(200);
  }

  @Test
  void personalDataIsMaskedWithoutThePermission() {
    JsonNode masked = socSonStaff.get("/api/customers/PD09000000201").json().path("profile").path("contact");
    JsonNode clear = callCentre.get("/api/customers/PD09000000201").json().path("profile").path("contact");

    assertThat(masked.path("mobile").asText()).isEqualTo("+849*****305");
    assertThat(masked.path("email").asText()).isEqualTo("d*********@example.vn");
    assertThat(clear.path("mobile").asText()).isEqualTo("+84962718305");
  }

  @Test
  void resultsSortByNameIgnoringDiacriticsEitherWay() {
    // Đặng sorts as "dang", before Nguyễn and Trần (by code points, Đ would come after every Latin letter)
    assertThat(codes(callCentre.get("/api/customers?unit=PD09&sort=name")))
        .containsSubsequence("PD09000000205", "PD09000000201", "PD09000000202");
    assertThat(codes(callCentre.get("/api/customers?unit=PD09&sort=-name")))
        .containsSubsequence("PD09000000202", "PD09000000201", "PD09000000205");
    assertThat(codes(callCentre.get("/api/customers?q=nguyen%20van%20duc&sort=-unit")))
        .containsExactly("PD09000000201", "PD01000000203");
    assertThat(codes(callCentre.get("/api/customers?q=nguyen%20van%20duc&sort=code")))
        .containsExactly("PD01000000203", "PD09000000201");
  }

  @Test
  void invalidSearchParametersAreRefusedNamingThem() {
    assertThat(field(callCentre.get("/api/customers?sort=phone"))).isEqualTo("sort");
    assertThat(field(callCentre.get("/api/customers?channel=FAX"))).isEqualTo("channel");
    assertThat(field(callCentre.get("/api/customers?page=100&size=200"))).isEqualTo("page");
  }

  @Test
  void changesWaitInTheOutboxWhileTheSearchNodeIsDownAndArriveAfterwards() {
    IndexSync unreachable = new IndexSync(store, new SearchIndex(
        RestClient.builder(HttpHost.create("http://127.0.0.1:9")).build(), json, Clock.systemUTC(), 0),
        documents, transaction, null);
    ingest("billing", billing("PD09000000204", "Hoàng Minh Châu", "Xã Tân Minh", "E1.9-T20"));

    unreachable.sync();

    assertThat(store.queuedCount()).isGreaterThanOrEqualTo(1);
    sync.sync();
    index().refresh(SearchIndex.ALIAS);
    assertThat(store.queuedCount()).isZero();
    assertThat(codes(callCentre.get("/api/customers?q=hoang%20minh%20chau"))).containsExactly("PD09000000204");
  }

  @Test
  void rebuildSwapsInAFreshIndexWithEveryCustomer() {
    List<String> before = index().aliased();

    Response rebuilt = admin.postJson("/api/customers/index/rebuild", "");

    assertThat(rebuilt.status()).isEqualTo(200);
    assertThat(rebuilt.json().path("customers").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(index().aliased()).containsExactly(rebuilt.json().path("index").asText()).doesNotContainAnyElementsOf(before);
    assertThat(codes(callCentre.get("/api/customers?q=nguyen%20van%20duc"))).contains("PD09000000201", "PD01000000203");
    assertThat(socSonStaff.postJson("/api/customers/index/rebuild", "").status()).isEqualTo(403);
  }

  private SearchIndex index() {
    return new SearchIndex(RestClient.builder(HttpHost.create(TestStack.get().searchUri())).build(), json,
        Clock.systemUTC(), 0);
  }

  private void ingest(String source, String record) {
    Response response = admin.postJson("/api/sources/" + source + "/records", "{\"records\":[" + record + "]}");
    assertThat(response.json().path("rejected")).as(response.body()).isEmpty();
  }

  private static String billing(String code, String name, String address, String substation) {
    return "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"fullName\":\"" + name
        + "\",\"customerType\":\"RESIDENTIAL\",\"address\":\"" + address + "\",\"substation\":\"" + substation
        + "\",\"purposeOfUse\":\"RESIDENTIAL_LIVING\"}";
  }

  private static List<String> codes(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return codes(response.json());
  }

  private static List<String> codes(JsonNode result) {
    return StreamSupport.stream(result.path("items").spliterator(), false).map(hit -> hit.path("code").asText())
        .toList();
  }

  private static List<String> facet(JsonNode result, String name) {
    return StreamSupport.stream(result.path("facets").path(name).spliterator(), false)
        .map(value -> value.path("value").asText() + "=" + value.path("count").asLong()).toList();
  }

  private static String field(Response response) {
    assertThat(response.status()).isEqualTo(400);
    return response.json().path("errors").get(0).path("field").asText();
  }
}
