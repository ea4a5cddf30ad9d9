package io.gridcare.system.embedded;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Main class of the search node's child JVM. It runs there from a copy of its class file, beside the
 * Elasticsearch jars and nothing of the server, so it uses only the JDK and reaches the runner by reflection.
 * It exits when the GridCare process that started it is gone, even after a {@code kill -9} of that process.
 *
 * <p>Arguments: the parent's pid, then the cluster runner's own arguments.
 */
final class SearchNodeLauncher {

  private static final String RUNNER = "org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner";

  private SearchNodeLauncher() {
  }

  public static void main(String[] args) throws Exception {
    long parentPid = Long.parseLong(args[0]);
    String[] runnerArgs = Arrays.copyOfRange(args, 1, args.length);

    Class<?> type = Class.forName(RUNNER);
    Object runner = type.getConstructor().newInstance();
    // The runner probes ports up to 9299 by default; the port is chosen by the parent instead.
    type.getMethod("setMaxHttpPort", int.class).invoke(runner, -1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(type, runner), "search-node-shutdown"));
    type.getMethod("build", String[].class).invoke(runner, (Object) runnerArgs);

    ProcessHandle.of(parentPid).map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null)).join();
    System.exit(0);
  }

  private static void close(Class<?> type, Object runner) {
    try {
      type.getMethod("close").invoke(runner);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The search node did not close", e);
    }
  }
}
