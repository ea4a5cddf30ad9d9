package io.gridcare.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices and the events that raised them, in PostgreSQL. */
@Repository
class Notices {

  private static final String COLUMNS = """
      id, type, source, status, urgency, mandatory, receipt_window_min, unit_code, audience::text, variables::text,
      content_key, dedup_window_min, template_version, send_at, process_instance_id, recipients, round, created_at,
      completed_at""";

  private final JdbcClient sql;
  private final ObjectMapper json;

  Notices(JdbcClient sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  /** The notice an event raised before, if this event was received already. */
  Optional<Long> noticeOfEvent(NoticeType.EventSource source, String eventId) {
    return sql.sql("select notice_id from notification_event where source = :source and event_id = :eventId")
        .param("source", source.name()).param("eventId", eventId).query(Long.class).optional();
  }

  long create(NoticeType type, NoticeType.EventSource source, NoticePolicy policy, String unitCode,
      Map<String, Object> audience, Map<String, Object> variables, String contentKey, Integer templateVersion,
      Instant sendAt) {
    return sql.sql("""
            insert into notice (type, source, status, urgency, mandatory, receipt_window_min, unit_code, audience,
                                variables, content_key, dedup_window_min, template_version, send_at)
            values (:type, :source, 'REQUESTED', :urgency, :mandatory, :window, :unit, cast(:audience as jsonb),
                    cast(:variables as jsonb), :contentKey, :dedup, :templateVersion, :sendAt)
            returning id""")
        .param("type", type.name()).param("source", source.name()).param("urgency", policy.urgency())
        .param("mandatory", policy.mandatory()).param("window", policy.receiptWindowMinutes())
        .param("unit", unitCode).param("audience", write(audience)).param("variables", write(variables))
        .param("contentKey", contentKey).param("dedup", policy.dedupWindowMinutes())
        .param("templateVersion", templateVersion).param("sendAt", Timestamp.from(sendAt))
        .query(Long.class).single();
  }

  void recordEvent(NoticeType.EventSource source, String eventId, NoticeType type, Instant occurredAt,
      String payload, long noticeId) {
    sql.sql("""
            insert into notification_event (source, event_id, type, occurred_at, payload, notice_id)
            values (:source, :eventId, :type, :occurredAt, cast(:payload as jsonb), :notice)""")
        .param("source", source.name()).param("eventId", eventId).param("type", type.name())
        .param("occurredAt", Timestamp.from(occurredAt)).param("payload", payload).param("notice", noticeId)
        .update();
  }

  void started(long id, String processInstanceId) {
    sql.sql("update notice set process_instance_id = :pi where id = :id").param("pi", processInstanceId)
        .param("id", id).update();
  }

  void status(long id, Notice.Status status) {
    sql.sql("""
            update notice set status = :status,
                   completed_at = case when :status in ('COMPLETED', 'REJECTED') then now() else completed_at end
             where id = :id""")
        .param("status", status.name()).param("id", id).update();
  }

  void decided(long id, String by, String comment, Instant sendAt) {
    sql.sql("update notice set approved_by = :by, decision_comment = :comment, send_at = :sendAt where id = :id")
        .param("by", by).param("comment", comment).param("sendAt", Timestamp.from(sendAt)).param("id", id).update();
  }

  Optional<Notice> find(long id) {
    return sql.sql("select " + COLUMNS + " from notice where id = :id").param("id", id).query(this::notice)
        .optional();
  }

  Notice get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No notice " + id));
  }

  private Notice notice(ResultSet row, int n) throws SQLException {
    return new Notice(row.getLong("id"), NoticeType.valueOf(row.getString("type")),
        NoticeType.EventSource.valueOf(row.getString("source")), Notice.Status.valueOf(row.getString("status")),
        row.getString("urgency"), row.getBoolean("mandatory"), row.getInt("receipt_window_min"),
        row.getString("unit_code"), read(row.getString("audience")), read(row.getString("variables")),
        row.getString("content_key"), row.getInt("dedup_window_min"), (Integer) row.getObject("template_version"),
        instant(row.getTimestamp("send_at")), row.getString("process_instance_id"), row.getInt("recipients"),
        row.getInt("round"), instant(row.getTimestamp("created_at")), instant(row.getTimestamp("completed_at")));
  }

  private Map<String, Object> read(String value) {
    try {
      return json.readValue(value, new TypeReference<>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
