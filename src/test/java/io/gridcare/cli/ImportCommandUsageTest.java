package io.gridcare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandUsageTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir
  Path directory;

  @Test
  void missingOrUnknownArgumentsExitWithTwoAndTheUsage() {
    assertThat(run(Map.of(), null)).isEqualTo(ImportCommand.USAGE);
    assertThat(run(Map.of(), null, "billing")).isEqualTo(ImportCommand.USAGE);
    assertThat(run(Map.of(), null, "billing", "a.csv", "--verbose")).isEqualTo(ImportCommand.USAGE);
    assertThat(run(Map.of(), null, "billing", "a.csv", "--url")).isEqualTo(ImportCommand.USAGE);
    assertThat(run(Map.of(), null, "billing", "a.csv", "--url", "localhost:8080")).isEqualTo(ImportCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar gridcare.jar import <source>");
  }

  @Test
  void aFileThatCannotBeReadExitsWithTwo() {
    assertThat(run(Map.of(ImportCommand.PASSWORD_VARIABLE, "x"), null, "billing",
        directory.resolve("none.csv").toString())).isEqualTo(ImportCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read the file");
  }

  @Test
  void withoutAPasswordOrAConsoleItExitsWithTwo() throws IOException {
    Path file = Files.writeString(directory.resolve("crm.csv"), "customerCode,updatedAt\n");

    assertThat(run(Map.of(), null, "crm", file.toString())).isEqualTo(ImportCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("GRIDCARE_PASSWORD");
  }

  @Test
  void aServerThatIsNotThereExitsWithOne() throws IOException {
    Path file = Files.writeString(directory.resolve("crm.csv"), "customerCode,updatedAt\n");

    // the password is asked for when the environment has none
    assertThat(run(Map.of(), () -> "typed".toCharArray(), "crm", file.toString(), "--url", "http://127.0.0.1:1"))
        .isEqualTo(ImportCommand.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot reach http://127.0.0.1:1");
  }

  @Test
  void theProgressLineShowsBarPercentRowsAndRejections() throws IOException {
    assertThat(ImportCommand.progress(new ObjectMapper().readTree(
        "{\"percentDone\":45,\"rowsRead\":12345,\"rejected\":120}")))
        .isEqualTo("[#############-----------------]  45%  12,345 rows  120 rejected");
  }

  private int run(Map<String, String> environment, Supplier<char[]> prompt, String... args) {
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new ImportCommand(stream, stream, environment, prompt, false, Duration.ofMillis(10)).run(args);
  }
}
