package io.gridcare.cli;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.customers.CustomerDataGenerator;
import io.gridcare.customers.Source;
import io.gridcare.system.embedded.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The import command run in this JVM against the test server, as an operator runs it against theirs. */
@GridCareIntegrationTest
class ImportCommandTest {

  private static final int FIRST = 6_200_000;
  private static final int COUNT = 150;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final String url = "http://localhost:" + TestStack.get().serverPort();
  private final ObjectMapper json;

  @TempDir
  Path directory;

  ImportCommandTest(@Autowired ObjectMapper json) {
    this.json = json;
  }

  @Test
  void importsAFileShowingProgressAndASummary() throws Exception {
    Path file = directory.resolve("metering.csv");
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new CustomerDataGenerator(3, json, Instant.now()).writeCsv(Source.METERING, FIRST, COUNT, writer);
    }

    int exit = command(false).run("metering", file.toString(), "--url", url, "--user", ADMIN);

    assertThat(exit).as(text(err)).isEqualTo(ImportCommand.COMPLETED);
    assertThat(text(err)).contains("Uploading metering.csv").contains("/api/imports/")
        .contains("[##############################] 100%  1,800 rows  0 rejected");
    assertThat(text(out)).contains("Completed: 1,800 rows, 150 customers: 150 applied, 0 unchanged, 0 stale, "
        + "0 rejected");
  }

  @Test
  void onATerminalTheProgressBarIsDrawnInPlaceAndRejectionsListed() throws Exception {
    Path file = Files.writeString(directory.resolve("crm.csv"), """
        customerCode,updatedAt,mobile
        PD09006200901,2026-11-01T00:00:00Z,0912345678
        PD09006200902,2026-11-01T00:00:00Z,12345
        """);

    int exit = command(true).run("crm", file.toString(), "--url=" + url);

    assertThat(exit).isEqualTo(ImportCommand.COMPLETED);
    assertThat(text(err)).contains("\r[").contains("100%  2 rows  1 rejected");
    assertThat(text(out)).contains("1 applied").contains("line 3  PD09006200902  mobile: ");
  }

  @Test
  void aRefusedUploadExitsWithOne() throws Exception {
    Path file = Files.writeString(directory.resolve("weather.csv"), "customerCode,updatedAt\n");

    assertThat(command(false).run("weather", file.toString(), "--url", url)).isEqualTo(ImportCommand.FAILED);
    assertThat(text(err)).contains("HTTP 404").contains("No source weather");
  }

  @Test
  void wrongCredentialsExitWithOne() throws Exception {
    Path file = Files.writeString(directory.resolve("crm.csv"), "customerCode,updatedAt\n");
    ImportCommand command = new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(ImportCommand.PASSWORD_VARIABLE, "wrong"), null,
        false, Duration.ofMillis(100));

    // not the admin: a wrong password locks the account for a while (Camunda's login throttling), and other tests
    // use it
    assertThat(command.run("crm", file.toString(), "--url", url, "--user", "import-cli-nobody"))
        .isEqualTo(ImportCommand.FAILED);
    assertThat(text(err)).contains("HTTP 401");
  }

  private ImportCommand command(boolean terminal) {
    return new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(ImportCommand.PASSWORD_VARIABLE, ADMIN_PASSWORD),
        null, terminal, Duration.ofMillis(100));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
