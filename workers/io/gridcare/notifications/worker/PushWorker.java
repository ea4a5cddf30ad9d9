package io.gridcare.notifications.worker;

import static io.gridcare.notifications.NotificationFlow.TOPIC_PUSH;
import static io.gridcare.notifications.NotificationFlow.VAR_BATCH_ID;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gridcare.customers.Channel;
import io.gridcare.system.worker.TaskFailures;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Step 6 of the notice flow: pushes one batch over its channel. It claims the batch's messages a slice at a time
 * (each claimed in the ledger before the channel is called), sends them, and reports each outcome. A worker that
 * dies mid-slice leaves those messages claimed: a retry of the task never sends them again, and the flow treats
 * them as unconfirmed when the round closes. Messages the channel could not take for a passing reason are
 * unclaimed again and the task fails, to be retried with a pause.
 *
 * <p>The external-task client runs its handlers one after the other, and a batch spends most of its time waiting
 * on GridCare's API and the channel. So this handler only hands the batch to a pool of its own, which pushes up
 * to {@code gridcare.worker.push-batches} batches at once; the client's thread waits while the pool is full.
 */
@Component
@ExternalTaskSubscription(topicName = TOPIC_PUSH, variableNames = VAR_BATCH_ID)
class PushWorker implements ExternalTaskHandler, DisposableBean {

  static final int SLICE = 200;
  private static final long LOCK_EXTENSION_MS = 60_000;
  private static final long SHUTDOWN_WAIT_MS = 10_000;
  private static final int COMPLETE_ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(PushWorker.class);

  private final NotificationApi api;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final Semaphore free;
  private final ExecutorService pushing;

  PushWorker(NotificationApi api, List<ChannelSender> senders,
      @Value("${gridcare.worker.push-batches:8}") int batchesAtOnce) {
    this.api = api;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.free = new Semaphore(Math.max(1, batchesAtOnce));
    AtomicInteger threads = new AtomicInteger();
    this.pushing = Executors.newFixedThreadPool(Math.max(1, batchesAtOnce), runnable -> {
      Thread thread = new Thread(runnable, "push-batch-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService tasks) {
    free.acquireUninterruptibly();
    try {
      pushing.execute(() -> {
        try {
          push(task, tasks);
        } finally {
          free.release();
        }
      });
    } catch (RejectedExecutionException stopping) {
      // the lock runs out and the task goes to another worker
      free.release();
    }
  }

  private void push(ExternalTask task, ExternalTaskService tasks) {
    Object batch = task.getVariable(VAR_BATCH_ID);
    if (!(batch instanceof Number batchId)) {
      TaskFailures.incidentNow(task, tasks, "Biến batchId thiếu / the batchId variable is missing");
      return;
    }
    try {
      boolean pending = false;
      int sent = 0;
      long lockedUntil = task.getLockExpirationTime() == null ? System.currentTimeMillis()
          : task.getLockExpirationTime().getTime();
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
        // a short slice means nothing is left unclaimed: the ledger claims on in place of messages it refused
        // a batch usually ends long before its lock: extending after every slice would cost a call each
        if (lockedUntil - System.currentTimeMillis() < LOCK_EXTENSION_MS / 2) {
          tasks.extendLock(task, LOCK_EXTENSION_MS);
          lockedUntil = System.currentTimeMillis() + LOCK_EXTENSION_MS;
        }
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
   * The batches of a round are one parallel multi-instance: the engine counts each completion on the round, so two
   * batches completed at the same moment conflict and one is refused as an optimistic-locking failure. Nothing of
   * it was kept, and the task is still this worker's: completing it again shortly is all it takes.
   */
  private static void complete(ExternalTask task, ExternalTaskService tasks) {
    for (int attempt = 1; ; attempt++) {
      try {
        tasks.complete(task);
        return;
      } catch (RestException e) {
        if (!concurrentUpdate(e)) {
          throw e;
        }
        if (attempt == COMPLETE_ATTEMPTS) {
          // still contended: hand the task back with its retries untouched; its next run completes it
          TaskFailures.handBackAfterConflict(task, tasks);
          return;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean concurrentUpdate(RestException e) {
    return "OptimisticLockingException".equals(e.getType())
        || e.getCause() instanceof RestException cause && "OptimisticLockingException".equals(cause.getType());
  }

  /** Lets the batches being pushed finish their slice; what is left goes to another worker when the lock ends. */
  @Override
  public void destroy() throws InterruptedException {
    pushing.shutdown();
    if (!pushing.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
      log.warn("Push batches still running at shutdown; their tasks go to another worker when the lock ends");
      pushing.shutdownNow();
    }
  }
}
