package io.gridcare.customers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Derives every profile again from the stored source records and re-evaluates every customer's segments, a chunk
 * of customers per transaction, changing only what differs. It runs each night (counts over the last 12 months
 * move with the date even when no record arrives), when an analyst has deployed a new version of the segment
 * decisions, and when an administrator asks. One run at a time across all servers; a run interrupted by a stop
 * continues from its last chunk.
 */
@Service
public class CustomerRefresh implements DisposableBean {

  static final int CHUNK = 1000;
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(CustomerRefresh.class);

  private final CustomerRefreshes runs;
  private final CustomerStore store;
  private final ProfileUpdates profiles;
  private final Segmentation segmentation;
  private final TransactionTemplate transaction;
  private final Duration staleAfter;
  // its own thread: a run of a million customers must not hold up the scheduler (and with it the index sync)
  private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "customer-refresh");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;

  CustomerRefresh(CustomerRefreshes runs, CustomerStore store, ProfileUpdates profiles, Segmentation segmentation,
      TransactionTemplate transaction, @Value("${gridcare.customers.refresh.stale-after:5m}") Duration staleAfter) {
    this.runs = runs;
    this.store = store;
    this.profiles = profiles;
    this.segmentation = segmentation;
    this.transaction = transaction;
    this.staleAfter = staleAfter;
  }

  public enum Reason { NIGHTLY, DECISIONS_CHANGED, REQUESTED }

  public enum Status { QUEUED, RUNNING, COMPLETED, FAILED }

  /** Queues a run; empty if one is already queued or running. */
  public Optional<RefreshRun> request(Reason reason, String requestedBy) {
    try {
      return Optional.of(runs.queue(reason, requestedBy));
    } catch (DuplicateKeyException alreadyQueued) {
      return Optional.empty();
    }
  }

  public Optional<RefreshRun> find(long id) {
    return runs.find(id);
  }

  public List<RefreshRun> recent(int limit) {
    return runs.recent(limit);
  }

  @Scheduled(cron = "${gridcare.customers.refresh.cron:0 30 1 * * *}", zone = "${gridcare.customers.refresh.zone:Asia/Ho_Chi_Minh}")
  void nightly() {
    request(Reason.NIGHTLY, null);
  }

  /**
   * Queues a run when the segment decisions deployed now are not the ones the last run used (an analyst deployed
   * from Modeler), then starts the queued run, or takes over one whose server stopped reporting progress.
   */
  @Scheduled(fixedDelayString = "${gridcare.customers.refresh.poll:10s}", initialDelayString = "${gridcare.customers.refresh.poll:10s}")
  void poll() {
    if (stopping || running.get()) {
      return;
    }
    String versions = segmentation.current().versions();
    Optional<String> lastVersions = runs.lastDecisionVersions();
    if (lastVersions.isEmpty() && store.customerCount() == 0) {
      runs.baseline(versions);
    } else if (!lastVersions.map(versions::equals).orElse(false)) {
      request(Reason.DECISIONS_CHANGED, null);
    }
    runs.claim(staleAfter, versions).ifPresent(run -> {
      running.set(true);
      runner.execute(() -> {
        try {
          run(run);
        } finally {
          running.set(false);
        }
      });
    });
  }

  /** Runs the claimed run to its end, from where it stood. */
  void run(RefreshRun run) {
    log.info("Customer refresh {} ({}) from {}", run.id(), run.reason(), run.lastCode() == null ? "the start" : run.lastCode());
    try {
      String after = run.lastCode();
      List<String> codes;
      do {
        if (stopping) {
          runs.requeue(run.id());
          return;
        }
        String from = after;
        codes = transaction.execute(status -> {
          List<String> chunk = store.codesAfter(from, CHUNK);
          store.lock(chunk);
          ProfileUpdates.Changes changes = profiles.update(chunk);
          if (!chunk.isEmpty()) {
            runs.progress(run.id(), chunk.size(), changes.profiles().size(), changes.segments().size(),
                chunk.get(chunk.size() - 1));
          }
          return chunk;
        });
        if (!codes.isEmpty()) {
          after = codes.get(codes.size() - 1);
        }
      } while (codes.size() == CHUNK);
      runs.finish(run.id());
      RefreshRun done = runs.find(run.id()).orElseThrow();
      log.info("Customer refresh {} done: {} customers, {} profiles and {} customers' groups changed", done.id(),
          done.customersDone(), done.profilesChanged(), done.segmentsChanged());
    } catch (RuntimeException e) {
      log.error("Customer refresh {} failed", run.id(), e);
      runs.fail(run.id(), e.toString());
    }
  }

  /** Lets the current chunk finish and leaves the run queued, so the next start (or another server) goes on. */
  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    runner.shutdown();
    if (!runner.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
      log.warn("Customer refresh still busy after {}; it continues from its last chunk later", SHUTDOWN_WAIT);
    }
  }
}
