package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job the server was running when it stopped: a new runner (as on the next start) takes it up after the last
 * chunk it committed.
 */
@GridCareIntegrationTest
class SourceImportResumeTest {

  private static final int FIRST = 6_100_000;
  private static final int COUNT = 30;
  private static final int BILLS = 12;

  private final ImportJobs jobs;
  private final CustomerIngestion ingestion;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final JdbcClient sql;
  private final ObjectMapper json;

  @TempDir
  Path dataDirectory;

  SourceImportResumeTest(@Autowired ImportJobs jobs, @Autowired CustomerIngestion ingestion,
      @Autowired TransactionTemplate transaction, @Autowired Clock clock, @Autowired JdbcClient sql,
      @Autowired ObjectMapper json) {
    this.jobs = jobs;
    this.ingestion = ingestion;
    this.transaction = transaction;
    this.clock = clock;
    this.sql = sql;
    this.json = json;
  }

  @Test
  void aJobLeftRunningResumesAfterItsLastCommittedChunk() throws Exception {
    CustomerDataGenerator generator = new CustomerDataGenerator(5, json, Instant.now());
    UUID id = UUID.randomUUID();
    Path file = dataDirectory.resolve("imports").resolve(id + ".csv");
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      generator.writeCsv(Source.BILLING, FIRST, COUNT, out);
    }
    jobs.create(id, Source.BILLING, "billing.csv", "admin", Files.size(file), Instant.now());
    jobs.claim(id, Instant.now());
    // the server stopped after committing the first chunk of 10 customers (never ingested here, so their
    // absence afterwards shows they were not read again)
    jobs.saveProgress(id, new ImportJobs.Progress(Files.size(file) / 3, 10 * BILLS, 10, 10, 0, 0, 0));

    SourceImportRunner runner = new SourceImportRunner(jobs, ingestion, transaction, clock, dataDirectory, 1, 7);
    try {
      runner.resumeUnfinished();

      ImportJob job = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
          .until(() -> jobs.find(id).orElseThrow(), found -> found.status() != ImportJob.Status.RUNNING);
      assertThat(job.status()).as(String.valueOf(job.error())).isEqualTo(ImportJob.Status.COMPLETED);
      assertThat(job.records()).isEqualTo(COUNT);
      assertThat(job.applied()).isEqualTo(COUNT);
      assertThat(job.rowsRead()).isEqualTo((long) COUNT * BILLS);
      assertThat(job.percentDone()).isEqualTo(100);
      assertThat(file).doesNotExist();
    } finally {
      runner.destroy();
    }

    List<String> codes = IntStream.range(FIRST, FIRST + COUNT)
        .mapToObj(i -> generator.customer(i).get(Source.BILLING).path("customerCode").asText()).toList();
    assertThat(codes.subList(0, 10)).noneMatch(this::exists);
    assertThat(codes.subList(10, COUNT)).allMatch(this::exists);
  }

  private boolean exists(String code) {
    return sql.sql("select count(*) from customer where code = :code").param("code", code).query(Long.class)
        .single() == 1;
  }
}
