package io.gridcare.customers.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.GridCareIntegrationTest.WORKER;
import static io.gridcare.GridCareIntegrationTest.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.system.embedded.TestStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's service account reads the customers its flows work on, and nothing else of GridCare's API. */
@GridCareIntegrationTest
class WorkerCustomerAccessTest {

  /** Of Thanh Trì (PD27): a unit no group of the worker names. */
  private static final String CODE = "PD27000000301";

  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final Http worker = Http.to(TestStack.get().serverPort()).as(WORKER, WORKER_PASSWORD);

  @BeforeEach
  void customerExists() {
    Response report = admin.postJson("/api/sources/crm/records", "{\"records\":[{\"customerCode\":\"" + CODE + "\","
        + "\"updatedAt\":\"2026-11-01T00:00:00Z\",\"mobile\":\"0987 654 321\",\"email\":\"hoa.pham@example.vn\"}]}");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.json().path("rejected")).as(report.body()).isEmpty();
  }

  @Test
  void workerReadsACustomerOfAnyUnitWithContactDataUnmasked() {
    Response customer = worker.get("/api/customers/" + CODE);

    assertThat(customer.status()).isEqualTo(200);
    JsonNode contact = customer.json().path("profile").path("contact");
    assertThat(contact.path("mobile").asText()).isEqualTo("+84987654321");
    assertThat(contact.path("email").asText()).isEqualTo("hoa.pham@example.vn");
  }

  @Test
  void workerGetsNotFoundForAnUnknownCustomer() {
    Response missing = worker.get("/api/customers/PD27000000399");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
  }

  @Test
  void workerMayNotSearchListOrChangeCustomers() {
    assertThat(worker.get("/api/customers?q=0987").status()).isEqualTo(403);
    assertThat(worker.get("/api/customers").status()).isEqualTo(403);
    assertThat(worker.get("/api/segments").status()).isEqualTo(403);
    assertThat(worker.postJson("/api/customers/index/rebuild", "{}").status()).isEqualTo(403);
    assertThat(worker.postJson("/api/sources/crm/records", "{\"records\":[{}]}").status()).isEqualTo(403);
  }
}
