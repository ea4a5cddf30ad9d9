package io.gridcare.system.worker;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.GridCareIntegrationTest.WORKER;
import static io.gridcare.GridCareIntegrationTest.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import io.gridcare.GridCareApplication;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.system.InstallationCheck;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker-only process, as operators scale them out: no engine, no database, only the engine's REST API of a
 * running server. The server's own in-process worker is paused so that only this one can take the task.
 */
@GridCareIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerRoleIntegrationTest {

  private static final String WORKER_ID = "worker-role-test";

  private final Http operator = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);

  private ConfigurableApplicationContext workerOnly;

  private final ExternalTaskClient inProcessWorker;

  WorkerRoleIntegrationTest(@Autowired ExternalTaskClient inProcessWorker) {
    this.inProcessWorker = inProcessWorker;
  }

  @BeforeAll
  void startWorkerOnlyProcess() {
    inProcessWorker.stop();
    workerOnly = new SpringApplicationBuilder(GridCareApplication.class).run(
        "--gridcare.role=worker",
        "--server.port=0",
        "--gridcare.worker.password=" + WORKER_PASSWORD,
        "--gridcare.worker.engine-url=http://localhost:" + TestStack.get().serverPort() + "/engine-rest",
        "--camunda.bpm.client.worker-id=" + WORKER_ID,
        // short polls, so closing this process after each test is quick
        "--camunda.bpm.client.async-response-timeout=500");
  }

  @AfterAll
  void stopWorkerOnlyProcess() {
    workerOnly.close();
    inProcessWorker.start();
  }

  @Test
  void workerRoleRunsWithoutEngineOrDatabase() {
    assertThat(workerOnly.getBeansOfType(ProcessEngine.class)).isEmpty();
    assertThat(workerOnly.getBeansOfType(DataSource.class)).isEmpty();
  }

  @Test
  void workerRoleFetchesAndCompletesTasksOverRest() {
    String instance = operator.postJson(
        "/engine-rest/process-definition/key/" + InstallationCheck.PROCESS_KEY + "/start", "{}").json()
        .path("id").asText();

    String answeredBy = Awaitility.await("the worker-only process answers").atMost(Duration.ofSeconds(60))
        .until(() -> operator.get("/engine-rest/history/variable-instance?processInstanceId=" + instance
            + "&variableName=" + InstallationCheck.VAR_WORKER_ID).json(), found -> found.size() == 1)
        .get(0).path("value").asText();

    assertThat(answeredBy).isEqualTo(WORKER_ID);
  }

  @Test
  void workerHealthIsPublicAndItsMetricsNeedTheServiceAccount() {
    Http worker = Http.to(((WebServerApplicationContext) workerOnly).getWebServer().getPort());

    assertThat(worker.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
    assertThat(worker.get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(worker.as(WORKER, WORKER_PASSWORD).get("/actuator/prometheus").status()).isEqualTo(200);
  }
}
