package io.gridcare.system.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.gridcare.system.DataDirectory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSearchNodeTest {

  @TempDir
  Path directory;

  @Test
  void nodeStopsWithItsKilledParentAndItsIndexSurvivesTheRestart() throws Exception {
    Path log = Files.createTempFile("search-node-owner", ".log");
    Process owner = ChildJvm.start(SearchNodeOwner.class, log, directory.toString());
    long nodePid = Long.parseLong(ChildJvm.awaitMarker(owner, directory.resolve("ready"), log));
    ProcessHandle node = ProcessHandle.of(nodePid).orElseThrow();

    ChildJvm.killHard(owner);

    Awaitility.await("search node exits after its parent was killed").atMost(Duration.ofSeconds(60))
        .until(() -> !node.isAlive());
    try (DataDirectory lock = DataDirectory.lock(directory);
         EmbeddedSearchNode restarted = EmbeddedSearchNode.start(directory, "256m", "owner")) {
      restarted.awaitReady(Duration.ofMinutes(2));
      HttpResponse<String> found = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(restarted.uri() + "/notes/_doc/1")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).contains("Nguyễn Văn Đức");
    }
  }

  @Test
  void packagedNodeCarriesAPatchedLog4j() throws IOException {
    String index;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("gridcare/search-node/lib/index.txt")) {
      index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(index).contains("elasticsearch-7.10.2.jar", "log4j-core-2.24.3.jar")
        .doesNotContain("log4j-core-2.11", "log4j-api-2.11");
  }
}
