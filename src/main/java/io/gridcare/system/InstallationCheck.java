package io.gridcare.system;

/**
 * Names of the installation check process ({@code processes/system/installation-check.bpmn}): an operator starts
 * it after a deployment to see the engine hand a task to a worker over REST and a form reach Tasklist.
 */
public final class InstallationCheck {

  public static final String PROCESS_KEY = "InstallationCheckProcess";
  public static final String TOPIC = "installation-check";
  public static final String FORM_ID = "installation-check-confirmation";

  public static final String TASK_PING_WORKER = "Task_PingWorker";
  public static final String TASK_CONFIRM = "Task_ConfirmInstallation";
  public static final String END_CONFIRMED = "EndEvent_InstallationConfirmed";
  public static final String END_NOT_CONFIRMED = "EndEvent_InstallationNotConfirmed";
  public static final String END_NO_WORKER = "EndEvent_NoWorkerAnswered";

  /** Set by the worker: which worker answered, with which GridCare and Java version. */
  public static final String VAR_WORKER_ID = "workerId";
  public static final String VAR_WORKER_VERSION = "workerVersion";
  public static final String VAR_WORKER_JAVA = "workerJava";
  /** Set in the form. */
  public static final String VAR_CONFIRMED = "confirmed";

  private InstallationCheck() {
  }
}
