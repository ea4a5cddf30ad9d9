package io.gridcare.customers.web;

import static io.gridcare.GridCareIntegrationTest.ADMIN;
import static io.gridcare.GridCareIntegrationTest.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.GridCareIntegrationTest;
import io.gridcare.Http;
import io.gridcare.Http.Response;
import io.gridcare.TestUsers;
import io.gridcare.customers.CustomerDataGenerator;
import io.gridcare.customers.Source;
import io.gridcare.system.Access;
import io.gridcare.system.embedded.TestStack;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** Source systems importing CSV files, and following the jobs, over HTTP on the real stack. */
@GridCareIntegrationTest
class SourceImportApiTest {

  /** Far from the codes other tests use. */
  private static final int FIRST = 6_000_000;
  private static final int COUNT = 300;
  private static final String CMIS = "cmis-import";
  private static final String STAFF = "import-test-staff";
  private static final String PASSWORD = "integration-secret";
  private static final String BOUNDARY = "gridcare-test-boundary";

  private final Http anonymous = Http.to(TestStack.get().serverPort());
  private final Http source = anonymous.as(CMIS, PASSWORD);
  private final Http admin = anonymous.as(ADMIN, ADMIN_PASSWORD);
  private final Http staff = anonymous.as(STAFF, PASSWORD);

  private final IdentityService identity;
  private final JdbcClient sql;
  private final ObjectMapper json;
  private final Path imports;

  @TempDir
  Path directory;

  SourceImportApiTest(@Autowired IdentityService identity, @Autowired JdbcClient sql, @Autowired ObjectMapper json,
      @Value("${gridcare.data-dir}") Path dataDirectory) {
    this.identity = identity;
    this.sql = sql;
    this.json = json;
    this.imports = dataDirectory.resolve("imports");
  }

  @BeforeEach
  void accountsExist() {
    TestUsers.ensure(identity, CMIS, PASSWORD, Access.INTEGRATION_GROUP);
    TestUsers.ensure(identity, STAFF, PASSWORD, Access.STAFF_GROUP, Access.CALL_CENTRE_GROUP);
  }

  @Test
  void generatedFilesOfAllFiveSourcesImportWithoutRejections() throws IOException {
    CustomerDataGenerator generator = new CustomerDataGenerator(11, json, Instant.now());
    Map<Source, Path> files = generator.writeCsv(directory, FIRST, COUNT);

    List<String> jobs = new ArrayList<>();
    for (Source from : Source.values()) {
      // one of them as a browser form sends it
      Response accepted = from == Source.CHANNELS ? uploadMultipart(source, from.path(), files.get(from), "file")
          : upload(source, from.path(), files.get(from));
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
      String location = accepted.headers().firstValue("Location").orElseThrow();
      assertThat(location).isEqualTo("/api/imports/" + accepted.json().path("id").asText());
      assertThat(accepted.json().path("source").asText()).isEqualTo(from.path());

      JsonNode job = awaitFinished(location);
      jobs.add(job.path("id").asText());

      long expected = IntStream.range(FIRST, FIRST + COUNT).filter(i -> generator.customer(i).containsKey(from)).count();
      assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
      assertThat(job.path("percentDone").asInt()).isEqualTo(100);
      assertThat(job.path("bytesRead").asLong()).isEqualTo(Files.size(files.get(from)));
      assertThat(job.path("rowsRead").asLong()).isEqualTo(Files.readAllLines(files.get(from)).size() - 1);
      assertThat(job.path("records").asLong()).isEqualTo(expected);
      assertThat(job.path("applied").asLong()).isEqualTo(expected);
      assertThat(job.path("rejected").asLong()).isZero();
      assertThat(job.path("rejections")).isEmpty();
    }

    List<String> codes = new ArrayList<>();
    for (int index = FIRST; index < FIRST + COUNT; index++) {
      codes.add(generator.customer(index).get(Source.BILLING).path("customerCode").asText());
    }
    assertThat(sql.sql("select count(*) from customer where code = any(:codes)")
        .param("codes", codes.toArray(String[]::new)).query(Long.class).single()).isEqualTo(COUNT);
    JsonNode profile = staff.get("/api/customers/" + codes.get(0)).json().path("profile");
    assertThat(profile.path("identity").path("fullName").asText()).isNotEmpty();
    assertThat(List.of("identity", "consumption", "billing", "contact", "supply"))
        .as("every source's part of the profile arrived").allMatch(part -> profile.path(part).isObject());
    assertThat(jobs).as("a file goes once its job is done")
        .noneMatch(id -> Files.exists(imports.resolve(id + ".csv")));
  }

