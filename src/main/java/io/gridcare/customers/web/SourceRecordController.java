package io.gridcare.customers.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridcare.customers.CustomerIngestion;
import io.gridcare.customers.IngestionReport;
import io.gridcare.customers.Source;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sources", description = "Dữ liệu từ hệ thống nguồn / Records from source systems")
class SourceRecordController {

  private final CustomerIngestion ingestion;

  SourceRecordController(CustomerIngestion ingestion) {
    this.ingestion = ingestion;
  }

  @PostMapping("/api/sources/{source}/records")
  @Operation(summary = "Nhận một lô bản ghi / Take a batch of records (billing, metering, outages, crm, channels)",
      description = "Each record is the source's whole current view of one customer, with the source's own "
          + "updatedAt. Bad records are rejected one by one with reasons; the others are kept. A record older "
          + "than the one the source sent before changes nothing.")
  IngestionReport ingest(@PathVariable String source, @RequestBody @Valid Batch batch) {
    Source from = Source.byPath(source).orElseThrow(() -> new NotFoundException(
        "Không có nguồn " + source + " / No source " + source + " (billing, metering, outages, crm, channels)"));
    return ingestion.ingest(from, batch.records());
  }

  record Batch(@NotNull @NotEmpty @Size(max = CustomerIngestion.MAX_BATCH) List<@NotNull JsonNode> records) {
  }
}
