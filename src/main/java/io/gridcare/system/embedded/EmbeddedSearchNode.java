package io.gridcare.system.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.DigestUtils;

/**
 * Elasticsearch 7.10.2 (the codelibs cluster runner) in a child JVM bound to 127.0.0.1. It cannot run inside the
 * server's JVM: its log4j-core would clash with Spring's logging. The jars come packaged in GridCare's own jar
 * (see the antrun execution in pom.xml) and are unpacked once into the data directory.
 */
final class EmbeddedSearchNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchNode.class);
  private static final String LIBRARIES = "gridcare/search-node/lib/";
  private static final String LAUNCHER = SearchNodeLauncher.class.getName().replace('.', '/') + ".class";

  private final Process process;
  private final URI uri;
  private final Path home;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private EmbeddedSearchNode(Process process, URI uri, Path home) {
    this.process = process;
    this.uri = uri;
    this.home = home;
  }

  /**
   * Starts the node with its data in {@code dataDirectory/search}; returns at once, see {@link #awaitReady}.
   * The caller must hold the data directory's lock.
   */
  static EmbeddedSearchNode start(Path dataDirectory, String heap, String clusterName) {
    Path home = dataDirectory.resolve("search");
    Path pidFile = home.resolve("node.pid");
    StaleProcesses.stopRecorded(pidFile, SearchNodeLauncher.class.getName());
    try {
      String classpath = installRuntime(dataDirectory.resolve("search-runtime"));
      int httpPort = FreePorts.next();
      int transportPort = FreePorts.next();
      writeConfiguration(home.resolve("node_1/config"), transportPort);
      Path logs = Files.createDirectories(home.resolve("logs"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC",
          "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Dlog4j2.formatMsgNoLookups=true",
          "-cp", classpath, SearchNodeLauncher.class.getName(), String.valueOf(ProcessHandle.current().pid()),
          "-numOfNode", "1", "-baseHttpPort", String.valueOf(httpPort - 1),
          "-basePath", home.toString(), "-clusterName", clusterName);
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(logs.resolve("node.log").toFile())
          .start();
      Files.writeString(pidFile, String.valueOf(process.pid()), StandardCharsets.UTF_8);
      log.info("Search node starting on http://127.0.0.1:{} with its data in {}", httpPort, home);
      return new EmbeddedSearchNode(process, URI.create("http://127.0.0.1:" + httpPort), home);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded search node did not start in " + home, e);
    }
  }

  URI uri() {
    return uri;
  }

  /** Waits until the cluster answers with at least yellow health, or fails with the node's last log lines. */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest health = HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
        .timeout(Duration.ofSeconds(5)).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The search node exited with code " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException notListeningYet) {
        // the node is still starting; the process check above catches a node that died
      } catch (IOException e) {
        log.debug("Search node not ready yet: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the search node", e);
      }
      process.onExit().completeOnTimeout(process, 250, TimeUnit.MILLISECONDS).join();
    }
    throw new IllegalStateException("The search node did not answer within " + timeout + ":\n" + logTail());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      StaleProcesses.stop(process.toHandle());
    }
    try {
      Files.deleteIfExists(home.resolve("node.pid"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String logTail() {
    try (Stream<String> lines = Files.lines(home.resolve("logs/node.log"), StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Unpacks the node's jars (once per packaged version) and the launcher; returns the child's class path. */
  private static String installRuntime(Path runtimes) throws IOException {
    ClassLoader loader = EmbeddedSearchNode.class.getClassLoader();
    byte[] index = read(loader, LIBRARIES + "index.txt");
    Path runtime = runtimes.resolve(DigestUtils.md5DigestAsHex(index).substring(0, 12));
    Path libraries = Files.createDirectories(runtime.resolve("lib"));
    for (String jar : jarNames(index)) {
      if (!Files.exists(libraries.resolve(jar))) {
        copy(loader, LIBRARIES + jar, libraries.resolve(jar));
      }
    }
    Path launcher = runtime.resolve("launcher");
    copy(loader, LAUNCHER, launcher.resolve(LAUNCHER));
    return launcher + File.pathSeparator + libraries.resolve("*");
  }

  private static void writeConfiguration(Path config, int transportPort) throws IOException {
    Files.createDirectories(config);
    Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
        "network.host: 127.0.0.1",
        "transport.port: " + transportPort,
        "discovery.type: single-node",
        // A developer's nearly full disk must not turn the local index read-only.
        "cluster.routing.allocation.disk.threshold_enabled: false",
        ""), StandardCharsets.UTF_8);
    Files.writeString(config.resolve("log4j2.properties"), String.join("\n",
        "status = error",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n",
        "rootLogger.level = info",
        "rootLogger.appenderRef.console.ref = console",
        "logger.deprecation.name = org.elasticsearch.deprecation",
        "logger.deprecation.level = error",
        ""), StandardCharsets.UTF_8);
  }

  private static byte[] read(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream(resource), resource + " is not packaged")) {
      return in.readAllBytes();
    }
  }

  private static void copy(ClassLoader loader, String resource, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream(resource), resource + " is not packaged")) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String toString() {
    return "search node " + uri + " (pid " + process.pid() + ")";
  }

  private static List<String> jarNames(byte[] index) {
    List<String> jars = new ArrayList<>();
    for (String line : new String(index, StandardCharsets.UTF_8).split("\\R")) {
      if (!line.isBlank()) {
        jars.add(line.strip());
      }
    }
    return jars;
  }
}
