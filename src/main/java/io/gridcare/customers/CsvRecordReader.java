package io.gridcare.customers;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a source's CSV file as a stream of customer records: a header, then rows, consecutive rows with the same
 * customer code making one record. Never holds more than one record's rows. UTF-8 with or without a byte order
 * mark, comma separated, RFC 4180 quoting; blank lines are skipped.
 */
final class CsvRecordReader implements Closeable {

  /** More rows than any list of a record may have items (outages: 500); beyond it a record is refused. */
  static final int MAX_ROWS_PER_RECORD = 1000;

  private static final CsvFactory CSV = new CsvFactory();
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final CsvLayout layout;
  private final CountingInputStream bytes;
  private final CsvParser parser;
  private final List<String> header;
  private final int codeColumn;
  private CsvLayout.Row pending;
  private long rowsRead;

  private CsvRecordReader(CsvLayout layout, CountingInputStream bytes, CsvParser parser, List<String> header) {
    this.layout = layout;
    this.bytes = bytes;
    this.parser = parser;
    this.header = header;
    this.codeColumn = header.indexOf(CsvLayout.CODE);
  }

  /**
   * Opens the file and reads its header.
   *
   * @throws CsvProblem when the file is empty or its header does not fit the source's layout
   */
  static CsvRecordReader open(Path file, Source source) throws IOException {
    CsvLayout layout = CsvLayout.of(source);
    CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
    try {
      Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
      PushbackReader unmarked = new PushbackReader(text, 1);
      int first = unmarked.read();
      if (first >= 0 && first != BYTE_ORDER_MARK) {
        unmarked.unread(first);
      }
      CsvParser parser = CSV.createParser(unmarked);
      CsvLayout.Row row = readRow(parser);
      if (row == null) {
        throw new CsvProblem(1, "file", "Tệp rỗng / The file is empty");
      }
      List<String> header = row.cells().stream().map(String::strip).toList();
      List<String> problems = layout.headerProblems(header);
      if (!problems.isEmpty()) {
        throw new CsvProblem(row.line(), "header", String.join("; ", problems));
      }
      return new CsvRecordReader(layout, bytes, parser, header);
    } catch (IOException | RuntimeException e) {
      bytes.close();
      throw e;
    }
  }

  /** Checks what an upload must have before a job is made of it: a header that fits and at least one row. */
  static void check(Path file, Source source) throws IOException {
    try (CsvRecordReader reader = open(file, source)) {
      if (reader.readRow() == null) {
        throw new CsvProblem(2, "file", "Tệp chỉ có dòng tiêu đề / The file has a header and no rows");
      }
    }
  }

  /** Skips rows already taken (a resumed job); only before the first {@link #next}. */
  void skip(long rows) throws IOException {
    for (long i = 0; i < rows; i++) {
      if (readRow() == null) {
        break;
      }
    }
    rowsRead = rows;
  }

  /** The next customer's record, or null at the end of the file. */
  CsvRecord next() throws IOException {
    CsvLayout.Row first = pending != null ? pending : readRow();
    pending = null;
    if (first == null) {
      return null;
    }
    String code = cell(first, codeColumn);
    List<CsvLayout.Row> rows = new ArrayList<>();
    rows.add(first);
    long count = 1;
    for (CsvLayout.Row row = readRow(); row != null; row = readRow()) {
      if (code.isEmpty() || !code.equals(cell(row, codeColumn))) {
        pending = row;
        break;
      }
      count++;
      if (rows.size() < MAX_ROWS_PER_RECORD) {
        rows.add(row);
      }
    }
    rowsRead += count;
    if (count > MAX_ROWS_PER_RECORD) {
      return new CsvRecord(first.line(), code, null, new long[0], List.of(new ImportJob.Rejection(first.line(), code,
          CsvLayout.CODE, "Hơn " + MAX_ROWS_PER_RECORD + " dòng cho một khách hàng / More than "
          + MAX_ROWS_PER_RECORD + " rows for one customer")));
    }
    CsvLayout.Assembled assembled = layout.assemble(header, code, rows);
    return new CsvRecord(first.line(), code, assembled.json(), assembled.itemLines(), assembled.problems());
  }

  /** Data rows in the records returned so far (and skipped). */
  long rowsRead() {
    return rowsRead;
  }

  /** Bytes of the file read so far (a little ahead of the records returned: buffers). */
  long bytesRead() {
    return bytes.count;
  }

  CsvLayout layout() {
    return layout;
  }

  @Override
  public void close() throws IOException {
    parser.close();
    bytes.close();
  }

  private CsvLayout.Row readRow() throws IOException {
    return readRow(parser);
  }

  private static CsvLayout.Row readRow(CsvParser parser) throws IOException {
    try {
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          return null;
        }
        List<String> cells = new ArrayList<>();
        long line = -1;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
          if (line < 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          cells.add(parser.getText());
        }
        boolean blank = cells.isEmpty() || cells.size() == 1 && cells.get(0).isBlank();
        if (!blank) {
          return new CsvLayout.Row(line, cells);
        }
      }
    } catch (JsonProcessingException e) {
      throw new CsvProblem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          "CSV không hợp lệ / Malformed CSV: " + e.getOriginalMessage());
    } catch (CharacterCodingException e) {
      throw new CsvProblem(parser.currentLocation().getLineNr(), null,
          "Không phải văn bản UTF-8 / Not UTF-8 text");
    }
  }

  private static String cell(CsvLayout.Row row, int column) {
    return column < row.cells().size() ? row.cells().get(column).strip() : "";
  }

  /** One customer's record as read: its first line, and either its JSON or what is wrong with its rows. */
  record CsvRecord(long line, String customerCode, ObjectNode json, long[] itemLines,
                   List<ImportJob.Rejection> problems) {

    boolean rejected() {
      return !problems.isEmpty();
    }
  }

  /** The file cannot be read on: an empty file, a header that does not fit, broken quoting, not UTF-8. */
  static final class CsvProblem extends RuntimeException {

    private final long line;
    private final String field;

    CsvProblem(long line, String field, String message) {
      super(message);
      this.line = line;
      this.field = field;
    }

    long line() {
      return line;
    }

    String field() {
      return field;
    }
  }

  private static final class CountingInputStream extends FilterInputStream {

    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
