package io.gridcare.notifications.worker;

import static io.gridcare.notifications.NotificationFlow.TOPIC_PUSH;
import static io.gridcare.notifications.NotificationFlow.VAR_BATCH_ID;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.gridcare.customers.Channel;
import io.gridcare.system.worker.TaskFailures;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Step 6 of the notice flow: pushes one batch over its channel. It claims the batch's messages a slice at a time
 * (each claimed in the ledger before the channel is called), sends them, and reports each outcome. A worker that
 * dies mid-slice leaves those messages claimed: a retry of the task never sends them again, and the flow treats
 * them as unconfirmed when the round closes. Messages the channel could not take for a passing reason are
 * unclaimed again and the task fails, to be retried with a pause.
 */
@Component
@ExternalTaskSubscription(topicName = TOPIC_PUSH, variableNames = VAR_BATCH_ID)
class PushWorker implements ExternalTaskHandler {

  static final int SLICE = 100;
  private static final long LOCK_EXTENSION_MS = 60_000;

  private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

  private final NotificationApi api;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

  PushWorker(NotificationApi api, List<ChannelSender> senders) {
    this.api = api;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    Object batch = task.getVariable(VAR_BATCH_ID);
    if (!(batch instanceof Number batchId)) {
      TaskFailures.incidentNow(task, tasks, "Biến batchId thiếu / the batchId variable is missing");
      return;
    }
    try {
      boolean pending = false;
      int sent = 0;
      NotificationApi.Claim claim;
      do {
        claim = api.claim(batchId.longValue(), SLICE);
        if (claim.messages().isEmpty()) {
          break;
        }
        ChannelSender sender = senders.get(claim.channel());
        if (sender == null) {
          TaskFailures.incidentNow(task, tasks, "Worker này không có kênh " + claim.channel()
              + " / this worker has no sender for " + claim.channel());
          return;
        }
        List<SendOutcome> outcomes = sender.send(claim.messages());
        pending = api.report(batchId.longValue(), claim.messages(), outcomes);
        sent += claim.messages().size();
        if (outcomes.stream().anyMatch(SendOutcome.NotSent.class::isInstance)) {
          // the channel is struggling: claiming again now would only try the same messages at once
          break;
        }
        tasks.extendLock(task, LOCK_EXTENSION_MS);
        // a short slice means nothing is left unclaimed: the ledger claims on in place of messages it refused
      } while (claim.messages().size() == SLICE);
      if (pending) {
        TaskFailures.retryLater(task, tasks, new IllegalStateException(
            "Lô " + batchId + " còn tin chưa gửi được / batch " + batchId + " has messages not sent yet"));
        return;
      }
      complete(task, tasks);
      log.debug("Batch {} pushed: {} messages", batchId, sent);
    } catch (RuntimeException e) {
      TaskFailures.retryLater(task, tasks, e);
    }
  }

  /**
   * The round's batches complete side by side and update the same multi-instance counters: the engine may refuse
   * a completion as a concurrent change. Every message of the batch has its outcome by then, so the task is only
   * handed back, and its next run (claiming nothing) completes it.
   */
  private static void complete(ExternalTask task, ExternalTaskService tasks) {
    try {
      tasks.complete(task);
    } catch (RuntimeException e) {
      if (!TaskFailures.isConcurrentChange(e)) {
        throw e;
      }
      TaskFailures.handBackAfterConflict(task, tasks);
    }
  }
}
