package io.gridcare.customers.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.ContentDisposition;

/**
 * One named part of a {@code multipart/form-data} body, read as the body arrives. Servlet multipart parsing
 * would first store the whole file (and cap it with the limit of every other upload); an import streams it
 * straight to its own file instead.
 */
final class MultipartStream {

  private static final int BUFFER = 64 * 1024;
  private static final int MAX_HEADER_LINE = 8 * 1024;
  private static final int MAX_HEADER_LINES = 32;
  private static final int UNKNOWN = -2;

  /** A part found: its file name (null if none) and its content, which ends where the part does. */
  record Part(String fileName, InputStream content) {
  }

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buffer = new byte[BUFFER];
  private int start;
  private int end;
  private boolean eof;
  private boolean atDelimiter;
  /** Where the next delimiter is in the buffer (-1: not in it), or {@link #UNKNOWN} until searched. */
  private int next = UNKNOWN;

  private MultipartStream(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // the first boundary need not follow a line break: pretend one came before the body
    buffer[0] = '\r';
    buffer[1] = '\n';
    end = 2;
  }

  /**
   * The part with this name, its content not yet read; empty when the body has none.
   *
   * @throws IOException also when the body is not well-formed multipart
   */
  static Optional<Part> find(InputStream body, String boundary, String name) throws IOException {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new MalformedMultipart("no valid boundary");
    }
    MultipartStream stream = new MultipartStream(body, boundary);
    stream.skipPart();
    while (true) {
      if (stream.readLine().startsWith("--")) {
        return Optional.empty();
      }
      ContentDisposition disposition = null;
      for (int lines = 0; ; lines++) {
        String header = stream.readLine();
        if (header.isEmpty()) {
          break;
        }
        if (lines == MAX_HEADER_LINES) {
          throw new MalformedMultipart("too many part headers");
        }
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
          disposition = ContentDisposition.parse(header.substring(colon + 1).trim());
        }
      }
      if (disposition != null && name.equals(disposition.getName())) {
        return Optional.of(new Part(disposition.getFilename(), stream.new Content()));
      }
      stream.skipPart();
    }
  }

  /** The body is not multipart as its content type says. */
  static final class MalformedMultipart extends IOException {
    MalformedMultipart(String message) {
      super("Malformed multipart body: " + message);
    }
  }

  private final class Content extends InputStream {

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      return readPart(target, offset, length);
    }
  }

  /** Reads the current part's content up to the next delimiter; -1 once there. */
  private int readPart(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!atDelimiter) {
      if (next == UNKNOWN) {
        next = indexOfDelimiter();
      }
      int found = next;
      if (found == start) {
        start += delimiter.length;
        atDelimiter = true;
        next = UNKNOWN;
        break;
      }
      int safe = found >= 0 ? found : end - (delimiter.length - 1);
      if (safe > start) {
        int n = Math.min(length, safe - start);
        System.arraycopy(buffer, start, target, offset, n);
        start += n;
        return n;
      }
      if (eof) {
        throw new MalformedMultipart("the body ends inside a part");
      }
      fill();
    }
    return -1;
  }

  private void skipPart() throws IOException {
    byte[] discard = new byte[BUFFER];
    while (readPart(discard, 0, discard.length) >= 0) {
      // discarded
    }
    atDelimiter = false;
  }

  /** The rest of a line, without its CRLF (ISO-8859-1, as header bytes come). */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      if (start == end) {
        if (eof) {
          throw new MalformedMultipart("the body ends inside part headers");
        }
        fill();
        continue;
      }
      byte b = buffer[start++];
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      if (line.size() == MAX_HEADER_LINE) {
        throw new MalformedMultipart("part header line too long");
      }
      line.write(b);
    }
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = start; i <= end - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void fill() throws IOException {
    next = UNKNOWN;
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }
}
