package io.gridcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar a user is handed, run with nothing but a JDK from some other directory: it brings up the embedded
 * database and search node with the default data directory, survives a {@code kill -9}, keeps its data, and
 * leaves nothing running after a normal stop.
 */
class PackagedJarIT {

  @TempDir
  Path workingDirectory;

  private final int port = freePort();
  private final int sandboxSmtpPort = freePort();
  private final int sandboxHttpPort = freePort();

  @Test
  void jarRunsTheWholeStackAndRecoversFromKill9() throws Exception {
    Path data = workingDirectory.resolve("data");

    Process first = start("first.log");
    Http anonymous = awaitReady(first, "first.log");
    String password = Files.readString(data.resolve("secrets/admin-password")).strip();
    Http admin = anonymous.as("admin", password);
    assertThat(log("first.log")).contains("GridCare is ready").contains(password);
    assertThat(admin.putJson("/api/units/PZ01", "{\"name\":\"Điện lực Thử\",\"corporation\":\"EVNHANOI\"}")
        .status()).isEqualTo(201);
    assertThat(admin.postJson("/api/sources/billing/records", "{\"records\":[{\"customerCode\":\"PD09000000001\","
        + "\"updatedAt\":\"2026-11-01T00:00:00Z\",\"fullName\":\"Nguyễn Văn Đức\",\"customerType\":\"RESIDENTIAL\"}]}")
        .json().path("applied").asInt()).isEqualTo(1);
    Awaitility.await("the profile reaches the search index on its own").atMost(Duration.ofSeconds(30))
        .until(() -> admin.get("/api/customers?q=nguyen%20van%20duc").json().path("totalItems").asLong() == 1);

    first.destroyForcibly();
    first.waitFor();

    Process second = start("second.log");
    awaitReady(second, "second.log");
    assertThat(admin.get("/api/units/PZ01").json().path("name").asText()).isEqualTo("Điện lực Thử");
    JsonNode deployments = admin.get("/engine-rest/deployment").json();
    assertThat(deployments).as("unchanged models are not deployed again").hasSize(1);
    assertThat(admin.get("/engine-rest/deployment/" + deployments.get(0).path("id").asText() + "/resources").json())
        .extracting(resource -> resource.path("name").asText())
        .contains("processes/system/installation-check.bpmn", "processes/customers/customer-segments.dmn",
            "forms/system/installation-check-confirmation.form");
    assertThat(admin.get("/api/customers?q=nguyen%20van%20duc").json().path("totalItems").asLong())
        .as("the search index kept its data").isEqualTo(1);
    assertThat(log("second.log"))
        .contains("left running by an earlier GridCare")
        .as("the generated password is shown only on the start that made it").doesNotContain(password);

    second.destroy();
    assertThat(second.waitFor()).isIn(0, 143);
    Awaitility.await("no database or search node left running").atMost(Duration.ofSeconds(60))
        .until(() -> childrenOf(data).isEmpty());
  }

  private Process start(String logName) throws IOException {
    Path jar = Path.of(System.getProperty("gridcare.jar")).toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar", jar.toString())
        .directory(workingDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workingDirectory.resolve(logName).toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("GRIDCARE_"));
    environment.put("SERVER_PORT", String.valueOf(port));
    environment.put("GRIDCARE_SANDBOX_ZALO_PORT", String.valueOf(freePort()));
    environment.put("GRIDCARE_SANDBOX_SMTP_PORT", String.valueOf(sandboxSmtpPort));
    environment.put("GRIDCARE_SANDBOX_HTTP_PORT", String.valueOf(sandboxHttpPort));
    return builder.start();
  }

  private Http awaitReady(Process process, String logName) {
    Http http = Http.to(port);
    Awaitility.await("GridCare ready; see " + workingDirectory.resolve(logName))
        .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .failFast("GridCare exited", () -> !process.isAlive())
        .until(() -> http.get("/actuator/health/readiness").status() == 200);
    return http;
  }

  private String log(String name) throws IOException {
    return Files.readString(workingDirectory.resolve(name), StandardCharsets.UTF_8);
  }

  private static List<ProcessHandle> childrenOf(Path data) {
    String marker = data.toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
        .toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
