package io.gridcare.requests;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.customers.PhoneNumbers;
import io.gridcare.notifications.NoticeType;
import io.gridcare.notifications.NotificationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the requester how the request moves, through the central notification flow: to the customer when
 * identified, else to the contact given on the form (a new-connection applicant has no customer code yet).
 */
@Component
class RequestNotices {

  private static final Logger log = LoggerFactory.getLogger(RequestNotices.class);

  private final NotificationEvents notifications;
  private final ServiceCatalog catalog;
  private final ObjectMapper json;
  private final Clock clock;

  RequestNotices(NotificationEvents notifications, ServiceCatalog catalog, ObjectMapper json, Clock clock) {
    this.notifications = notifications;
    this.catalog = catalog;
    this.json = json;
    this.clock = clock;
  }

  /** {@code step}: the timeline step this notice tells of, so a notice is raised once per step. */
  void tell(ServiceRequest request, RequestStatus status, Label note, int step) {
    if (request.customerCode() == null && PhoneNumbers.vietnameseMobile(request.phone()).isEmpty()) {
      // a landline or foreign number: no channel reaches it; the customer follows the request on the portal
      log.info("Request {} is {}; its requester has no mobile number to notify", request.code(), status);
      return;
    }
    ObjectNode event = json.createObjectNode();
    event.put("eventId", "request:" + request.code() + ":" + step);
    event.put("type", NoticeType.REQUEST_STATUS_CHANGED.name());
    event.put("occurredAt", clock.instant().toString());
    ObjectNode payload = event.putObject("payload");
    if (request.customerCode() != null) {
      payload.put("customerCode", request.customerCode());
    } else {
      ObjectNode contact = payload.putObject("contact");
      // the template greets by name; a portal user may have left it out
      contact.put("name", request.contactName() == null || request.contactName().isBlank() ? "Quý khách"
          : request.contactName());
      contact.put("phone", request.phone());
      if (request.email() != null && request.email().length() <= 200) {
        contact.put("email", request.email());
      }
      if (request.unitCode() != null) {
        contact.put("unitCode", request.unitCode());
      }
    }
    payload.put("requestCode", request.code());
    payload.set("status", json.valueToTree(status.label()));
    catalog.find(request.serviceType()).ifPresent(service -> payload.set("serviceName", json.valueToTree(service.name())));
    if (note != null) {
      payload.set("note", json.valueToTree(new Label(clip(note.vi()), clip(note.en()))));
    }
    try {
      notifications.accept(NoticeType.EventSource.CRM, event);
    } catch (NotificationEvents.InvalidEvent e) {
      // the request stands: a notice the flow cannot take must not lose the customer's submission
      log.warn("Request {} is {}; its notice was refused: {}", request.code(), status, e.problems());
    }
  }

  private static String clip(String text) {
    return text.length() <= 300 ? text : text.substring(0, 297) + "...";
  }
}
