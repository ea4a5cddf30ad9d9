package io.gridcare.system;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The installation check through its real entry point, the engine's REST API, with the worker role of the same
 * application answering over REST and the operator completing the Camunda Form.
 */
@GridCareIntegrationTest
class InstallationCheckEndToEndTest {

  private final Http operator = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);

  @Test
  void operatorSeesTheWorkerAnswerAndConfirms() {
    Response started = operator.postJson(
        "/engine-rest/process-definition/key/" + InstallationCheck.PROCESS_KEY + "/start", "{}");
    assertThat(started.status()).isEqualTo(200);
    String instance = started.json().path("id").asText();

    JsonNode task = Awaitility.await("the worker answers over REST").atMost(Duration.ofSeconds(60))
        .until(() -> operator.get("/engine-rest/task?processInstanceId=" + instance).json(), tasks -> tasks.size() == 1)
        .get(0);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(InstallationCheck.TASK_CONFIRM);

    Response form = operator.get("/engine-rest/task/" + task.path("id").asText() + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().path("id").asText()).isEqualTo(InstallationCheck.FORM_ID);

    JsonNode variables = operator.get("/engine-rest/task/" + task.path("id").asText() + "/form-variables").json();
    assertThat(variables.path(InstallationCheck.VAR_WORKER_ID).path("value").asText()).isNotBlank();
    assertThat(variables.path(InstallationCheck.VAR_WORKER_JAVA).path("value").asText()).startsWith("17");

    Response submitted = operator.postJson("/engine-rest/task/" + task.path("id").asText() + "/submit-form",
        "{\"variables\":{\"confirmed\":{\"value\":true,\"type\":\"Boolean\"}}}");
    assertThat(submitted.status()).isEqualTo(204);

    JsonNode history = operator.get("/engine-rest/history/process-instance/" + instance).json();
    assertThat(history.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(operator.get("/engine-rest/history/activity-instance?processInstanceId=" + instance
        + "&activityId=" + InstallationCheck.END_CONFIRMED).json()).hasSize(1);
  }
}
