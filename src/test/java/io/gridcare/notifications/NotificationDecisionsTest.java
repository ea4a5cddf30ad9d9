package io.gridcare.notifications;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcare.ProcessTestEngine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notification rules analysts edit in Camunda Modeler: the policy per notice type, which notices need approval,
 * the channels to try and in which order, quiet hours; and the supervisor's approval form. NOTIFICATION-RULES.md
 * beside the models is the specification these tests hold them to.
 */
@Deployment(resources = {
    NotificationDecisionsTest.NOTICE_RULES_DMN,
    NotificationDecisionsTest.CHANNEL_ROUTE_DMN})
class NotificationDecisionsTest {

  static final String NOTICE_RULES_DMN = "gridcare/processes/notifications/notice-rules.dmn";
  static final String CHANNEL_ROUTE_DMN = "gridcare/processes/notifications/channel-route.dmn";
  private static final String APPROVAL_FORM = "gridcare/forms/notifications/notice-approval.form";

  private static final String NOTICE_POLICY = "Decision_NoticePolicy";
  private static final String NOTICE_APPROVAL = "Decision_NoticeApproval";
  private static final String CHANNEL_ROUTE = "Decision_ChannelRoute";
  private static final String QUIET_HOURS = "Decision_QuietHours";

  private static final String NOTICE_TYPE = "noticeType";
  private static final String AUDIENCE_SIZE = "audienceSize";
  private static final String URGENCY = "urgency";
  private static final String MANDATORY = "mandatory";
  private static final String RECEIPT_WINDOW = "receiptWindowMinutes";
  private static final String DEDUP_WINDOW = "dedupWindowMinutes";
  private static final String APPROVAL_REQUIRED = "approvalRequired";
  private static final String APPROVAL_REASON = "approvalReason";
  private static final String PREFERRED_CHANNEL = "preferredChannel";
  private static final String RECIPIENT_KIND = "recipientKind";
  private static final String CHANNEL = "channel";
  private static final String RANK = "rank";
  private static final String IN_QUIET_HOURS = "inQuietHours";
  private static final String HOLD = "holdUntilQuietHoursEnd";

  private static final String URGENT = "URGENT";
  private static final String NORMAL = "NORMAL";
  private static final String CUSTOMER = "CUSTOMER";
  private static final String CONTACT = "CONTACT";
  private static final String VERIFICATION = NoticeType.PHONE_VERIFICATION.name();

  /** The channels in their default order; their ranks are 1..4. */
  private static final List<String> CHANNELS = List.of("APP", "ZALO", "EMAIL", "SMS");

  /** The policy of every notice type, as NOTIFICATION-RULES.md states it. */
  private static final Map<NoticeType, Policy> POLICY = new EnumMap<>(Map.ofEntries(
      Map.entry(NoticeType.BILL_ISSUED, new Policy("Rule_BillIssued", NORMAL, false, 60, 1440)),
      Map.entry(NoticeType.PAYMENT_DUE, new Policy("Rule_PaymentDue", NORMAL, false, 60, 1440)),
      Map.entry(NoticeType.PAYMENT_OVERDUE, new Policy("Rule_PaymentOverdue", NORMAL, false, 60, 1440)),
      Map.entry(NoticeType.DISCONNECTION_WARNING, new Policy("Rule_DisconnectionWarning", NORMAL, true, 30, 1440)),
      Map.entry(NoticeType.PAYMENT_RECEIVED, new Policy("Rule_PaymentReceived", NORMAL, false, 240, 1440)),
      Map.entry(NoticeType.OUTAGE_STARTED, new Policy("Rule_OutageStarted", URGENT, true, 10, 180)),
      Map.entry(NoticeType.OUTAGE_RESTORED, new Policy("Rule_OutageRestored", URGENT, true, 10, 180)),
      Map.entry(NoticeType.PLANNED_OUTAGE_SCHEDULED,
          new Policy("Rule_PlannedOutageScheduled", NORMAL, true, 30, 1440)),
      Map.entry(NoticeType.PLANNED_OUTAGE_CHANGED, new Policy("Rule_PlannedOutageChanged", NORMAL, true, 30, 1440)),
      Map.entry(NoticeType.PLANNED_OUTAGE_CANCELLED,
          new Policy("Rule_PlannedOutageCancelled", NORMAL, true, 30, 1440)),
      Map.entry(NoticeType.ABNORMAL_CONSUMPTION, new Policy("Rule_AbnormalConsumption", NORMAL, false, 120, 10080)),
      Map.entry(NoticeType.REQUEST_STATUS_CHANGED, new Policy("Rule_RequestStatusChanged", NORMAL, false, 60, 60)),
      Map.entry(NoticeType.COMPLAINT_STATUS_CHANGED,
          new Policy("Rule_ComplaintStatusChanged", NORMAL, false, 60, 60)),
      Map.entry(NoticeType.PHONE_VERIFICATION, new Policy("Rule_PhoneVerification", URGENT, false, 2, 5))));

