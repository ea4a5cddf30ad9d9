package io.gridcare.notifications;

import java.time.Instant;
import java.util.Map;

/** A notice as the ledger holds it: what is sent to whom, and how far it got. */
public record Notice(long id, NoticeType type, NoticeType.EventSource source, Status status, String urgency,
                     boolean mandatory, int receiptWindowMinutes, String unitCode, Map<String, Object> audience,
                     Map<String, Object> variables, String contentKey, int dedupWindowMinutes, Integer templateVersion,
                     Instant sendAt, String processInstanceId, int recipients, int round, Instant createdAt,
                     Instant completedAt) {

  public enum Status {
    /** Received; the flow decides whether a supervisor must approve it. */
    REQUESTED,
    AWAITING_APPROVAL,
    REJECTED,
    /** Approved or needing no approval: the audience is being resolved and routed. */
    PREPARING,
    SENDING,
    COMPLETED
  }
}
