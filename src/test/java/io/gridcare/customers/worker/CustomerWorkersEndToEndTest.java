package io.gridcare.customers.worker;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.customers.CustomerTopics;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The customer topics as a flow uses them: test processes deployed and started through the engine's REST API,
 * the application's own worker (role {@code all}) doing the tasks over REST and reading GridCare's API, the
 * outcome read from history.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerWorkersEndToEndTest {

  private static final String LOOKUP_PROCESS = "CustomerLookupTestProcess";
  private static final String AUDIENCE_PROCESS = "AudienceSizeTestProcess";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Đống Đa (PD14) households on grid locations of their own (E2E14-...). */
  private static final String LAN = "PD14000000401";
  private static final String MINH = "PD14000000402";
  private static final String NAM = "PD14000000403";

  private final Http operator = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);

  @BeforeAll
  void testProcessesAndCustomersExist() {
    deploy("bpmn/customers/customer-lookup-test.bpmn", "bpmn/customers/audience-size-test.bpmn");
    send("billing", billing(LAN, "Trần Thị Lan", "E2E14-T1", "E2E14-F1") + ","
        + billing(MINH, "Đỗ Minh", "E2E14-T1", "E2E14-F2") + ","
        + billing(NAM, "Lê Văn Nam", "E2E14-T2", "E2E14-F2"));
    send("crm", "{\"customerCode\":\"" + LAN + "\",\"updatedAt\":\"2026-11-01T00:00:00Z\","
        + "\"mobile\":\"0912 345 678\",\"email\":\"lan.tran@example.vn\"}");
  }

  @Test
  void lookupOfAKnownCustomerSetsTheRequestedFields() {
    String segment = operator.get("/api/customers/" + LAN).json().path("segment").asText();

    String instance = start(LOOKUP_PROCESS, Map.of(CustomerTopics.VAR_CUSTOMER_CODE, LAN,
        CustomerTopics.VAR_CUSTOMER_FIELDS, "identity.fullName,contact.mobile,contact.email,location.substation,"
            + "segment,identity.nickname"));

    awaitEnd(instance);
    Map<String, JsonNode> variables = variables(instance);
    assertThat(variables.get("identityFullName").path("value").asText()).isEqualTo("Trần Thị Lan");
    assertThat(variables.get("contactMobile").path("value").asText()).as("unmasked, E.164").isEqualTo("+84912345678");
    assertThat(variables.get("contactEmail").path("value").asText()).isEqualTo("lan.tran@example.vn");
    assertThat(variables.get("locationSubstation").path("value").asText()).isEqualTo("E2E14-T1");
    assertThat(variables.get("segment").path("value").asText()).isNotBlank().isEqualTo(segment);
    assertThat(variables.get("identityNickname").path("type").asText()).as("a path the profile lacks")
        .isEqualTo("Null");
    assertThat(passed(instance, "EndEvent_CustomerFound")).isTrue();
  }

  @Test
  void lookupOfAnUnknownCustomerTakesTheNotFoundPath() {
    String instance = start(LOOKUP_PROCESS, Map.of(CustomerTopics.VAR_CUSTOMER_CODE, "PD14000000499",
        CustomerTopics.VAR_CUSTOMER_FIELDS, "contact.mobile"));

    awaitEnd(instance);
    assertThat(passed(instance, "EndEvent_CustomerNotFound")).isTrue();
    assertThat(variables(instance)).doesNotContainKey("contactMobile");
    assertThat(variables(instance).get("lookupErrorMessage").path("value").asText()).contains("PD14000000499");
  }

  @Test
  void lookupWithSomethingOtherThanACodeTakesTheInvalidCodePath() {
    String instance = start(LOOKUP_PROCESS, Map.of(CustomerTopics.VAR_CUSTOMER_CODE, "0912345678",
        CustomerTopics.VAR_CUSTOMER_FIELDS, "contact.mobile"));

    awaitEnd(instance);
    assertThat(passed(instance, "EndEvent_InvalidCustomerCode")).isTrue();
  }

  @Test
  void audienceSizeCountsTheCustomersOfTheAudience() {
    String instance = start(AUDIENCE_PROCESS, Map.of(CustomerTopics.VAR_AUDIENCE_UNIT, "PD14",
        CustomerTopics.VAR_AUDIENCE_SUBSTATIONS, "E2E14-T1, E2E14-T2",
        CustomerTopics.VAR_AUDIENCE_FEEDERS, "E2E14-F2"));

    awaitEnd(instance);
    JsonNode size = variables(instance).get(CustomerTopics.VAR_AUDIENCE_SIZE);
    assertThat(size.path("type").asText()).isEqualTo("Long");
    assertThat(size.path("value").asLong()).as("Minh and Nam").isEqualTo(2);
    assertThat(passed(instance, "EndEvent_AudienceCounted")).isTrue();
  }

  @Test
  void audienceWithoutFiltersTakesTheInvalidAudiencePath() {
    String instance = start(AUDIENCE_PROCESS, Map.of(CustomerTopics.VAR_AUDIENCE_SUBSTATIONS, " , "));

    awaitEnd(instance);
    assertThat(passed(instance, "EndEvent_InvalidAudience")).isTrue();
    assertThat(variables(instance)).doesNotContainKey(CustomerTopics.VAR_AUDIENCE_SIZE);
  }

  @Test
  void audienceGridCareRefusesTakesTheInvalidAudiencePath() {
    String instance = start(AUDIENCE_PROCESS, Map.of(CustomerTopics.VAR_AUDIENCE_UNIT, "Đống Đa"));

    awaitEnd(instance);
    assertThat(passed(instance, "EndEvent_InvalidAudience")).isTrue();
    assertThat(variables(instance).get("audienceErrorMessage").path("value").asText()).contains("unit");
  }

  private String start(String processKey, Map<String, String> variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode values = body.putObject("variables");
    variables.forEach((name, value) -> values.putObject(name).put("value", value).put("type", "String"));
    Response started = operator.postJson("/engine-rest/process-definition/key/" + processKey + "/start",
        body.toString());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  private void awaitEnd(String instance) {
    Awaitility.await("the worker ends the task").atMost(Duration.ofSeconds(60))
        .until(() -> operator.get("/engine-rest/history/process-instance/" + instance).json().path("state").asText(),
            "COMPLETED"::equals);
  }

  private Map<String, JsonNode> variables(String instance) {
    Map<String, JsonNode> byName = new HashMap<>();
    operator.get("/engine-rest/history/variable-instance?processInstanceId=" + instance).json()
        .forEach(variable -> byName.put(variable.path("name").asText(), variable));
    return byName;
  }

  private boolean passed(String instance, String activityId) {
    return operator.get("/engine-rest/history/activity-instance?processInstanceId=" + instance + "&activityId="
        + activityId).json().size() == 1;
  }

  /** As an analyst deploys from Modeler: a multipart request to the engine's REST API. */
  private void deploy(String... resources) {
    String boundary = "gridcare-test-boundary";
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("deployment-name", "customer-workers-test");
    parts.put("enable-duplicate-filtering", "true");
    StringBuilder body = new StringBuilder();
    parts.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; "
        + "name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    for (String resource : resources) {
      String file = resource.substring(resource.lastIndexOf('/') + 1);
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(file)
          .append("\"; filename=\"").append(file).append("\"\r\nContent-Type: application/xml\r\n\r\n")
          .append(read(resource)).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    Response deployed = operator.send(operator.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  private void send(String source, String records) {
    Response report = operator.postJson("/api/sources/" + source + "/records", "{\"records\":[" + records + "]}");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().path("rejected")).as(report.body()).isEmpty();
  }

  private static String read(String resource) {
    try (InputStream in = CustomerWorkersEndToEndTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String billing(String code, String name, String substation, String feeder) {
    return "{\"customerCode\":\"" + code + "\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"fullName\":\"" + name + "\","
        + "\"customerType\":\"RESIDENTIAL\",\"status\":\"ACTIVE\",\"address\":\"Phố Chùa Bộc\",\"district\":\"Đống Đa\","
        + "\"province\":\"Hà Nội\",\"substation\":\"" + substation + "\",\"feeder\":\"" + feeder + "\","
        + "\"meterBook\":\"E2E14-S1\",\"purposeOfUse\":\"RESIDENTIAL_LIVING\",\"voltageLevel\":\"LV\",\"bills\":[]}";
  }
}
