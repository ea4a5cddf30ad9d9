package io.gridcare.system.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * Runs a main class of the test class path in its own JVM: the stand-in for a GridCare process that gets
 * killed. It reports readiness by writing a marker file (its only channel back).
 */
final class ChildJvm {

  private ChildJvm() {
  }

  static Process start(Class<?> main, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static String awaitMarker(Process child, Path marker, Path log) {
    Awaitility.await("child ready; its log is " + log).atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .failFast("child exited", () -> !child.isAlive())
        .until(() -> Files.exists(marker));
    try {
      return Files.readString(marker).strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void killHard(Process child) throws InterruptedException {
    child.destroyForcibly();
    child.waitFor();
  }
}
