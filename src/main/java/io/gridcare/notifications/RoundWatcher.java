package io.gridcare.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the wait for receipts as soon as every attempt of a round has its answer, rather than at the end of the
 * window: it looks at the notices waiting for {@code Msg_RoundSettled} and correlates it to those whose round the
 * ledger shows settled. Polling the waiting ones (not signalling from each receipt) also covers a round that
 * settles before its instance reaches the wait.
 */
@Component
class RoundWatcher {

  private static final Logger log = LoggerFactory.getLogger(RoundWatcher.class);

  private final RuntimeService runtime;
  private final Ledger ledger;

  RoundWatcher(RuntimeService runtime, Ledger ledger) {
    this.runtime = runtime;
    this.ledger = ledger;
  }

  @Scheduled(fixedDelayString = "${gridcare.notifications.round-watch-interval:1s}")
  void correlateSettledRounds() {
    List<EventSubscription> waiting = runtime.createEventSubscriptionQuery()
        .eventType("message").eventName(NotificationFlow.MSG_ROUND_SETTLED).list();
    if (waiting.isEmpty()) {
      return;
    }
    Map<Long, String> instanceByNotice = new HashMap<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery()
        .processInstanceIds(waiting.stream().map(EventSubscription::getProcessInstanceId)
            .collect(java.util.stream.Collectors.toSet())).list()) {
      instanceByNotice.put(Long.valueOf(instance.getBusinessKey()), instance.getId());
    }
    for (Long notice : ledger.settledRounds(List.copyOf(instanceByNotice.keySet()))) {
      try {
        runtime.createMessageCorrelation(NotificationFlow.MSG_ROUND_SETTLED)
            .processInstanceId(instanceByNotice.get(notice)).correlate();
      } catch (MismatchingMessageCorrelationException movedOn) {
        log.debug("Notice {} no longer waits for its round: {}", notice, movedOn.getMessage());
      }
    }
  }
}
