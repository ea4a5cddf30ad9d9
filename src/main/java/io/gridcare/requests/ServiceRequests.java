package io.gridcare.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The request tables in PostgreSQL. */
@Repository
class ServiceRequests {

  private static final TypeReference<List<Warning>> WARNINGS = new TypeReference<>() {
  };
  private static final String COLUMNS = """
      select id, code, service_type, reason_code, customer_code, phone, contact_name, email, unit_code,
             draft::text, warnings::text, status, triage_outcome, duplicate_of, outcome_note, process_instance_id,
             submitted_at, triaged_at, forwarded_at, closed_at
        from service_request""";

  private final JdbcClient sql;
  private final ObjectMapper json;

  ServiceRequests(JdbcClient sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  /** A submitted request with its triage decision; its flow is started afterwards ({@link #awaitingFlow}). */
  long insert(String code, String phone, RequestDraft draft, Assessment assessment, String triageOutcome,
      Instant at) {
    long id = sql.sql("""
            insert into service_request (code, service_type, reason_code, customer_code, phone, contact_name, email,
                                         unit_code, draft, warnings, status, triage_outcome, submitted_at, triaged_at)
            values (:code, :service, :reason, :customer, :phone, :name, :email, :unit, cast(:draft as jsonb),
                    cast(:warnings as jsonb), 'RECEIVED', :outcome, :at, :at) returning id""")
        .param("code", code).param("service", assessment.service().code())
        .param("reason", assessment.reasonChosen() ? draft.reasonCode() : null)
        .param("customer", assessment.customer() == null ? null : assessment.customer().code())
        .param("phone", phone).param("name", draft.contactName() == null ? "" : draft.contactName())
        .param("email", draft.email()).param("unit", assessment.unitCode())
        .param("draft", write(draft)).param("warnings", write(assessment.warnings()))
        .param("outcome", triageOutcome).param("at", Timestamp.from(at))
        .query(Long.class).single();
    event(id, RequestStatus.RECEIVED, null, null, at);
    return id;
  }

  Optional<ServiceRequest> find(String code) {
    return sql.sql(COLUMNS + " where code = :code").param("code", code).query(this::read).optional();
  }

  ServiceRequest get(long id) {
    return sql.sql(COLUMNS + " where id = :id").param("id", id).query(this::read).single();
  }

  /** A request whose flow has not started yet, with the decision taken when it was submitted. */
  record AwaitingFlow(long id, String code, String triageOutcome) {
  }

  /** Requests whose flow has not started, less those pausing after a failed start. */
  private static final String AWAITING_FLOW = """
      select id, code, triage_outcome from service_request
       where process_instance_id is null and (flow_retry_at is null or flow_retry_at <= now())""";
  private static final RowMapper<AwaitingFlow> AWAITING =
      (row, n) -> new AwaitingFlow(row.getLong(1), row.getString(2), row.getString(3));

  /**
   * The oldest requests whose flow has not started, locked until the transaction ends; another server skips them
   * and takes the next ones.
   */
  List<AwaitingFlow> awaitingFlow(int limit) {
    return sql.sql(AWAITING_FLOW + " order by id limit :limit for update skip locked").param("limit", limit)
        .query(AWAITING).list();
  }

  /** The request, locked, when its flow has still not started (and no other server is starting it). */
  Optional<AwaitingFlow> awaitingFlow(long id) {
    return sql.sql(AWAITING_FLOW + " and id = :id for update skip locked").param("id", id).query(AWAITING)
        .optional();
  }

  long countAwaitingFlow() {
    return sql.sql("select count(*) from service_request where process_instance_id is null").query(Long.class)
        .single();
  }

  /**
   * Its flow failed to start: tried again after 2 s, 4 s, 8 s ... up to ten minutes. Answers the number of
   * failures so far.
   */
  int flowFailed(long id) {
    return sql.sql("""
            update service_request
               set flow_failures = flow_failures + 1,
                   flow_retry_at = now() + least(interval '1 second' * power(2, flow_failures + 1),
                                                 interval '10 minutes')
             where id = :id returning flow_failures""")
        .param("id", id).query(Integer.class).single();
  }

  void started(long id, String processInstanceId) {
    sql.sql("update service_request set process_instance_id = :instance where id = :id")
        .param("instance", processInstanceId).param("id", id).update();
  }

  void triaged(long id, String outcome, Instant at) {
    sql.sql("update service_request set triage_outcome = :outcome, triaged_at = coalesce(triaged_at, :at),"
            + " version = version + 1 where id = :id")
        .param("outcome", outcome).param("at", Timestamp.from(at)).param("id", id).update();
  }

  /** A new status, with its step on the timeline; forwarding and closing stamp their times. Answers the step. */
  int status(long id, RequestStatus status, Label note, String actor, Instant at) {
    sql.sql("""
            update service_request set status = :status, version = version + 1,
                   forwarded_at = case when cast(:status as text) = 'FORWARDED'
                                       then coalesce(forwarded_at, cast(:at as timestamptz)) else forwarded_at end,
                   closed_at = case when cast(:open as boolean) then null else cast(:at as timestamptz) end,
                   outcome_note = case when cast(:open as boolean) then outcome_note else cast(:note as text) end
             where id = :id""")
        .param("status", status.name()).param("open", status.open()).param("at", Timestamp.from(at))
        .param("note", note == null ? null : note.vi()).param("id", id).update();
    return event(id, status, note, actor, at);
  }

  void draft(long id, RequestDraft draft) {
    sql.sql("update service_request set draft = cast(:draft as jsonb), version = version + 1 where id = :id")
        .param("draft", write(draft)).param("id", id).update();
  }

  void unit(long id, String unit) {
    sql.sql("update service_request set unit_code = :unit where id = :id").param("unit", unit).param("id", id)
        .update();
  }

  void merged(long id, String into) {
    sql.sql("update service_request set duplicate_of = :into where id = :id").param("into", into).param("id", id)
        .update();
  }

  /** The request as corrected or supplemented, checked again. */
  void reassessed(long id, RequestDraft draft, Assessment assessment) {
    sql.sql("""
            update service_request set draft = cast(:draft as jsonb), warnings = cast(:warnings as jsonb),
                   service_type = :service, reason_code = :reason, unit_code = :unit,
                   customer_code = :customer, email = :email, index_pending = true, version = version + 1
             where id = :id""")
        .param("draft", write(draft)).param("warnings", write(assessment.warnings()))
        .param("service", assessment.service().code())
        .param("reason", assessment.reasonChosen() ? draft.reasonCode() : null)
        .param("unit", assessment.unitCode())
        .param("customer", assessment.customer() == null ? null : assessment.customer().code())
        .param("email", draft.email()).param("id", id).update();
  }

  void supplement(long id, RequestDraft supplement, Instant at) {
    sql.sql("""
            insert into service_request_supplement (request_id, seq, at, draft)
            select :id, coalesce(max(seq), 0) + 1, :at, cast(:draft as jsonb)
              from service_request_supplement where request_id = :id""")
        .param("id", id).param("at", Timestamp.from(at)).param("draft", write(supplement)).update();
  }

  List<RequestEvent> timeline(long id) {
    return sql.sql("select at, status, note_vi, note_en, actor from service_request_event where request_id = :id"
            + " order by seq")
        .param("id", id)
        .query((row, n) -> new RequestEvent(row.getTimestamp(1).toInstant(), RequestStatus.valueOf(row.getString(2)),
            row.getString(3) == null ? null : new Label(row.getString(3), row.getString(4)), row.getString(5)))
        .list();
  }

  /** Appends a step to the timeline; answers its number. */
  int event(long id, RequestStatus status, Label note, String actor, Instant at) {
    return sql.sql("""
            insert into service_request_event (request_id, seq, at, status, note_vi, note_en, actor)
            select :id, coalesce(max(seq), 0) + 1, :at, :status, :vi, :en, :actor
              from service_request_event where request_id = :id returning seq""")
        .params(new java.util.HashMap<>(Map.of("id", id, "at", Timestamp.from(at), "status", status.name())))
        .param("vi", note == null ? null : note.vi()).param("en", note == null ? null : note.en())
        .param("actor", actor).query(Integer.class).single();
  }

  private ServiceRequest read(ResultSet row, int number) throws SQLException {
    try {
      return new ServiceRequest(row.getLong("id"), row.getString("code"), row.getString("service_type"),
          row.getString("reason_code"), row.getString("customer_code"), row.getString("phone"),
          row.getString("contact_name"), row.getString("email"), row.getString("unit_code"),
          json.readValue(row.getString("draft"), RequestDraft.class),
          json.readValue(row.getString("warnings"), WARNINGS), RequestStatus.valueOf(row.getString("status")),
          row.getString("triage_outcome"), row.getString("duplicate_of"), row.getString("outcome_note"),
          row.getString("process_instance_id"), instant(row, "submitted_at"), instant(row, "triaged_at"),
          instant(row, "forwarded_at"), instant(row, "closed_at"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored request no longer reads", e);
    }
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
