package io.gridcare.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs and their rejections in PostgreSQL. */
@Repository
class ImportJobs {

  private static final String COLUMNS = """
      id, source, status, file_name, created_by, created_at, started_at, finished_at, bytes_total, bytes_read,
      rows_read, records, applied, unchanged, stale, rejected, error""";
  /** Longest problem text kept: messages quote the cell, and a cell can be anything. */
  private static final int MAX_TEXT = 1000;

  private final JdbcClient sql;

  ImportJobs(JdbcClient sql) {
    this.sql = sql;
  }

  /** Where a running job is: rows taken and the counts so far, as committed with its last chunk. */
  record Progress(long bytesRead, long rowsRead, long records, long applied, long unchanged, long stale,
                  long rejected) {
  }

  /** A job to run: its source and where it stands. */
  record Claimed(UUID id, Source source, Progress progress) {
  }

  void create(UUID id, Source source, String fileName, String user, long bytes, Instant at) {
    sql.sql("""
            insert into source_import (id, source, status, file_name, created_by, created_at, bytes_total)
            values (:id, :source, 'QUEUED', :fileName, :user, :at, :bytes)""")
        .param("id", id).param("source", source.path()).param("fileName", shorten(fileName, 255))
        .param("user", shorten(user, 128))
        .param("at", at.atOffset(ZoneOffset.UTC)).param("bytes", bytes)
        .update();
  }

  Optional<ImportJob> find(UUID id) {
    return sql.sql("select " + COLUMNS + " from source_import where id = :id").param("id", id)
        .query(ImportJobs::job).optional();
  }

  Page<ImportJob> recent(Pageable page) {
    List<ImportJob> jobs = sql.sql("select " + COLUMNS
            + " from source_import order by created_at desc, id limit :limit offset :offset")
        .param("limit", page.getPageSize()).param("offset", page.getOffset())
        .query(ImportJobs::job).list();
    long total = sql.sql("select count(*) from source_import").query(Long.class).single();
    return new PageImpl<>(jobs, page, total);
  }

  Page<ImportJob.Rejection> rejections(UUID id, Pageable page) {
    List<ImportJob.Rejection> rejections = sql.sql("""
            select line, customer_code, field, problem from source_import_rejection
             where import_id = :id order by line, id limit :limit offset :offset""")
        .param("id", id).param("limit", page.getPageSize()).param("offset", page.getOffset())
        .query((row, n) -> new ImportJob.Rejection(row.getLong(1), row.getString(2), row.getString(3),
            row.getString(4)))
        .list();
    long total = sql.sql("select count(*) from source_import_rejection where import_id = :id").param("id", id)
        .query(Long.class).single();
    return new PageImpl<>(rejections, page, total);
  }

  /** Jobs left queued or running, oldest first. */
  List<UUID> unfinished() {
    return sql.sql("select id from source_import where status in ('QUEUED', 'RUNNING') order by created_at")
        .query(UUID.class).list();
  }

  /** Marks a queued or running job as running; empty when it has finished meanwhile. */
  Optional<Claimed> claim(UUID id, Instant at) {
    return sql.sql("""
            update source_import set status = 'RUNNING', started_at = coalesce(started_at, :at)
             where id = :id and status in ('QUEUED', 'RUNNING')
            returning id, source, bytes_read, rows_read, records, applied, unchanged, stale, rejected""")
        .param("id", id).param("at", at.atOffset(ZoneOffset.UTC))
        .query((row, n) -> new Claimed(row.getObject(1, UUID.class),
            Source.byPath(row.getString(2)).orElseThrow(),
            new Progress(row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7),
                row.getLong(8), row.getLong(9))))
        .optional();
  }

  void saveProgress(UUID id, Progress progress) {
    sql.sql("""
            update source_import set bytes_read = :bytes, rows_read = :rows, records = :records,
                   applied = :applied, unchanged = :unchanged, stale = :stale, rejected = :rejected
             where id = :id""")
        .param("id", id).param("bytes", progress.bytesRead()).param("rows", progress.rowsRead())
        .param("records", progress.records()).param("applied", progress.applied())
        .param("unchanged", progress.unchanged()).param("stale", progress.stale())
        .param("rejected", progress.rejected())
        .update();
  }

  void addRejections(UUID id, List<ImportJob.Rejection> rejections) {
    if (rejections.isEmpty()) {
      return;
    }
    sql.sql("""
            insert into source_import_rejection (import_id, line, customer_code, field, problem)
            select :id, line, customer_code, field, problem
              from unnest(cast(:lines as bigint[]), cast(:codes as text[]), cast(:fields as text[]),
                          cast(:problems as text[])) as input (line, customer_code, field, problem)""")
        .param("id", id)
        .param("lines", rejections.stream().map(ImportJob.Rejection::line).toArray(Long[]::new))
        .param("codes", rejections.stream().map(r -> shorten(r.customerCode(), 64)).toArray(String[]::new))
        .param("fields", rejections.stream().map(r -> shorten(r.field(), 200)).toArray(String[]::new))
        .param("problems", rejections.stream().map(r -> shorten(r.problem(), MAX_TEXT)).toArray(String[]::new))
        .update();
  }

  void finish(UUID id, ImportJob.Status status, String error, Instant at) {
    sql.sql("""
            update source_import set status = :status, error = :error, finished_at = :at,
                   bytes_read = case when :status = 'COMPLETED' then bytes_total else bytes_read end
             where id = :id""")
        .param("id", id).param("status", status.name()).param("error", shorten(error, MAX_TEXT))
        .param("at", at.atOffset(ZoneOffset.UTC))
        .update();
  }

  private static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static ImportJob job(ResultSet row, int n) throws SQLException {
    ImportJob.Status status = ImportJob.Status.valueOf(row.getString("status"));
    long total = row.getLong("bytes_total");
    long read = row.getLong("bytes_read");
    return new ImportJob(row.getObject("id", UUID.class), row.getString("source"), status,
        row.getString("file_name"), row.getString("created_by"), instant(row, "created_at"),
        instant(row, "started_at"), instant(row, "finished_at"), total, read,
        ImportJob.percent(status, read, total), row.getLong("rows_read"), row.getLong("records"),
        row.getLong("applied"), row.getLong("unchanged"), row.getLong("stale"), row.getLong("rejected"),
        row.getString("error"), null);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
