package io.gridcare.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.system.JsonPaths;
import io.gridcare.system.LatestDefinitions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes events from the source systems (and, in-process, from GridCare's own online requests: the
 * {@link NoticeType.EventSource#PORTAL} source) and starts a notice for each new one. An event is known by its
 * source and its {@code eventId}: sent again, it answers the notice it raised the first time and starts nothing.
 * The event, its notice and the flow's start commit together, or none of them.
 */
@Service
public class NotificationEvents {

  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

  private final Notices notices;
  private final RuntimeService runtime;
  private final DecisionService decisions;
  private final LatestDefinitions definitions;
  private final NoticeTemplates templates;
  private final ObjectMapper json;
  private final Validator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;

  NotificationEvents(Notices notices, RuntimeService runtime, DecisionService decisions,
      LatestDefinitions definitions, NoticeTemplates templates, ObjectMapper json, Validator validator,
      TransactionTemplate transaction, Clock clock) {
    this.notices = notices;
    this.runtime = runtime;
    this.decisions = decisions;
    this.definitions = definitions;
    this.templates = templates;
    this.json = json;
    this.validator = validator;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The notice an event raised; {@code created} is false when the event had been received before. */
  public record Accepted(Notice notice, boolean created) {
  }

  /** An event that cannot be taken, with every problem found (field paths as the caller sent them). */
  public static final class InvalidEvent extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidEvent(List<FieldProblem> problems) {
      super("Invalid event: " + problems);
      this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
      return problems;
    }
  }

  public record FieldProblem(String field, String message) {
  }

  /**
   * Takes one event {@code {eventId, type, occurredAt, payload}} of the source, as {@code POST /api/events/{source}}
   * does. GridCare's online requests call it in-process: {@code PORTAL} for verification codes, {@code CRM} with a
   * {@code contact} for the status of a request whose requester has no customer code yet.
   *
   * @throws InvalidEvent naming every problem; nothing is stored then
   */
  public Accepted accept(NoticeType.EventSource source, JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new InvalidEvent(List.of(new FieldProblem("", "Cần một đối tượng JSON / a JSON object is required")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    String eventId = text(event, "eventId", problems);
    if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
      problems.add(new FieldProblem("eventId", "1-100 ký tự chữ, số, . _ : / - / 1-100 letters, digits or . _ : / -"));
    }
    NoticeType type = type(source, text(event, "type", problems), problems);
    Instant occurredAt = instant(event, problems);
    JsonNode payloadNode = event.get("payload");
    if (payloadNode == null || !payloadNode.isObject()) {
      problems.add(new FieldProblem("payload", "Bắt buộc, một đối tượng JSON / required, a JSON object"));
    }
    event.fieldNames().forEachRemaining(name -> {
      if (!List.of("eventId", "type", "occurredAt", "payload").contains(name)) {
        problems.add(new FieldProblem(name, "Trường không được biết / unknown field"));
      }
    });
    EventPayloads.Payload payload = problems.isEmpty() ? payload(source, type, payloadNode, problems) : null;
    if (!problems.isEmpty()) {
      throw new InvalidEvent(problems);
    }
    Optional<Long> known = notices.noticeOfEvent(source, eventId);
    if (known.isPresent()) {
      return new Accepted(notices.get(known.get()), false);
    }
    try {
      long id = transaction.execute(status -> start(source, eventId, type, occurredAt, payload, payloadNode));
      return new Accepted(notices.get(id), true);
    } catch (DuplicateKeyException sentTwiceAtOnce) {
      return new Accepted(notices.get(notices.noticeOfEvent(source, eventId).orElseThrow()), false);
    }
  }

  private long start(NoticeType.EventSource source, String eventId, NoticeType type, Instant occurredAt,
      EventPayloads.Payload payload, JsonNode payloadNode) {
    NoticePolicy policy = policy(type);
    EventPayloads.Target target = payload.target();
    Map<String, Object> audience = new LinkedHashMap<>();
    if (target.customerCode() != null) {
      audience.put("customerCode", target.customerCode());
    } else if (target.contact() != null) {
      audience.putAll(target.contact().asAudience());
    } else {
      audience.put("unit", target.audience().unit());
      audience.put("substations", target.audience().substations());
      audience.put("feeders", target.audience().feeders());
    }
    long id = notices.create(type, source, policy, target.unitCode(), audience, payload.variables(),
        payload.contentKey(type), templates.current(type).version(), clock.instant());
    notices.recordEvent(source, eventId, type, occurredAt, payload.recorded(payloadNode).toString(), id);
    VariableMap variables = Variables.createVariables()
        .putValue(NotificationFlow.VAR_NOTICE_ID, id)
        .putValue(NotificationFlow.VAR_NOTICE_TYPE, type.name())
        .putValue(NotificationFlow.VAR_URGENCY, policy.urgency())
        .putValue(NotificationFlow.VAR_RECEIPT_WINDOW, "PT" + policy.receiptWindowMinutes() + "M");
    String instance = runtime.startProcessInstanceById(definitions.process(NotificationFlow.PROCESS_KEY),
        Long.toString(id), variables).getId();
    notices.started(id, instance);
    return id;
  }

  private NoticePolicy policy(NoticeType type) {
    Map<String, Object> result = decisions.evaluateDecisionById(definitions.decision(NoticePolicy.DECISION))
        .variables(Variables.createVariables().putValue("noticeType", type.name())).evaluate().getSingleResult()
        .getEntryMap();
    return new NoticePolicy((String) result.get("urgency"), Boolean.TRUE.equals(result.get("mandatory")),
        ((Number) result.get("receiptWindowMinutes")).intValue(), ((Number) result.get("dedupWindowMinutes")).intValue());
  }

  private EventPayloads.Payload payload(NoticeType.EventSource source, NoticeType type, JsonNode node,
      List<FieldProblem> problems) {
    EventPayloads.Payload payload;
    try {
      payload = json.treeToValue(node, EventPayloads.typeOf(source));
    } catch (JsonMappingException e) {
      problems.add(new FieldProblem("payload." + JsonPaths.of(e), e.getOriginalMessage()));
      return null;
    } catch (JsonProcessingException e) {
      problems.add(new FieldProblem("payload", e.getOriginalMessage()));
      return null;
    }
    for (ConstraintViolation<EventPayloads.Payload> violation : validator.validate(payload)) {
      problems.add(new FieldProblem("payload." + violation.getPropertyPath(), violation.getMessage()));
    }
    if (problems.isEmpty()) {
      EventPayloads.problems(type, payload).forEach(problem -> problems.add(new FieldProblem(problem[0], problem[1])));
    }
    return payload;
  }

  private static NoticeType type(NoticeType.EventSource source, String name, List<FieldProblem> problems) {
    if (name == null) {
      return null;
    }
    for (NoticeType type : NoticeType.values()) {
      if (type.name().equals(name) && type.source() == source) {
        return type;
      }
    }
    problems.add(new FieldProblem("type", "Không phải loại sự kiện của nguồn " + source.name().toLowerCase()
        + " / not an event type of this source: " + typesOf(source)));
    return null;
  }

  private static String typesOf(NoticeType.EventSource source) {
    return String.join(", ", java.util.Arrays.stream(NoticeType.values()).filter(type -> type.source() == source)
        .map(Enum::name).toList());
  }

  private static String text(JsonNode event, String field, List<FieldProblem> problems) {
    JsonNode value = event.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(new FieldProblem(field, "Bắt buộc / required"));
      return null;
    }
    return value.asText();
  }

  private static Instant instant(JsonNode event, List<FieldProblem> problems) {
    String value = text(event, "occurredAt", problems);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(new FieldProblem("occurredAt", "Thời điểm ISO-8601 có múi giờ / an ISO-8601 instant, e.g. "
          + "2026-11-23T08:00:00Z"));
      return null;
    }
  }
}
