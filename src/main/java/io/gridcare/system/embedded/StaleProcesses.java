package io.gridcare.system.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Children that a killed GridCare left behind. A {@code kill -9} of the JVM leaves PostgreSQL running on the data
 * directory (it was started through {@code pg_ctl} and outlives its parent); connecting to it silently would hide
 * that the last run died, and starting a second server fails on its lock file. Callers hold the data directory
 * lock, so what runs there now belongs to no live instance and is stopped.
 */
final class StaleProcesses {

  private static final Logger log = LoggerFactory.getLogger(StaleProcesses.class);
  private static final Duration GRACE = Duration.ofSeconds(30);

  private StaleProcesses() {
  }

  /** Stops the postmaster named in {@code cluster/postmaster.pid}, if it is still running. */
  static void stopPostmaster(Path cluster) {
    Path pidFile = cluster.resolve("postmaster.pid");
    readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
      if (isPostgres(process)) {
        log.warn("A PostgreSQL server (pid {}) left running by an earlier GridCare that did not shut down is "
            + "being stopped before the database starts again", process.pid());
        stop(process);
      } else {
        log.warn("Removing {}: its pid {} now belongs to another program", pidFile, process.pid());
        delete(pidFile);
      }
    });
  }

  /** Stops the process whose pid is in {@code pidFile} when its command line contains {@code marker}. */
  static void stopRecorded(Path pidFile, String marker) {
    readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
        .filter(process -> commandOf(process).contains(marker))
        .ifPresent(process -> {
          log.warn("A search node (pid {}) left running by an earlier GridCare is being stopped", process.pid());
          stop(process);
        });
    delete(pidFile);
  }

  /** A graceful stop (SIGTERM, PostgreSQL's smart shutdown), forced when it takes longer than the grace period. */
  static void stop(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      log.warn("Process {} did not stop within {}; killing it", process.pid(), GRACE);
      process.destroyForcibly();
      process.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Waiting for process " + process.pid() + " failed", e);
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** By the executable's name: a command line may mention postgres in a class path or an argument. */
  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
        .filter(name -> name.equals("postgres") || name.equals("postgres.exe")).isPresent();
  }

  private static String commandOf(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    return info.commandLine().or(info::command).orElse("");
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
