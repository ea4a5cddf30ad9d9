package io.gridcare.requests;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.gridcare.customers.PhoneNumbers;
import io.gridcare.system.ConflictException;
import io.gridcare.system.LatestDefinitions;
import io.gridcare.units.Units;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the public portal does with requests: validate a draft, submit it (which starts its triage), track it with
 * the phone that sent it, and add what the care centre asked for.
 */
@Service
@EnableConfigurationProperties(RequestSettings.class)
public class PortalRequests {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  /** No 0/O, 1/I/L: codes are read out on the phone. */
  private static final char[] CODE_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

  private final ServiceCatalog catalog;
  private final RequestChecks checks;
  private final ServiceRequests requests;
  private final RuntimeService runtime;
  private final DecisionService decisions;
  private final LatestDefinitions definitions;
  private final RequestFlowStarts flows;
  private final TransactionTemplate transaction;
  /** The checks' reads in one transaction rather than one each. */
  private final TransactionTemplate readOnly;
  private final Units units;
  private final PhoneVerifications verifications;
  private final Clock clock;
  private final Timer triage;
  private final SecureRandom random = new SecureRandom();

  PortalRequests(ServiceCatalog catalog, RequestChecks checks, ServiceRequests requests, RuntimeService runtime,
      DecisionService decisions, LatestDefinitions definitions, RequestFlowStarts flows,
      TransactionTemplate transaction, Units units, PhoneVerifications verifications, Clock clock,
      MeterRegistry meters) {
    this.decisions = decisions;
    this.definitions = definitions;
    this.flows = flows;
    this.verifications = verifications;
    this.catalog = catalog;
    this.checks = checks;
    this.requests = requests;
    this.runtime = runtime;
    this.transaction = transaction;
    this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
    this.readOnly.setReadOnly(true);
    this.units = units;
    this.clock = clock;
    this.triage = Timer.builder("gridcare.requests.triage")
        .description("From a submitted request to its triage decision").publishPercentileHistogram()
        .register(meters);
  }

