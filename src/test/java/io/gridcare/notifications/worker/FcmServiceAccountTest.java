package io.gridcare.notifications.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.gridcare.customers.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App push with access tokens minted from a Google service account: a key made for the test, whose
 * {@code token_uri} points to a WireMock stub of Google's token endpoint, which also stands in for FCM.
 */
class FcmServiceAccountTest {

  private static final String TOKEN_PATH = "/token";
  private static final String SEND = "/v1/projects/gridcare-test/messages:send";
  private static final String CLIENT_EMAIL = "gridcare-push@gridcare-test.iam.gserviceaccount.com";
  private static final String UNAUTHENTICATED = "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\","
      + "\"message\":\"Request had invalid authentication credentials.\"}}";

  private final ObjectMapper json = new ObjectMapper();
  private final WireMockServer google = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  /** One key for the class: making an RSA key takes a while on a busy machine. */
  private static KeyPair key;
  private Path credentials;

  @BeforeAll
  static void makeKey() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
  }

  @BeforeEach
  void startGoogle(@TempDir Path dir) throws Exception {
    google.start();
    credentials = dir.resolve("service-account.json");
    Files.writeString(credentials, json.writeValueAsString(Map.of(
        "type", "service_account",
        "project_id", "gridcare-test",
        "private_key_id", "test-key-1",
        "private_key", pem(key),
        "client_email", CLIENT_EMAIL,
        "client_id", "100000000000000000001",
        "token_uri", google.baseUrl() + TOKEN_PATH)));
    google.stubFor(post(urlEqualTo(SEND)).atPriority(10).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"name\":\"projects/gridcare-test/messages/1\"}")));
  }

  @AfterEach
  void stopGoogle() {
    google.stop();
  }

  @Test
  void pushesWithATokenMintedFromTheServiceAccountsSignedAssertion() throws Exception {
    tokensInTurn(token("minted-1", 3600));

    assertThat(sender().send(List.of(message(1)))).singleElement().isInstanceOf(SendOutcome.Accepted.class);

    google.verify(1, postRequestedFor(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer minted-1")));
    google.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
    JsonNode claims = verifiedClaims(assertion());
    assertThat(claims.path("iss").asText()).isEqualTo(CLIENT_EMAIL);
    // the library keeps Google's own audience whatever token_uri it posts to
    assertThat(claims.path("aud").asText()).isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(claims.path("scope").asText()).isEqualTo(FcmServiceAccount.SCOPE);
  }

  @Test
  void aTokenThatIsAboutToExpireIsMintedAgainForTheNextBatch() {
    // a minute is inside the library's margin: the token counts as expired at once
    tokensInTurn(token("short-lived", 60), token("minted-2", 3600));
    AppPushSender sender = sender();

    sender.send(List.of(message(1)));
    sender.send(List.of(message(2)));
    sender.send(List.of(message(3)));

    google.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    google.verify(1, postRequestedFor(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer short-lived")));
    google.verify(2, postRequestedFor(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer minted-2")));
  }

  @Test
  void aTokenFcmRefusesIsRenewedOnceForTheWholeBatchAndTheMessagesSentAgain() {
    tokensInTurn(token("revoked", 3600), token("minted-2", 3600));
    google.stubFor(post(urlEqualTo(SEND)).atPriority(1).withHeader("Authorization", equalTo("Bearer revoked"))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody(UNAUTHENTICATED)));

    List<SendOutcome> outcomes = sender().send(IntStream.rangeClosed(1, 5).mapToObj(this::message).toList());

    assertThat(outcomes).hasSize(5).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class));
    google.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    google.verify(5, postRequestedFor(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer minted-2")));
  }

  @Test
  void aTokenRefusedAgainAfterRenewalLeavesTheMessageNotSent() {
    tokensInTurn(token("minted-1", 3600), token("minted-2", 3600));
    google.stubFor(post(urlEqualTo(SEND)).atPriority(1).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(UNAUTHENTICATED)));

    assertThat(sender().send(List.of(message(1)))).singleElement().isInstanceOfSatisfying(SendOutcome.NotSent.class,
        notSent -> assertThat(notSent.reason()).contains("HTTP 401 UNAUTHENTICATED"));
    google.verify(2, postRequestedFor(urlEqualTo(SEND)));
  }

  @Test
  void aKeyTheTokenEndpointRefusesLeavesTheBatchNotSent() {
    google.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")));

    List<SendOutcome> outcomes = sender().send(List.of(message(1), message(2)));

    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(
        SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason()).contains("access token FCM")));
    google.verify(0, postRequestedFor(urlEqualTo(SEND)));
  }

  @Test
  void withNeitherCredentialsNorATokenNothingIsSent() {
    AppPushSender unconfigured = new AppPushSender(
        new AppPushProperties(google.baseUrl(), "gridcare-test", "", "", 4), json);

    assertThat(unconfigured.send(List.of(message(1)))).singleElement().isInstanceOfSatisfying(
        SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason()).contains("GRIDCARE_FCM_CREDENTIALS"));
    google.verify(0, postRequestedFor(urlEqualTo(SEND)));
  }

  private AppPushSender sender() {
    return new AppPushSender(new AppPushProperties(google.baseUrl(), "gridcare-test", credentials.toString(),
        "ignored-when-credentials-are-set", 4), json);
  }

  /** The token endpoint answers these in turn, the last one from then on. */
  private void tokensInTurn(String... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "minted-" + i;
      var stub = post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(state)
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
              .withBody(answers[i]));
      google.stubFor(i == answers.length - 1 ? stub : stub.willSetStateTo("minted-" + (i + 1)));
    }
  }

  private static String token(String value, int expiresIn) {
    return "{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}";
  }

  private String assertion() {
    String body = google.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0).getBodyAsString();
    for (String field : body.split("&")) {
      if (field.startsWith("assertion=")) {
        return URLDecoder.decode(field.substring("assertion=".length()), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no assertion in the token request");
  }

  /** The JWT's claims, once its RS256 signature checks out with the service account's public key. */
  private JsonNode verifiedClaims(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the account's key").isTrue();
    return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  private Outgoing message(int attempt) {
    return new Outgoing("FCM-SA:PD12RQ0000001:" + attempt, "PD12RQ0000001", Channel.APP, "vi",
        List.of("device-" + attempt), "Lịch cắt điện", "Điện lực Sóc Sơn thông báo lịch cắt điện.", null, null,
        false, null, Map.of(), Map.of("type", "PLANNED_OUTAGE_SCHEDULED"));
  }

  private static String pem(KeyPair key) throws IOException {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
