package io.gridcare.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts that arrive a call at a time (Zalo's webhook: one event per call, hundreds a second) are written
 * together: callers queue their receipts and wait, and one writer thread writes everything queued meanwhile in one
 * transaction. Nobody is answered before their receipts are committed, so a caller's 200 still means "stored";
 * what is saved is a transaction, a connection and a WAL flush per call. When calls are rare, a group is one call
 * and costs a thread hand-over more than writing it directly.
 *
 * <p>If a shared write fails, each caller's receipts are written again on their own, so one caller's failure is
 * never another's.
 */
final class GroupCommit implements AutoCloseable {

  /** Receipts written in one transaction at most (a caller's own list is never split). */
  static final int MAX_RECEIPTS = 1000;

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private record Pending(List<DeliveryReceipt> receipts, CompletableFuture<Integer> matched) {
  }

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Function<List<DeliveryReceipt>, Set<Integer>> write;
  private final Thread writer;
  private volatile boolean closed;

  /** {@code write} stores receipts in one transaction and answers the positions of those that matched. */
  GroupCommit(String name, Function<List<DeliveryReceipt>, Set<Integer>> write) {
    this.write = write;
    this.writer = new Thread(this::writeAll, name);
    writer.setDaemon(true);
    writer.start();
  }

  /** Stores the receipts, with others' if they come at the same time; answers how many matched an attempt. */
  int record(List<DeliveryReceipt> receipts) {
    if (closed) {
      throw new IllegalStateException("Receipts are no longer taken: the server is stopping");
    }
    Pending mine = new Pending(receipts, new CompletableFuture<>());
    queue.add(mine);
    try {
      return mine.matched().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while receipts were being stored", e);
    }
  }

  /** Refuses new receipts, and those still queued: their callers answer with an error and are sent them again. */
  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
      pending.matched().completeExceptionally(new IllegalStateException("The server is stopping"));
    }
  }

  private void writeAll() {
    while (!closed) {
      List<Pending> group = new ArrayList<>();
      try {
        group.add(queue.take());
      } catch (InterruptedException stopping) {
        return;
      }
      int size = group.get(0).receipts().size();
      for (Pending next = queue.peek(); next != null && size + next.receipts().size() <= MAX_RECEIPTS;
          next = queue.peek()) {
        group.add(queue.poll());
        size += next.receipts().size();
      }
      try {
        writeGroup(group);
      } catch (RuntimeException | Error e) {
        // never leave a caller waiting, whatever went wrong
        group.forEach(pending -> pending.matched().completeExceptionally(e));
        log.error("Receipts could not be written", e);
      }
    }
  }

  private void writeGroup(List<Pending> group) {
    List<DeliveryReceipt> all = new ArrayList<>();
    group.forEach(pending -> all.addAll(pending.receipts()));
    try {
      complete(group, write.apply(all));
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).matched().completeExceptionally(e);
        return;
      }
      for (Pending alone : group) {
        try {
          complete(List.of(alone), write.apply(alone.receipts()));
        } catch (RuntimeException failed) {
          alone.matched().completeExceptionally(failed);
        }
      }
    }
  }

  private static void complete(List<Pending> group, Set<Integer> matched) {
    int offset = 0;
    for (Pending pending : group) {
      int from = offset;
      int to = offset + pending.receipts().size();
      pending.matched().complete((int) matched.stream().filter(position -> position >= from && position < to)
          .count());
      offset = to;
    }
  }
}
