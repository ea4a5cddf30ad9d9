package io.gridcare.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A CSV file from a source system being taken into customer profiles in the background. Counts are of customer
 * records (consecutive rows of one customer make one record): each is applied, unchanged, stale or rejected.
 * {@code rejections} holds the first ones in the file where the job is read on its own, null in lists.
 */
public record ImportJob(UUID id, String source, Status status, String fileName, String createdBy,
                        Instant createdAt, Instant startedAt, Instant finishedAt, long bytesTotal, long bytesRead,
                        int percentDone, long rowsRead, long records, long applied, long unchanged, long stale,
                        long rejected, String error, List<Rejection> rejections) {

  public enum Status { QUEUED, RUNNING, COMPLETED, FAILED }

  /** One problem in the file: the CSV line it is on (from 1, the header being line 1), the column, what is wrong. */
  public record Rejection(long line, String customerCode, String field, String problem) {
  }

  ImportJob withRejections(List<Rejection> first) {
    return new ImportJob(id, source, status, fileName, createdBy, createdAt, startedAt, finishedAt, bytesTotal,
        bytesRead, percentDone, rowsRead, records, applied, unchanged, stale, rejected, error, first);
  }

  /** By bytes of the file; 100 only once the job has completed. */
  static int percent(Status status, long bytesRead, long bytesTotal) {
    if (status == Status.COMPLETED) {
      return 100;
    }
    return bytesTotal <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / bytesTotal);
  }
}
