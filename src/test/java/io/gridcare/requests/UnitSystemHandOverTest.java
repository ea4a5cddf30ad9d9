package io.gridcare.requests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.requests.RequestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.sandbox.SandboxHttpPeers;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clean request of a Thanh Oai (PD28) customer, which the test configuration sends to the unit's own system (the
 * sandbox's HTTP stub, {@link GridCareIntegrationTest#UNIT_SYSTEM_URL}), end to end: submitted on the portal,
 * forwarded with no agent, handed over by the {@code request-to-unit-system} worker, completed by the unit's
 * outcome call, and the customer told.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitSystemHandOverTest {

  private static final String SERVICE = "T_UNIT_SYSTEM";
  private static final String PATH = "/unit-systems/PD28/requests";
  private static final String ACCEPTING = "PD28US0000001";
  private static final String REFUSED = "PD28US0000002";
  private static final String DOWN = "PD28US0000003";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final JdbcClient sql;
  private final RuntimeService runtime;
  private final ExternalTaskService externalTasks;
  private final SandboxHttpPeers peers;
  private final RequestFixtures fixtures;

  UnitSystemHandOverTest(@Autowired JdbcClient sql, @Autowired RuntimeService runtime, @Autowired TaskService tasks,
      @Autowired ExternalTaskService externalTasks, @Autowired SandboxHttpPeers peers) {
    this.sql = sql;
    this.runtime = runtime;
    this.externalTasks = externalTasks;
    this.peers = peers;
    this.fixtures = new RequestFixtures(sql, runtime, tasks);
  }

  @BeforeAll
  void unitSystemAndCustomers() {
    fixtures.deleteRequests("service_type = '" + SERVICE + "'");
    fixtures.service(SERVICE, true, false, 3, null);
    fixtures.customer(ACCEPTING, "0912120001", "Thanh Oai");
    fixtures.customer(REFUSED, "0912120002", "Thanh Oai");
    fixtures.customer(DOWN, "0912120003", "Thanh Oai");
    peers.server().stubFor(post(urlEqualTo(PATH)).atPriority(10).willReturn(aResponse().withStatus(202)));
    peers.server().stubFor(post(urlEqualTo(PATH)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.customerCode", equalTo(REFUSED)))
        .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"unknown meter\"}")));
    peers.server().stubFor(post(urlEqualTo(PATH)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.customerCode", equalTo(DOWN)))
        .willReturn(aResponse().withStatus(503)));
  }

  @AfterAll
  void removeRequests() {
    // the failing ones would otherwise go on retrying against the stub
    fixtures.deleteRequests("service_type = '" + SERVICE + "'");
  }

  @Test
  void aCleanRequestReachesTheUnitSystemAndItsOutcomeCompletesItAndTellsTheCustomer() throws Exception {
    String code = submit(ACCEPTING, "0912120001");

    LoggedRequest received = handedOver(code);
    JsonNode body = JSON.readTree(received.getBodyAsString());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("serviceType").asText()).isEqualTo(SERVICE);
    assertThat(body.path("customerCode").asText()).isEqualTo(ACCEPTING);
    assertThat(body.path("draft").path("contactName").asText()).isEqualTo("Vũ Thị Lan");
    assertThat(body.path("status").asText()).isEqualTo("FORWARDED");
    assertThat(body.has("processInstanceId")).as("no engine ids leave GridCare").isFalse();
    assertThat(body.path("timeline")).isNotEmpty();
    String instance = processInstance(code);
    Awaitility.await("the flow waits for the unit's outcome").atMost(Duration.ofSeconds(30))
        .until(() -> runtime.createEventSubscriptionQuery().processInstanceId(instance)
            .eventName(RequestFlow.MSG_REQUEST_HANDLED).count() == 1);

    Http.Response outcome = admin.postJson("/api/requests/" + code + "/outcome",
        "{\"outcome\":\"COMPLETED\",\"note\":\"Đã cập nhật hợp đồng\"}");

    assertThat(outcome.status()).as(outcome.body()).isEqualTo(204);
    fixtures.awaitStatus(code, "COMPLETED");
    Awaitility.await("the customer is told it is completed").atMost(Duration.ofSeconds(30))
        .until(() -> sql.sql("""
                select count(*) from notification_event
                 where event_id like :prefix and payload -> 'status' ->> 'vi' = 'Đã hoàn thành'
                   and payload ->> 'customerCode' = :customer""")
            .param("prefix", "request:" + code + ":%").param("customer", ACCEPTING)
            .query(Long.class).single() == 1);
    assertThat(admin.get("/api/requests/" + code).json().path("request").path("outcomeNote").asText())
        .isEqualTo("Đã cập nhật hợp đồng");
  }

  @Test
  void aRefusalByTheUnitSystemRaisesAnIncidentAtOnce() {
    String code = submit(REFUSED, "0912120002");

    handedOver(code);
    String instance = processInstance(code);
    Incident incident = Awaitility.await("an incident").atMost(Duration.ofSeconds(30))
        .until(() -> runtime.createIncidentQuery().processInstanceId(instance).singleResult(), found -> found != null);

    assertThat(incident.getIncidentMessage()).contains("từ chối yêu cầu " + code).contains("HTTP 422")
        .contains("refused request " + code);
    assertThat(fixtures.status(code)).isEqualTo("FORWARDED");
  }

  @Test
  void anUnavailableUnitSystemIsRetriedWithFewerRetriesLeft() {
    String code = submit(DOWN, "0912120003");

    handedOver(code);
    String instance = processInstance(code);
    ExternalTask failed = Awaitility.await("a failure reported").atMost(Duration.ofSeconds(30))
        .until(() -> externalTasks.createExternalTaskQuery()
            .processInstanceId(instance).singleResult(), task -> task != null && task.getRetries() != null);

    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getErrorMessage()).contains("HTTP 503");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  private String submit(String customer, String phone) {
    String code = fixtures.submit(draft(SERVICE, "T_REASON", null, customer, "Vũ Thị Lan", phone)).path("code")
        .asText();
    assertThat(fixtures.triageOutcome(code)).isEqualTo(RequestFlow.AUTO_FORWARD);
    return code;
  }

  private LoggedRequest handedOver(String code) {
    List<LoggedRequest> received = Awaitility.await("the unit's system receives " + code)
        .atMost(Duration.ofSeconds(60))
        .until(() -> peers.received().stream().map(SandboxHttpPeers.Received::request)
            .filter(request -> RequestMethod.POST.equals(request.getMethod()) && PATH.equals(request.getUrl())
                && code.equals(request.getHeader("Idempotency-Key")))
            .toList(), found -> !found.isEmpty());
    assertThat(received.get(0).getHeader("Content-Type")).startsWith("application/json");
    return received.get(0);
  }

  private String processInstance(String code) {
    return sql.sql("select process_instance_id from service_request where code = :code").param("code", code)
        .query(String.class).single();
  }
}
