package io.gridcare.system.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.gridcare.system.DataDirectory;

/** A child JVM that starts the search node the way the server does, indexes a document, then waits to be killed. */
final class SearchNodeOwner {

  private static DataDirectory heldLock;

  private SearchNodeOwner() {
  }

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    // Held until the JVM dies: a lock nobody references may be released by the garbage collector.
    heldLock = DataDirectory.lock(directory);
    EmbeddedSearchNode node = EmbeddedSearchNode.start(directory, "256m", "owner");
    node.awaitReady(Duration.ofMinutes(2));
    HttpResponse<String> indexed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.uri() + "/notes/_doc/1?refresh=true"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"Nguyễn Văn Đức\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (indexed.statusCode() != 201) {
      throw new IllegalStateException("Indexing failed: " + indexed.body());
    }
    Files.writeString(directory.resolve("ready"), String.valueOf(node.pid()));
    new CountDownLatch(1).await();
  }
}
