package io.gridcare.requests.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The public catalog, staff reading it and admins editing it, over HTTP on the real stack. */
@GridCareIntegrationTest
class ServiceCatalogApiTest {

  private static final String STAFF = "catalog-test-staff";
  private static final String PASSWORD = "catalog-secret";
  private static final String PORTAL = "/api/portal/services";
  private static final String BASE = "/api/service-types/";

  private final ObjectMapper json = new ObjectMapper();
  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http staff = anonymous.as(STAFF, PASSWORD);
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  private final IdentityService identity;

  ServiceCatalogApiTest(@Autowired IdentityService identity) {
    this.identity = identity;
  }

  @BeforeEach
  void accountsExist() {
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP);
  }

  @Test
  void anyoneReadsThePortalCatalogWithoutLoggingIn() {
    Response response = anonymous.get(PORTAL);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("max-age=300");
    assertThat(response.headers().firstValue("ETag")).isPresent();
    JsonNode capacity = service(response.json(), "CAPACITY_CHANGE");
    assertThat(capacity.path("category").asText()).isEqualTo("PAID_SERVICE");
    assertThat(capacity.path("handledBy").asText()).isEqualTo("POWER_COMPANY");
    assertThat(capacity.path("promisedWorkingDays").path("city").asInt()).isEqualTo(3);
    assertThat(capacity.path("promisedWorkingDays").path("rural").asInt()).isEqualTo(5);
    assertThat(capacity.path("fee").path("note").path("vi").asText()).isNotBlank();
    assertThat(codes(capacity.path("reasons"))).contains("INCREASE", "DECREASE");
    assertThat(capacity.path("name").path("vi").asText()).isEqualTo("Thay đổi công suất sử dụng điện");
    assertThat(capacity.has("autoForward")).as("triage is no business of the portal").isFalse();
    JsonNode capacityField = StreamSupport.stream(capacity.path("requiredFields").spliterator(), false)
        .filter(field -> field.path("key").asText().equals("requestedCapacityKw")).findFirst().orElseThrow();
    assertThat(capacityField.path("kind").asText()).isEqualTo("DECIMAL");
    assertThat(capacityField.path("label").path("en").asText()).isEqualTo("Requested capacity (kW)");
    JsonNode increase = reason(capacity, "INCREASE");
    assertThat(increase.path("requiredDocuments").get(0).path("kind").asText()).isEqualTo("LOAD_LIST");
    assertThat(increase.path("requiredDocuments").get(0).path("label").path("vi").asText()).isNotBlank();
    assertThat(response.json().path("categories")).hasSize(4);
  }

  @Test
  void anUnchangedCatalogIsNotSentAgain() {
    String eTag = anonymous.get(PORTAL).headers().firstValue("ETag").orElseThrow();

    Response again = anonymous.send(anonymous.request(PORTAL).header("If-None-Match", eTag).GET());

    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theRestOfTheCatalogApiNeedsALogin() {
    assertThat(anonymous.get("/api/service-types").status()).isEqualTo(401);
    assertThat(anonymous.get(BASE + "CAPACITY_CHANGE").status()).isEqualTo(401);
    assertThat(anonymous.send(anonymous.request(BASE + "CAPACITY_CHANGE").DELETE()).status()).isEqualTo(401);
  }

  @Test
  void staffReadEveryServiceButCannotChangeOne() {
    Response list = staff.get("/api/service-types");
    Response one = staff.get(BASE + "ABNORMAL_BILL");

    assertThat(list.status()).isEqualTo(200);
    assertThat(codes(list.json())).contains("ABNORMAL_BILL", "NEW_MEDIUM_VOLTAGE");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("autoForward").asBoolean()).isTrue();
    String eTag = one.headers().firstValue("ETag").orElseThrow();
    assertThat(eTag).isEqualTo("\"" + one.json().path("version").asInt() + "\"");

    assertThat(staff.putJson(BASE + "ABNORMAL_BILL", one.body()).status()).isEqualTo(403);
    assertThat(staff.putJson(BASE + "TEST_BY_STAFF", body("Dịch vụ của nhân viên", "ONE")).status()).isEqualTo(403);
    assertThat(staff.send(staff.request(BASE + "ABNORMAL_BILL").DELETE()).status()).isEqualTo(403);
    assertThat(staff.get(BASE + "ABNORMAL_BILL").headers().firstValue("ETag")).contains(eTag);
    assertThat(staff.get(BASE + "TEST_BY_STAFF").status()).isEqualTo(404);
  }

  @Test
  void adminCreatesReplacesAndRetiresAService() {
    String path = BASE + "TEST_CREATE_REPLACE_RETIRE";
    Response created = admin.putJson(path, body("Dịch vụ thử", "FIRST", "SECOND"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith(path));
    assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
    assertThat(codes(service(anonymous.get(PORTAL).json(), "TEST_CREATE_REPLACE_RETIRE").path("reasons")))
        .containsExactly("FIRST", "SECOND");

    Response replaced = put(path, "\"0\"", body("Dịch vụ thử đã sửa", "SECOND", "THIRD"));

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.headers().firstValue("ETag")).contains("\"1\"");
    JsonNode stored = admin.get(path).json();
    assertThat(stored.path("name").path("vi").asText()).isEqualTo("Dịch vụ thử đã sửa");
    assertThat(codes(stored.path("reasons"))).as("the reason left out is kept, for the requests that chose it")
        .containsExactlyInAnyOrder("FIRST", "SECOND", "THIRD");
    assertThat(reason(stored, "FIRST").path("active").asBoolean()).isFalse();
    assertThat(codes(service(anonymous.get(PORTAL).json(), "TEST_CREATE_REPLACE_RETIRE").path("reasons")))
        .containsExactly("SECOND", "THIRD");

    Response retired = admin.send(admin.request(path).header("If-Match", "\"1\"").DELETE());

    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.json().path("active").asBoolean()).isFalse();
    assertThat(codes(anonymous.get(PORTAL).json().path("services"))).doesNotContain("TEST_CREATE_REPLACE_RETIRE");
    assertThat(admin.get(path).json().path("active").asBoolean()).as("retired, not deleted").isFalse();
  }

  @Test
  void whatAnEditorReadsCanBeSentBackChanged() {
    String path = BASE + "TEST_ROUND_TRIP";
    admin.putJson(path, body("Dịch vụ đọc rồi ghi", "ONLY"));
    ObjectNode read = (ObjectNode) admin.get(path).json();
    read.put("promisedWorkingDays", 9);

    Response saved = admin.putJson(path, read.toString());

    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().path("promisedWorkingDays").asInt()).isEqualTo(9);
    assertThat(saved.json().path("version").asInt()).isEqualTo(1);
  }

  @Test
  void aChangeMadeOnAnOlderVersionIsRefused() {
    String path = BASE + "TEST_VERSION_CONFLICT";
    admin.putJson(path, body("Bản đầu", "ONE"));
    assertThat(put(path, "\"0\"", body("Sửa của người thứ nhất", "ONE")).status()).isEqualTo(200);

    Response late = put(path, "\"0\"", body("Sửa của người thứ hai", "ONE"));
    Response lateRetire = admin.send(admin.request(path).header("If-Match", "\"0\"").DELETE());

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.contentType()).startsWith("application/problem+json");
    assertThat(lateRetire.status()).isEqualTo(409);
    JsonNode stored = admin.get(path).json();
    assertThat(stored.path("name").path("vi").asText()).isEqualTo("Sửa của người thứ nhất");
    assertThat(stored.path("active").asBoolean()).isTrue();
    assertThat(stored.path("version").asInt()).isEqualTo(1);
    assertThat(put(BASE + "TEST_NEVER_CREATED", "\"0\"", body("Không có", "ONE")).status())
        .as("replacing what does not exist").isEqualTo(409);
    assertThat(admin.get(BASE + "TEST_NEVER_CREATED").status()).isEqualTo(404);
  }

  @Test
  void anInvalidServiceIsRefusedNamingEveryFieldAndCreatesNothing() {
    ObjectNode service = tree(body("Dịch vụ sai", "SAME", "SAME"));
    service.putArray("requiredFields").add("CONTACT_NAME");
    service.put("promisedWorkingDays", -2);
    ((ObjectNode) service.path("reasons").get(1).path("label")).put("vi", " ");

    Response response = admin.putJson(BASE + "TEST_INVALID", service.toString());

    assertProblem(response, "requiredFields", "promisedWorkingDays", "reasons[1].label.vi");
    assertThat(admin.get(BASE + "TEST_INVALID").status()).isEqualTo(404);
  }

  @Test
  void anInvalidReplacementChangesNothing() {
    String path = BASE + "TEST_INVALID_REPLACEMENT";
    admin.putJson(path, body("Dịch vụ đúng", "ONE"));
    ObjectNode service = tree(body("Dịch vụ sửa sai", "ONE", "ONE"));
    service.put("freeTextAllowed", false);

    assertProblem(put(path, "\"0\"", service.toString()), "reasons[1].code");
    service.remove("category");
    assertProblem(put(path, "\"0\"", service.toString()), "category");
    assertProblem(admin.putJson(BASE + "test-lower-case", body("Mã sai", "ONE")), "code");
    JsonNode stored = admin.get(path).json();
    assertThat(stored.path("name").path("vi").asText()).isEqualTo("Dịch vụ đúng");
    assertThat(stored.path("version").asInt()).isZero();
  }

  @Test
  void aReasonNeededWithoutFreeTextCannotBeTheLastOneRetired() {
    String path = BASE + "TEST_LAST_REASON";
    admin.putJson(path, body("Dịch vụ chỉ chọn lý do", "ONLY"));
    ObjectNode service = tree(body("Dịch vụ chỉ chọn lý do", "ONLY"));
    service.put("freeTextAllowed", false);
    service.putArray("reasons");

    assertProblem(put(path, "\"0\"", service.toString()), "reasons");
    assertThat(reason(admin.get(path).json(), "ONLY").path("active").asBoolean()).isTrue();
  }

  @Test
  void anUnknownServiceIsNotFound() {
    assertThat(admin.get(BASE + "TEST_NO_SUCH_SERVICE").status()).isEqualTo(404);
    assertThat(admin.send(admin.request(BASE + "TEST_NO_SUCH_SERVICE").DELETE()).status()).isEqualTo(404);
  }

  private Response put(String path, String ifMatch, String body) {
    return admin.send(admin.request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
        .PUT(BodyPublishers.ofString(body)));
  }

  private ObjectNode tree(String body) {
    try {
      return (ObjectNode) json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A paid service that lets requesters write freely, with these reasons. */
  private String body(String nameVi, String... reasons) {
    ObjectNode service = json.createObjectNode();
    service.put("category", "PAID_SERVICE");
    service.putObject("name").put("vi", nameVi).put("en", "Test service");
    service.put("promisedWorkingDays", 5);
    service.put("promisedWorkingDaysRural", 7);
    service.putObject("feeNote").put("vi", "Theo dự toán").put("en", "As quoted");
    service.put("handledBy", "POWER_COMPANY");
    service.put("requiresCustomer", true);
    service.put("freeTextAllowed", true);
    service.put("autoForward", true);
    service.putArray("requiredFields").add("PHONE").add("CONTACT_NAME").add("CUSTOMER_CODE");
    service.putArray("requiredDocuments").add("ID_CARD");
    ArrayNode reasonList = service.putArray("reasons");
    for (String code : reasons) {
      ObjectNode reason = reasonList.addObject().put("code", code);
      reason.putObject("label").put("vi", "Lý do " + code).put("en", "Reason " + code);
      reason.putArray("requiredFields").add("PREFERRED_DATE");
    }
    return service.toString();
  }

  private static void assertProblem(Response response, String... fields) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(StreamSupport.stream(response.json().path("errors").spliterator(), false)
        .map(error -> error.path("field").asText()).toList()).containsAll(List.of(fields));
  }

  private static JsonNode service(JsonNode catalog, String code) {
    return StreamSupport.stream(catalog.path("services").spliterator(), false)
        .filter(service -> service.path("code").asText().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("not in the catalog: " + code));
  }

  private static JsonNode reason(JsonNode service, String code) {
    return StreamSupport.stream(service.path("reasons").spliterator(), false)
        .filter(reason -> reason.path("code").asText().equals(code)).findFirst()
        .orElseThrow(() -> new AssertionError("no reason " + code));
  }

  private static List<String> codes(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("code").asText()).toList();
  }
}