  /** A draft that cannot be taken at all (not merely incomplete), with each problem. */
  public static final class InvalidDraft extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidDraft(List<FieldProblem> problems) {
      super("Invalid draft: " + problems);
      this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
      return problems;
    }
  }

  public record FieldProblem(String field, String message) {
  }

  public record Submitted(String code, RequestStatus status, List<Warning> warnings) {
  }

  /** What the customer sees of a request. */
  public record Tracking(String code, RequestStatus status, Label statusLabel, String serviceType, Label serviceName,
      Instant submittedAt, LocalDate promisedBy, List<Step> timeline) {
  }

  public record Step(Instant at, RequestStatus status, Label label, Label note) {
  }

  public List<Warning> validate(RequestDraft draft) {
    ServiceType service = service(draft);
    return readOnly.execute(status -> checks.assess(service, draft, null).warnings());
  }

  /** Submits a draft whose phone needs no proof (only when phone verification is off). */
  public Submitted submit(RequestDraft draft) {
    return submit(draft, null);
  }

  /**
   * Submits a draft. When phone verification is on ({@link PhoneVerifications#required()}), or a proof is given
   * anyway, the proof must hold for the draft's phone; it is spent before anything is stored.
   */
  public Submitted submit(RequestDraft draft, PhoneVerifications.Proof proof) {
    long started = System.nanoTime();
    ServiceType service = service(draft);
    String phone = phone(draft);
    if (proof != null || verifications.required()) {
      verifications.spend(proof, phone).ifPresent(problem -> {
        throw new InvalidDraft(List.of(new FieldProblem("verification", problem)));
      });
    }
    for (int attempt = 1; ; attempt++) {
      String code = newCode();
      try {
        // one transaction: the checks' reads and the writes share a connection and a commit
        Submitted submitted = transaction.execute(status -> {
          Assessment assessment = checks.assess(service, draft, null);
          store(code, phone, draft, assessment);
          return new Submitted(code, RequestStatus.RECEIVED, assessment.warnings());
        });
        triage.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        flows.wake();
        return submitted;
      } catch (DuplicateKeyException codeTaken) {
        if (attempt == 3) {
          throw codeTaken;
        }
      }
    }
  }

  /**
   * Stores the request with its triage decision, taken here by {@code Decision_RequestTriage} so that the
   * customer's answer waits for nothing else; the flow that acts on the decision starts right after the commit
   * ({@link RequestFlowStarts}).
   */
  private void store(String code, String phone, RequestDraft draft, Assessment assessment) {
    String outcome = decisions.evaluateDecisionById(definitions.decision(RequestFlow.DECISION_TRIAGE))
        .variables(assessment.triageInputs()).evaluate().getSingleEntry();
    requests.insert(code, phone, draft, assessment, outcome, clock.instant());
  }

  /** The request, when the phone is the one that sent it; unknown codes and wrong phones look the same. */
  public Optional<Tracking> track(String code, String phone) {
    return own(code, phone).map(this::tracking);
  }

  /** Adds what the care centre asked for; the request is then checked and triaged again. */
  public Optional<Tracking> supplement(String code, String phone, RequestDraft more) {
    Optional<ServiceRequest> found = own(code, phone);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ServiceRequest request = found.get();
    if (more.serviceType() != null && catalog.find(more.serviceType()).filter(ServiceType::active).isEmpty()) {
      throw new InvalidDraft(List.of(new FieldProblem("serviceType",
          "Không có dịch vụ " + more.serviceType() + " / No service " + more.serviceType())));
    }
    transaction.executeWithoutResult(status -> {
      ServiceRequest current = requests.get(request.id());
      if (current.status() != RequestStatus.WAITING_FOR_CUSTOMER) {
        throw new ConflictException("Yêu cầu không chờ bổ sung thông tin / The request is not waiting for information");
      }
      Instant now = clock.instant();
      requests.supplement(current.id(), more, now);
      requests.draft(current.id(), current.draft().supplementedBy(more));
      requests.status(current.id(), RequestStatus.RECEIVED,
          new Label("Đã nhận thông tin bổ sung", "Additional information received"), null, now);
      try {
        runtime.createMessageCorrelation(RequestFlow.MSG_SUPPLEMENT_RECEIVED)
            .processInstanceBusinessKey(current.code()).correlateWithResult();
      } catch (MismatchingMessageCorrelationException notWaiting) {
        throw new ConflictException("Yêu cầu không chờ bổ sung thông tin / The request is not waiting for information");
      }
    });
    return Optional.of(tracking(requests.get(request.id())));
  }

  private Optional<ServiceRequest> own(String code, String phone) {
    if (code == null || phone == null || code.length() > 16) {
      return Optional.empty();
    }
    Optional<String> normalised = PhoneNumbers.normalise(phone);
    return normalised.flatMap(number -> requests.find(code).filter(request -> request.phone().equals(number)));
  }

  Tracking tracking(ServiceRequest request) {
    Optional<ServiceType> service = catalog.find(request.serviceType());
    LocalDate promisedBy = service.map(type -> {
      boolean urban = request.unitCode() == null
          || units.findById(request.unitCode()).map(unit -> unit.urban()).orElse(true);
      Instant from = request.forwardedAt() != null ? request.forwardedAt() : request.submittedAt();
      return WorkingDays.after(from.atZone(VIETNAM).toLocalDate(), type.promisedWorkingDays(urban));
    }).orElse(null);
    List<Step> timeline = requests.timeline(request.id()).stream()
        .map(event -> new Step(event.at(), event.status(), event.status().label(), event.note())).toList();
    return new Tracking(request.code(), request.status(), request.status().label(), request.serviceType(),
        service.map(ServiceType::name).orElse(null), request.submittedAt(), request.status().open() ? promisedBy : null,
        timeline);
  }

  private ServiceType service(RequestDraft draft) {
    if (draft.serviceType() == null || draft.serviceType().isBlank()) {
      throw new InvalidDraft(List.of(new FieldProblem("serviceType",
          "Chọn một dịch vụ của danh mục / choose a service of the catalog")));
    }
    return catalog.find(draft.serviceType()).filter(ServiceType::active)
        .orElseThrow(() -> new InvalidDraft(List.of(new FieldProblem("serviceType",
            "Không có dịch vụ " + draft.serviceType() + " / No service " + draft.serviceType()))));
  }

  private static String phone(RequestDraft draft) {
    if (draft.phone() == null || draft.phone().isBlank()) {
      throw new InvalidDraft(List.of(new FieldProblem("phone",
          "Cần số điện thoại để theo dõi và liên hệ / a phone number is needed to track the request and call back")));
    }
    return PhoneNumbers.normalise(draft.phone()).orElseThrow(() -> new InvalidDraft(List.of(
        new FieldProblem("phone", "Số điện thoại không hợp lệ / not a valid phone number"))));
  }

  private String newCode() {
    StringBuilder code = new StringBuilder("YC").append(LocalDate.now(clock.withZone(VIETNAM)).format(CODE_DATE));
    for (int i = 0; i < 6; i++) {
      code.append(CODE_CHARACTERS[random.nextInt(CODE_CHARACTERS.length)]);
    }
    return code.toString();
  }
}
