package io.gridcare.system.worker;

import java.time.Duration;

import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Technical faults in a handler: report them with one retry fewer each time and a growing pause, so that the
 * engine raises an incident in Cockpit once retries run out instead of the task looping silently. Used by the
 * workers of every feature.
 */
public final class TaskFailures {

  public static final int RETRIES = 3;

  private static final Logger log = LoggerFactory.getLogger(TaskFailures.class);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(10);

  private TaskFailures() {
  }

  public static void retryLater(ExternalTask task, ExternalTaskService tasks, Exception e) {
    int left = remainingAfterThisFailure(task.getRetries());
    Duration pause = pauseBefore(left);
    log.warn("Task {} of topic {} failed ({} retries left): {}", task.getId(), task.getTopicName(), left,
        e.toString());
    tasks.handleFailure(task, e.getMessage(), e.getClass().getName(), left, pause.toMillis());
  }

  /**
   * A fault no retry can mend, such as a model passing a malformed input variable: an incident at once, which an
   * operator resolves by fixing the model or the variable and retrying in Cockpit.
   */
  public static void incidentNow(ExternalTask task, ExternalTaskService tasks, String message) {
    log.warn("Task {} of topic {} cannot be done as modelled: {}", task.getId(), task.getTopicName(), message);
    tasks.handleFailure(task, message, null, 0, 0);
  }

  /**
   * The engine refused to complete the task because another transaction changed the same process instance at
   * once (parallel multi-instance tasks completing together update their shared counters). Nothing is wrong with
   * the work: the task is handed back at once with its retries untouched, and the next fetch completes it.
   */
  public static void handBackAfterConflict(ExternalTask task, ExternalTaskService tasks) {
    int retries = task.getRetries() == null ? RETRIES : task.getRetries();
    log.debug("Task {} of topic {} met a concurrent change on completion; handed back", task.getId(),
        task.getTopicName());
    tasks.handleFailure(task, "Xung đột đồng thời khi hoàn thành / concurrent change on completion, handed back",
        null, retries, 0);
  }

  /** Whether the engine refused a call because of a concurrent change (optimistic locking), worth repeating. */
  public static boolean isConcurrentChange(RuntimeException e) {
    return e instanceof RestException rest && rest.getType() != null
        && rest.getType().contains("OptimisticLocking");
  }

  /** The engine reports {@code null} retries before the first failure. */
  static int remainingAfterThisFailure(Integer retries) {
    return retries == null ? RETRIES - 1 : Math.max(0, retries - 1);
  }

  /** 10 s, then 20 s, then 40 s ... as retries run out. */
  static Duration pauseBefore(int retriesLeft) {
    int failuresSoFar = Math.max(0, RETRIES - 1 - retriesLeft);
    return FIRST_PAUSE.multipliedBy(1L << Math.min(failuresSoFar, 10));
  }
}