  @Test
  void badRowsAreRejectedWithTheirLinesAndFieldsAndTheGoodOnesKept() throws IOException {
    YearMonth month = YearMonth.now().minusMonths(1);
    Path billing = write("billing.csv", String.join("\n",
        "customerCode,updatedAt,fullName,customerType,bill.period,bill.amount,bill.dueDate,bill.paidAt",
        "PD09006100001,2026-11-01T00:00:00Z,Nguyễn Văn An,RESIDENTIAL," + month.minusMonths(1) + ",185000,"
            + month.atDay(15) + ",",
        "PD09006100001,2026-11-01T00:00:00Z,Nguyễn Văn An,RESIDENTIAL," + month + ",190000,"
            + month.plusMonths(1).atDay(15) + ",",
        "PD99006100002,2026-11-01T00:00:00Z,Đơn vị lạ,RESIDENTIAL,,,,",
        "PD09006100003,2026-11-01T00:00:00Z,Lê Văn Cường,RESIDENTIAL," + month + ",100000,2026-11-15,",
        "PD09006100003,2026-11-01T00:00:00Z,Lê Văn Khác,RESIDENTIAL," + month.minusMonths(1) + ",100000,2026-10-15,",
        "PD09006100004,2026-11-01T00:00:00Z,Trần Thị Dung,BUSINESS," + month + ",100000,2026-02-30,",
        "PD09006100005,2026-11-01T00:00:00Z,\"Công ty TNHH Sao Mai, Sóc Sơn\",BUSINESS,,,,", ""));
    Path crm = write("crm.csv", """
        customerCode,updatedAt,mobile,email
        PD09006100001,2026-11-01T00:00:00Z,0912 345 678,an@example.vn
        PD09006100005,2026-11-01T00:00:00Z,12345,
        PD09006100006,hôm qua,0912345679,
        """);

    JsonNode billingJob = awaitFinished(location(upload(source, "billing", billing)));
    JsonNode crmJob = awaitFinished(location(upload(source, "crm", crm)));

    assertThat(billingJob.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(billingJob.path("rowsRead").asLong()).isEqualTo(7);
    assertThat(billingJob.path("records").asLong()).isEqualTo(5);
    assertThat(billingJob.path("applied").asLong()).isEqualTo(2);
    assertThat(billingJob.path("rejected").asLong()).isEqualTo(3);
    assertThat(lineAndField(billingJob.path("rejections")))
        .containsExactly("4:customerCode", "6:fullName", "7:bill.dueDate");
    assertThat(lineAndField(crmJob.path("rejections"))).containsExactly("3:mobile", "4:updatedAt");
    assertThat(crmJob.path("applied").asLong()).isEqualTo(1);
    assertThat(staff.get("/api/customers/PD09006100001").status()).isEqualTo(200);
    assertThat(staff.get("/api/customers/PD09006100005").status()).isEqualTo(200);
    assertThat(staff.get("/api/customers/PD09006100003").status()).isEqualTo(404);
    assertThat(staff.get("/api/customers/PD09006100004").status()).isEqualTo(404);

    JsonNode page = source.get("/api/imports/" + billingJob.path("id").asText() + "/rejections?page=1&size=2").json();
    assertThat(page.path("totalItems").asLong()).isEqualTo(3);
    assertThat(lineAndField(page.path("items"))).containsExactly("7:bill.dueDate");
    assertThat(ids(source.get("/api/imports?size=50").json().path("items")))
        .contains(billingJob.path("id").asText(), crmJob.path("id").asText());
  }

  @Test
  void aFileOverTheImportLimitIs413AndLeavesNothing() throws IOException {
    long jobs = jobCount();
    long limit = DataSize.parse(GridCareIntegrationTest.MAX_IMPORT_SIZE).toBytes();
    byte[] header = "customerCode,updatedAt,mobile\n".getBytes(StandardCharsets.UTF_8);
    byte[] filler = new byte[(int) limit + 64 * 1024 - header.length];
    Arrays.fill(filler, (byte) 'x');

    // a body of unknown length (chunked) is counted as it arrives, and its read fails past the limit
    Response streamed = source.send(source.request("/api/sources/crm/imports").header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofInputStream(() -> new SequenceInputStream(
            new ByteArrayInputStream(header), new ByteArrayInputStream(filler)))));

    assertThat(streamed.status()).as(streamed.body()).isEqualTo(413);
    assertThat(streamed.contentType()).startsWith("application/problem+json");
    assertThat(declaredLengthStatus(limit + 1)).as("refused before a byte of the body is read").contains(" 413 ");
    assertThat(jobCount()).isEqualTo(jobs);
    assertThat(partFiles()).isEmpty();
  }

