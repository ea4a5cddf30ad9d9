package io.gridcare.requests;

/** Names shared by the triage process ({@code processes/requests/triage-request.bpmn}) and its code. */
public final class RequestFlow {

  public static final String PROCESS_KEY = "TriageServiceRequestProcess";
  public static final String DECISION_TRIAGE = "Decision_RequestTriage";
  public static final String MSG_SUPPLEMENT_RECEIVED = "Msg_SupplementReceived";
  public static final String MSG_REQUEST_HANDLED = "Msg_RequestHandled";
  /** External task: hand the request to a Power Company's own system. */
  public static final String TOPIC_UNIT_SYSTEM = "request-to-unit-system";

  public static final String VAR_REQUEST_ID = "requestId";
  public static final String VAR_REQUEST_CODE = "requestCode";
  public static final String VAR_TRIAGE_OUTCOME = "triageOutcome";
  public static final String VAR_UNIT_SYSTEM_URL = "unitSystemUrl";
  public static final String VAR_HANDLING_GROUP = "handlingGroup";
  public static final String VAR_HANDLING_OUTCOME = "handlingOutcome";
  public static final String VAR_HANDLING_NOTE = "handlingNote";
  public static final String VAR_REVIEW_OUTCOME = "reviewOutcome";
  public static final String VAR_REVIEW_SLA = "reviewSla";
  public static final String VAR_SUPPLEMENT_TIMEOUT = "supplementTimeout";

  /** The triage decision's answer for a request that needs no agent; any other answer names why it does. */
  public static final String AUTO_FORWARD = "AUTO_FORWARD";

  private RequestFlow() {
  }
}
