package io.gridcare.requests.web;

import io.gridcare.requests.RequestDesk;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Requests", description = "Yêu cầu dịch vụ trực tuyến / Online service requests")
class RequestController {

  private final RequestDesk desk;

  RequestController(RequestDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/api/requests/{code}")
  @Operation(summary = "Một yêu cầu / One request",
      description = "The request as submitted (with supplements), its warnings, triage outcome and timeline.")
  RequestDesk.RequestView request(@PathVariable String code) {
    return desk.find(code).orElseThrow(() -> new NotFoundException("Không có yêu cầu " + code + " / No request " + code));
  }

  @PostMapping("/api/requests/{code}/outcome")
  @Operation(summary = "Điện lực báo kết quả / A unit's system reports the outcome",
      description = "For units that take requests into their own system: COMPLETED or REJECTED, with a note the "
          + "customer reads. 409 when the request is not waiting for it.")
  ResponseEntity<Void> outcome(@PathVariable String code, @Valid @RequestBody Outcome outcome) {
    if (desk.find(code).isEmpty()) {
      throw new NotFoundException("Không có yêu cầu " + code + " / No request " + code);
    }
    desk.handled(code, outcome.outcome(), outcome.note());
    return ResponseEntity.noContent().build();
  }

  record Outcome(@NotNull RequestDesk.Outcome outcome, @Size(max = 280) String note) {
  }
}
