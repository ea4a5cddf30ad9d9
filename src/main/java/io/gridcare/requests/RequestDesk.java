package io.gridcare.requests;

import java.util.List;
import java.util.Optional;

import io.gridcare.system.ConflictException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Requests as staff and the Power Companies' systems see them. */
@Service
public class RequestDesk {

  private final ServiceRequests requests;
  private final RuntimeService runtime;

  RequestDesk(ServiceRequests requests, RuntimeService runtime) {
    this.requests = requests;
    this.runtime = runtime;
  }

  /** A request with its whole timeline, actors included. */
  public record RequestView(ServiceRequest request, List<RequestEvent> timeline) {
  }

  public Optional<RequestView> find(String code) {
    return requests.find(code).map(request -> new RequestView(request, requests.timeline(request.id())));
  }

  public enum Outcome {
    COMPLETED, REJECTED
  }

  /** A Power Company's own system reports what became of a request sent to it. */
  public void handled(String code, Outcome outcome, String note) {
    try {
      runtime.createMessageCorrelation(RequestFlow.MSG_REQUEST_HANDLED).processInstanceBusinessKey(code)
          .setVariable(RequestFlow.VAR_HANDLING_OUTCOME, outcome.name())
          .setVariable(RequestFlow.VAR_HANDLING_NOTE, note)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new ConflictException("Yêu cầu " + code + " không chờ kết quả từ hệ thống của Điện lực / Request "
          + code + " is not waiting for an outcome from a unit's system");
    }
  }
}
