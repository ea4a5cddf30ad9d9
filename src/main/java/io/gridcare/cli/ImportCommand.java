package io.gridcare.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code gridcare import <source> <file.csv> [--url URL] [--user USER]}: uploads a CSV file for a bulk import,
 * then follows the job until it ends, with a progress bar on a terminal, and prints a summary with the first
 * rejections. Exit code 0 when the import completed (rejected rows or not), 1 when it failed or was refused, 2 on
 * a usage error.
 */
public final class ImportCommand {

  public static final int COMPLETED = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  static final String PASSWORD_VARIABLE = "GRIDCARE_PASSWORD";
  static final String USAGE_TEXT = """
      Cách dùng / Usage: java -jar gridcare.jar import <source> <file.csv> [--url http://localhost:8080] [--user admin]
        source: billing, metering, outages, crm or channels; the file's layout is in docs/csv-import.md
        password: from the environment variable GRIDCARE_PASSWORD, else asked for""";

  private static final int BAR = 30;
  private static final int SHOWN_REJECTIONS = 20;
  /** How long polling goes on through a server that does not answer (restarting, say) before giving up. */
  private static final Duration UNREACHABLE_FOR = Duration.ofMinutes(2);

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;
  private final Supplier<char[]> passwordPrompt;
  private final boolean terminal;
  private final Duration pollInterval;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param out the summary
   * @param err progress and errors
   * @param passwordPrompt asks for the password when the environment has none; null where nobody can answer
   * @param terminal draw the progress bar in place ({@code \r}) rather than as lines
   */
  public ImportCommand(PrintStream out, PrintStream err, Map<String, String> environment,
      Supplier<char[]> passwordPrompt, boolean terminal, Duration pollInterval) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.passwordPrompt = passwordPrompt;
    this.terminal = terminal;
    this.pollInterval = pollInterval;
  }

  /** From {@code main}: the process's own streams, environment and console. */
  public static int runFromMain(String... args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    java.io.Console console = System.console();
    Supplier<char[]> prompt = console == null ? null
        : () -> console.readPassword("Mật khẩu / Password: ");
    return new ImportCommand(out, err, System.getenv(), prompt, console != null, Duration.ofMillis(500)).run(args);
  }

  /** @param args what follows {@code import} on the command line */
  public int run(String... args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (!Files.isRegularFile(arguments.file()) || !Files.isReadable(arguments.file())) {
      err.println("Không đọc được tệp / Cannot read the file " + arguments.file());
      return USAGE;
    }
    String password = environment.get(PASSWORD_VARIABLE);
    if (password == null || password.isEmpty()) {
      char[] typed = passwordPrompt == null ? null : passwordPrompt.get();
      if (typed == null) {
        err.println("Cần mật khẩu / A password is needed: set " + PASSWORD_VARIABLE + " or run on a terminal");
        return USAGE;
      }
      password = new String(typed);
    }
    String authorization = "Basic " + Base64.getEncoder()
        .encodeToString((arguments.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      return importFile(arguments, authorization);
    } catch (IOException e) {
      err.println("Không kết nối được / Cannot reach " + arguments.url() + ": " + describe(e));
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  private int importFile(Arguments arguments, String authorization) throws IOException, InterruptedException {
    long size = Files.size(arguments.file());
    err.printf(Locale.US, "Đang gửi / Uploading %s (%s) to %s%n", arguments.file().getFileName(), bytes(size),
        arguments.url());
    HttpRequest upload = HttpRequest.newBuilder(URI.create(arguments.url() + "/api/sources/"
            + URLEncoder.encode(arguments.source(), StandardCharsets.UTF_8) + "/imports"))
        .header("Authorization", authorization)
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofFile(arguments.file()))
        .build();
    HttpResponse<String> response = http.send(upload, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 202) {
      err.println("Không nhận / Refused (HTTP " + response.statusCode() + "): " + problem(response.body()));
      return FAILED;
    }
    JsonNode job = json.readTree(response.body());
    String id = job.path("id").asText();
    URI status = URI.create(arguments.url() + "/api/imports/" + id);
    err.println("Lần nạp / Import " + id + ": " + status);
    Instant reachable = Instant.now();
    String lastLine = null;
    // polled at least once: the job as the upload answered it has no rejections yet
    do {
      Thread.sleep(pollInterval.toMillis());
      HttpResponse<String> polled;
      try {
        polled = http.send(HttpRequest.newBuilder(status).header("Authorization", authorization)
            .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (Duration.between(reachable, Instant.now()).compareTo(UNREACHABLE_FOR) > 0) {
          endProgress(lastLine);
          throw e;
        }
        continue;
      }
      reachable = Instant.now();
      if (polled.statusCode() != 200) {
        endProgress(lastLine);
        err.println("Không theo dõi được / Cannot follow the import (HTTP " + polled.statusCode() + "): "
            + problem(polled.body()));
        return FAILED;
      }
      job = json.readTree(polled.body());
      String line = progress(job);
      if (terminal) {
        err.print("\r" + line);
        err.flush();
      } else if (!line.equals(lastLine)) {
        err.println(line);
      }
      lastLine = line;
    } while (!finished(job) || !job.has("rejections"));
    endProgress(lastLine);
    summarise(job);
    return "COMPLETED".equals(job.path("status").asText()) ? COMPLETED : FAILED;
  }

  private void endProgress(String lastLine) {
    if (terminal && lastLine != null) {
      err.println();
    }
  }

  private static boolean finished(JsonNode job) {
    String status = job.path("status").asText();
    return status.equals("COMPLETED") || status.equals("FAILED");
  }

  /** {@code [#####-----]  45%  12,345 rows  120 rejected} */
  static String progress(JsonNode job) {
    int percent = job.path("percentDone").asInt();
    int done = percent * BAR / 100;
    return String.format(Locale.US, "[%s%s] %3d%%  %,d rows  %,d rejected", "#".repeat(done), "-".repeat(BAR - done),
        percent, job.path("rowsRead").asLong(), job.path("rejected").asLong());
  }

  private void summarise(JsonNode job) {
    boolean completed = "COMPLETED".equals(job.path("status").asText());
    out.printf(Locale.US, "%s: %,d rows, %,d customers: %,d applied, %,d unchanged, %,d stale, %,d rejected%n",
        completed ? "Hoàn tất / Completed" : "Thất bại / Failed", job.path("rowsRead").asLong(),
        job.path("records").asLong(), job.path("applied").asLong(), job.path("unchanged").asLong(),
        job.path("stale").asLong(), job.path("rejected").asLong());
    if (!completed) {
      out.println(job.path("error").asText(""));
    }
    List<JsonNode> rejections = new ArrayList<>();
    job.path("rejections").forEach(rejections::add);
    if (!rejections.isEmpty()) {
      out.println("Các dòng bị từ chối / Rejected rows:");
      for (JsonNode rejection : rejections.subList(0, Math.min(SHOWN_REJECTIONS, rejections.size()))) {
        out.printf(Locale.US, "  line %,d  %s  %s: %s%n", rejection.path("line").asLong(),
            rejection.path("customerCode").asText("-"), rejection.path("field").asText("-"),
            rejection.path("problem").asText());
      }
      if (rejections.size() > SHOWN_REJECTIONS || job.path("rejected").asLong() > rejections.size()) {
        out.println("  ... /api/imports/" + job.path("id").asText() + "/rejections");
      }
    }
  }

  /** A problem detail's text, with its field errors; the body as it came when it is not one. */
  private String problem(String body) {
    try {
      JsonNode problem = json.readTree(body);
      StringBuilder text = new StringBuilder(problem.path("detail").asText(body));
      problem.path("errors").forEach(error -> text.append(System.lineSeparator()).append("  ")
          .append(error.path("field").asText()).append(": ").append(error.path("message").asText()));
      return text.toString();
    } catch (IOException e) {
      return body;
    }
  }

  private static String describe(IOException e) {
    return e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage());
  }

  private static String bytes(long size) {
    return size >= 1 << 20 ? String.format(Locale.US, "%,.1f MB", size / (double) (1 << 20))
        : String.format(Locale.US, "%,d bytes", size);
  }

  record Arguments(String source, Path file, String url, String user) {

    static Arguments parse(String... args) {
      List<String> positional = new ArrayList<>();
      String url = "http://localhost:8080";
      String user = "admin";
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (option.equals("--url") || option.equals("--user")) {
          String value;
          if (arg.contains("=")) {
            value = arg.substring(arg.indexOf('=') + 1);
          } else if (i + 1 < args.length) {
            value = args[++i];
          } else {
            throw new IllegalArgumentException("Thiếu giá trị / Missing value for " + option);
          }
          if (option.equals("--url")) {
            url = value.replaceAll("/+$", "");
          } else {
            user = value;
          }
        } else if (arg.startsWith("--")) {
          throw new IllegalArgumentException("Không hiểu / Unknown option " + arg);
        } else {
          positional.add(arg);
        }
      }
      if (positional.size() != 2) {
        throw new IllegalArgumentException("Cần nguồn và tệp / Give a source and a file");
      }
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException("--url: http://host:port or https://host:port");
      }
      return new Arguments(positional.get(0), Path.of(positional.get(1)), url, user);
    }
  }
}
