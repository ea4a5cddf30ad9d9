package io.gridcare.notifications.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.customers.Channel;
import io.gridcare.sandbox.SandboxHttpPeers;
import io.gridcare.system.embedded.TestStack;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The App channel over FCM's HTTP v1 API, against the sandbox's FCM stub (WireMock). */
@GridCareIntegrationTest
class AppPushSenderTest {

  private static final Logger log = LoggerFactory.getLogger(AppPushSenderTest.class);

  private static final String SEND = "/v1/projects/gridcare-sandbox/messages:send";
  private static final String TITLE = "Mất điện khu vực Phù Linh";
  private static final String TEXT = "Điện lực Sóc Sơn thông báo: mất điện từ 08:00 do sự cố, dự kiến có điện lúc 11:00.";

  private final Http admin = Http.to(TestStack.get().serverPort()).as(ADMIN, ADMIN_PASSWORD);
  private final String run = UUID.randomUUID().toString();

  private final AppPushSender push;
  private final SandboxHttpPeers peers;

  AppPushSenderTest(@Autowired AppPushSender push, @Autowired SandboxHttpPeers peers) {
    this.push = push;
    this.peers = peers;
  }

  @Test
  void sendsOneFcmV1RequestPerTokenWithTheAccessTokenAndTheDeliveryKeyInData() {
    String first = token("phone");
    String second = token("tablet");

    List<SendOutcome> outcomes = push.send(List.of(outgoing(key(1), first, second)));

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(SendOutcome.Accepted.class, accepted -> {
      assertThat(accepted.deliveryKey()).isEqualTo(key(1));
      assertThat(accepted.providerMessageId()).startsWith("projects/gridcare-sandbox/messages/");
      assertThat(accepted.delivered()).as("the App reports delivery itself").isFalse();
      assertThat(accepted.deadAddresses()).isEmpty();
    });
    assertThat(received(postRequestedFor(urlEqualTo(SEND))
        .withHeader("Authorization", equalTo("Bearer sandbox-access-token"))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withRequestBody(equalToJson("{\"message\":{\"token\":\"" + first + "\","
            + "\"notification\":{\"title\":\"" + TITLE + "\",\"body\":\"" + TEXT + "\"},"
            + "\"data\":{\"noticeId\":\"" + run + "\",\"type\":\"OUTAGE_STARTED\",\"deliveryKey\":\"" + key(1)
            + "\"}}}")))).isEqualTo(1);
    assertThat(received(postRequestedFor(urlEqualTo(SEND))
        .withRequestBody(matchingJsonPath("$.message.token", equalTo(second)))
        .withRequestBody(matchingJsonPath("$.message.data.deliveryKey", equalTo(key(1)))))).isEqualTo(1);
  }

  @Test
  void anUnregisteredOnlyTokenIsRejectedAndReportedDead() {
    String dead = "dead-" + token("old-phone");

    assertThat(push.send(List.of(outgoing(key(1), dead)))).singleElement()
        .isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
          assertThat(rejected.code()).isEqualTo("UNREGISTERED");
          assertThat(rejected.deadAddresses()).containsExactly(dead);
        });
  }

  @Test
  void aMessageReachingOneDeviceIsAcceptedWithTheDeadTokenListed() {
    String alive = token("phone");
    String dead = "dead-" + token("old-phone");

    assertThat(push.send(List.of(outgoing(key(1), dead, alive)))).singleElement()
        .isInstanceOfSatisfying(SendOutcome.Accepted.class,
            accepted -> assertThat(accepted.deadAddresses()).containsExactly(dead));
  }

  @Test
  void invalidTokensAreRejectedButNotDropped() {
    String invalid = "invalid-" + token("x");
    String dead = "dead-" + token("y");

    assertThat(push.send(List.of(outgoing(key(1), invalid, dead)))).singleElement()
        .isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
          assertThat(rejected.code()).isEqualTo("INVALID_TOKEN");
          assertThat(rejected.deadAddresses()).as("INVALID_ARGUMENT may be our own fault").containsExactly(dead);
        });
  }

  @Test
  void aBusyProviderLeavesTheMessageNotSent() {
    List<SendOutcome> outcomes = push.send(List.of(
        outgoing(key(1), "busy-" + token("a")),
        outgoing(key(2), "busy-" + token("b"), "dead-" + token("c"))));

    assertThat(outcomes).extracting(SendOutcome::deliveryKey).containsExactly(key(1), key(2));
    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(SendOutcome.NotSent.class,
        notSent -> assertThat(notSent.reason()).contains("503")));
  }

  @Test
  void aCustomerWithoutTokensIsRejected() {
    assertThat(push.send(List.of(outgoing(key(1))))).singleElement()
        .isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> assertThat(rejected.code()).isEqualTo("NO_TOKEN"));
  }

  @Test
  void anUnreachableProviderLeavesEveryMessageNotSent() throws IOException {
    AppPushSender nowhere = new AppPushSender(
        new AppPushProperties("http://127.0.0.1:" + closedPort(), "gridcare-sandbox", null, "token", 4), new ObjectMapper());

    List<SendOutcome> outcomes = nowhere.send(List.of(outgoing(key(1), token("a")), outgoing(key(2), token("b"))));

    assertThat(outcomes).extracting(SendOutcome::deliveryKey).containsExactly(key(1), key(2));
    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.NotSent.class));
  }

  @Test
  void adminsSeeWhatTheSandboxReceived() {
    String token = token("phone");
    push.send(List.of(outgoing(key(9), token, "dead-" + token)));

    JsonNode page = admin.get("/api/sandbox/app/messages?deliveryKey=" + key(9).replace(":", "%3A")).json();

    assertThat(page.path("totalItems").asInt()).isEqualTo(2);
    assertThat(page.path("items").findValuesAsText("token")).containsExactlyInAnyOrder(token, "dead-" + token);
    assertThat(page.path("items").findValuesAsText("status")).containsExactlyInAnyOrder("200", "404");
    assertThat(page.path("items").get(0).path("title").asText()).isEqualTo(TITLE);
    assertThat(page.path("items").get(0).path("excerpt").asText()).startsWith("Điện lực Sóc Sơn thông báo");
  }

  @Test
  void aBatchOf500IsSentInParallel() {
    List<Outgoing> batch = IntStream.range(0, 500).mapToObj(i -> outgoing(key(1000 + i), token("device-" + i)))
        .toList();
    push.send(batch.subList(0, 50)); // warms the connections and the stub, as a running worker would have

    long started = System.nanoTime();
    List<SendOutcome> outcomes = push.send(batch);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(outcomes).hasSize(500).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class));
    assertThat(outcomes).extracting(SendOutcome::deliveryKey).isEqualTo(batch.stream().map(Outgoing::deliveryKey).toList());
    log.info("App push: 500 messages in {} ms, {} messages/s", took.toMillis(),
        Math.round(500 / (took.toNanos() / 1e9)));
  }

  private String key(int attempt) {
    return run + ":PD09000000101:" + attempt;
  }

  private String token(String device) {
    return device + "-" + run;
  }

  private Outgoing outgoing(String deliveryKey, String... tokens) {
    return new Outgoing(deliveryKey, "PD09000000101", Channel.APP, "vi", List.of(tokens), TITLE, TEXT, null, null,
        false, null, Map.of(), Map.of("noticeId", run, "type", "OUTAGE_STARTED"));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** How many of the requests the sandbox's HTTP peers kept match. */
  private long received(RequestPatternBuilder pattern) {
    RequestPattern wanted = pattern.build();
    return peers.received().stream().filter(received -> wanted.match(received.request()).isExactMatch()).count();
  }
}
