package io.gridcare.customers;

import java.time.Instant;

/** One run of {@link CustomerRefresh}: why, how far it got, and what it changed. */
public record RefreshRun(long id, CustomerRefresh.Reason reason, String requestedBy, CustomerRefresh.Status status,
                         long customersTotal, long customersDone, long profilesChanged, long segmentsChanged,
                         String lastCode, Instant createdAt, Instant startedAt, Instant finishedAt, String error) {
}
