package io.gridcare;

import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine for process tests: no Spring, no job executor (tests drive jobs), its own database on the shared
 * PostgreSQL so that tests run on the database production uses.
 */
public final class ProcessTestEngine {

  private static ProcessEngine engine;

  private ProcessTestEngine() {
  }

  public static synchronized ProcessEngine get() {
    if (engine == null) {
      TestStack stack = TestStack.get();
      StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
      configuration.setProcessEngineName("process-tests");
      configuration.setJdbcUrl(stack.jdbcUrl(TestStack.PROCESS_TEST_DATABASE));
      configuration.setJdbcUsername(stack.databaseUser());
      configuration.setJdbcPassword("");
      configuration.setJdbcDriver("org.postgresql.Driver");
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      configuration.setJobExecutorActivate(false);
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setEnforceHistoryTimeToLive(true);
      configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._-]+");
      engine = configuration.buildProcessEngine();
    }
    return engine;
  }

  /**
   * A JUnit 5 extension on that engine; {@code @Deployment} resources are deployed per test and removed after.
   * camunda-bpm-assert is pointed at it too: the integration tests' engine may live in the same JVM.
   */
  public static ProcessEngineExtension extension() {
    return new ProcessEngineExtension() {
      @Override
      public void beforeTestExecution(ExtensionContext context) {
        super.beforeTestExecution(context);
        BpmnAwareTests.init(processEngine);
      }
    }.useProcessEngine(get());
  }
}
