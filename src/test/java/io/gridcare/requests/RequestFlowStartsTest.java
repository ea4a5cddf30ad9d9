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
    String code = code();
    long id = insert(code, "WARNINGS");
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

  @Test
  void aRequestWhoseFlowCannotStartPausesWithoutHoldingBackTheOthers() throws Exception {
    String poison = code();
    // the database refuses to mark this one's flow as started, so its start always rolls back
    sql.sql("""
        create or replace function refuse_flow_start() returns trigger language plpgsql as $$
        begin raise exception 'refused for the test'; end $$""").update();
    sql.sql("create trigger refuse_flow_start before update of process_instance_id on service_request"
        + " for each row when (new.code = '" + poison + "') execute function refuse_flow_start()").update();
    long stuck = insert(poison, "WARNINGS");
    String next = code();
    long fine = insert(next, "WARNINGS");

    try {
      Awaitility.await("the request after it starts").atMost(Duration.ofSeconds(20))
          .until(() -> requests.get(fine).processInstanceId() != null);
      Awaitility.await("the failure is recorded").atMost(Duration.ofSeconds(20))
          .until(() -> failures(stuck) >= 1);

      assertThat(requests.get(stuck).processInstanceId()).as("still waiting, not lost").isNull();
      assertThat(sql.sql("select flow_retry_at > now() from service_request where id = :id").param("id", stuck)
          .query(Boolean.class).single()).as("paused before the next try").isTrue();
      assertThat(requests.countAwaitingFlow()).as("a paused request still counts as awaiting").isPositive();
      assertThat(requests.awaitingFlow(1_000)).as("left out of the next batches while it pauses")
          .extracting(ServiceRequests.AwaitingFlow::id).doesNotContain(stuck);
    } finally {
      sql.sql("drop trigger refuse_flow_start on service_request").update();
      sql.sql("drop function refuse_flow_start()").update();
      fixtures.deleteRequests("code in ('" + poison + "', '" + next + "')");
    }
  }

  private long insert(String code, String triageOutcome) throws Exception {
    RequestDraft draft = json.treeToValue(draft(SERVICE, null, null, null, "Trần Văn Khởi", PHONE),
        RequestDraft.class);
    Assessment assessment = new Assessment(catalog.get(SERVICE), List.of(), "PD12", null, List.of(), false);
    return requests.insert(code, "+84912130001", draft, assessment, triageOutcome, Instant.now());
  }

  private int failures(long id) {
    return sql.sql("select flow_failures from service_request where id = :id").param("id", id)
        .query(Integer.class).single();
  }

  private static String code() {
    return "YCTEST" + Long.toString(System.nanoTime() % 1_000_000_000, 36).toUpperCase();
  }
}
