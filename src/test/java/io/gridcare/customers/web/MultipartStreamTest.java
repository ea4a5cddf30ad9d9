package io.gridcare.customers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultipartStreamTest {

  private static final String BOUNDARY = "----form-7MA4YWxkTrZu0gW";

  @Test
  void findsTheNamedPartAmongOthersAndEndsItAtItsBoundary() throws IOException {
    byte[] content = new byte[300_000];
    new Random(1).nextBytes(content);
    // bytes that look like the start of a boundary inside the content must stay content
    byte[] almost = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(almost, 0, content, 70_000, almost.length);
    byte[] body = body(part("note", null, "hello".getBytes(StandardCharsets.UTF_8)),
        part("file", "khách hàng.csv", content));

    MultipartStream.Part part = MultipartStream.find(trickling(body), BOUNDARY, "file").orElseThrow();

    assertThat(part.fileName()).isEqualTo("khách hàng.csv");
    assertThat(part.content().readAllBytes()).isEqualTo(content);
  }

  @Test
  void aBodyWithoutThePartHasNone() throws IOException {
    byte[] body = body(part("note", null, "hello".getBytes(StandardCharsets.UTF_8)));

    assertThat(MultipartStream.find(new ByteArrayInputStream(body), BOUNDARY, "file")).isEmpty();
  }

  @Test
  void aBodyCutOffInsideThePartIsMalformed() throws IOException {
    byte[] body = body(part("file", "a.csv", "customerCode\n".getBytes(StandardCharsets.UTF_8)));
    byte[] cut = Arrays.copyOf(body, body.length - BOUNDARY.length() - 8);

    MultipartStream.Part part = MultipartStream.find(new ByteArrayInputStream(cut), BOUNDARY, "file").orElseThrow();

    assertThatThrownBy(() -> part.content().readAllBytes()).isInstanceOf(MultipartStream.MalformedMultipart.class);
    assertThatThrownBy(() -> MultipartStream.find(new ByteArrayInputStream(new byte[10]), BOUNDARY, "file"))
        .isInstanceOf(MultipartStream.MalformedMultipart.class);
  }

  private static byte[] part(String name, String fileName, byte[] content) {
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    part.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
        .replace("+", "%20")) + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    part.writeBytes(content);
    part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return part.toByteArray();
  }

  private static byte[] body(byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("preamble\r\n".getBytes(StandardCharsets.US_ASCII));
    for (byte[] part : parts) {
      body.writeBytes(part);
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  /** Hands out the body in small, uneven reads, as a network does. */
  private static InputStream trickling(byte[] body) {
    return new ByteArrayInputStream(body) {
      private int turn;

      @Override
      public synchronized int read(byte[] target, int offset, int length) {
        return super.read(target, offset, Math.min(length, 1 + (turn++ * 7919) % 5000));
      }
    };
  }
}
