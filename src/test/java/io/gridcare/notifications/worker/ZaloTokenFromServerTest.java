package io.gridcare.notifications.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.gridcare.customers.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ZNS sender of a worker without a fixed token: it takes the Zalo OA's access token from GridCare's API, keeps
 * it, and asks again when Zalo calls it invalid. One WireMock plays both GridCare's API and Zalo.
 */
class ZaloTokenFromServerTest {

  private static final String TOKEN = "/api/channels/zalo/access-token";
  private static final String ZNS = ZaloZnsSender.SEND_PATH;
  private static final String WORKER_BASIC = "Basic " + Base64.getEncoder()
      .encodeToString("gridcare-worker:worker-secret".getBytes(StandardCharsets.UTF_8));
  private static final AtomicInteger KEYS = new AtomicInteger();

  private final ObjectMapper json = new ObjectMapper();
  private final WireMockServer peers = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  private ZaloZnsSender sender;

  @BeforeEach
  void start() {
    peers.start();
    NotificationApi api = new NotificationApi(peers.baseUrl() + "/api", "gridcare-worker", "worker-secret", json);
    sender = new ZaloZnsSender(new ZaloZnsSettings(peers.baseUrl(), "", 8, Duration.ofSeconds(5)), api, json);
    peers.stubFor(post(urlEqualTo(ZNS)).atPriority(10).willReturn(zalo(
        "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"{{randomValue type='UUID'}}\"}}")
        .withTransformers("response-template")));
  }

  @AfterEach
  void stop() {
    peers.stop();
  }

  @Test
  void takesTheTokenFromTheServerAsTheWorkerAndKeepsItForLaterBatches() {
    tokensInTurn(token("oa-token-1", Duration.ofHours(20)));

    List<SendOutcome> outcomes = IntStream.range(0, 3).mapToObj(i -> sender.send(List.of(message(), message())))
        .flatMap(List::stream).toList();

    assertThat(outcomes).hasSize(6).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class));
    peers.verify(1, getRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", equalTo(WORKER_BASIC)));
    peers.verify(6, postRequestedFor(urlEqualTo(ZNS)).withHeader("access_token", equalTo("oa-token-1")));
  }

  @Test
  void aTokenAboutToRunOutIsAskedForAgainByTheNextBatch() {
    tokensInTurn(token("oa-token-1", Duration.ofMinutes(3)), token("oa-token-2", Duration.ofHours(20)));

    sender.send(List.of(message()));
    sender.send(List.of(message()));
    sender.send(List.of(message()));

    peers.verify(2, getRequestedFor(urlEqualTo(TOKEN)));
    peers.verify(1, postRequestedFor(urlEqualTo(ZNS)).withHeader("access_token", equalTo("oa-token-1")));
    peers.verify(2, postRequestedFor(urlEqualTo(ZNS)).withHeader("access_token", equalTo("oa-token-2")));
  }

  @Test
  void aTokenZaloCallsInvalidIsAskedForAgainOnceAndTheMessagesSentWithTheNewOne() {
    tokensInTurn(token("oa-token-old", Duration.ofHours(20)), token("oa-token-new", Duration.ofHours(25)));
    peers.stubFor(post(urlEqualTo(ZNS)).atPriority(1).withHeader("access_token", equalTo("oa-token-old"))
        .willReturn(zalo("{\"error\":-124,\"message\":\"Access token is invalid\"}")));

    List<SendOutcome> outcomes = sender.send(IntStream.range(0, 4).mapToObj(i -> message()).toList());

    assertThat(outcomes).hasSize(4).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class));
    peers.verify(2, getRequestedFor(urlEqualTo(TOKEN)));
    peers.verify(4, postRequestedFor(urlEqualTo(ZNS)).withHeader("access_token", equalTo("oa-token-new")));
  }

  @Test
  void aTokenTheServerStillHoldsAfterZaloRefusedItLeavesTheMessageNotSentWithoutLooping() {
    tokensInTurn(token("oa-token-revoked", Duration.ofHours(20)));
    peers.stubFor(post(urlEqualTo(ZNS)).atPriority(1)
        .willReturn(zalo("{\"error\":-124,\"message\":\"Access token is invalid\"}")));

    assertThat(sender.send(List.of(message()))).singleElement().isInstanceOfSatisfying(SendOutcome.NotSent.class,
        notSent -> assertThat(notSent.reason()).startsWith("Zalo -124"));
    peers.verify(2, getRequestedFor(urlEqualTo(TOKEN)));
    peers.verify(1, postRequestedFor(urlEqualTo(ZNS)));
  }

  @Test
  void aServerWithoutAValidTokenLeavesTheBatchNotSentToBeTriedAgain() {
    peers.stubFor(get(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":503,\"detail\":\"The server has no valid Zalo OA access token\"}")));

    List<SendOutcome> outcomes = sender.send(List.of(message(), message()));

    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(
        SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason()).contains("503")));
    peers.verify(0, postRequestedFor(urlEqualTo(ZNS)));
  }

  /** GridCare's API answers these in turn, the last one from then on. */
  private void tokensInTurn(String... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "answered-" + i;
      var stub = get(urlEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs(state)
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answers[i]));
      peers.stubFor(i == answers.length - 1 ? stub : stub.willSetStateTo("answered-" + (i + 1)));
    }
  }

  private static String token(String value, Duration validFor) {
    return "{\"accessToken\":\"" + value + "\",\"expiresAt\":\"" + Instant.now().plus(validFor) + "\"}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder zalo(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static Outgoing message() {
    String key = "ZTS" + KEYS.incrementAndGet() + ":PD12RQ0000002:1";
    return new Outgoing(key, "PD12RQ0000002", Channel.ZALO, "vi", List.of("+84912000061"), "Hóa đơn tiền điện",
        "Hóa đơn tháng 11", null, "Hoa don thang 11", true, "301234", Map.of("customer_name", "Trần Thị Mai"),
        Map.of());
  }
}
