package io.gridcare.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gridcare.customers.Channel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private final ExecutorService callers = Executors.newFixedThreadPool(3);
  private final List<List<String>> writes = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
  private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
  private final List<Thread> waiting = new CopyOnWriteArrayList<>();

  /** Matches receipts whose key starts with "known", fails any write holding a "poison" key. */
  private final GroupCommit commits = new GroupCommit("test-receipt-writes", receipts -> {
    writes.add(receipts.stream().map(DeliveryReceipt::deliveryKey).toList());
    if (writes.size() == 1) {
      firstWriteStarted.countDown();
      await(firstWriteMayEnd);
    }
    if (receipts.stream().anyMatch(receipt -> receipt.deliveryKey().startsWith("poison"))) {
      throw new IllegalStateException("refused");
    }
    Set<Integer> matched = new HashSet<>();
    for (int i = 0; i < receipts.size(); i++) {
      if (receipts.get(i).deliveryKey().startsWith("known")) {
        matched.add(i);
      }
    }
    return matched;
  });

  @AfterEach
  void stop() {
    callers.shutdownNow();
    commits.close();
  }

  @Test
  void callersArrivingDuringAWriteAreWrittenTogetherAndEachIsToldItsOwnMatches() throws Exception {
    Future<Integer> first = call(List.of(receipt("known-1")));
    firstWriteStarted.await(10, TimeUnit.SECONDS);
    Future<Integer> second = call(List.of(receipt("known-2"), receipt("unknown-2")));
    Future<Integer> third = call(List.of(receipt("unknown-3"), receipt("known-3"), receipt("known-4")));
    awaitWaiting(3);

    firstWriteMayEnd.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(writes).hasSize(2);
    assertThat(writes.get(1)).containsExactlyInAnyOrder("known-2", "unknown-2", "unknown-3", "known-3", "known-4");
  }

  @Test
  void whenAGroupFailsEachCallerIsWrittenAloneSoOnlyTheFailingOneFails() throws Exception {
    Future<Integer> first = call(List.of(receipt("known-1")));
    firstWriteStarted.await(10, TimeUnit.SECONDS);
    Future<Integer> poisoned = call(List.of(receipt("poison-1")));
    Future<Integer> healthy = call(List.of(receipt("known-2")));
    awaitWaiting(3);

    firstWriteMayEnd.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(healthy.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> poisoned.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().hasMessage("refused");
    // the shared write, then each caller's own
    assertThat(writes).hasSize(4);
  }

  @Test
  void aClosedGroupCommitRefusesReceipts() {
    firstWriteMayEnd.countDown();
    commits.close();

    assertThatThrownBy(() -> commits.record(List.of(receipt("known-1")))).isInstanceOf(IllegalStateException.class);
    assertThat(writes).isEmpty();
  }

  @Test
  void aLoneCallerIsWrittenAtOnce() {
    firstWriteMayEnd.countDown();

    assertThat(commits.record(List.of(receipt("known-1"), receipt("other")))).isEqualTo(1);
    assertThat(writes).containsExactly(List.of("known-1", "other"));
  }

  private Future<Integer> call(List<DeliveryReceipt> receipts) {
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    callers.execute(() -> {
      waiting.add(Thread.currentThread());
      try {
        answer.complete(commits.record(receipts));
      } catch (RuntimeException e) {
        answer.completeExceptionally(e);
      } finally {
        waiting.remove(Thread.currentThread());
      }
    });
    return answer;
  }

  /** Callers wait for their write without a time limit once their receipts are queued. */
  private void awaitWaiting(int callers) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waiting.stream()
        .filter(thread -> thread.getState() == Thread.State.WAITING).count() >= callers);
  }

  private static DeliveryReceipt receipt(String key) {
    return new DeliveryReceipt(Channel.ZALO, key, null, DeliveryReceipt.Status.DELIVERED, Instant.now(), null);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
