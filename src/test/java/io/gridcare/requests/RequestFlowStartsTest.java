package io.gridcare.requests;

import static io.gridcare.requests.RequestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request stored with its decision but whose flow did not start (the server stopped right after the commit) is
 * not lost: the starter finds it on its next check, with nothing waking it, and the flow acts on the stored
 * decision.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestFlowStartsTest {

  private static final String SERVICE = "T_FLOW_START";
  private static final String PHONE = "0912130001";

  private final JdbcClient sql;
  private final ServiceRequests requests;
  private final ServiceCatalog catalog;
  private final TaskService tasks;
  private final ObjectMapper json;
  private final RequestFixtures fixtures;

  RequestFlowStartsTest(@Autowired JdbcClient sql, @Autowired ServiceRequests requests,
      @Autowired ServiceCatalog catalog, @Autowired RuntimeService runtime, @Autowired TaskService tasks,
      @Autowired ObjectMapper json) {
    this.sql = sql;
    this.requests = requests;
    this.catalog = catalog;
    this.tasks = tasks;
    this.json = json;
    this.fixtures = new RequestFixtures(sql, runtime, tasks);
  }

  @BeforeAll
  void service() {
    fixtures.deleteRequests("service_type = '" + SERVICE + "'");
    fixtures.service(SERVICE, true, false, 3, null);
  }

  @Test
  void storedRequestWhoseFlowDidNotStartIsStartedWithItsDecision() throws Exception {
    RequestDraft draft = json.treeToValue(draft(SERVICE, null, null, null, "Trần Văn Khởi", PHONE),
        RequestDraft.class);
    Assessment assessment = new Assessment(catalog.get(SERVICE), List.of(), "PD12", null, List.of(), false);
    String code = "YCTEST" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    long id = requests.insert(code, "+84912130001", draft, assessment, "WARNINGS", Instant.now());
    assertThat(requests.get(id).processInstanceId()).as("stored only, as after a crash").isNull();

    Task review = Awaitility.await("the flow of " + code).atMost(Duration.ofSeconds(20))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(
            RequestSteps.TASK_REVIEW).singleResult(), task -> task != null);

    assertThat(requests.get(id).processInstanceId()).isEqualTo(review.getProcessInstanceId());
    assertThat(tasks.getVariable(review.getId(), RequestFlow.VAR_TRIAGE_OUTCOME)).isEqualTo("WARNINGS");
    assertThat(sql.sql("""
            select count(*) from notice where type = 'REQUEST_STATUS_CHANGED' and variables ->> 'requestCode' = :code""")
        .param("code", code).query(Long.class).single()).as("the received notice, from the first step").isEqualTo(1);
  }
}
