package io.gridcare.system.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import io.gridcare.system.DataDirectory;

/**
 * The real PostgreSQL and search node every test in this JVM shares: started on first use, stopped when the JVM
 * exits. Spring contexts and the process-test engine are pointed at it as an external database and search
 * cluster, which is also how production runs.
 */
public final class TestStack {

  public static final String APP_DATABASE = "gridcare";
  public static final String PROCESS_TEST_DATABASE = "process_tests";

  private static final String SPRING_SHUTDOWN_HOOK = "SpringApplicationShutdownHook";

  private static TestStack instance;

  private final Path directory;
  private final DataDirectory lock;
  private final EmbeddedDatabase database;
  private final EmbeddedSearchNode search;
  private final int serverPort = FreePorts.next();
  private final int sandboxSmppPort = FreePorts.next();
  private final int zaloSandboxPort = FreePorts.next();
  private final int sandboxSmtpPort = FreePorts.next();
  private final int sandboxHttpPort = FreePorts.next();

  private TestStack(Path directory) {
    this.directory = directory;
    this.lock = DataDirectory.lock(directory);
    // The node boots in its own JVM while PostgreSQL starts here.
    // Tests index little; the benchmark passes -Dgridcare.test.search-heap=512m, the local run's default.
    this.search = EmbeddedSearchNode.start(directory, System.getProperty("gridcare.test.search-heap", "384m"),
        "gridcare-test");
    this.database = EmbeddedDatabase.start(directory, false, APP_DATABASE, PROCESS_TEST_DATABASE);
    this.search.awaitReady(Duration.ofMinutes(2));
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      try {
        Path directory = Files.createTempDirectory("gridcare-test-stack");
        instance = new TestStack(directory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          awaitSpringShutdown();
          instance.stop();
        }, "test-stack-shutdown"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public String jdbcUrl(String database) {
    return this.database.jdbcUrl(database);
  }

  public String databaseUser() {
    return EmbeddedDatabase.USER;
  }

  public String searchUri() {
    return search.uri().toString();
  }

  /** The port the integration-test server listens on, fixed for the JVM so the worker knows its engine URL. */
  public int serverPort() {
    return serverPort;
  }

  /** The sandbox SMSC's port for the integration-test server, so it never meets a local run's on 2775. */
  public int sandboxSmppPort() {
    return sandboxSmppPort;
  }

  /** The Zalo sandbox's port, free rather than the local run's 8090: other runs may share the machine. */
  public int zaloSandboxPort() {
    return zaloSandboxPort;
  }

  /** The sandbox's SMTP server: free ports, so tests run beside a local GridCare on the default ones. */
  public int sandboxSmtpPort() {
    return sandboxSmtpPort;
  }

  /** The sandbox's HTTP stub server (FCM and other providers). */
  public int sandboxHttpPort() {
    return sandboxHttpPort;
  }

  /**
   * JVM shutdown hooks run side by side: Spring's closes the test contexts, which still use the database. Its
   * thread is joined first (a JVM that ran only process tests has none).
   */
  private static void awaitSpringShutdown() {
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(SPRING_SHUTDOWN_HOOK))
        .forEach(thread -> {
          try {
            thread.join(Duration.ofMinutes(1).toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** PostgreSQL first: it stops in a second, the search node may take longer. */
  private void stop() {
    try {
      database.close();
      search.close();
      lock.close();
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
