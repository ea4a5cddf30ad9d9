package io.gridcare.customers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.gridcare.system.InvalidParameterException;
import io.gridcare.system.PageQuery;
import io.gridcare.system.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Bulk loads of a source's records from CSV files ({@code docs/csv-import.md}). An upload is written to the data
 * directory as it arrives, its header checked, and a job queued that takes it into profiles in the background;
 * every rejected row is kept with its line, field and reason. The size of an upload is capped by the HTTP layer
 * ({@code gridcare.api.max-import-size}), which fails the read of a body that passes it.
 */
@Service
public class SourceImports {

  /** Rejections shown with a job; all of them are paged by {@link #rejections}. */
  public static final int FIRST_REJECTIONS = 100;

  private static final Logger log = LoggerFactory.getLogger(SourceImports.class);

  private final ImportJobs jobs;
  private final SourceImportRunner runner;
  private final Clock clock;

  SourceImports(ImportJobs jobs, SourceImportRunner runner, Clock clock) {
    this.jobs = jobs;
    this.runner = runner;
    this.clock = clock;
  }

  /**
   * Stores the CSV file and queues its import. Nothing is kept when the file cannot be an import of this source
   * (empty, a header that does not fit, no rows) or the upload fails.
   *
   * @throws InvalidParameterException naming {@code file} or {@code header} and what is wrong
   */
  public ImportJob start(Source source, InputStream csv, String fileName, String user) {
    UUID id = UUID.randomUUID();
    Path part = runner.directory().resolve(id + SourceImportRunner.PART);
    Path file = runner.file(id);
    boolean queued = false;
    try {
      Files.createDirectories(runner.directory());
      long size = Files.copy(csv, part);
      if (size == 0) {
        throw new InvalidParameterException("file", "Tệp rỗng / The file is empty");
      }
      CsvRecordReader.check(part, source);
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      jobs.create(id, source, fileName, user, size, clock.instant());
      queued = true;
      log.info("Import {} of {} records queued ({} bytes)", id, source.path(), size);
    } catch (CsvRecordReader.CsvProblem e) {
      throw new InvalidParameterException(e.field() != null ? e.field() : "file",
          e.field() == null ? "Dòng " + e.line() + " / Line " + e.line() + ": " + e.getMessage() : e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Upload of import " + id + " not stored", e);
    } finally {
      if (!queued) {
        deleteQuietly(part);
        deleteQuietly(file);
      }
    }
    runner.submit(id);
    return jobs.find(id).orElseThrow();
  }

  /** The job with its first rejections. */
  public Optional<ImportJob> find(UUID id) {
    return jobs.find(id).map(job -> job.withRejections(
        jobs.rejections(id, new PageQuery(0, FIRST_REJECTIONS).toPageRequest(Sort.unsorted())).getContent()));
  }

  /** Jobs newest first. */
  public PageResponse<ImportJob> recent(PageQuery page) {
    return PageResponse.of(jobs.recent(page.toPageRequest(Sort.unsorted())), job -> job);
  }

  /** Every rejection of a job, by line; empty when there is no such job. */
  public Optional<PageResponse<ImportJob.Rejection>> rejections(UUID id, PageQuery page) {
    if (jobs.find(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(PageResponse.of(jobs.rejections(id, page.toPageRequest(Sort.unsorted())), r -> r));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", file, e.toString());
    }
  }
}
