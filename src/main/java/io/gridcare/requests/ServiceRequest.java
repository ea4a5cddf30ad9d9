package io.gridcare.requests;

import java.time.Instant;
import java.util.List;

/** A stored portal request. */
public record ServiceRequest(long id, String code, String serviceType, String reasonCode, String customerCode,
    String phone, String contactName, String email, String unitCode, RequestDraft draft, List<Warning> warnings,
    RequestStatus status, String triageOutcome, String duplicateOf, String outcomeNote, String processInstanceId,
    Instant submittedAt, Instant triagedAt, Instant forwardedAt, Instant closedAt) {
}
