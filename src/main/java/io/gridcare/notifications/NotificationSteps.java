package io.gridcare.notifications;

import static io.gridcare.notifications.NotificationFlow.VAR_APPROVAL_COMMENT;
import static io.gridcare.notifications.NotificationFlow.VAR_APPROVAL_DECISION;
import static io.gridcare.notifications.NotificationFlow.VAR_APPROVAL_REQUIRED;
import static io.gridcare.notifications.NotificationFlow.VAR_APPROVER_GROUP;
import static io.gridcare.notifications.NotificationFlow.VAR_AUDIENCE_SIZE;
import static io.gridcare.notifications.NotificationFlow.VAR_MORE_TO_SEND;
import static io.gridcare.notifications.NotificationFlow.VAR_NOTICE_ID;
import static io.gridcare.notifications.NotificationFlow.VAR_RECEIPT_WINDOW;
import static io.gridcare.notifications.NotificationFlow.VAR_RESCHEDULED_AT;
import static io.gridcare.notifications.NotificationFlow.VAR_SEND_AT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import io.gridcare.units.UnitGroups;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server-side steps of {@code NotifyCustomersProcess}, each a delegate named in the model. They work on the
 * ledger in PostgreSQL (no remote call: the channels are pushed by external tasks) and keep only the notice id
 * and small decisions in process variables.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSteps {

  static final int BATCH_SIZE = 1000;

  private static final Logger log = LoggerFactory.getLogger(NotificationSteps.class);

  /** 1-2. Request: how many the notice reaches, and who would approve it. */
  @Bean
  JavaDelegate requestNotice(Notices notices, NoticeAudiences audiences) {
    return execution -> {
      Notice notice = notices.get(noticeId(execution));
      execution.setVariable(VAR_AUDIENCE_SIZE, audiences.count(notice));
      execution.setVariable(VAR_APPROVER_GROUP, UnitGroups.supervisorsOf(notice.unitCode()));
    };
  }

  /** Decision_NoticeApproval: whether a supervisor must approve, and why. */
  @Bean
  JavaDelegate decideApproval(DecisionService decisions, Notices notices) {
    return execution -> {
      Map<String, Object> result = decisions.evaluateDecisionByKey("Decision_NoticeApproval")
          .variables(Variables.createVariables()
              .putValue("noticeType", execution.getVariable(NotificationFlow.VAR_NOTICE_TYPE))
              .putValue("urgency", execution.getVariable(NotificationFlow.VAR_URGENCY))
              .putValue("audienceSize", execution.getVariable(VAR_AUDIENCE_SIZE)))
          .evaluate().getSingleResult().getEntryMap();
      boolean required = Boolean.TRUE.equals(result.get("approvalRequired"));
      execution.setVariable(VAR_APPROVAL_REQUIRED, required);
      execution.setVariable("approvalReason", result.get("approvalReason"));
      if (required) {
        notices.status(noticeId(execution), Notice.Status.AWAITING_APPROVAL);
      }
    };
  }

  /** What the supervisor's form shows. */
  @Bean
  JavaDelegate previewNotice(Notices notices, NoticePreview previews) {
    return execution -> {
      Notice notice = notices.get(noticeId(execution));
      NoticePreview.Preview preview = previews.of(notice, ((Number) execution.getVariable(VAR_AUDIENCE_SIZE)).longValue());
      execution.setVariable("noticeTitle", preview.title());
      execution.setVariable("noticePreview", preview.text());
      execution.setVariable("audienceDescription", preview.audienceDescription());
      execution.setVariable("expectedChannelMix", preview.channelMix());
      execution.setVariable("expectedSmsCost", preview.smsCost());
      execution.setVariable(VAR_SEND_AT, Date.from(notice.sendAt()));
    };
  }

  /** The supervisor's answer, recorded on the notice; a new time becomes the timer's date. */
  @Bean
  TaskListener recordApproval(Notices notices, Clock clock) {
    return task -> {
      String decision = (String) task.getVariable(VAR_APPROVAL_DECISION);
      Instant sendAt = clock.instant();
      if ("RESCHEDULE".equals(decision)) {
        sendAt = parse(task.getVariable(VAR_RESCHEDULED_AT));
        task.getExecution().setVariable(VAR_SEND_AT, Date.from(sendAt));
      }
      Object comment = task.getVariable(VAR_APPROVAL_COMMENT);
      notices.decided(noticeId(task.getExecution()), task.getAssignee(), comment == null ? null : comment.toString(),
          sendAt);
      if (!"REJECT".equals(decision)) {
        notices.status(noticeId(task.getExecution()), Notice.Status.PREPARING);
      }
    };
  }

  @Bean
  JavaDelegate rejectNotice(Notices notices) {
    return execution -> notices.status(noticeId(execution), Notice.Status.REJECTED);
  }

  /** 3. Prepare: the audience into the ledger, duplicates merged. */
  @Bean
  JavaDelegate prepareAudience(Notices notices, NoticeAudiences audiences) {
    return execution -> {
      Notice notice = notices.get(noticeId(execution));
      notices.status(notice.id(), Notice.Status.PREPARING);
      int merged = audiences.prepare(notice);
      log.info("Notice {} ({}): audience prepared, {} merged as duplicates", notice.id(), notice.type(), merged);
    };
  }

  /** 5. Route to channel: each recipient's channels in order. */
  @Bean
  JavaDelegate routeChannels(Notices notices, ChannelRouting routing) {
    return execution -> routing.routeAll(notices.get(noticeId(execution)));
  }

  /** 4. Send: the round's due attempts into batches; the wait for receipts is the window or the next hold. */
  @Bean
  JavaDelegate dispatchBatches(Notices notices, Ledger ledger, Clock clock) {
    return execution -> {
      Notice notice = notices.get(noticeId(execution));
      Ledger.Round round = ledger.dispatch(notice.id(), BATCH_SIZE);
      Duration window = Duration.ofMinutes(notice.receiptWindowMinutes());
      if (round.nextHold() != null) {
        Duration untilHold = Duration.between(clock.instant(), round.nextHold());
        if (untilHold.compareTo(window) < 0 || round.batches().isEmpty()) {
          window = untilHold.isNegative() ? Duration.ofSeconds(1) : untilHold;
        }
      }
      execution.setVariable(VAR_RECEIPT_WINDOW, window.toString());
      log.info("Notice {}: round {} with {} batches", notice.id(), round.number(), round.batches().size());
    };
  }

  /** 7. Monitor and reconcile: close the round, move the failed on to their next channel. */
  @Bean
  JavaDelegate reconcileRound(Notices notices, Ledger ledger) {
    return execution -> {
      Notice notice = notices.get(noticeId(execution));
      execution.setVariable(VAR_MORE_TO_SEND, ledger.reconcile(notice.id(), "URGENT".equals(notice.urgency())));
    };
  }

  /** 8. End: the notice's summary is its ledger; mark it done. */
  @Bean
  JavaDelegate summariseNotice(Ledger ledger) {
    return execution -> ledger.complete(noticeId(execution));
  }

  private static long noticeId(DelegateExecution execution) {
    return ((Number) execution.getVariable(VAR_NOTICE_ID)).longValue();
  }

  private static Instant parse(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = String.valueOf(value);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      // the form sends an offset (utc_offset); a time without one is Hanoi's
      try {
        return LocalDateTime.parse(text).atZone(ChannelRouting.LOCAL).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Thời điểm gửi không hợp lệ / not a date and time: " + text, e);
      }
    }
  }
}
