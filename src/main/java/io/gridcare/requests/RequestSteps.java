package io.gridcare.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.gridcare.customers.CustomerProfiles;
import io.gridcare.system.Access;
import io.gridcare.units.UnitGroups;
import io.gridcare.units.Unit;
import io.gridcare.units.Units;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code TriageServiceRequestProcess}, one bean per delegate expression. They work on the stored
 * request (the process carries its id); each status change goes on the timeline and, where the customer should
 * know, out through the notification flow.
 */
@Configuration(proxyBeanMethods = false)
class RequestSteps {

  static final String TASK_REVIEW = "Task_ReviewRequest";
  private static final int ESCALATED_PRIORITY = 80;

  private final ServiceRequests requests;
  private final ServiceCatalog catalog;
  private final RequestNotices notices;
  private final RequestTexts texts;
  private final Clock clock;

  RequestSteps(ServiceRequests requests, ServiceCatalog catalog, RequestNotices notices, RequestTexts texts,
      Clock clock) {
    this.requests = requests;
    this.catalog = catalog;
    this.notices = notices;
    this.texts = texts;
    this.clock = clock;
  }

  /** End of Task_TriageRequest: the decision goes on the request, for tracking and statistics. */
  @Bean
  ExecutionListener recordTriage() {
    return execution -> requests.triaged(id(execution),
        (String) execution.getVariable(RequestFlow.VAR_TRIAGE_OUTCOME), clock.instant());
  }

  @Bean
  JavaDelegate forwardRequest(RequestSettings settings, Units units) {
    return execution -> {
      ServiceRequest request = requests.get(id(execution));
      acknowledge(request);
      ServiceType service = service(request);
      String unit = request.unitCode();
      Optional<Unit> found = unit == null ? Optional.empty() : units.findById(unit);
      String unitName = found.map(Unit::name).orElse(unit);
      boolean byUnit = service.handledBy() == HandledBy.POWER_COMPANY && unit != null;
      Label note = byUnit ? new Label("Đã chuyển " + unitName + " xử lý", "Forwarded to " + unitName)
          : new Label("Trung tâm Chăm sóc khách hàng xử lý", "Handled by the customer care centre");
      Instant now = clock.instant();
      int step = requests.status(request.id(), RequestStatus.FORWARDED, note, null, now);
      boolean urban = found.map(Unit::urban).orElse(true);
      LocalDate due = WorkingDays.after(now.atZone(PortalRequests.VIETNAM).toLocalDate(),
          service.promisedWorkingDays(urban));
      execution.setVariable(RequestFlow.VAR_HANDLING_GROUP,
          byUnit ? Access.UNIT_GROUP_PREFIX + unit : Access.CALL_CENTRE_GROUP);
      execution.setVariable("handlingDue", Date.from(due.atTime(LocalTime.of(17, 0))
          .atZone(PortalRequests.VIETNAM).toInstant()));
      execution.setVariable("promisedBy", due.toString());
      ServiceRequest forwarded = requests.get(request.id());
      execution.setVariable("requestSummary", texts.summary(forwarded));
      execution.setVariable(RequestFlow.VAR_UNIT_SYSTEM_URL,
          byUnit && settings.unitSystems().containsKey(unit) ? settings.unitSystems().get(unit).toString() : null);
      notices.tell(forwarded, RequestStatus.FORWARDED, note, step);
    };
  }

  /**
   * The "received" notice (the timeline's first step), raised by whichever step follows triage first rather than
   * by the submission, so that a portal submission waits for no notification work. Raised again after a
   * re-triage it is the same event, and the notification flow starts nothing.
   */
  private void acknowledge(ServiceRequest request) {
    notices.tell(request, RequestStatus.RECEIVED, null, 1);
  }

  /** What the agent's form shows, and the corrections it starts from. */
  @Bean
  JavaDelegate prepareReview(CustomerProfiles customers, RequestSettings settings) {
    return execution -> {
      ServiceRequest request = requests.get(id(execution));
      acknowledge(request);
      Instant now = clock.instant();
      String outcome = (String) execution.getVariable(RequestFlow.VAR_TRIAGE_OUTCOME);
      requests.status(request.id(), RequestStatus.IN_REVIEW, null, null, now);
      execution.setVariable("triageReason", triageReason(outcome));
      execution.setVariable("requestSummary", texts.summary(request));
      execution.setVariable("warningsText", RequestTexts.warnings(request.warnings()));
      execution.setVariable("profileSummary", RequestTexts.profile(request.customerCode() == null ? null
          : customers.profile(request.customerCode()).orElse(null)));
      List<String> related = request.warnings().stream().map(Warning::relatedRequest).filter(Objects::nonNull)
          .distinct().toList();
      execution.setVariable("duplicatesText", texts.duplicates(related));
      execution.setVariable("correctedServiceType", request.serviceType());
      execution.setVariable("correctedReasonCode", request.reasonCode());
      execution.setVariable("correctedUnitCode", request.unitCode());
      execution.setVariable("duplicateOf", related.isEmpty() ? null : related.get(0));
      execution.setVariable("reviewDue", Date.from(now.plus(settings.reviewSla())));
    };
  }

