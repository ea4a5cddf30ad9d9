package io.gridcare.notifications.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.notifications.Notice;
import io.gridcare.notifications.NoticeType;
import io.gridcare.notifications.NotificationEvents;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications", description = "Thông báo khách hàng / Customer notices")
class EventController {

  private final NotificationEvents events;

  EventController(NotificationEvents events) {
    this.events = events;
  }

  /** The sources taken over HTTP, as the API names them. */
  static final String SOURCES = Arrays.stream(NoticeType.EventSource.values())
      .filter(NoticeType.EventSource::external).map(EventController::name).collect(Collectors.joining(", "));

  @PostMapping("/api/events/{source}")
  @Operation(summary = "Nhận một sự kiện từ hệ thống nguồn / Take an event from a source system",
      description = "Sources: billing, outages, switching, consumption, crm. Body {eventId, type, occurredAt, "
          + "payload}. A new event starts a notice (202, Location of the notice); the same (source, eventId) again "
          + "answers that notice (200) and sends nothing. An invalid event gets 400 naming each field and is not "
          + "stored. A crm payload names either customerCode or, for someone who has no customer code yet, "
          + "contact {name, phone (Vietnamese mobile), email?, unitCode}.")
  ResponseEntity<NoticeAccepted> accept(@PathVariable String source, @RequestBody JsonNode event) {
    // the portal's verification codes are raised in-process only: over HTTP it is no source at all
    NoticeType.EventSource from = Arrays.stream(NoticeType.EventSource.values())
        .filter(NoticeType.EventSource::external)
        .filter(candidate -> name(candidate).equals(source)).findFirst()
        .orElseThrow(() -> new NotFoundException("Không có nguồn " + source + " / No source " + source
            + " (" + SOURCES + ")"));
    NotificationEvents.Accepted accepted = events.accept(from, event);
    Notice notice = accepted.notice();
    NoticeAccepted body = new NoticeAccepted(notice.id(), notice.type(), notice.status(), accepted.created());
    return accepted.created()
        ? ResponseEntity.accepted().location(URI.create("/api/notices/" + notice.id())).body(body)
        : ResponseEntity.ok().location(URI.create("/api/notices/" + notice.id())).body(body);
  }

  private static String name(NoticeType.EventSource source) {
    return source.name().toLowerCase(Locale.ROOT);
  }

  @ExceptionHandler(NotificationEvents.InvalidEvent.class)
  ProblemDetail invalid(NotificationEvents.InvalidEvent e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Sự kiện không hợp lệ / The event is invalid");
    problem.setProperty("errors", e.problems());
    return problem;
  }

  /** What the source system learns: its notice, to follow at /api/notices/{id}. */
  record NoticeAccepted(long noticeId, NoticeType type, Notice.Status status, boolean created) {
  }
}
