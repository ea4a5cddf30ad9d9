package io.gridcare.customers;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Builds a fresh search index from PostgreSQL and moves the alias to it: searches keep answering from the old
 * index until the new one is complete. Changes made while it runs still reach the old index through the outbox;
 * after the switch they are read again from PostgreSQL so the new index has them too.
 */
@Service
public class IndexRebuild {

  private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
  private static final int PAGE = 2000;

  private final CustomerStore store;
  private final SearchIndex index;
  private final SearchDocuments documents;

  IndexRebuild(CustomerStore store, SearchIndex index, SearchDocuments documents) {
    this.store = store;
    this.index = index;
    this.documents = documents;
  }

  /** What a rebuild did: the new index and how many customers it holds. */
  public record Result(String index, long customers) {
  }

  public synchronized Result rebuild() {
    Instant since = store.changesVisibleSince();
    String fresh = index.create();
    index.pauseRefresh(fresh);
    long customers = 0;
    String after = "";
    List<CustomerStore.Indexable> page;
    do {
      page = store.indexablePage(after, PAGE);
      index.write(fresh, page.stream().map(documents::of).toList());
      customers += page.size();
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).code();
      }
    } while (page.size() == PAGE);
    index.resumeRefresh(fresh);
    index.swap(fresh);
    List<String> changed = store.changedSince(since);
    for (int from = 0; from < changed.size(); from += PAGE) {
      List<String> codes = changed.subList(from, Math.min(changed.size(), from + PAGE));
      index.write(SearchIndex.ALIAS, store.indexable(codes).stream().map(documents::of).toList());
    }
    log.info("Search index rebuilt as {} with {} customers ({} changed while it ran)", fresh, customers,
        changed.size());
    return new Result(fresh, customers);
  }
}