  /** Completing the review: what the chosen outcome needs must be there and make sense. */
  @Bean
  TaskListener checkReview(Units units) {
    return task -> {
      String outcome = (String) task.getVariable(RequestFlow.VAR_REVIEW_OUTCOME);
      if (outcome == null) {
        throw invalid("Chọn kết quả kiểm tra", "Choose an outcome");
      }
      switch (outcome) {
        case "FORWARD" -> {
          String code = text(task, "correctedServiceType");
          ServiceType service = catalog.find(code == null ? "" : code).filter(ServiceType::active)
              .orElseThrow(() -> invalid("Không có dịch vụ " + code, "No service " + code));
          String reason = text(task, "correctedReasonCode");
          if (reason != null && service.reason(reason).filter(ServiceReason::active).isEmpty()) {
            throw invalid("Lý do " + reason + " không thuộc dịch vụ " + code,
                "Reason " + reason + " is not one of " + code);
          }
          String unit = text(task, "correctedUnitCode");
          if (unit != null && !units.existsById(unit)) {
            throw invalid("Không có Điện lực " + unit, "No Power Company " + unit);
          }
          if (unit == null && service.handledBy() == HandledBy.POWER_COMPANY) {
            throw invalid("Chọn Điện lực xử lý", "Choose the handling Power Company");
          }
        }
        case "ASK_CUSTOMER" -> required(task, "infoRequested");
        case "REJECT" -> required(task, "rejectionReason");
        case "MERGE" -> {
          String into = required(task, "duplicateOf");
          Optional<ServiceRequest> earlier = requests.find(into);
          if (earlier.isEmpty() || earlier.get().code().equals(task.getVariable(RequestFlow.VAR_REQUEST_CODE))
              || earlier.get().status() == RequestStatus.MERGED) {
            throw invalid("Không gộp được vào " + into, "Cannot merge into " + into);
          }
        }
        default -> throw invalid("Kết quả không hợp lệ: " + outcome, "Unknown outcome: " + outcome);
      }
      task.setVariable("reviewedBy", actor(task));
    };
  }

  @Bean
  JavaDelegate applyCorrections(RequestChecks checks) {
    return execution -> {
      ServiceRequest request = requests.get(id(execution));
      String service = (String) execution.getVariable("correctedServiceType");
      String reason = blankToNull((String) execution.getVariable("correctedReasonCode"));
      String unit = blankToNull((String) execution.getVariable("correctedUnitCode"));
      RequestDraft corrected = request.draft().correctedTo(service, reason, unit);
      Assessment assessment = checks.assess(catalog.find(service).orElseThrow(), corrected, request.code());
      requests.reassessed(request.id(), corrected, assessment);
      if (unit != null) {
        requests.unit(request.id(), unit);
      }
      requests.event(request.id(), RequestStatus.IN_REVIEW,
          new Label("Đã kiểm tra và chuyển xử lý", "Reviewed and forwarded"),
          (String) execution.getVariable("reviewedBy"), clock.instant());
    };
  }

  @Bean
  JavaDelegate askCustomer() {
    return execution -> {
      ServiceRequest request = requests.get(id(execution));
      String asked = (String) execution.getVariable("infoRequested");
      Label note = new Label("Cần bổ sung: " + asked, "Please add: " + asked);
      int step = requests.status(request.id(), RequestStatus.WAITING_FOR_CUSTOMER, note,
          (String) execution.getVariable("reviewedBy"), clock.instant());
      notices.tell(requests.get(request.id()), RequestStatus.WAITING_FOR_CUSTOMER, note, step);
    };
  }

  /** After a supplement: the request is checked again, and triage decides anew. */
  @Bean
  JavaDelegate reassessRequest(RequestChecks checks) {
    return execution -> {
      ServiceRequest request = requests.get(id(execution));
      RequestDraft draft = request.draft();
      ServiceType service = Optional.ofNullable(draft.serviceType()).flatMap(catalog::find)
          .filter(ServiceType::active).orElseGet(() -> service(request));
      Assessment assessment = checks.assess(service, draft, request.code());
      requests.reassessed(request.id(), draft, assessment);
      execution.setVariables(assessment.triageInputs());
    };
  }

  @Bean
  JavaDelegate closeUnanswered(RequestSettings settings) {
    return execution -> close(execution, RequestStatus.REJECTED, new Label(
        "Không nhận được thông tin bổ sung trong " + settings.supplementTimeout().toDays() + " ngày; quý khách có thể gửi yêu cầu mới",
        "No additional information came within " + settings.supplementTimeout().toDays() + " days; you may send a new request"));
  }

