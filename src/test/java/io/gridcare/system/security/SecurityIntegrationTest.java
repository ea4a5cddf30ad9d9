package io.gridcare.system.security;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.GridCareIntegrationTest.WORKER;
import static io.gridcare.GridCareIntegrationTest.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;

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

@GridCareIntegrationTest
class SecurityIntegrationTest {

  private static final String STAFF = "security-test-staff";
  private static final String STAFF_PASSWORD = "staff-secret";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  private final Http worker = anonymous.as(WORKER, WORKER_PASSWORD);
  private final Http staff = anonymous.as(STAFF, STAFF_PASSWORD);

  private final IdentityService identity;

  SecurityIntegrationTest(@Autowired IdentityService identity) {
    this.identity = identity;
  }

  @BeforeEach
  void staffMemberExists() {
    TestUsers.ensure(identity, STAFF, STAFF_PASSWORD, Access.STAFF_GROUP);
  }

  @Test
  void engineRestTurnsAwayRequestsWithoutCredentials() {
    Response response = anonymous.get("/engine-rest/process-definition");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(401);
  }

  @Test
  void engineRestTurnsAwayAWrongPassword() {
    // Its own user: after a failed login Camunda refuses that user for a few seconds, the right password too.
    TestUsers.ensure(identity, "wrong-password-test", "right-password", Access.STAFF_GROUP);

    assertThat(anonymous.as("wrong-password-test", "not-the-password").get("/engine-rest/process-definition")
        .status()).isEqualTo(401);
  }

  @Test
  void engineRestAnswersTheAdmin() {
    Response response = admin.get("/engine-rest/process-definition?key=InstallationCheckProcess");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isNotEmpty();
  }

  @Test
  void workerAccountMayNotDeploy() throws IOException {
    String boundary = "gridcare-test-boundary";
    String model = Files.readString(Path.of("processes/system/installation-check.bpmn"));
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nintruder\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"; filename=\"intruder.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
    Response response = worker.send(worker.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.ofString(body)));

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void workerAccountMayNotUseTheGridCareApi() {
    Response response = worker.get("/api/units");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void gridCareApiTurnsAwayRequestsWithoutCredentials() {
    assertThat(anonymous.get("/api/units").status()).isEqualTo(401);
  }

  @Test
  void staffMayReadUnitsButNotChangeThem() {
    assertThat(staff.get("/api/units").status()).isEqualTo(200);

    Response change = staff.putJson("/api/units/PD01", "{\"name\":\"Điện lực X\",\"corporation\":\"EVNHANOI\"}");

    assertThat(change.status()).isEqualTo(403);
    assertThat(admin.get("/api/units/PD01").json().path("name").asText()).isEqualTo("Điện lực Hoàn Kiếm");
  }

  @Test
  void tasklistAndCockpitPagesLoad() {
    Response tasklist = anonymous.get("/camunda/app/tasklist/default/");
    Response cockpit = anonymous.get("/camunda/app/cockpit/default/");

    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.body()).containsIgnoringCase("tasklist");
    assertThat(cockpit.status()).isEqualTo(200);
    assertThat(cockpit.body()).containsIgnoringCase("cockpit");
  }

  @Test
  void webappLoginKeepsCamundasCsrfProtection() {
    Response login = anonymous.send(anonymous.request("/camunda/api/admin/auth/user/default/login/cockpit")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD)));

    assertThat(login.status()).as("a login without Camunda's CSRF token").isEqualTo(403);
    assertThat(login.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }

  @Test
  void healthIsPublicWithoutDetails() {
    Response health = anonymous.get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(health.json().has("components")).isFalse();
  }

  @Test
  void healthShowsDatabaseSearchAndEngineUpToTheAdmin() {
    Response health = admin.get("/actuator/health");

    assertThat(health.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.json().path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");
    assertThat(health.json().path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(health.json().path("components").path("engineConnection").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void metricsNeedCredentials() {
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(staff.get("/actuator/prometheus").status()).isEqualTo(403);

    Response metrics = admin.get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void apiDocumentIsServed() {
    Response document = anonymous.get("/v3/api-docs");

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.json().path("paths").has("/api/units")).isTrue();
  }
}
