package io.gridcare.notifications.worker;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP requests a channel keeps in flight, each on a thread of a pool of its own. The JDK client's
 * {@code sendAsync} hands every response to CompletableFuture's default executor, which starts a new thread per
 * task wherever the common pool has a single thread (two cores or fewer): a thread per message sent. The senders
 * bound how many requests are open at once themselves, so the pool's threads are reused, not multiplied.
 */
final class PooledHttp {

  private final HttpClient http;
  private final ExecutorService threads;

  PooledHttp(HttpClient http, String name) {
    this.http = http;
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * An HTTP/1.1 client for calls made with the blocking {@code send} from threads of their own. Its internal steps
   * run on the thread that completes them instead of being handed to the client's pool: at thousands of requests
   * a second those hand-overs took more CPU than the requests (a fifth of a 2-core machine's in the notification
   * benchmark). Nothing of ours runs in them: bodies are read as strings.
   */
  static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
        .executor(Runnable::run).build();
  }

  /** The response as text; a failure to connect, a timeout or an interruption fails the future. */
  CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CompletionException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      }
    }, threads);
  }
}