  @Bean
  JavaDelegate mergeDuplicate() {
    return execution -> {
      String into = (String) execution.getVariable("duplicateOf");
      requests.merged(id(execution), into);
      close(execution, RequestStatus.MERGED, new Label("Gộp vào yêu cầu " + into + " đã có",
          "Merged into your earlier request " + into));
    };
  }

  @Bean
  JavaDelegate rejectRequest() {
    return execution -> {
      String reason = (String) execution.getVariable("rejectionReason");
      close(execution, RequestStatus.REJECTED, new Label(reason, reason));
    };
  }

  /** The Power Company's outcome, from Tasklist or from its own system. */
  @Bean
  JavaDelegate closeRequest() {
    return execution -> {
      RequestStatus outcome = "REJECTED".equals(execution.getVariable(RequestFlow.VAR_HANDLING_OUTCOME))
          ? RequestStatus.REJECTED : RequestStatus.COMPLETED;
      String note = blankToNull((String) execution.getVariable(RequestFlow.VAR_HANDLING_NOTE));
      close(execution, outcome, note == null ? null : new Label(note, note));
    };
  }

  @Bean
  TaskListener checkHandling() {
    return task -> {
      Object outcome = task.getVariable(RequestFlow.VAR_HANDLING_OUTCOME);
      if (!"COMPLETED".equals(outcome) && !"REJECTED".equals(outcome)) {
        throw invalid("Chọn kết quả: hoàn thành hoặc không thực hiện được", "Choose COMPLETED or REJECTED");
      }
      if ("REJECTED".equals(outcome) && blankToNull((String) task.getVariable(RequestFlow.VAR_HANDLING_NOTE)) == null) {
        throw invalid("Ghi lý do không thực hiện được cho khách hàng", "Tell the customer why it could not be done");
      }
      task.setVariable("handledBy", actor(task));
    };
  }

  /** The review's SLA passed: an untouched review goes to the supervisors too, at a higher priority. */
  @Bean
  JavaDelegate escalateReview(TaskService tasks) {
    return execution -> {
      Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(TASK_REVIEW).singleResult();
      if (review == null || review.getAssignee() != null) {
        return;
      }
      ServiceRequest request = requests.get(id(execution));
      if (request.unitCode() != null) {
        tasks.addCandidateGroup(review.getId(), UnitGroups.SUPERVISOR_GROUP_PREFIX + request.unitCode());
      }
      tasks.addCandidateGroup(review.getId(), UnitGroups.CORPORATE_SUPERVISORS);
      tasks.setPriority(review.getId(), ESCALATED_PRIORITY);
      requests.event(request.id(), RequestStatus.IN_REVIEW, new Label("Quá hạn kiểm tra, đã báo giám sát viên",
          "Review overdue; supervisors alerted"), null, clock.instant());
    };
  }

  private void close(DelegateExecution execution, RequestStatus status, Label note) {
    ServiceRequest request = requests.get(id(execution));
    String actor = (String) Optional.ofNullable(execution.getVariable("handledBy"))
        .orElse(execution.getVariable("reviewedBy"));
    int step = requests.status(request.id(), status, note, actor, clock.instant());
    notices.tell(requests.get(request.id()), status, note, step);
  }

  private ServiceType service(ServiceRequest request) {
    return catalog.find(request.serviceType())
        .orElseThrow(() -> new IllegalStateException("Request " + request.code() + " names no known service"));
  }

  static String triageReason(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case "DUPLICATE" -> "Nghi trùng yêu cầu trước / Looks like a repeat of an earlier request";
      case "UNIDENTIFIED" -> "Không xác định được khách hàng / Customer not identified";
      case "INCOMPLETE" -> "Thiếu thông tin hoặc giấy tờ / Missing information or documents";
      case "WARNINGS" -> "Có cảnh báo cần xem / Warnings to look at";
      case "FREE_TEXT" -> "Khách hàng chỉ mô tả tự do / Free text only, no predefined reason";
      case "SERVICE_RULE" -> "Dịch vụ cần khảo sát trước / The service needs a survey first";
      default -> outcome;
    };
  }

  private static long id(DelegateExecution execution) {
    return ((Number) execution.getVariable(RequestFlow.VAR_REQUEST_ID)).longValue();
  }

  private static String text(DelegateTask task, String name) {
    return blankToNull((String) task.getVariable(name));
  }

  private static String required(DelegateTask task, String name) {
    String value = text(task, name);
    if (value == null) {
      throw invalid("Cần điền " + name, name + " is required");
    }
    return value;
  }

  private static String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static ProcessEngineException invalid(String vi, String en) {
    return new ProcessEngineException(vi + " / " + en);
  }
}
