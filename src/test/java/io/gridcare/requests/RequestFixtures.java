package io.gridcare.requests;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridcare.Http;
import io.gridcare.system.embedded.TestStack;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What request tests set up on the shared stack: services of their own in the catalog (codes {@code T_...}, so
 * they do not depend on the seeded catalog), customers ingested through the sources API (codes {@code PDnnRQ...},
 * never a generator's), portal submissions over HTTP, and a clean slate for the requests a test made before.
 */
public final class RequestFixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient sql;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final Http portal = Http.to(TestStack.get().serverPort());

  public RequestFixtures(JdbcClient sql, RuntimeService runtime, TaskService tasks) {
    this.sql = sql;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /**
   * A service for existing customers that needs a customer code, a contact name and a phone; with one reason
   * {@code T_REASON} that adds nothing. {@code autoForward}: whether a clean request may skip the agent.
   */
  public void service(String code, boolean autoForward, boolean freeText, int promisedDays, Integer ruralDays) {
    sql.sql("""
            insert into service_type (code, category, name_vi, name_en, promised_working_days,
                                      promised_working_days_rural, handled_by, requires_customer, free_text_allowed,
                                      auto_forward, required_fields, required_documents, position)
            values (:code, 'CONTRACT_CHANGE', :vi, :en, :days, :rural, 'POWER_COMPANY', true, :freeText,
                    :autoForward, '{PHONE,CONTACT_NAME,CUSTOMER_CODE}', '{}', 9000)
            on conflict (code) do update set auto_forward = excluded.auto_forward,
                   free_text_allowed = excluded.free_text_allowed,
                   promised_working_days = excluded.promised_working_days,
                   promised_working_days_rural = excluded.promised_working_days_rural, active = true""")
        .param("code", code).param("vi", "Dịch vụ thử " + code).param("en", "Test service " + code)
        .param("days", promisedDays).param("rural", ruralDays).param("freeText", freeText)
        .param("autoForward", autoForward).update();
    sql.sql("""
            insert into service_reason (service_type, code, label_vi, label_en, position)
            values (:code, 'T_REASON', 'Lý do thử', 'Test reason', 1) on conflict do nothing""")
        .param("code", code).update();
  }

  /** A residential customer with a mobile on record, in the district of its unit (the code's first four). */
  public void customer(String code, String mobile, String district) {
    ObjectNode billing = JSON.createObjectNode().put("customerCode", code).put("updatedAt", "2026-11-01T00:00:00Z")
        .put("fullName", "Nguyễn Thị Thử").put("customerType", "RESIDENTIAL")
        .put("address", "Số 1 phố Thử, phường Thử").put("district", district).put("province", "Hà Nội")
        .put("contractedCapacityKw", 5);
    ObjectNode crm = JSON.createObjectNode().put("customerCode", code).put("updatedAt", "2026-11-01T00:00:00Z")
        .put("mobile", mobile);
    for (var record : List.of(List.of("billing", billing), List.of("crm", crm))) {
      Http.Response report = admin.postJson("/api/sources/" + record.get(0) + "/records",
          "{\"records\":[" + record.get(1) + "]}");
      assertThat(report.status()).as(report.body()).isEqualTo(200);
      assertThat(report.json().path("rejected")).as(report.body()).isEmpty();
    }
  }

  /** A draft of {@code service} by a customer; {@code reason} or {@code description} may be null. */
  public static ObjectNode draft(String service, String reason, String description, String customer, String name,
      String phone) {
    ObjectNode draft = JSON.createObjectNode().put("serviceType", service).put("customerCode", customer)
        .put("phone", phone);
    if (reason != null) {
      draft.put("reasonCode", reason);
    }
    if (description != null) {
      draft.put("description", description);
    }
    if (name != null) {
      draft.put("contactName", name);
    }
    return draft;
  }

  /** Submits over the portal; answers {@code {code, status, warnings}}. */
  public JsonNode submit(JsonNode draft) {
    Http.Response submitted = portal.postJson("/api/portal/requests", draft.toString());
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    return submitted.json();
  }

  public String triageOutcome(String code) {
    return Awaitility.await("triage of " + code).atMost(Duration.ofSeconds(30))
        .until(() -> sql.sql("select triage_outcome from service_request where code = :code").param("code", code)
            .query(String.class).optional().orElse(null), outcome -> outcome != null);
  }

  public String status(String code) {
    return sql.sql("select status from service_request where code = :code").param("code", code)
        .query(String.class).single();
  }

  public void awaitStatus(String code, String status) {
    Awaitility.await(code + " " + status).atMost(Duration.ofSeconds(60)).until(() -> status(code), status::equals);
  }

  /** The open user task of the request's process, once it is there. */
  public Task awaitTask(String code, String taskKey) {
    return Awaitility.await(taskKey + " of " + code).atMost(Duration.ofSeconds(60))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey)
            .singleResult(), task -> task != null);
  }

  /** Deletes the requests {@code where} selects (an SQL condition on service_request), their flows included. */
  public void deleteRequests(String where) {
    List<String> instances = sql.sql("select process_instance_id from service_request where process_instance_id"
        + " is not null and (" + where + ")").query(String.class).list();
    instances.forEach(instance -> runtime.deleteProcessInstanceIfExists(instance, "test cleanup", true, true, true,
        true));
    String ids = "(select id from service_request where " + where + ")";
    sql.sql("delete from service_request_event where request_id in " + ids).update();
    sql.sql("delete from service_request_supplement where request_id in " + ids).update();
    sql.sql("delete from service_request where " + where).update();
  }
}
