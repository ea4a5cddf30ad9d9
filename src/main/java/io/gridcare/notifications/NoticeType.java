package io.gridcare.notifications;

/**
 * The kinds of notice GridCare sends, by the source system whose events raise them. Each has a standard template
 * and its own routing rules (the channel DMN).
 */
public enum NoticeType {
  BILL_ISSUED(EventSource.BILLING),
  PAYMENT_DUE(EventSource.BILLING),
  PAYMENT_OVERDUE(EventSource.BILLING),
  DISCONNECTION_WARNING(EventSource.BILLING),
  PAYMENT_RECEIVED(EventSource.BILLING),
  OUTAGE_STARTED(EventSource.OUTAGES),
  OUTAGE_RESTORED(EventSource.OUTAGES),
  PLANNED_OUTAGE_SCHEDULED(EventSource.SWITCHING),
  PLANNED_OUTAGE_CHANGED(EventSource.SWITCHING),
  PLANNED_OUTAGE_CANCELLED(EventSource.SWITCHING),
  ABNORMAL_CONSUMPTION(EventSource.CONSUMPTION),
  REQUEST_STATUS_CHANGED(EventSource.CRM),
  COMPLAINT_STATUS_CHANGED(EventSource.CRM);

  private final EventSource source;

  NoticeType(EventSource source) {
    this.source = source;
  }

  public EventSource source() {
    return source;
  }

  /** The systems whose events start notices ({@code POST /api/events/{source}}). */
  public enum EventSource {
    BILLING, OUTAGES, SWITCHING, CONSUMPTION, CRM
  }
}