  private static final Set<NoticeType> PLANNED_OUTAGES = Set.of(NoticeType.PLANNED_OUTAGE_SCHEDULED,
      NoticeType.PLANNED_OUTAGE_CHANGED, NoticeType.PLANNED_OUTAGE_CANCELLED);
  private static final Set<NoticeType> UNPLANNED_OUTAGES = Set.of(NoticeType.OUTAGE_STARTED,
      NoticeType.OUTAGE_RESTORED);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Camunda's DMN engine on its own, without the process engine's decision history: the exhaustive check runs
   * thousands of evaluations, each of which would otherwise write history rows.
   */
  private static final DmnEngine STANDALONE_DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  // --- Every rule of every decision

  /** One case per rule: the rule it must match and what that rule gives. */
  static Stream<Arguments> everyRule() {
    List<Arguments> cases = new ArrayList<>();
    POLICY.forEach((type, policy) -> cases.add(ruleCase(policy.rule(), NOTICE_POLICY,
        Variables.createVariables().putValue(NOTICE_TYPE, type.name()),
        Map.of(URGENCY, policy.urgency(), MANDATORY, policy.mandatory(),
            RECEIPT_WINDOW, policy.receiptWindowMinutes(), DEDUP_WINDOW, policy.dedupWindowMinutes()))));

    cases.add(ruleCase("Rule_PlannedOutageApproval", NOTICE_APPROVAL,
        notice(NoticeType.PLANNED_OUTAGE_SCHEDULED, 12), Map.of(APPROVAL_REQUIRED, true)));
    cases.add(ruleCase("Rule_UrgentOutageNeverWaits", NOTICE_APPROVAL,
        notice(NoticeType.OUTAGE_STARTED, 48_000), Map.of(APPROVAL_REQUIRED, false)));
    cases.add(ruleCase("Rule_VerificationCodeNeverWaits", NOTICE_APPROVAL,
        notice(NoticeType.PHONE_VERIFICATION, null), Map.of(APPROVAL_REQUIRED, false)));
    cases.add(ruleCase("Rule_UnknownAudienceSize", NOTICE_APPROVAL,
        notice(NoticeType.BILL_ISSUED, null), Map.of(APPROVAL_REQUIRED, true)));
    cases.add(ruleCase("Rule_LargeAudience", NOTICE_APPROVAL,
        notice(NoticeType.ABNORMAL_CONSUMPTION, 1_001), Map.of(APPROVAL_REQUIRED, true)));
    cases.add(ruleCase("Rule_NoApproval", NOTICE_APPROVAL,
        notice(NoticeType.PAYMENT_DUE, 1_000), Map.of(APPROVAL_REQUIRED, false)));

    cases.add(ruleCase("Rule_App", CHANNEL_ROUTE, customer().putValue(PREFERRED_CHANNEL, "APP"),
        Map.of(CHANNEL, "APP", RANK, 0)));
    cases.add(ruleCase("Rule_Zalo", CHANNEL_ROUTE, customer(), Map.of(CHANNEL, "ZALO", RANK, 2)));
    cases.add(ruleCase("Rule_Email", CHANNEL_ROUTE, customer(), Map.of(CHANNEL, "EMAIL", RANK, 3)));
    cases.add(ruleCase("Rule_EmailOnlyChannel", CHANNEL_ROUTE, onlyEmail().putValue(URGENCY, URGENT),
        Map.of(CHANNEL, "EMAIL", RANK, 3)));
    cases.add(ruleCase("Rule_Sms", CHANNEL_ROUTE, customer().putValue(PREFERRED_CHANNEL, "SMS"),
        Map.of(CHANNEL, "SMS", RANK, 0)));
    cases.add(ruleCase("Rule_ZaloByPhone", CHANNEL_ROUTE, contact(), Map.of(CHANNEL, "ZALO", RANK, 2)));
    cases.add(ruleCase("Rule_VerificationCodeSmsFirst", CHANNEL_ROUTE, verificationCode(),
        Map.of(CHANNEL, "SMS", RANK, -1)));

    cases.add(ruleCase("Rule_OutsideQuietHours", QUIET_HOURS, quiet(false, false, NORMAL), Map.of(HOLD, false)));
    cases.add(ruleCase("Rule_MandatoryGoesNow", QUIET_HOURS, quiet(true, true, NORMAL), Map.of(HOLD, false)));
    cases.add(ruleCase("Rule_UrgentGoesNow", QUIET_HOURS, quiet(true, false, URGENT), Map.of(HOLD, false)));
    cases.add(ruleCase("Rule_HoldInQuietHours", QUIET_HOURS, quiet(true, false, NORMAL), Map.of(HOLD, true)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRule")
  void ruleMatchesItsCaseAndGivesItsOutputs(String rule, String decision, VariableMap variables,
                                            Map<String, Object> expected) {
    Evaluation evaluation = evaluateRecorded(decision, variables);

    assertThat(evaluation.matchedRules()).as("rules matched").contains(rule);
    assertThat(evaluation.result().getResultList()).as("result rows")
        .anySatisfy(row -> assertThat(row).containsAllEntriesOf(expected));
  }

  @Test
  void everyRuleInTheModelsHasACase() throws IOException {
    Set<String> tested = everyRule().map(arguments -> (String) arguments.get()[0]).collect(toSet());

    Set<String> modelled = new HashSet<>(ruleIds(NOTICE_RULES_DMN));
    modelled.addAll(ruleIds(CHANNEL_ROUTE_DMN));

    assertThat(tested).as("a case for every rule (add one when you add a rule)").isEqualTo(modelled);
  }

  // --- Notice policy

  @Test
  void everyNoticeTypeHasExactlyOnePolicyRow() throws IOException {
    for (NoticeType type : NoticeType.values()) {
      DmnDecisionResult result =
          evaluate(NOTICE_POLICY, Variables.createVariables().putValue(NOTICE_TYPE, type.name()));

      assertThat(result.getResultList()).as("policy rows of %s", type).hasSize(1);
    }
    Decision policy = decision(NOTICE_RULES_DMN, NOTICE_POLICY);
    assertThat(((DecisionTable) policy.getExpression()).getRules()).as("one row per notice type, no more")
        .hasSize(NoticeType.values().length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noticeTypes")
  void policyOfEachNoticeTypeIsAsDocumented(NoticeType type) {
    Policy expected = POLICY.get(type);

    Map<String, Object> policy = policy(type.name());

    assertThat(policy).containsOnly(
        Map.entry(URGENCY, expected.urgency()),
        Map.entry(MANDATORY, expected.mandatory()),
        Map.entry(RECEIPT_WINDOW, expected.receiptWindowMinutes()),
        Map.entry(DEDUP_WINDOW, expected.dedupWindowMinutes()));
  }

  @Test
  void onlyUnplannedOutagesAndVerificationCodesAreUrgent() {
    for (NoticeType type : NoticeType.values()) {
      assertThat(policy(type.name()).get(URGENCY)).as("urgency of %s", type)
          .isEqualTo(UNPLANNED_OUTAGES.contains(type) || type == NoticeType.PHONE_VERIFICATION ? URGENT : NORMAL);
    }
  }

  @Test
  void aVerificationCodeMovesOnWithinMinutesAndOnlyTheSameCodeIsMerged() {
    assertThat(policy(VERIFICATION)).containsEntry(URGENCY, URGENT).containsEntry(MANDATORY, false)
        .containsEntry(RECEIPT_WINDOW, 2).containsEntry(DEDUP_WINDOW, 5);
  }

  @Test
  void outagesPlannedOutagesAndDisconnectionWarningsAreMandatory() {
    Set<NoticeType> mandatory = Arrays.stream(NoticeType.values())
        .filter(type -> (Boolean) policy(type.name()).get(MANDATORY)).collect(toSet());

    assertThat(mandatory).containsExactlyInAnyOrder(NoticeType.OUTAGE_STARTED, NoticeType.OUTAGE_RESTORED,
        NoticeType.PLANNED_OUTAGE_SCHEDULED, NoticeType.PLANNED_OUTAGE_CHANGED, NoticeType.PLANNED_OUTAGE_CANCELLED,
        NoticeType.DISCONNECTION_WARNING);
  }

  @Test
  void urgentNoticesMoveToTheNextChannelSoonerThanAnyOther() {
    int slowestUrgent = 0;
    int fastestNormal = Integer.MAX_VALUE;
    for (NoticeType type : NoticeType.values()) {
      Map<String, Object> policy = policy(type.name());
      int window = (Integer) policy.get(RECEIPT_WINDOW);
      if (URGENT.equals(policy.get(URGENCY))) {
        slowestUrgent = Math.max(slowestUrgent, window);
      } else {
        fastestNormal = Math.min(fastestNormal, window);
      }
    }
    assertThat(slowestUrgent).isPositive().isLessThan(fastestNormal);
  }

  @Test
  void unknownNoticeTypeHasNoPolicy() {
    assertThat(evaluate(NOTICE_POLICY, Variables.createVariables().putValue(NOTICE_TYPE, "WELCOME")).getResultList())
        .isEmpty();
  }

  // --- Approval

  @ParameterizedTest(name = "{0} recipients")
  @ValueSource(longs = {1, 1_000, 1_001, 250_000})
  void everyPlannedOutageNoticeNeedsApprovalWhateverTheAudience(long audienceSize) {
    for (NoticeType type : PLANNED_OUTAGES) {
      assertThat(approval(notice(type, audienceSize))).as("%s", type)
          .containsEntry(APPROVAL_REQUIRED, true)
          .hasEntrySatisfying(APPROVAL_REASON, reason -> assertThat((String) reason).contains("kế hoạch"));
    }
  }

  @ParameterizedTest(name = "{0} recipients")
  @ValueSource(longs = {1, 1_000, 1_001, 250_000})
  void urgentUnplannedOutageNoticeNeverWaitsForApproval(long audienceSize) {
    for (NoticeType type : UNPLANNED_OUTAGES) {
      assertThat(approval(notice(type, audienceSize))).as("%s", type).containsEntry(APPROVAL_REQUIRED, false);
    }
  }

  @ParameterizedTest(name = "{0} recipients")
  @ValueSource(longs = {1, 1_001})
  void verificationCodeNeverWaitsForApproval(long audienceSize) {
    assertThat(approval(notice(NoticeType.PHONE_VERIFICATION, audienceSize)))
        .containsEntry(APPROVAL_REQUIRED, false)
        .hasEntrySatisfying(APPROVAL_REASON, reason -> assertThat((String) reason).contains("Verification code"));
    assertThat(approval(notice(NoticeType.PHONE_VERIFICATION, audienceSize).putValue(URGENCY, NORMAL)))
        .as("whatever the policy's urgency").containsEntry(APPROVAL_REQUIRED, false);
  }

  @Test
  void urgentOutageNoticeNeverWaitsEvenWhenTheAudienceIsUnknown() {
    assertThat(approval(notice(NoticeType.OUTAGE_RESTORED, null))).containsEntry(APPROVAL_REQUIRED, false);
  }

  @Test
  void outageNoticeLosesItsExceptionWhenThePolicyNoLongerMakesItUrgent() {
    VariableMap notice = notice(NoticeType.OUTAGE_STARTED, 5_000).putValue(URGENCY, NORMAL);

    assertThat(approval(notice)).containsEntry(APPROVAL_REQUIRED, true);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1,      false",
      "999,    false",
      "1000,   false",
      "1001,   true",
      "120000, true"})
  void moreThanOneThousandRecipientsNeedApproval(long audienceSize, boolean approvalRequired) {
    assertThat(approval(notice(NoticeType.BILL_ISSUED, audienceSize)))
        .containsEntry(APPROVAL_REQUIRED, approvalRequired);
  }

  @Test
  void approvalFollowsThePolicyOfEveryNoticeType() {
    for (NoticeType type : NoticeType.values()) {
      String urgency = (String) policy(type.name()).get(URGENCY);
      for (long audienceSize : new long[] {1, 1_000, 1_001}) {
        boolean expected = PLANNED_OUTAGES.contains(type) || (!UNPLANNED_OUTAGES.contains(type)
            && type != NoticeType.PHONE_VERIFICATION && audienceSize > 1_000);

        VariableMap notice = Variables.createVariables().putValue(NOTICE_TYPE, type.name())
            .putValue(AUDIENCE_SIZE, audienceSize).putValue(URGENCY, urgency);

        assertThat(approval(notice)).as("%s to %s recipients", type, audienceSize)
            .containsEntry(APPROVAL_REQUIRED, expected);
      }
    }
  }

  @Test
  void everyApprovalAnswerGivesTheSupervisorAReasonInVietnameseAndEnglish() {
    for (NoticeType type : NoticeType.values()) {
      for (Long audienceSize : Arrays.asList(null, 1L, 1_001L)) {
        String reason = (String) approval(notice(type, audienceSize)).get(APPROVAL_REASON);

        assertThat(reason).as("reason for %s to %s", type, audienceSize).matches("\\S.* / \\S.*");
      }
    }
  }

  // --- Channel route

  @Test
  void customerWithEveryChannelIsTriedAppZaloEmailSmsInThatOrder() {
    assertThat(route(customer())).containsExactly("APP:1", "ZALO:2", "EMAIL:3", "SMS:4");
  }

  @ParameterizedTest(name = "prefers {0}")
  @ValueSource(strings = {"APP", "ZALO", "EMAIL", "SMS"})
  void preferredChannelIsTriedFirst(String preferred) {
    List<String> route = route(customer().putValue(PREFERRED_CHANNEL, preferred));

    assertThat(route).first().isEqualTo(preferred + ":0");
    assertThat(route).hasSize(4);
  }

  @Test
  void preferredChannelTheCustomerCannotBeReachedOnIsLeftOut() {
    VariableMap customer = customer().putValue(PREFERRED_CHANNEL, "ZALO").putValue("hasZalo", false);

    assertThat(route(customer)).containsExactly("APP:1", "EMAIL:3", "SMS:4");
  }

  @Test
  void preferredChannelTheCustomerOptedOutOfIsLeftOut() {
    VariableMap customer = customer().putValue(PREFERRED_CHANNEL, "SMS").putValue("optedOutSms", true);

    assertThat(route(customer)).containsExactly("APP:1", "ZALO:2", "EMAIL:3");
  }

  @Test
  void optOutsAreRespected() {
    VariableMap customer = customer().putValue("optedOutApp", true).putValue("optedOutEmail", true);

    assertThat(route(customer)).containsExactly("ZALO:2", "SMS:4");
  }

  @Test
  void mandatoryNoticeReachesChannelsTheCustomerOptedOutOf() {
    VariableMap customer = customer().putValue(MANDATORY, true).putValue("optedOutApp", true)
        .putValue("optedOutZalo", true).putValue("optedOutEmail", true).putValue("optedOutSms", true);

    assertThat(route(customer)).containsExactly("APP:1", "ZALO:2", "EMAIL:3", "SMS:4");
  }

  @Test
  void mandatoryNoticeStillNeedsAnAddress() {
    VariableMap customer = customer().putValue(MANDATORY, true).putValue("hasApp", false).putValue("hasZalo", false)
        .putValue("optedOutApp", true);

    assertThat(route(customer)).containsExactly("EMAIL:3", "SMS:4");
  }

  @Test
  void urgentNoticeSkipsEmail() {
    VariableMap customer = customer().putValue(URGENCY, URGENT).putValue(MANDATORY, true);

    assertThat(route(customer)).containsExactly("APP:1", "ZALO:2", "SMS:4");
  }

  @Test
  void urgentNoticeSkipsEmailEvenWhenTheCustomerPrefersIt() {
    VariableMap customer = customer().putValue(URGENCY, URGENT).putValue(PREFERRED_CHANNEL, "EMAIL")
        .putValue("hasApp", false);

    assertThat(route(customer)).containsExactly("ZALO:2", "SMS:4");
  }

  @Test
  void urgentNoticeGoesByEmailWhenEmailIsTheOnlyChannel() {
    assertThat(route(onlyEmail().putValue(URGENCY, URGENT).putValue(MANDATORY, true))).containsExactly("EMAIL:3");
    assertThat(route(onlyEmail().putValue(URGENCY, URGENT).putValue(PREFERRED_CHANNEL, "EMAIL")))
        .containsExactly("EMAIL:0");
  }

  @Test
  void urgentNoticeGoesByEmailWhenTheOtherChannelsAreOptedOut() {
    VariableMap customer = customer().putValue(URGENCY, URGENT).putValue("optedOutApp", true)
        .putValue("optedOutZalo", true).putValue("optedOutSms", true);

    assertThat(route(customer)).containsExactly("EMAIL:3");
  }

  @Test
  void customerWithoutAnyChannelGetsNoRoute() {
    VariableMap customer = customer().putValue(MANDATORY, true).putValue("hasApp", false).putValue("hasZalo", false)
        .putValue("hasEmail", false).putValue("hasSms", false);

    assertThat(evaluate(CHANNEL_ROUTE, customer).getResultList()).isEmpty();
  }

  @Test
  void customerWhoOptedOutOfEverythingGetsNoOptionalNotice() {
    VariableMap customer = customer().putValue("optedOutApp", true).putValue("optedOutZalo", true)
        .putValue("optedOutEmail", true).putValue("optedOutSms", true);

    assertThat(evaluate(CHANNEL_ROUTE, customer).getResultList()).isEmpty();
  }

  @Test
  void optOutOfAChannelTheCustomerDoesNotHaveChangesNothing() {
    VariableMap customer = customer().putValue("hasZalo", false).putValue("optedOutZalo", true);

    assertThat(route(customer)).containsExactly("APP:1", "EMAIL:3", "SMS:4");
  }

  @Test
  void someoneWhoIsNotACustomerIsTriedOnZaloByPhoneThenEmailThenSms() {
    assertThat(route(contact())).containsExactly("ZALO:2", "EMAIL:3", "SMS:4");
    assertThat(route(contact().putValue("hasEmail", false))).containsExactly("ZALO:2", "SMS:4");
  }

  @Test
  void aCustomerIsNotReachedOnZaloByPhoneWithoutFollowingTheOa() {
    assertThat(route(customer().putValue("hasZalo", false))).doesNotContain("ZALO:2");
  }

  @Test
  void verificationCodeGoesBySmsFirstAndZaloByPhoneOnlyAfterIt() {
    assertThat(route(verificationCode())).containsExactly("SMS:-1", "ZALO:2");
  }

  @Test
  void verificationCodeGoesBySmsFirstEvenToACustomerWhoPrefersAnotherChannel() {
    VariableMap customer = customer().putValue(NOTICE_TYPE, VERIFICATION).putValue(URGENCY, URGENT)
        .putValue(PREFERRED_CHANNEL, "APP");

    assertThat(route(customer)).containsExactly("SMS:-1", "APP:0", "ZALO:2");
  }

  @Test
  void unknownOptOutLeavesTheChannelOutOfAnOptionalNoticeOnly() {
    VariableMap customer = customer().putValue("optedOutZalo", null);

    assertThat(route(customer)).containsExactly("APP:1", "EMAIL:3", "SMS:4");
    assertThat(route(customer.putValue(MANDATORY, true))).containsExactly("APP:1", "ZALO:2", "EMAIL:3", "SMS:4");
  }

  /**
   * Every combination of urgency, mandatory, preferred channel and, per channel, no address / address / address
   * but opted out, against the rules as NOTIFICATION-RULES.md states them.
   */
  @Test
  void everyCombinationIsRoutedAsDocumented() throws IOException {
    DmnDecision channelRoute = standalone(CHANNEL_ROUTE_DMN, CHANNEL_ROUTE);
    int combinations = 0;
    for (String kind : List.of(CUSTOMER, CONTACT)) {
      for (String type : List.of(NoticeType.BILL_ISSUED.name(), VERIFICATION)) {
        for (String urgency : List.of(URGENT, NORMAL)) {
          for (boolean mandatory : List.of(true, false)) {
            for (String preferred : Arrays.asList(null, "APP", "ZALO", "EMAIL", "SMS")) {
              for (int states = 0; states < 81; states++) {
                Map<String, Address> addresses = new LinkedHashMap<>();
                int rest = states;
                for (String channel : CHANNELS) {
                  addresses.put(channel, Address.values()[rest % 3]);
                  rest /= 3;
                }
                VariableMap recipient = Variables.createVariables().putValue(RECIPIENT_KIND, kind)
                    .putValue(NOTICE_TYPE, type).putValue(URGENCY, urgency)
                    .putValue(MANDATORY, mandatory).putValue(PREFERRED_CHANNEL, preferred);
                addresses.forEach((channel, address) -> recipient
                    .putValue("has" + suffix(channel), address != Address.NONE)
                    .putValue("optedOut" + suffix(channel), address == Address.OPTED_OUT));

                List<String> route = route(STANDALONE_DMN.evaluateDecision(channelRoute, recipient));

                assertThat(route).as("route of %s", recipient)
                    .containsExactlyElementsOf(expectedRoute(kind, type, urgency, mandatory, preferred, addresses));
                combinations++;
              }
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(2 * 2 * 2 * 2 * 5 * 81);
  }

  // --- Quiet hours

  @ParameterizedTest(name = "in quiet hours={0}, mandatory={1}, {2}: hold={3}")
  @CsvSource({
      "true,  false, NORMAL, true",
      "true,  false, URGENT, false",
      "true,  true,  NORMAL, false",
      "true,  true,  URGENT, false",
      "false, false, NORMAL, false",
      "false, false, URGENT, false",
      "false, true,  NORMAL, false",
      "false, true,  URGENT, false"})
  void onlyOptionalOrdinaryNoticesWaitForQuietHoursToEnd(boolean inQuietHours, boolean mandatory, String urgency,
                                                          boolean hold) {
    DmnDecisionResult result = evaluate(QUIET_HOURS, quiet(inQuietHours, mandatory, urgency));

    assertThat(result.getResultList()).hasSize(1);
    assertThat((Boolean) result.getSingleEntry()).isEqualTo(hold);
  }

  @Test
  void customerWithoutQuietHoursGetsNoticesAtOnce() {
    assertThat((Boolean) evaluate(QUIET_HOURS, quiet(null, false, NORMAL)).getSingleEntry()).isFalse();
  }

  @Test
  void quietHoursFollowThePolicyOfEveryNoticeType() {
    for (NoticeType type : NoticeType.values()) {
      Map<String, Object> policy = policy(type.name());
      VariableMap atNight = quiet(true, (Boolean) policy.get(MANDATORY), (String) policy.get(URGENCY));

      assertThat((Boolean) evaluate(QUIET_HOURS, atNight).getSingleEntry()).as("%s held at night", type)
          .isEqualTo(!(Boolean) policy.get(MANDATORY) && NORMAL.equals(policy.get(URGENCY)));
    }
  }

  // --- Approval form

  @Test
  void approvalFormBindsExactlyTheApprovalVariables() throws IOException {
    JsonNode form = approvalForm();

    assertThat(form.path("id").asText()).isEqualTo("notice-approval");
    assertThat(fields(form).stream().map(field -> field.path("key").asText()))
        .containsExactlyInAnyOrder("noticeTitle", "noticePreview", "noticeType", "audienceDescription",
            "audienceSize", "expectedChannelMix", "expectedSmsCost", "approvalReason", "sendAt",
            "approvalDecision", "rescheduledAt", "approvalComment");
  }

  @Test
  void approvalFormHasReadableIdsAndBilingualLabels() throws IOException {
    List<JsonNode> components = components(approvalForm());

    assertThat(components).extracting(component -> component.path("id").asText())
        .allMatch(id -> id.matches("(Field|Text)_[A-Z][A-Za-z]+"))
        .doesNotHaveDuplicates();
    for (JsonNode field : fields(approvalForm())) {
      String key = field.path("key").asText();
      assertThat(field.path("id").asText())
          .isEqualTo("Field_" + Character.toUpperCase(key.charAt(0)) + key.substring(1));
      String label = field.has("label") ? field.path("label").asText() : field.path("dateLabel").asText();
      assertThat(label).as("label of %s", key).matches("\\S.* / \\S.*");
    }
  }

  @Test
  void approvalFormShowsTheNoticeReadOnly() throws IOException {
    Map<String, JsonNode> fields = fieldsByKey(approvalForm());

    assertThat(List.of("noticeTitle", "noticePreview", "noticeType", "audienceDescription", "audienceSize",
        "expectedChannelMix", "expectedSmsCost", "approvalReason", "sendAt"))
        .allSatisfy(key -> assertThat(fields.get(key).path("readonly").asBoolean()).as("%s read-only", key).isTrue());
    assertThat(fields.get("audienceSize").path("type").asText()).isEqualTo("number");
    assertThat(fields.get("sendAt").path("type").asText()).isEqualTo("datetime");
    assertThat(fields.get("sendAt").path("subtype").asText()).isEqualTo("datetime");
    assertThat(List.of("approvalDecision", "rescheduledAt", "approvalComment"))
        .allSatisfy(key -> assertThat(fields.get(key).path("readonly").asBoolean()).as("%s editable", key).isFalse());
  }

  @Test
  void supervisorMustApproveRejectOrReschedule() throws IOException {
    JsonNode decision = fieldsByKey(approvalForm()).get("approvalDecision");

    assertThat(decision.path("type").asText()).isEqualTo("radio");
    assertThat(decision.path("validate").path("required").asBoolean()).isTrue();
    assertThat(decision.path("values")).extracting(value -> value.path("value").asText())
        .containsExactly("APPROVE", "REJECT", "RESCHEDULE");
    assertThat(decision.path("values")).extracting(value -> value.path("label").asText())
        .containsExactly("Duyệt gửi / Approve", "Từ chối / Reject", "Đổi thời gian gửi / Change the time");
  }

  @Test
  void newSendTimeIsAskedOnlyWhenRescheduling() throws IOException {
    JsonNode rescheduledAt = fieldsByKey(approvalForm()).get("rescheduledAt");

    assertThat(rescheduledAt.path("type").asText()).isEqualTo("datetime");
    assertThat(rescheduledAt.path("subtype").asText()).isEqualTo("datetime");
    assertThat(rescheduledAt.path("validate").path("required").asBoolean()).isTrue();
    assertThat(rescheduledAt.path("conditional").path("hide").asText())
        .isEqualTo("=approvalDecision != \"RESCHEDULE\"");
  }

  @Test
  void rejectionNeedsAComment() throws IOException {
    JsonNode comment = fieldsByKey(approvalForm()).get("approvalComment");

    assertThat(comment.path("type").asText()).isEqualTo("textarea");
    assertThat(comment.path("validate").path("required").asBoolean()).isTrue();
    assertThat(comment.path("conditional").path("hide").asText()).isEqualTo("=approvalDecision != \"REJECT\"");
  }

  @Test
  void approvalFormTargetsTheEngineWeRun() throws IOException {
    JsonNode form = approvalForm();
    JsonNode reference = JSON.readTree(resource("gridcare/forms/system/installation-check-confirmation.form"));

    assertThat(form.path("schemaVersion").asInt()).isEqualTo(reference.path("schemaVersion").asInt());
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).startsWith("7.24");
  }

  // --- helpers

  private record Policy(String rule, String urgency, boolean mandatory, int receiptWindowMinutes,
                        int dedupWindowMinutes) {
  }

  private record Evaluation(DmnDecisionResult result, List<String> matchedRules) {
  }

  /** What a customer has of one channel. */
  private enum Address {
    NONE, USABLE, OPTED_OUT
  }

  static Stream<NoticeType> noticeTypes() {
    return Arrays.stream(NoticeType.values());
  }

  private static Arguments ruleCase(String rule, String decision, VariableMap variables,
                                    Map<String, Object> expected) {
    return arguments(rule, decision, named(variables.toString(), variables), expected);
  }

  /** A notice of that type to that many recipients, with the urgency its policy gives. */
  private static VariableMap notice(NoticeType type, Number audienceSize) {
    return Variables.createVariables().putValue(NOTICE_TYPE, type.name()).putValue(AUDIENCE_SIZE, audienceSize)
        .putValue(URGENCY, POLICY.get(type).urgency());
  }

  /** An ordinary notice to a customer with every channel, no preference and no opt-out. */
  private static VariableMap customer() {
    return Variables.createVariables().putValue(RECIPIENT_KIND, CUSTOMER)
        .putValue(NOTICE_TYPE, NoticeType.REQUEST_STATUS_CHANGED.name())
        .putValue(URGENCY, NORMAL).putValue(MANDATORY, false).putValue(PREFERRED_CHANNEL, null)
        .putValue("hasApp", true).putValue("hasZalo", true).putValue("hasEmail", true).putValue("hasSms", true)
        .putValue("optedOutApp", false).putValue("optedOutZalo", false).putValue("optedOutEmail", false)
        .putValue("optedOutSms", false);
  }

  /** A request's status to someone who is not a customer yet, as the flow describes them: a phone and an e-mail. */
  private static VariableMap contact() {
    return customer().putValue(RECIPIENT_KIND, CONTACT).putValue("hasApp", false).putValue("hasZalo", false);
  }

  /** A verification code to a phone, as the flow describes it: a contact with nothing but the phone. */
  private static VariableMap verificationCode() {
    return contact().putValue(NOTICE_TYPE, VERIFICATION).putValue(URGENCY, URGENT).putValue("hasEmail", false);
  }

  private static VariableMap onlyEmail() {
    return customer().putValue("hasApp", false).putValue("hasZalo", false).putValue("hasSms", false);
  }

  private static VariableMap quiet(Boolean inQuietHours, boolean mandatory, String urgency) {
    return Variables.createVariables().putValue(IN_QUIET_HOURS, inQuietHours).putValue(MANDATORY, mandatory)
        .putValue(URGENCY, urgency);
  }

  private static String suffix(String channel) {
    return channel.charAt(0) + channel.substring(1).toLowerCase();
  }

  /**
   * The documented rules, written out in Java: "CHANNEL:rank" per matching row, in the rows' order, sorted as the
   * flow sorts them (which then keeps each channel's first).
   */
  private static List<String> expectedRoute(String kind, String type, String urgency, boolean mandatory,
                                            String preferred, Map<String, Address> addresses) {
    Set<String> usable = new HashSet<>();
    addresses.forEach((channel, address) -> {
      if (address == Address.USABLE || (address == Address.OPTED_OUT && mandatory)) {
        usable.add(channel);
      }
    });
    boolean smsUsable = usable.contains("SMS");
    if (URGENT.equals(urgency) && !usable.equals(Set.of("EMAIL"))) {
      usable.remove("EMAIL");
    }
    if (VERIFICATION.equals(type)) {
      usable.remove("SMS");
    }
    List<String> route = new ArrayList<>();
    for (String channel : CHANNELS) {
      if (usable.contains(channel)) {
        route.add(channel + ":" + rank(channel, preferred));
      }
    }
    if (CONTACT.equals(kind) && smsUsable) {
      route.add("ZALO:" + rank("ZALO", preferred));
    }
    if (VERIFICATION.equals(type) && smsUsable) {
      route.add("SMS:-1");
    }
    route.sort((a, b) -> Integer.compare(rankOf(a), rankOf(b)));
    return route;
  }

  private static int rank(String channel, String preferred) {
    return channel.equals(preferred) ? 0 : CHANNELS.indexOf(channel) + 1;
  }

  private static int rankOf(String route) {
    return Integer.parseInt(route.substring(route.indexOf(':') + 1));
  }

  private static DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
    return engine.getDecisionService().evaluateDecisionByKey(decisionKey).variables(variables).evaluate();
  }

  /** Evaluates and reads which rules matched from the engine's decision history. */
  private static Evaluation evaluateRecorded(String decisionKey, VariableMap variables) {
    HistoryService history = engine.getHistoryService();
    Set<String> earlier = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(decisionKey).list()
        .stream().map(HistoricDecisionInstance::getId).collect(toSet());

    DmnDecisionResult result = evaluate(decisionKey, variables);

    List<HistoricDecisionInstance> added = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(decisionKey).includeOutputs().list().stream()
        .filter(instance -> !earlier.contains(instance.getId())).toList();
    assertThat(added).as("recorded evaluations").hasSize(1);
    List<String> rules = added.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
        .distinct().toList();
    return new Evaluation(result, rules);
  }

  private static Map<String, Object> policy(String noticeType) {
    return evaluate(NOTICE_POLICY, Variables.createVariables().putValue(NOTICE_TYPE, noticeType))
        .getSingleResult().getEntryMap();
  }

  private static Map<String, Object> approval(VariableMap notice) {
    return evaluate(NOTICE_APPROVAL, notice).getSingleResult().getEntryMap();
  }

  /** The route as "CHANNEL:rank", lowest rank first, as the flow tries it. */
  private static List<String> route(VariableMap customer) {
    return route(evaluate(CHANNEL_ROUTE, customer));
  }

  private static List<String> route(DmnDecisionResult result) {
    List<String> route = new ArrayList<>();
    for (Map<String, Object> row : result.getResultList()) {
      assertThat(row.get(RANK)).as("rank type").isInstanceOf(Integer.class);
      route.add(row.get(CHANNEL) + ":" + row.get(RANK));
    }
    route.sort((a, b) -> Integer.compare(rankOf(a), rankOf(b)));
    return route;
  }

  private static Decision decision(String resource, String key) throws IOException {
    try (InputStream in = resource(resource)) {
      return Dmn.readModelFromStream(in).getModelElementById(key);
    }
  }

  private static DmnDecision standalone(String resource, String key) throws IOException {
    try (InputStream in = resource(resource)) {
      return STANDALONE_DMN.parseDecision(key, in);
    }
  }

  private static Set<String> ruleIds(String resource) throws IOException {
    try (InputStream in = resource(resource)) {
      return Dmn.readModelFromStream(in).getModelElementsByType(Rule.class).stream().map(Rule::getId)
          .collect(toSet());
    }
  }

  private static JsonNode approvalForm() throws IOException {
    try (InputStream in = resource(APPROVAL_FORM)) {
      return JSON.readTree(in);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = NotificationDecisionsTest.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("No resource " + name);
    }
    return in;
  }

  /** Every component, groups included. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }

  /** The components bound to a variable. */
  private static List<JsonNode> fields(JsonNode form) {
    return components(form).stream().filter(component -> component.hasNonNull("key")).toList();
  }

  private static Map<String, JsonNode> fieldsByKey(JsonNode form) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    fields(form).forEach(field -> byKey.put(field.path("key").asText(), field));
    return byKey;
  }
}
