package io.gridcare.customers;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries queued profile changes from PostgreSQL to the search index. A batch leaves the outbox only when the
 * index has taken it; while the search node is down the changes wait and are sent when it is back. Several
 * servers can run it: each locks the rows it takes.
 */
@Component
class IndexSync {

  static final int BATCH = 1000;

  private static final Logger log = LoggerFactory.getLogger(IndexSync.class);

  private final CustomerStore store;
  private final SearchIndex index;
  private final SearchDocuments documents;
  private final TransactionTemplate transaction;
  private final IndexRebuild rebuild;
  private volatile boolean indexReady;

  IndexSync(CustomerStore store, SearchIndex index, SearchDocuments documents, TransactionTemplate transaction,
      IndexRebuild rebuild) {
    this.store = store;
    this.index = index;
    this.documents = documents;
    this.transaction = transaction;
    this.rebuild = rebuild;
  }

  @Scheduled(fixedDelayString = "${gridcare.search.sync-interval:1s}")
  void sync() {
    try {
      if (!indexReady) {
        if (!index.ensureExists()) {
          log.info("The search index has an older mapping; rebuilding it from PostgreSQL");
          rebuild.rebuild();
        }
        indexReady = true;
      }
      int sent;
      do {
        sent = sendBatch();
      } while (sent == BATCH);
    } catch (RuntimeException e) {
      log.warn("Search index not reachable, {} changes wait in the outbox: {}", store.queuedCount(), e.toString());
    }
  }

  /** Sends one batch; returns how many changes it took from the outbox. */
  int sendBatch() {
    Integer sent = transaction.execute(status -> {
      List<CustomerStore.Queued> queued = store.queued(BATCH);
      if (queued.isEmpty()) {
        return 0;
      }
      List<String> codes = queued.stream().map(CustomerStore.Queued::customerCode).distinct().toList();
      index.write(SearchIndex.ALIAS, store.indexable(codes).stream().map(documents::of).toList());
      store.dequeue(queued.stream().map(CustomerStore.Queued::id).toList());
      return queued.size();
    });
    return sent == null ? 0 : sent;
  }
}
