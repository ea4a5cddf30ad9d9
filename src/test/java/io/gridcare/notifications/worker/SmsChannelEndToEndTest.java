package io.gridcare.notifications.worker;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.worker.SendOutcome.Accepted;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SMS channel as the application wires it: with the sandbox on, its defaults reach the sandbox SMSC, and an
 * administrator reads there what customers would have received.
 */
@GridCareIntegrationTest
class SmsChannelEndToEndTest {

  private static final String STAFF = "sandbox-test-staff";
  private static final String PASSWORD = "sandbox-secret";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);

  private final SmsSender sms;
  private final IdentityService identity;

  SmsChannelEndToEndTest(@Autowired SmsSender sms, @Autowired IdentityService identity) {
    this.sms = sms;
    this.identity = identity;
  }

  @Test
  void theSmsChannelReachesTheSandboxSmscWhoseMessagesAnAdministratorReads() {
    String text = "Điện lực Hà Nội: mã thử " + UUID.randomUUID().toString().substring(0, 8);

    List<SendOutcome> outcomes = sms.send(List.of(new Outgoing("e2e:PD09000000201:1", "PD09000000201",
        Channel.SMS, "vi", List.of("+84981234567"), null, null, null, text, false, null, Map.of(), Map.of())));

    assertThat(outcomes).singleElement().isInstanceOf(Accepted.class);
    Response response = admin.get("/api/sandbox/sms/messages?limit=50");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode received = StreamSupport.stream(response.json().path("messages").spliterator(), false)
        .filter(message -> message.path("text").asText().equals(text)).findFirst().orElseThrow();
    assertThat(received.path("phone").asText()).isEqualTo("+84981234567");
    assertThat(received.path("sender").asText()).isEqualTo("EVNHANOI");
    assertThat(received.path("encoding").asText()).isEqualTo("UCS-2");
    assertThat(received.path("segments").asInt()).isEqualTo(1);
    assertThat(received.path("messageId").asText()).isEqualTo(((Accepted) outcomes.get(0)).providerMessageId());
  }

  @Test
  void onlyAdministratorsReadTheSandbox() {
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP);

    assertThat(anonymous.get("/api/sandbox/sms/messages").status()).isEqualTo(401);
    assertThat(anonymous.as(STAFF, PASSWORD).get("/api/sandbox/sms/messages").status()).isEqualTo(403);
  }

  @Test
  void aLimitOutOfRangeIsRefusedNamingIt() {
    Response response = admin.get("/api/sandbox/sms/messages?limit=0");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
    assertThat(admin.get("/api/sandbox/sms/messages?limit=10001").status()).isEqualTo(400);
  }
}
