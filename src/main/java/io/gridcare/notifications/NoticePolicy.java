package io.gridcare.notifications;

/** What Decision_NoticePolicy says about a notice type. */
record NoticePolicy(String urgency, boolean mandatory, int receiptWindowMinutes, int dedupWindowMinutes) {

  static final String DECISION = "Decision_NoticePolicy";

  boolean urgent() {
    return "URGENT".equals(urgency);
  }
}
