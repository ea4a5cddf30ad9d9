package io.gridcare.system.web;

import java.util.List;
import java.util.UUID;

import io.gridcare.system.ConflictException;
import io.gridcare.system.InvalidParameterException;
import io.gridcare.system.JsonPaths;
import io.gridcare.system.NotFoundException;
import io.gridcare.system.ProblemResponses;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every API error is an RFC 9457 problem detail. Validation errors carry {@code errors}: one entry per failing
 * field, so a client can point at it.
 */
@RestControllerAdvice(basePackages = "io.gridcare")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  static final String INVALID = "Dữ liệu không hợp lệ / Invalid request";

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getBindingResult().getAllErrors().stream()
        .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField() : error.getObjectName(),
            error.getDefaultMessage()))
        .toList();
    return invalid(errors, headers, request, e);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldProblem(fieldName(result.getMethodParameter().getParameterName(), error),
                error.getDefaultMessage())))
        .toList();
    return invalid(errors, headers, request, e);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (RequestSizeLimit.isCause(e)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimit.DETAIL);
      return handleExceptionInternal(e, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Nội dung không đọc được / Malformed request body");
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      problem.setProperty("errors", List.of(new FieldProblem(JsonPaths.of(mapping), mapping.getOriginalMessage())));
    }
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException e, WebRequest request) {
    List<FieldProblem> errors = e.getConstraintViolations().stream()
        .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .toList();
    return invalid(errors, new HttpHeaders(), request, e);
  }

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Object> handleInvalidParameter(InvalidParameterException e, WebRequest request) {
    return invalid(List.of(new FieldProblem(e.field(), e.getMessage())), new HttpHeaders(), request, e);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> handleNotFound(NotFoundException e, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> handleConflict(ConflictException e, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  /** A method-level rule (such as admin-only) refused a signed-in user. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException e, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN);
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
  }

  /** Anything unforeseen: logged with a reference the caller can quote, answered without internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
    if (RequestSizeLimit.isCause(e)) {
      // a handler that reads the body itself (CSV imports) met the size limit
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimit.DETAIL);
      return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, request);
    }
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected error {} on {}", reference, request.getDescription(false), e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Lỗi hệ thống, mã " + reference + " / Internal error, reference " + reference);
    problem.setProperty("reference", reference);
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  private ResponseEntity<Object> invalid(List<FieldProblem> errors, HttpHeaders headers, WebRequest request,
      Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, INVALID);
    problem.setProperty("errors", errors);
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String fieldName(String parameter, MessageSourceResolvable error) {
    return error instanceof FieldError field ? field.getField() : parameter;
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** One failing field: its name as the client sent it, and what is wrong with it. */
  record FieldProblem(String field, String message) {
  }

}
