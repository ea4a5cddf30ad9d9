package io.gridcare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.gridcare.ProcessTestEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestDefinitionsTest {

  private static final String PROCESS = "LatestDefinitionsTestProcess";
  private static final String DECISION = "LatestDefinitionsTestDecision";
  private static final String DECISION_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="LatestDefinitionsTest"
                   name="Latest definitions test" namespace="https://gridcare.io/test"
                   xmlns:camunda="http://camunda.org/schema/1.0/dmn">
        <decision id="%s" name="Test" camunda:historyTimeToLive="1">
          <decisionTable id="Table" hitPolicy="FIRST">
            <output id="Answer" name="answer" typeRef="string" />
          </decisionTable>
        </decision>
      </definitions>
      """;

  private final RepositoryService repository = ProcessTestEngine.get().getRepositoryService();
  private final MutableClock clock = new MutableClock();
  private final LatestDefinitions latest = new LatestDefinitions(repository, clock);
  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aNewVersionIsTakenOnceTheLookupIsDueAgain() {
    deploy(1);
    String first = latest.process(PROCESS);
    String firstDecision = latest.decision(DECISION);
    assertThat(first).isEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .processDefinitionVersion(1).singleResult().getId());

    deploy(2);
    assertThat(latest.process(PROCESS)).as("looked up a moment ago").isEqualTo(first);
    assertThat(latest.decision(DECISION)).isEqualTo(firstDecision);

    clock.advance(LatestDefinitions.LOOKUP_EVERY.plus(Duration.ofMillis(1)));
    assertThat(latest.process(PROCESS)).isEqualTo(repository.createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS).processDefinitionVersion(2).singleResult().getId());
    assertThat(latest.decision(DECISION)).isEqualTo(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION).decisionDefinitionVersion(2).singleResult().getId());
  }

  @Test
  void aKeyWithNothingDeployedIsRefusedEveryTime() {
    assertThatThrownBy(() -> latest.process("NoSuchProcess")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NoSuchProcess");
    assertThatThrownBy(() -> latest.decision("NoSuchDecision")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NoSuchDecision");

    deploy(1);
    assertThat(latest.process(PROCESS)).as("nothing found is not remembered").isNotBlank();
  }

  private void deploy(int version) {
    Deployment deployment = repository.createDeployment().name("latest-definitions-test-" + version)
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_" + version).endEvent().done())
        .addString(DECISION + ".dmn", DECISION_XML.formatted(DECISION).strip())
        .deploy();
    deployments.add(deployment.getId());
  }

  /** A clock the test moves on by hand. */
  private static final class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-12-07T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
