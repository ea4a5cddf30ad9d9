package io.gridcare.units.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GridCareIntegrationTest
class UnitApiTest {

  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final IdentityService identity;

  UnitApiTest(@Autowired IdentityService identity) {
    this.identity = identity;
  }

  @Test
  void everyUnitHasAStaffAndASupervisorGroup() {
    assertThat(identity.createGroupQuery().groupIdIn("unit-PD09", "supervisors-PD09", "unit-PD30",
        "supervisors-PD30", "gridcare-supervisors").count()).isEqualTo(5);
  }

  @Test
  void listsPowerCompaniesPageByPageInCodeOrder() {
    Response page = admin.get("/api/units?page=1&size=10");

    assertThat(page.status()).isEqualTo(200);
    assertThat(codes(page.json().path("items"))).first().isEqualTo("PD11");
    assertThat(page.json().path("items")).hasSize(10);
    assertThat(page.json().path("page").asInt()).isEqualTo(1);
    assertThat(page.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void seededUnitsAreHanoisPowerCompanies() {
    JsonNode unit = admin.get("/api/units/PD09").json();

    assertThat(unit.path("name").asText()).isEqualTo("Điện lực Sóc Sơn");
    assertThat(unit.path("corporation").asText()).isEqualTo("EVNHANOI");
    assertThat(unit.path("urban").asBoolean()).as("Sóc Sơn is rural").isFalse();
    assertThat(admin.get("/api/units/PD01").json().path("urban").asBoolean()).as("Hoàn Kiếm is inner-city").isTrue();
  }

  @Test
  void pageSizeOverTheLimitIsRefusedNamingTheParameter() {
    assertProblem(admin.get("/api/units?size=500"), 400, "size");
  }

  @Test
  void negativeOrNonNumericPageIsRefusedNamingTheParameter() {
    assertProblem(admin.get("/api/units?page=-1"), 400, "page");
    assertProblem(admin.get("/api/units?page=abc"), 400, "page");
  }

  @Test
  void unknownUnitIsNotFound() {
    Response response = admin.get("/api/units/PZ98");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("detail").asText()).contains("PZ98");
  }

  @Test
  void malformedUnitCodeIsRefusedNamingIt() {
    assertProblem(admin.get("/api/units/pd01"), 400, "code");
  }

  @Test
  void adminCreatesThenUpdatesAUnit() {
    Response created = admin.putJson("/api/units/PE01", "{\"name\":\"Điện lực Sài Gòn\",\"corporation\":\"EVNHCMC\"}");
    Response updated = admin.putJson("/api/units/PE01", "{\"name\":\"Công ty Điện lực Sài Gòn\",\"corporation\":\"EVNHCMC\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(admin.get("/api/units/PE01").json().path("name").asText()).isEqualTo("Công ty Điện lực Sài Gòn");
    assertThat(identity.createGroupQuery().groupIdIn("unit-PE01", "supervisors-PE01").count())
        .as("the new unit's staff and supervisor groups").isEqualTo(2);
  }

  @Test
  void invalidChangeNamesEveryFailingFieldAndChangesNothing() {
    Response response = admin.putJson("/api/units/PD02", "{\"name\":\"\",\"corporation\":\"hanoi\"}");

    assertProblem(response, 400, "name", "corporation");
    assertThat(admin.get("/api/units/PD02").json().path("name").asText()).isEqualTo("Điện lực Hai Bà Trưng");
  }

  @Test
  void malformedJsonIsRefusedAndCreatesNothing() {
    Response response = admin.putJson("/api/units/PZ97", "{\"name\": \"Điện lực");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(admin.get("/api/units/PZ97").status()).isEqualTo(404);
  }

  @Test
  void unknownFieldIsRefusedNamingIt() {
    Response response = admin.putJson("/api/units/PZ96",
        "{\"name\":\"Điện lực Z\",\"corporation\":\"EVNHANOI\",\"manager\":\"someone\"}");

    assertProblem(response, 400, "manager");
    assertThat(admin.get("/api/units/PZ96").status()).isEqualTo(404);
  }

  @Test
  void oversizedBodyIsRefusedBeforeItIsRead() {
    String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"corporation\":\"EVNHANOI\"}";

    Response response = admin.putJson("/api/units/PZ95", huge);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(admin.get("/api/units/PZ95").status()).isEqualTo(404);
  }

  @Test
  void oversizedChunkedBodyIsRefusedWhileItIsRead() {
    String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"corporation\":\"EVNHANOI\"}";

    // No length given: the body is streamed in chunks and counted as it arrives.
    Response response = admin.putJson("/api/units/PZ94",
        BodyPublishers.fromPublisher(BodyPublishers.ofString(huge)));

    assertThat(response.status()).isEqualTo(413);
    assertThat(admin.get("/api/units/PZ94").status()).isEqualTo(404);
  }

  private static void assertProblem(Response response, int status, String... fields) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    assertThat(StreamSupport.stream(response.json().path("errors").spliterator(), false)
        .map(error -> error.path("field").asText()).toList()).containsAll(List.of(fields));
  }

  private static List<String> codes(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("code").asText()).toList();
  }
}
