package io.gridcare.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background, a few at a time. A job reads its file as a stream and feeds ingestion a
 * chunk of records at a time; each chunk's profiles, rejections and the job's progress are committed together,
 * so a job that a stopped server left running resumes after the last chunk it committed. Jobs are resumed by the
 * server that holds their file (in its data directory).
 */
@Component
class SourceImportRunner implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SourceImportRunner.class);
  private static final String CSV = ".csv";
  static final String PART = ".csv.part";

  private final ImportJobs jobs;
  private final CustomerIngestion ingestion;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Path directory;
  private final int chunkSize;
  private final ExecutorService executor;
  private final Set<UUID> active = ConcurrentHashMap.newKeySet();
  private final Instant started;
  private volatile boolean stopping;

  SourceImportRunner(ImportJobs jobs, CustomerIngestion ingestion, TransactionTemplate transaction, Clock clock,
      @Value("${gridcare.data-dir}") Path dataDirectory,
      @Value("${gridcare.imports.parallel:2}") int parallel,
      @Value("${gridcare.imports.chunk-size:" + CustomerIngestion.MAX_BATCH + "}") int chunkSize) {
    if (chunkSize < 1 || chunkSize > CustomerIngestion.MAX_BATCH) {
      throw new IllegalArgumentException("gridcare.imports.chunk-size must be 1 to " + CustomerIngestion.MAX_BATCH);
    }
    this.jobs = jobs;
    this.ingestion = ingestion;
    this.transaction = transaction;
    this.clock = clock;
    this.directory = dataDirectory.resolve("imports").toAbsolutePath().normalize();
    this.chunkSize = chunkSize;
    this.started = clock.instant();
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(parallel, parallel, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, "source-import-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Where uploaded files wait for their jobs. */
  Path directory() {
    return directory;
  }

  Path file(UUID id) {
    return directory.resolve(id + CSV);
  }

  /** Queues a job to run here, unless it is queued or running here already. */
  void submit(UUID id) {
    if (active.add(id)) {
      executor.execute(() -> {
        try {
          run(id);
        } finally {
          active.remove(id);
        }
      });
    }
  }

  /**
   * Resumes the jobs whose files are here and that a stopped server left queued or running, and clears files
   * no job needs any more (finished jobs, uploads cut off).
   */
  @EventListener(ApplicationReadyEvent.class)
  void resumeUnfinished() {
    Set<String> needed = new HashSet<>();
    for (UUID id : jobs.unfinished()) {
      if (Files.exists(file(id))) {
        needed.add(id + CSV);
        log.info("Resuming import {}", id);
        submit(id);
      }
    }
    if (Files.isDirectory(directory)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
        for (Path file : files) {
          // an upload under way, or a job made since the query above, has a file newer than this server
          if (!needed.contains(file.getFileName().toString())
              && Files.getLastModifiedTime(file).toInstant().isBefore(started)) {
            Files.deleteIfExists(file);
          }
        }
      } catch (IOException e) {
        log.warn("Could not clear finished imports from {}: {}", directory, e.toString());
      }
    }
  }

  private void run(UUID id) {
    ImportJobs.Claimed job = jobs.claim(id, clock.instant()).orElse(null);
    if (job == null) {
      return;
    }
    Path file = file(id);
    ImportJobs.Progress progress = job.progress();
    try (CsvRecordReader reader = CsvRecordReader.open(file, job.source())) {
      reader.skip(progress.rowsRead());
      log.info("Import {} of {} records running from row {}", id, job.source().path(), progress.rowsRead() + 1);
      List<CsvRecordReader.CsvRecord> chunk = new ArrayList<>(chunkSize);
      CsvRecordReader.CsvRecord record;
      try {
        while ((record = reader.next()) != null) {
          chunk.add(record);
          if (chunk.size() == chunkSize) {
            progress = commit(job, chunk, reader, progress);
            chunk.clear();
            if (stopping) {
              log.info("Import {} stops with the server after row {}; it resumes on the next start", id,
                  progress.rowsRead());
              return;
            }
          }
        }
      } catch (CsvRecordReader.CsvProblem e) {
        // the records read before the broken line are kept, as any good record is
        commit(job, chunk, reader, progress);
        fail(id, "Dòng " + e.line() + " / Line " + e.line() + ": " + e.getMessage());
        return;
      }
      progress = commit(job, chunk, reader, progress);
      jobs.finish(id, ImportJob.Status.COMPLETED, null, clock.instant());
      log.info("Import {} of {} completed: {} records, {} applied, {} unchanged, {} stale, {} rejected", id,
          job.source().path(), progress.records(), progress.applied(), progress.unchanged(), progress.stale(),
          progress.rejected());
      delete(file);
    } catch (CsvRecordReader.CsvProblem e) {
      fail(id, "Dòng " + e.line() + " / Line " + e.line() + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (stopping) {
        log.info("Import {} interrupted by the server stopping; it resumes on the next start: {}", id, e.toString());
        return;
      }
      String reference = UUID.randomUUID().toString();
      log.error("Import {} failed, reference {}", id, reference, e);
      fail(id, "Lỗi hệ thống, mã " + reference + " / Internal error, reference " + reference);
    }
  }

  /** Ingests one chunk and commits it with its rejections and the job's progress, in one transaction. */
  private ImportJobs.Progress commit(ImportJobs.Claimed job, List<CsvRecordReader.CsvRecord> chunk,
      CsvRecordReader reader, ImportJobs.Progress before) {
    List<ImportJob.Rejection> rejections = new ArrayList<>();
    List<JsonNode> valid = new ArrayList<>();
    List<CsvRecordReader.CsvRecord> sent = new ArrayList<>();
    for (CsvRecordReader.CsvRecord record : chunk) {
      if (record.rejected()) {
        rejections.addAll(record.problems());
      } else {
        valid.add(record.json());
        sent.add(record);
      }
    }
    long rejectedBeforeIngestion = chunk.size() - valid.size();
    ImportJobs.Progress after = transaction.execute(status -> {
      long applied = 0;
      long unchanged = 0;
      long stale = 0;
      long rejected = rejectedBeforeIngestion;
      if (!valid.isEmpty()) {
        IngestionReport report = ingestion.ingest(job.source(), valid);
        applied = report.applied();
        unchanged = report.unchanged();
        stale = report.stale();
        rejected += report.received() - report.applied() - report.unchanged() - report.stale();
        for (IngestionReport.Rejection problem : report.rejected()) {
          CsvRecordReader.CsvRecord record = sent.get(problem.row() - 1);
          rejections.add(reader.layout().locate(problem, record.line(), record.itemLines()));
        }
      }
      rejections.sort(Comparator.comparingLong(ImportJob.Rejection::line));
      ImportJobs.Progress progress = new ImportJobs.Progress(reader.bytesRead(), reader.rowsRead(),
          before.records() + chunk.size(), before.applied() + applied, before.unchanged() + unchanged,
          before.stale() + stale, before.rejected() + rejected);
      jobs.addRejections(job.id(), rejections);
      jobs.saveProgress(job.id(), progress);
      return progress;
    });
    return after;
  }

  private void fail(UUID id, String error) {
    log.warn("Import {} failed: {}", id, error);
    jobs.finish(id, ImportJob.Status.FAILED, error, clock.instant());
    delete(file(id));
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lets running jobs finish their chunk and stop; they resume on the next start. */
  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    executor.shutdown();
    if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}
