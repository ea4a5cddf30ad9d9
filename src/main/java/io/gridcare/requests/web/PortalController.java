package io.gridcare.requests.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.gridcare.requests.PhoneVerifications;
import io.gridcare.requests.PortalRateLimits;
import io.gridcare.requests.PortalRequests;
import io.gridcare.requests.RequestDraft;
import io.gridcare.requests.Warning;
import io.gridcare.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public portal's requests: no login; rate-limited per client and per phone. */
@RestController
@Tag(name = "Portal", description = "Cổng dịch vụ trực tuyến / Online service portal")
class PortalController {

  static final String NOT_FOUND = "Không tìm thấy yêu cầu với mã và số điện thoại này / "
      + "No request with this code and phone";

  private final PortalRequests requests;
  private final PortalRateLimits limits;
  private final PhoneVerifications verifications;

  PortalController(PortalRequests requests, PortalRateLimits limits, PhoneVerifications verifications) {
    this.requests = requests;
    this.limits = limits;
    this.verifications = verifications;
  }

  @ModelAttribute
  void limitClient(HttpServletRequest request) {
    limits.client(request.getRemoteAddr());
  }

  @PostMapping("/api/portal/requests/validate")
  @Operation(summary = "Kiểm tra bản nháp yêu cầu / Check a draft request",
      description = "Answers the warnings for the draft as it stands: each with a code, the field, a message in "
          + "Vietnamese and English, and whether it blocks automatic forwarding. Stores nothing.")
  Warnings validate(@Valid @RequestBody RequestDraft draft) {
    return new Warnings(requests.validate(draft));
  }

  @PostMapping("/api/portal/requests")
  @Operation(summary = "Gửi yêu cầu / Submit a request",
      description = "Stores the request and starts its triage; answers its code (to track it with the phone), "
          + "its status and the warnings. A request with warnings is taken, and an agent reviews it. With phone "
          + "verification on, the headers Verification-Id and Verification-Code carry the proof from "
          + "POST /api/portal/verifications (one request per code).")
  ResponseEntity<PortalRequests.Submitted> submit(@Valid @RequestBody RequestDraft draft,
      @RequestHeader(name = "Verification-Id", required = false) UUID verificationId,
      @RequestHeader(name = "Verification-Code", required = false) String verificationCode) {
    if (draft.phone() != null) {
      limits.phone(draft.phone());
    }
    PhoneVerifications.Proof proof = verificationId == null && verificationCode == null ? null
        : new PhoneVerifications.Proof(verificationId, verificationCode);
    PortalRequests.Submitted submitted = requests.submit(draft, proof);
    return ResponseEntity.created(URI.create("/api/portal/requests/" + submitted.code())).body(submitted);
  }

  @PostMapping("/api/portal/verifications")
  @Operation(summary = "Gửi mã xác thực số điện thoại / Send a phone verification code",
      description = "Sends a six-digit code by SMS to the phone, valid 5 minutes, 5 tries, for one request. "
          + "Answers the verification id to send back with the code when submitting.")
  ResponseEntity<PhoneVerifications.Started> verify(@Valid @RequestBody PhoneToVerify body) {
    limits.phone(body.phone());
    return ResponseEntity.status(HttpStatus.CREATED).body(verifications.start(body.phone()));
  }

  record PhoneToVerify(@NotBlank @Size(max = 20) String phone) {
  }

  @GetMapping("/api/portal/requests/{code}")
  @Operation(summary = "Theo dõi yêu cầu / Track a request",
      description = "Status, promised date and timeline, given the phone that submitted it. An unknown code and "
          + "a wrong phone get the same 404.")
  PortalRequests.Tracking track(@PathVariable String code, @RequestParam String phone) {
    return requests.track(code, phone).orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  @PostMapping("/api/portal/requests/{code}/supplements")
  @Operation(summary = "Bổ sung thông tin / Add information",
      description = "When the care centre asked for more (status WAITING_FOR_CUSTOMER): the fields and documents "
          + "given are added to the request, which is checked and triaged again. 409 when nothing was asked.")
  PortalRequests.Tracking supplement(@PathVariable String code, @RequestParam String phone,
      @Valid @RequestBody RequestDraft supplement) {
    limits.phone(phone);
    return requests.supplement(code, phone, supplement).orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  record Warnings(List<Warning> warnings) {
  }

  @ExceptionHandler(PortalRequests.InvalidDraft.class)
  ProblemDetail invalid(PortalRequests.InvalidDraft e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Yêu cầu không hợp lệ / The request is invalid");
    problem.setProperty("errors", e.problems());
    return problem;
  }

  @ExceptionHandler(PortalRateLimits.LimitReached.class)
  ResponseEntity<ProblemDetail> tooMany(PortalRateLimits.LimitReached e) {
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "Quá nhiều yêu cầu, vui lòng thử lại sau " + seconds + " giây / Too many requests; retry in " + seconds + " s");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
  }
}
