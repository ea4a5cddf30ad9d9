package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class CsvRecordReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

  @TempDir
  Path directory;

  @Test
  void generatedCsvFilesReadBackAsTheSameRecords() throws IOException {
    CustomerDataGenerator generator = new CustomerDataGenerator(42, json, NOW);
    Map<Source, Path> files = generator.writeCsv(directory, 0, 200);

    for (Source source : Source.values()) {
      List<Object> expected = new ArrayList<>();
      for (int index = 0; index < 200; index++) {
        JsonNode record = generator.customer(index).get(source);
        if (record != null) {
          expected.add(json.treeToValue(record, source.recordType()));
        }
      }
      List<Object> read = new ArrayList<>();
      try (CsvRecordReader reader = CsvRecordReader.open(files.get(source), source)) {
        for (CsvRecordReader.CsvRecord record = reader.next(); record != null; record = reader.next()) {
          assertThat(record.problems()).as(source + " line " + record.line()).isEmpty();
          read.add(json.treeToValue(record.json(), source.recordType()));
        }
        assertThat(reader.bytesRead()).isEqualTo(Files.size(files.get(source)));
      }
      assertThat(read).as(source.path()).isEqualTo(expected);
    }
  }

  @Test
  void consecutiveRowsOfOneCustomerMakeOneRecordWithAnItemPerRow() throws IOException {
    Path file = write("""
        customerCode,updatedAt,fullName,customerType,bill.period,bill.amount,bill.dueDate,bill.paidAt
        PD09000000001,2026-11-01T00:00:00Z,Nguyễn Văn An,RESIDENTIAL,2026-09,185000,2026-10-15,
        PD09000000001,2026-11-01T00:00:00Z,,,2026-10,190000,2026-11-15,2026-11-10T02:00:00Z
        PD09000000002,2026-11-01T00:00:00Z,"Công ty TNHH ""Sao Mai"", chi nhánh
        Sóc Sơn",BUSINESS,,,,
        """);

    try (CsvRecordReader reader = CsvRecordReader.open(file, Source.BILLING)) {
      CsvRecordReader.CsvRecord first = reader.next();
      CsvRecordReader.CsvRecord second = reader.next();
      assertThat(reader.next()).isNull();

      assertThat(first.line()).isEqualTo(2);
      assertThat(first.itemLines()).containsExactly(2, 3);
      assertThat(first.json().path("fullName").asText()).as("a later row may leave it empty").isEqualTo("Nguyễn Văn An");
      assertThat(first.json().path("bills")).hasSize(2);
      assertThat(first.json().path("bills").get(0).has("paidAt")).as("empty cell, no value").isFalse();
      assertThat(first.json().path("bills").get(1).path("paidAt").asText()).isEqualTo("2026-11-10T02:00:00Z");
      assertThat(second.line()).isEqualTo(4);
      assertThat(second.json().path("fullName").asText()).isEqualTo("Công ty TNHH \"Sao Mai\", chi nhánh\nSóc Sơn");
      assertThat(second.json().path("bills")).as("item columns present, no items").isEmpty();
      assertThat(reader.rowsRead()).isEqualTo(3);
    }
  }

  @Test
  void valuesOfOneCustomerThatDisagreeRejectTheRecordNamingTheColumnAndLine() throws IOException {
    Path file = write("""
        customerCode,updatedAt,meterType,reading.period,reading.kwh
        PD09000000001,2026-11-01T00:00:00Z,SMART,2026-09,150
        PD09000000001,2026-11-01T00:00:00Z,SMART,2026-10,160
        PD09000000001,2026-11-02T00:00:00Z,MECHANICAL,2026-11,170
        PD09000000001,2026-11-01T00:00:00Z,MECHANICAL,2026-12,180
        """);

    try (CsvRecordReader reader = CsvRecordReader.open(file, Source.METERING)) {
      CsvRecordReader.CsvRecord record = reader.next();
      assertThat(record.problems()).extracting(r -> r.line() + ":" + r.field())
          .containsExactly("4:updatedAt", "4:meterType");
      assertThat(record.problems().get(0).problem()).contains("line 2");
    }
  }

  @Test
  void setsListsAndNestedObjectsHaveTheirOwnCells() throws IOException {
    Path file = write("""
        \uFEFFcustomerCode,updatedAt,appRegistered,pushTokens,optedOut,quietHours.start,quietHours.end\r
        PD09000000001,2026-11-01T00:00:00Z,true,fcm-1|fcm-2,SMS|EMAIL,22:00,06:00\r
        \r
        PD09000000002,2026-11-01T00:00:00Z,false,,,,\r
        """);

    try (CsvRecordReader reader = CsvRecordReader.open(file, Source.CHANNELS)) {
      SourceRecords.Channels first = json.treeToValue(reader.next().json(), SourceRecords.Channels.class);
      SourceRecords.Channels second = json.treeToValue(reader.next().json(), SourceRecords.Channels.class);

      assertThat(first.pushTokens()).containsExactly("fcm-1", "fcm-2");
      assertThat(first.optedOut()).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
      assertThat(first.quietHours().start()).hasToString("22:00");
      assertThat(second.pushTokens()).isNull();
      assertThat(second.quietHours()).isNull();
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void headerWithUnknownOrMissingColumnsIsRefused() throws IOException {
    assertThatThrownBy(() -> CsvRecordReader.open(write("customerCode,updatedAt,fullName,customerTyp\n"), Source.BILLING))
        .isInstanceOf(CsvRecordReader.CsvProblem.class)
        .hasMessageContaining("Unknown billing columns: customerTyp")
        .hasMessageContaining("Missing columns: customerType");
    assertThatThrownBy(() -> CsvRecordReader.open(write("customerCode,updatedAt,outage.planned\n"), Source.OUTAGES))
        .hasMessageContaining("Missing columns: outage.startedAt");
    assertThatThrownBy(() -> CsvRecordReader.check(write("customerCode,updatedAt\n"), Source.CRM))
        .hasMessageContaining("no rows");
    assertThatThrownBy(() -> CsvRecordReader.open(write("\uFEFF\n\n"), Source.CRM))
        .hasMessageContaining("empty");
  }

  @Test
  void brokenQuotingStopsTheReadAtItsLine() throws IOException {
    Path file = write("customerCode,updatedAt,mobile\nPD09000000001,2026-11-01T00:00:00Z,0912345678\n"
        + "PD09000000002,2026-11-01T00:00:00Z,\"09\"12\n");

    try (CsvRecordReader reader = CsvRecordReader.open(file, Source.CRM)) {
      assertThatThrownBy(reader::next).isInstanceOf(CsvRecordReader.CsvProblem.class)
          .satisfies(e -> assertThat(((CsvRecordReader.CsvProblem) e).line()).isEqualTo(3));
    }
  }

  @Test
  void problemsIngestionFindsPointAtTheColumnAndTheItemsLine() {
    CsvLayout layout = CsvLayout.of(Source.BILLING);
    long[] items = {5, 6, 7};

    assertThat(layout.locate(new IngestionReport.Rejection(1, "X", "bills[1].amount", "p"), 5, items))
        .isEqualTo(new ImportJob.Rejection(6, "X", "bill.amount", "p"));
    assertThat(layout.locate(new IngestionReport.Rejection(1, "X", "bills", "p"), 5, items).field()).isEqualTo("bill");
    assertThat(layout.locate(new IngestionReport.Rejection(1, "X", "fullName", "p"), 5, items).line()).isEqualTo(5);
    assertThat(CsvLayout.of(Source.CHANNELS).locate(new IngestionReport.Rejection(1, "X", "pushTokens[0]", "p"), 9,
        new long[0]).field()).isEqualTo("pushTokens");
  }

  @Test
  void aResumedReadSkipsTheRowsAlreadyTaken() throws IOException {
    StringWriter csv = new StringWriter();
    new CustomerDataGenerator(42, json, NOW).writeCsv(Source.BILLING, 0, 5, csv);
    Path file = write(csv.toString());

    try (CsvRecordReader reader = CsvRecordReader.open(file, Source.BILLING)) {
      reader.skip(24);
      CsvRecordReader.CsvRecord third = reader.next();
      assertThat(third.line()).as("12 bills a customer, after the header").isEqualTo(26);
      assertThat(third.json().path("customerCode").asText())
          .isEqualTo(new CustomerDataGenerator(42, json, NOW).customer(2).get(Source.BILLING).path("customerCode").asText());
      assertThat(reader.rowsRead()).isEqualTo(36);
    }
  }

  @Test
  void theExamplesInTheDocumentationAreValidRecords() throws IOException {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    Matcher examples = Pattern.compile("(?m)^(\\w+)[^\\n]*:\\n\\n```csv\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("docs/csv-import.md")));
    List<Source> documented = new ArrayList<>();
    while (examples.find()) {
      Source source = Source.byPath(examples.group(1)).orElseThrow();
      documented.add(source);
      try (CsvRecordReader reader = CsvRecordReader.open(write(examples.group(2)), source)) {
        for (CsvRecordReader.CsvRecord record = reader.next(); record != null; record = reader.next()) {
          assertThat(record.problems()).as(source + " line " + record.line()).isEmpty();
          SourceRecords.SourceRecord parsed = json.treeToValue(record.json(), source.recordType());
          assertThat(validator.validate(parsed)).as(source + " line " + record.line()).isEmpty();
          if (parsed instanceof SourceRecords.Crm crm) {
            assertThat(PhoneNumbers.normalise(crm.mobile())).isPresent();
            assertThat(crm.alternatePhone() == null || PhoneNumbers.normalise(crm.alternatePhone()).isPresent()).isTrue();
          }
        }
      }
    }
    assertThat(documented).containsExactlyInAnyOrder(Source.values());
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(directory, "import", ".csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
