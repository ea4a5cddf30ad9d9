package io.gridcare.customers;

import java.util.List;

/**
 * What became of a batch: every record is counted once, as applied (it changed the profile), unchanged (the
 * same record again), stale (older than what the source sent before) or rejected (with the reasons).
 */
public record IngestionReport(int received, int applied, int unchanged, int stale, List<Rejection> rejected) {

  /** One problem with one record: its position in the batch (from 1), the field, and what is wrong. */
  public record Rejection(int row, String customerCode, String field, String problem) {
  }
}