  /** The status line for a declared length; over a plain socket, which need not send the body. */
  private static String declaredLengthStatus(long length) throws IOException {
    try (Socket socket = new Socket("localhost", TestStack.get().serverPort())) {
      socket.setSoTimeout(30_000);
      String credentials = Base64.getEncoder().encodeToString((CMIS + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/sources/crm/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
          + "\r\nContent-Type: text/csv\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n"
          + "customerCode,updatedAt,mobile\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  @Test
  void uploadsThatCannotBeAnImportAreRefusedWithoutAJob() throws IOException {
    long jobs = jobCount();

    Response empty = upload(source, "crm", write("empty.csv", ""));
    Response unknownColumn = upload(source, "crm", write("unknown.csv", "customerCode,updatedAt,mobil\nPD09006100001,"
        + "2026-11-01T00:00:00Z,0912345678\n"));
    Response missingColumn = upload(source, "billing", write("missing.csv", "customerCode,fullName\nPD09006100001,A\n"));
    Response headerOnly = upload(source, "crm", write("header.csv", "customerCode,updatedAt\n"));
    Response json = source.postJson("/api/sources/crm/imports", "{\"records\":[]}");
    Response noFilePart = uploadMultipart(source, "crm", write("crm.csv", "customerCode,updatedAt\n"), "upload");
    Response unknownSource = upload(source, "weather", write("weather.csv", "customerCode,updatedAt\n"));

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
    assertThat(unknownColumn.status()).isEqualTo(400);
    assertThat(unknownColumn.json().path("errors").get(0).path("field").asText()).isEqualTo("header");
    assertThat(unknownColumn.json().path("errors").get(0).path("message").asText()).contains("mobil");
    assertThat(missingColumn.json().path("errors").get(0).path("message").asText())
        .contains("Missing columns: updatedAt, customerType");
    assertThat(headerOnly.status()).isEqualTo(400);
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.contentType()).startsWith("application/problem+json");
    assertThat(json.json().path("detail").asText()).contains("text/csv");
    assertThat(noFilePart.status()).isEqualTo(400);
    assertThat(unknownSource.status()).isEqualTo(404);
    assertThat(unknownSource.json().path("detail").asText()).contains("weather");
    assertThat(jobCount()).isEqualTo(jobs);
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void unknownImportsAre404() {
    for (String id : List.of("7d3f2c8e-0000-4000-8000-000000000000", "not-an-id")) {
      Response job = source.get("/api/imports/" + id);
      assertThat(job.status()).isEqualTo(404);
      assertThat(job.contentType()).startsWith("application/problem+json");
      assertThat(source.get("/api/imports/" + id + "/rejections").status()).isEqualTo(404);
    }
  }

  @Test
  void onlySourceSystemsAndAdminsImportAndFollowImports() throws IOException {
    Path file = write("crm.csv", "customerCode,updatedAt,mobile\nPD09006100007,2026-11-01T00:00:00Z,0912345670\n");

    assertThat(upload(anonymous, "crm", file).status()).isEqualTo(401);
    assertThat(upload(staff, "crm", file).status()).isEqualTo(403);
    assertThat(staff.get("/api/imports").status()).isEqualTo(403);
    Response accepted = upload(admin, "crm", file);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().path("createdBy").asText()).isEqualTo(ADMIN);
    assertThat(awaitFinished(location(accepted)).path("applied").asLong()).isEqualTo(1);
  }

  private JsonNode awaitFinished(String location) {
    return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
        .until(() -> source.get(location).json(),
            job -> List.of("COMPLETED", "FAILED").contains(job.path("status").asText()));
  }

  private static Response upload(Http as, String sourceName, Path file) throws IOException {
    return as.send(as.request("/api/sources/" + sourceName + "/imports").header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofFile(file)));
  }

  private static Response uploadMultipart(Http as, String sourceName, Path file, String part) throws IOException {
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfirst load\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
        + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
    String tail = "\r\n--" + BOUNDARY + "--\r\n";
    return as.send(as.request("/api/sources/" + sourceName + "/imports")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(BodyPublishers.ofByteArray(concat(head.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file),
            tail.getBytes(StandardCharsets.UTF_8)))));
  }

  private static String location(Response accepted) {
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    return accepted.headers().firstValue("Location").orElseThrow();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
  }

  private long jobCount() {
    return sql.sql("select count(*) from source_import").query(Long.class).single();
  }

  private List<Path> partFiles() {
    if (!Files.isDirectory(imports)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(imports)) {
      return files.filter(file -> file.toString().endsWith(".part")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }

  private static List<String> lineAndField(JsonNode rejections) {
    return StreamSupport.stream(rejections.spliterator(), false)
        .map(r -> r.path("line").asLong() + ":" + r.path("field").asText()).toList();
  }

  private static List<String> ids(JsonNode jobs) {
    return StreamSupport.stream(jobs.spliterator(), false).map(job -> job.path("id").asText()).toList();
  }
}
