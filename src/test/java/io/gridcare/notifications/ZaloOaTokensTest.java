package io.gridcare.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static io.gridcare.GridCareIntegrationTest.WORKER;
import static io.gridcare.GridCareIntegrationTest.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.system.InvalidParameterException;
import io.gridcare.system.embedded.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The servers' keeping of the Zalo OA's tokens, on the real PostgreSQL, against a WireMock stub of Zalo's OAuth
 * server. Each test has an application id of its own, so the running server's own (unconfigured) token is left
 * alone; the API tests at the end use that one.
 */
@GridCareIntegrationTest
class ZaloOaTokensTest {

  private static final String OAUTH = ZaloOAuth.PATH;
  /** Zalo's access tokens live 25 hours. */
  private static final long LIFETIME = 90_000;
  private static final String SANDBOX_APP = "sandbox-zalo-app";

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final ZaloOaTokenStore store;
  private final WireMockServer zalo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  private final String appId = "test-app-" + UUID.randomUUID();
  private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Http http = Http.to(TestStack.get().serverPort());

  ZaloOaTokensTest(@Autowired JdbcClient sql, @Autowired TransactionTemplate transaction,
      @Autowired ObjectMapper json) {
    this.sql = sql;
    this.transaction = transaction;
    this.json = json;
    this.store = new ZaloOaTokenStore(sql);
  }

  @BeforeEach
  void startZalo() {
    zalo.start();
  }

  @AfterEach
  void stopZalo() {
    zalo.stop();
    sql.sql("delete from zalo_oa_token where app_id in (:app, :sandbox)").param("app", appId)
        .param("sandbox", SANDBOX_APP).update();
  }

  @Test
  void storesTheConfiguredRefreshTokenAndSpendsItForTheFirstAccessToken() {
    grantsInTurn(grant("access-1", "refresh-2"));
    ZaloOaTokens tokens = server();

    assertThat(tokens.refreshDue()).isTrue();

    zalo.verify(1, postRequestedFor(urlEqualTo(OAUTH))
        .withHeader("secret_key", equalTo("app-secret"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withFormParam("refresh_token", equalTo("seeded-refresh"))
        .withFormParam("app_id", equalTo(appId))
        .withFormParam("grant_type", equalTo("refresh_token")));
    assertThat(tokens.accessToken()).hasValueSatisfying(token -> {
      assertThat(token.accessToken()).isEqualTo("access-1");
      assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(LIFETIME));
    });
    assertThat(store.find(appId).orElseThrow().refreshToken()).as("the rotated one").isEqualTo("refresh-2");
    assertThat(meters.counter("gridcare.zalo.token.refreshes", "outcome", "refreshed").count()).isEqualTo(1);
  }

  @Test
  void refreshesAheadOfExpiryWithTheRefreshTokenZaloGaveLastTime() {
    grantsInTurn(grant("access-1", "refresh-2"), grant("access-2", "refresh-3"));
    ZaloOaTokens tokens = server();
    tokens.refreshDue();

    clock.move(Duration.ofHours(22));
    assertThat(tokens.refreshDue()).as("25 h token, 22 h old: not due yet with 2 h ahead").isFalse();
    clock.move(Duration.ofMinutes(90));
    assertThat(tokens.refreshDue()).as("half an hour before it runs out").isTrue();

    zalo.verify(2, postRequestedFor(urlEqualTo(OAUTH)));
    zalo.verify(1, postRequestedFor(urlEqualTo(OAUTH)).withFormParam("refresh_token", equalTo("refresh-2")));
    assertThat(tokens.accessToken().orElseThrow().accessToken()).isEqualTo("access-2");
    assertThat(store.find(appId).orElseThrow().refreshToken()).isEqualTo("refresh-3");
  }

  @Test
  void twoServersRefreshingAtOnceSpendTheRefreshTokenOnlyOnce() throws Exception {
    // a slow answer keeps the first server's row lock while the second one looks
    zalo.stubFor(post(urlEqualTo(OAUTH)).willReturn(oauth(grant("access-1", "refresh-2")).withFixedDelay(700)));
    ZaloOaTokens one = server();
    ZaloOaTokens other = server();
    CountDownLatch go = new CountDownLatch(1);

    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> await(go) && one.refreshDue());
    CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> await(go) && other.refreshDue());
    go.countDown();

    assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
        .containsExactlyInAnyOrder(true, false);
    zalo.verify(1, postRequestedFor(urlEqualTo(OAUTH)));
    assertThat(other.accessToken().orElseThrow().accessToken()).isEqualTo("access-1");
  }

  @Test
  void aRefusedRefreshIsRecordedCountedShownAsDegradedAndTriedAgainAfterAPause() {
    zalo.stubFor(post(urlEqualTo(OAUTH)).inScenario("refusal").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(oauth("{\"error\":-14014,\"error_name\":\"Invalid refresh token\","
            + "\"error_description\":\"Refresh token is invalid or used\"}")).willSetStateTo("recovered"));
    zalo.stubFor(post(urlEqualTo(OAUTH)).inScenario("refusal").whenScenarioStateIs("recovered")
        .willReturn(oauth(grant("access-1", "refresh-2"))));
    ZaloOaTokens tokens = server();
    ZaloOaTokenHealth health = new ZaloOaTokenHealth(tokens, clock);

    assertThat(tokens.refreshDue()).isFalse();

    ZaloOaTokens.Status status = tokens.status();
    assertThat(status.failures()).isEqualTo(1);
    assertThat(status.lastError()).contains("-14014").contains("Refresh token is invalid or used")
        .doesNotContain("seeded-refresh");
    assertThat(meters.counter("gridcare.zalo.token.refreshes", "outcome", "failed").count()).isEqualTo(1);
    assertThat(meters.get("gridcare.zalo.token.failures").gauge().value()).isEqualTo(1);
    assertThat(health.health().getStatus()).isEqualTo(new Status("DEGRADED"));
    assertThat(health.health().getDetails()).containsEntry("failures", 1).doesNotContainValue("seeded-refresh");
    assertThat(tokens.accessToken()).isEmpty();

    assertThat(tokens.refreshDue()).as("within the pause").isFalse();
    zalo.verify(1, postRequestedFor(urlEqualTo(OAUTH)));
    clock.move(Duration.ofMinutes(2));
    assertThat(tokens.refreshDue()).isTrue();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(meters.get("gridcare.zalo.token.failures").gauge().value()).isZero();
  }

  @Test
  void zaloOutOfReachIsRecordedAsAFailureToo() {
    zalo.stubFor(post(urlEqualTo(OAUTH)).willReturn(aResponse().withStatus(502)));
    ZaloOaTokens tokens = server();

    assertThat(tokens.refreshDue()).isFalse();

    assertThat(tokens.status().lastError()).contains("HTTP 502");
    assertThat(store.find(appId).orElseThrow().refreshToken()).isEqualTo("seeded-refresh");
  }

  @Test
  void anAdminsNewRefreshTokenIsSpentAtOnceAndOneZaloRefusesChangesNothing() {
    zalo.stubFor(post(urlEqualTo(OAUTH)).withRequestBody(containing("refresh_token=reauthorised"))
        .willReturn(oauth(grant("access-9", "refresh-10"))));
    zalo.stubFor(post(urlEqualTo(OAUTH)).withRequestBody(containing("refresh_token=mistyped"))
        .willReturn(oauth("{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}")));
    ZaloOaTokens tokens = server();

    ZaloOaTokens.Status status = tokens.replace("reauthorised", "admin");

    assertThat(status.updatedBy()).isEqualTo("admin");
    assertThat(status.accessTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(LIFETIME));
    assertThat(tokens.accessToken().orElseThrow().accessToken()).isEqualTo("access-9");
    assertThatThrownBy(() -> tokens.replace("mistyped", "admin")).isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("-14014");
    assertThat(tokens.accessToken().orElseThrow().accessToken()).isEqualTo("access-9");
    assertThat(store.find(appId).orElseThrow().refreshToken()).isEqualTo("refresh-10");
  }

  @Test
  void theWorkerAccountGetsTheServersAccessTokenAndOthersDoNot() {
    Http worker = http.as(WORKER, WORKER_PASSWORD);
    assertThat(worker.get("/api/channels/zalo/access-token").status()).as("none kept yet").isEqualTo(503);

    store.refreshed(SANDBOX_APP, new ZaloOAuth.Grant("sandbox-oa-access", "sandbox-oa-refresh",
        Duration.ofHours(25)), Instant.now(), "test");
    Http.Response answer = worker.get("/api/channels/zalo/access-token");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("accessToken").asText()).isEqualTo("sandbox-oa-access");
    assertThat(Instant.parse(answer.json().path("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(24)));
    assertThat(http.get("/api/channels/zalo/access-token").status()).isEqualTo(401);
    assertThat(worker.get("/api/channels/zalo/credentials").status()).isEqualTo(403);
  }

  @Test
  void adminsSeeHowTheTokensStandWithoutTheTokens() {
    store.refreshed(SANDBOX_APP, new ZaloOAuth.Grant("sandbox-oa-access", "sandbox-oa-refresh",
        Duration.ofHours(25)), Instant.now(), "test");
    Http admin = http.as(ADMIN, ADMIN_PASSWORD);

    Http.Response status = admin.get("/api/channels/zalo/credentials");

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().path("appId").asText()).isEqualTo(SANDBOX_APP);
    assertThat(status.json().path("stored").asBoolean()).isTrue();
    assertThat(status.body()).doesNotContain("sandbox-oa-access").doesNotContain("sandbox-oa-refresh");
  }

  @Test
  void replacingTheRefreshTokenIsRefusedWhenTheApplicationIsNotConfiguredAndForWorkers() {
    String body = "{\"refreshToken\":\"reauthorised\"}";

    Http.Response admin = http.as(ADMIN, ADMIN_PASSWORD).putJson("/api/channels/zalo/credentials", body);

    assertThat(admin.status()).as("the sandbox has no app secret key").isEqualTo(503);
    assertThat(admin.json().path("detail").asText()).contains("GRIDCARE_ZALO_APP_SECRET_KEY");
    assertThat(http.as(WORKER, WORKER_PASSWORD).putJson("/api/channels/zalo/credentials", body).status())
        .isEqualTo(403);
    assertThat(http.as(ADMIN, ADMIN_PASSWORD).putJson("/api/channels/zalo/credentials", "{}").status())
        .isEqualTo(400);
  }

  private ZaloOaTokens server() {
    ZaloOaSettings settings = new ZaloOaSettings(appId, "app-secret", "seeded-refresh", zalo.baseUrl(),
        Duration.ofHours(2), Duration.ofSeconds(5));
    return new ZaloOaTokens(settings, store, new ZaloOAuth(json), transaction, clock, meters);
  }

  /** Zalo's OAuth server answers these in turn, the last one from then on. */
  private void grantsInTurn(String... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "granted-" + i;
      var stub = post(urlEqualTo(OAUTH)).inScenario("grants").whenScenarioStateIs(state).willReturn(oauth(answers[i]));
      zalo.stubFor(i == answers.length - 1 ? stub : stub.willSetStateTo("granted-" + (i + 1)));
    }
  }

  /** As Zalo answers: {@code expires_in} as a string. */
  private static String grant(String accessToken, String refreshToken) {
    return "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken + "\",\"expires_in\":\""
        + LIFETIME + "\"}";
  }

  private static ResponseDefinitionBuilder oauth(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static boolean await(CountDownLatch go) {
    try {
      return go.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A clock the test moves on. */
  private static final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
