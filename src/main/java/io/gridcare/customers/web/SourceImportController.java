package io.gridcare.customers.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.gridcare.customers.ImportJob;
import io.gridcare.customers.Source;
import io.gridcare.customers.SourceImports;
import io.gridcare.system.InvalidParameterException;
import io.gridcare.system.NotFoundException;
import io.gridcare.system.PageQuery;
import io.gridcare.system.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sources", description = "Dữ liệu từ hệ thống nguồn / Records from source systems")
class SourceImportController {

  static final String FILE_PART = "file";
  private static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final SourceImports imports;

  SourceImportController(SourceImports imports) {
    this.imports = imports;
  }

  @PostMapping("/api/sources/{source}/imports")
  @Operation(summary = "Nạp tệp CSV / Import a CSV file of records (billing, metering, outages, crm, channels)",
      description = "For initial loads: the layout is in docs/csv-import.md. Send the file as the body (text/csv) "
          + "or as the part 'file' of multipart/form-data. Answers 202 with the queued job at once; follow it at "
          + "the Location. Capped by gridcare.api.max-import-size (413 above).",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
          @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
          @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
              schema = @Schema(implementation = CsvUpload.class))}))
  ResponseEntity<ImportJob> upload(@PathVariable String source, HttpServletRequest request, Authentication user)
      throws IOException {
    Source from = Source.byPath(source).orElseThrow(() -> new NotFoundException(
        "Không có nguồn " + source + " / No source " + source + " (billing, metering, outages, crm, channels)"));
    MediaType type = contentType(request);
    String fileName = null;
    InputStream body = request.getInputStream();
    if (MediaType.MULTIPART_FORM_DATA.includes(type)) {
      MultipartStream.Part part;
      try {
        part = MultipartStream.find(body, type.getParameter("boundary"), FILE_PART)
            .orElseThrow(() -> new InvalidParameterException(FILE_PART,
                "Thiếu phần 'file' / The multipart body has no part named 'file'"));
      } catch (MultipartStream.MalformedMultipart e) {
        throw new InvalidParameterException(FILE_PART, "Nội dung multipart không đọc được / " + e.getMessage());
      }
      fileName = part.fileName();
      body = part.content();
    }
    ImportJob job = imports.start(from, body, fileName, user.getName());
    return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
  }

  @GetMapping("/api/imports")
  @Operation(summary = "Các lần nạp gần đây / Recent imports, newest first")
  PageResponse<ImportJob> list(@Valid PageQuery page) {
    return imports.recent(page);
  }

  @GetMapping("/api/imports/{id}")
  @Operation(summary = "Một lần nạp / An import: status, percent done, counts and the first 100 rejections")
  ImportJob get(@PathVariable String id) {
    return imports.find(importId(id)).orElseThrow(() -> notFound(id));
  }

  @GetMapping("/api/imports/{id}/rejections")
  @Operation(summary = "Các dòng bị từ chối / Every rejection of an import, by CSV line")
  PageResponse<ImportJob.Rejection> rejections(@PathVariable String id, @Valid PageQuery page) {
    return imports.rejections(importId(id), page).orElseThrow(() -> notFound(id));
  }

  /** text/csv in UTF-8, or multipart/form-data; anything else is refused before a byte is stored. */
  private static MediaType contentType(HttpServletRequest request) {
    MediaType type;
    try {
      type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (InvalidMediaTypeException e) {
      type = null;
    }
    if (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) {
      return type;
    }
    if (type != null && CSV.includes(type)) {
      Charset charset = type.getCharset();
      if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
        return type;
      }
      throw unsupported("Chỉ nhận UTF-8 / Only UTF-8 is accepted, not " + charset.name());
    }
    throw unsupported("Gửi tệp dạng text/csv hoặc multipart/form-data (phần 'file') / Send the file as text/csv "
        + "or as the part 'file' of multipart/form-data, not " + (type == null ? "no content type" : type));
  }

  private static ErrorResponseException unsupported(String detail) {
    return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail), null);
  }

  /** An id that is no UUID names no import either. */
  private static UUID importId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("Không có lần nạp " + id + " / No import " + id);
  }

  /** The multipart form, for the API documentation. */
  record CsvUpload(@Schema(type = "string", format = "binary") String file) {
  }
}
