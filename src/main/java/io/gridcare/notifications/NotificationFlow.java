package io.gridcare.notifications;

/**
 * The notice flow ({@code processes/notifications/notify-customers.bpmn}): its key, messages, variables and the
 * push topic its workers serve. Variables carry the notice id and small decisions; the recipients are in the
 * delivery ledger.
 */
public final class NotificationFlow {

  public static final String PROCESS_KEY = "NotifyCustomersProcess";

  /** Pushes one batch of attempts on one channel (input {@link #VAR_BATCH_ID}). */
  public static final String TOPIC_PUSH = "notification-push";

  /** Long: the notice. The business key is the same id as text. */
  public static final String VAR_NOTICE_ID = "noticeId";
  /** Long: one batch of the current round, the push task's input. */
  public static final String VAR_BATCH_ID = "batchId";
  /** Boolean: recipients remain to be tried on a next channel, or held for quiet hours. */
  public static final String VAR_MORE_TO_SEND = "moreToSend";
  /** ISO-8601 duration: how long the round waits for receipts. */
  public static final String VAR_RECEIPT_WINDOW = "receiptWindow";
  /** Date: when the notice may go out (a supervisor may move it); the reschedule timer's date. */
  public static final String VAR_SEND_AT = "sendAt";

  /** Approval (Decision_NoticeApproval and the supervisor's form). */
  public static final String VAR_NOTICE_TYPE = "noticeType";
  public static final String VAR_URGENCY = "urgency";
  public static final String VAR_AUDIENCE_SIZE = "audienceSize";
  public static final String VAR_APPROVAL_REQUIRED = "approvalRequired";
  public static final String VAR_APPROVER_GROUP = "approverGroup";
  public static final String VAR_APPROVAL_DECISION = "approvalDecision";
  public static final String VAR_RESCHEDULED_AT = "rescheduledAt";
  public static final String VAR_APPROVAL_COMMENT = "approvalComment";

  /** Correlated when every attempt of the round has its final answer before the window ends. */
  public static final String MSG_ROUND_SETTLED = "Msg_RoundSettled";

  private NotificationFlow() {
  }
}
