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
  COMPLAINT_STATUS_CHANGED(EventSource.CRM),
  /** A one-time code that proves a person holds a phone number (online requests); never logged. */
  PHONE_VERIFICATION(EventSource.PORTAL);

  private final EventSource source;

  NoticeType(EventSource source) {
    this.source = source;
  }

  public EventSource source() {
    return source;
  }

  /**
   * The systems whose events start notices: the source systems over {@code POST /api/events/{source}}, and
   * GridCare's own online-services portal in-process only ({@link NotificationEvents#accept}).
   */
  public enum EventSource {
    BILLING, OUTAGES, SWITCHING, CONSUMPTION, CRM,
    /** GridCare's online requests; not taken over HTTP, so nobody outside can send codes to any phone. */
    PORTAL(false);

    private final boolean external;

    EventSource() {
      this(true);
    }

    EventSource(boolean external) {
      this.external = external;
    }

    /** Whether source systems may send this source's events over {@code POST /api/events/{source}}. */
    public boolean external() {
      return external;
    }
  }
}
