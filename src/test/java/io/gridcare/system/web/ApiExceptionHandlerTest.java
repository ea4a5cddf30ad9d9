package io.gridcare.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.ServletWebRequest;

class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();
  private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/x"));

  @Test
  void unexpectedFailureIsAProblemWithAReferenceAndNoInternals() {
    ResponseEntity<Object> response = handler.handleUnexpected(
        new IllegalStateException("connection to db-internal-7 refused"), request);

    ProblemDetail problem = (ProblemDetail) response.getBody();
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(problem.getProperties()).containsKey("reference");
    assertThat(problem.getDetail()).contains(problem.getProperties().get("reference").toString())
        .doesNotContain("db-internal-7");
  }

  @Test
  void refusedMethodRuleIsForbidden() {
    ResponseEntity<Object> response = handler.handleAccessDenied(new AccessDeniedException("admin only"), request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
