package io.gridcare.system.web;

import java.io.IOException;

import io.gridcare.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of an API request. A declared length over the limit is refused before anything is read; a
 * chunked body is counted while it is read, and the read fails as soon as it passes the limit (answered with 413
 * by {@link ApiExceptionHandler}). Batches from source systems have a larger limit; CSV imports (raw or
 * multipart, read as a stream) a far larger one; other multipart uploads their own; the public portal's forms a small one.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

  static final String DETAIL = "Yêu cầu quá lớn / Request body too large";
  static final String BATCHES = "/api/sources/";
  static final String IMPORTS = "/imports";
  /** The public portal: small forms from anyone, so the smallest limit. */
  static final String PORTAL = "/api/portal/";

  private final long limit;
  private final long batchLimit;
  private final long importLimit;
  private final long portalLimit;

  RequestSizeLimit(DataSize limit, DataSize batchLimit, DataSize importLimit, DataSize portalLimit) {
    this.limit = limit.toBytes();
    this.batchLimit = batchLimit.toBytes();
    this.importLimit = importLimit.toBytes();
    this.portalLimit = portalLimit.toBytes();
  }

  /** {@code POST /api/sources/{source}/imports}: a CSV file, whose body its handler reads itself. */
  static boolean isImport(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.startsWith(BATCHES) && uri.endsWith(IMPORTS);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !request.getRequestURI().startsWith("/api/")
        || !isImport(request) && type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    long limit = isImport(request) ? importLimit
        : uri.startsWith(BATCHES) ? batchLimit : uri.startsWith(PORTAL) ? portalLimit : this.limit;
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
          + "\"detail\":\"" + DETAIL + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  static boolean isCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long count;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      count += n;
      if (count > limit) {
        throw new TooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super(DETAIL);
    }
  }
}
