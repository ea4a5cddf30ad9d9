package io.gridcare.requests;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.gridcare.system.LatestDefinitions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the triage flow of submitted requests, off the portal's answer. A submission stores the request with the
 * decision {@code Decision_RequestTriage} took for it and wakes this; the flow starts a tenth of a second later,
 * with those of the requests submitted meanwhile, in one transaction. A request is never lost: until its flow has
 * started it stays marked (no process instance) and is picked up again, by this server or another, at the latest
 * after a second; one whose start fails is tried again after growing pauses, without holding back the others.
 */
@Component
class RequestFlowStarts implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RequestFlowStarts.class);
  static final int BATCH = 50;
  private static final Duration IDLE_CHECK = Duration.ofSeconds(1);
  /** How long a wake-up lingers for more submissions: at 100 a second, a batch of ten rather than ten of one. */
  private static final Duration LINGER = Duration.ofMillis(100);

  private final ServiceRequests requests;
  private final RuntimeService runtime;
  private final LatestDefinitions definitions;
  private final TransactionTemplate transaction;
  private final RequestSettings settings;
  /** Set while a run is scheduled: wake-ups meanwhile join it. */
  private final AtomicBoolean due = new AtomicBoolean();
  private volatile ScheduledExecutorService scheduler;

  RequestFlowStarts(ServiceRequests requests, RuntimeService runtime, LatestDefinitions definitions,
      TransactionTemplate transaction, RequestSettings settings, MeterRegistry meters) {
    this.requests = requests;
    this.runtime = runtime;
    this.definitions = definitions;
    this.transaction = transaction;
    this.settings = settings;
    Gauge.builder("gridcare.requests.awaiting-flow", requests, ServiceRequests::countAwaitingFlow)
        .description("Submitted requests whose triage flow has not started yet").register(meters);
  }

  /** A request was stored: start its flow now rather than at the next check. */
  void wake() {
    ScheduledExecutorService running = scheduler;
    if (running != null && due.compareAndSet(false, true)) {
      running.schedule(this::run, LINGER.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Starts flows until none is waiting; answers how many it started. */
  int startWaiting() {
    int started = 0;
    for (int count = startBatch(); count > 0; count = startBatch()) {
      started += count;
    }
    return started;
  }

  /** One transaction for up to {@link #BATCH} requests; when one of them fails, each is started on its own. */
  private int startBatch() {
    try {
      return transaction.execute(status -> {
        List<ServiceRequests.AwaitingFlow> waiting = requests.awaitingFlow(BATCH);
        waiting.forEach(this::start);
        return waiting.size();
      });
    } catch (RuntimeException batchFailed) {
      log.warn("Starting a batch of request flows failed; starting them one by one", batchFailed);
      return startOneByOne();
    }
  }

  /**
   * Each request of the batch in its own transaction, so that one that cannot start holds back no other. One that
   * fails pauses before its next try ({@link ServiceRequests#flowFailed}), so the next batches leave it out.
   * Answers how many were taken care of, started or paused.
   */
  private int startOneByOne() {
    List<ServiceRequests.AwaitingFlow> batch = transaction.execute(status -> requests.awaitingFlow(BATCH));
    int handled = 0;
    for (ServiceRequests.AwaitingFlow request : batch == null ? List.<ServiceRequests.AwaitingFlow>of() : batch) {
      try {
        Boolean done = transaction.execute(status -> requests.awaitingFlow(request.id()).map(locked -> {
          start(locked);
          return true;
        }).orElse(false));
        handled += Boolean.TRUE.equals(done) ? 1 : 0;
      } catch (RuntimeException failed) {
        handled += paused(request, failed) ? 1 : 0;
      }
    }
    return handled;
  }

  /** Records the failure; the first is logged with its stack trace, later ones in a line. */
  private boolean paused(ServiceRequests.AwaitingFlow request, RuntimeException failed) {
    try {
      Integer failures = transaction.execute(status -> requests.flowFailed(request.id()));
      if (failures != null && failures == 1) {
        log.error("The flow of request {} could not start; it stays waiting and is tried again after a pause",
            request.code(), failed);
      } else {
        log.error("The flow of request {} could not start, {} times now; tried again after a longer pause: {}",
            request.code(), failures, failed.toString());
      }
      return true;
    } catch (RuntimeException notRecorded) {
      // the database itself is failing: the next check tries everything again
      log.error("The flow of request {} could not start, nor its failure be recorded", request.code(), failed);
      return false;
    }
  }

  private void start(ServiceRequests.AwaitingFlow request) {
    VariableMap variables = Variables.createVariables()
        .putValue(RequestFlow.VAR_REQUEST_ID, request.id())
        .putValue(RequestFlow.VAR_REQUEST_CODE, request.code())
        .putValue(RequestFlow.VAR_TRIAGE_OUTCOME, request.triageOutcome())
        .putValue(RequestFlow.VAR_REVIEW_SLA, settings.reviewSla().toString())
        .putValue(RequestFlow.VAR_SUPPLEMENT_TIMEOUT, settings.supplementTimeout().toString());
    String instance = runtime.startProcessInstanceById(definitions.process(RequestFlow.PROCESS_KEY), request.code(),
        variables).getId();
    requests.started(request.id(), instance);
  }

  private void run() {
    due.set(false);
    try {
      startWaiting();
    } catch (RuntimeException unexpected) {
      log.error("Starting request flows failed; trying again in a second", unexpected);
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "request-flow-starts");
      thread.setDaemon(true);
      return thread;
    });
    started.scheduleWithFixedDelay(this::run, IDLE_CHECK.toMillis(), IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = scheduler;
    scheduler = null;
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
