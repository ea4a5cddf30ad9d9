package io.gridcare.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gridcare.customers.Channel;
import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.CustomerProfiles;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Step 5 of the flow: gives every recipient its channels in order, by Decision_ChannelRoute, and holds those in
 * their quiet hours by Decision_QuietHours (processes/notifications/channel-route.dmn, latest version). Both are
 * evaluated by a standalone DMN engine and remembered by their inputs: a notice to 100,000 customers has a few
 * dozen distinct input combinations, and the engine's decision service would write a history row for each call.
 */
@Component
class ChannelRouting {

  static final String ROUTE = "Decision_ChannelRoute";
  static final String QUIET_HOURS = "Decision_QuietHours";
  static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int PAGE = 5000;
  /** The recipient kinds Decision_ChannelRoute tells apart ({@code recipientKind}). */
  static final String CUSTOMER = "CUSTOMER";
  static final String CONTACT = "CONTACT";

  private final Ledger ledger;
  private final CustomerProfiles profiles;
  private final RepositoryService repository;
  private final Clock clock;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
  private final Cache<Map<String, Object>, List<Channel>> routes = Caffeine.newBuilder().maximumSize(10_000).build();
  private final Cache<Map<String, Object>, Boolean> holds = Caffeine.newBuilder().maximumSize(1_000).build();

  ChannelRouting(Ledger ledger, CustomerProfiles profiles, RepositoryService repository, Clock clock) {
    this.ledger = ledger;
    this.profiles = profiles;
    this.repository = repository;
    this.clock = clock;
  }

  /** Routes every recipient of the notice not routed yet, a page at a time. */
  void routeAll(Notice notice) {
    Deployed route = latest(ROUTE);
    Deployed quiet = latest(QUIET_HOURS);
    Instant now = clock.instant();
    String after = null;
    List<String> codes;
    do {
      codes = ledger.unrouted(notice.id(), after, PAGE);
      if (codes.isEmpty()) {
        break;
      }
      Map<String, CustomerProfile> byCode = profiles.profiles(
          codes.stream().filter(code -> !NoticeContact.isKey(code)).toList(), Set.of(CustomerProfiles.Part.CONTACT));
      List<Ledger.Route> page = new ArrayList<>(codes.size());
      for (String code : codes) {
        page.add(NoticeContact.isKey(code)
            ? routeContact(notice, code, NoticeContact.of(notice).filter(contact -> contact.key().equals(code))
                .orElse(null), route)
            : route(notice, code, byCode.get(code), route, quiet, now));
      }
      ledger.route(notice.id(), page);
      after = codes.get(codes.size() - 1);
    } while (codes.size() == PAGE);
  }

  private Ledger.Route route(Notice notice, String code, CustomerProfile profile, Deployed route, Deployed quiet,
      Instant now) {
    CustomerProfile.Contact contact = profile == null ? null : profile.contact();
    if (contact == null) {
      return new Ledger.Route(code, List.of(), false, null);
    }
    Set<Channel> optedOut = contact.optedOut() == null ? Set.of() : contact.optedOut();
    Map<String, Object> inputs = inputs(notice, CUSTOMER);
    inputs.put("preferredChannel", contact.preferredChannel() == null ? null : contact.preferredChannel().name());
    boolean hasApp = contact.appRegistered() && contact.pushTokens() != null && !contact.pushTokens().isEmpty();
    boolean hasZalo = contact.zaloUserId() != null && contact.mobile() != null;
    boolean hasEmail = contact.email() != null;
    boolean hasSms = contact.mobile() != null;
    inputs.put("hasApp", hasApp);
    inputs.put("hasZalo", hasZalo);
    inputs.put("hasEmail", hasEmail);
    inputs.put("hasSms", hasSms);
    inputs.put("optedOutApp", optedOut.contains(Channel.APP));
    inputs.put("optedOutZalo", optedOut.contains(Channel.ZALO));
    inputs.put("optedOutEmail", optedOut.contains(Channel.EMAIL));
    inputs.put("optedOutSms", optedOut.contains(Channel.SMS));
    List<Channel> channels = routes.get(route.key(inputs), key -> evaluateRoute(route.decision(), inputs));
    boolean reachable = hasApp || hasZalo || hasEmail || hasSms;
    if (channels.isEmpty()) {
      return new Ledger.Route(code, List.of(), reachable, null);
    }
    Instant holdUntil = null;
    Instant quietEnd = quietHoursEnd(contact, now);
    if (quietEnd != null) {
      Map<String, Object> quietInputs = Map.of("mandatory", notice.mandatory(), "urgency", notice.urgency(),
          "inQuietHours", true);
      if (holds.get(quiet.key(quietInputs), key -> Boolean.TRUE.equals(
          dmn.evaluateDecision(quiet.decision(), quietInputs).getSingleResult().getSingleEntry()))) {
        holdUntil = quietEnd;
      }
    }
    return new Ledger.Route(code, channels, false, holdUntil);
  }

  /**
   * A contact has only what they gave: a mobile number and maybe an e-mail address; no App, no Zalo user id, no
   * preference, opt-outs or quiet hours. Decision_ChannelRoute decides what their phone is good for.
   */
  private Ledger.Route routeContact(Notice notice, String key, NoticeContact contact, Deployed route) {
    if (contact == null) {
      return new Ledger.Route(key, List.of(), false, null);
    }
    Map<String, Object> inputs = inputs(notice, CONTACT);
    inputs.put("preferredChannel", null);
    inputs.put("hasApp", false);
    inputs.put("hasZalo", false);
    inputs.put("hasEmail", contact.email() != null);
    inputs.put("hasSms", true);
    inputs.put("optedOutApp", false);
    inputs.put("optedOutZalo", false);
    inputs.put("optedOutEmail", false);
    inputs.put("optedOutSms", false);
    List<Channel> channels = routes.get(route.key(inputs), ignored -> evaluateRoute(route.decision(), inputs));
    return new Ledger.Route(key, channels, false, null);
  }

  private static Map<String, Object> inputs(Notice notice, String recipientKind) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("noticeType", notice.type().name());
    inputs.put("recipientKind", recipientKind);
    inputs.put("urgency", notice.urgency());
    inputs.put("mandatory", notice.mandatory());
    return inputs;
  }

  private List<Channel> evaluateRoute(DmnDecision route, Map<String, Object> inputs) {
    List<Map.Entry<Integer, Channel>> ranked = new ArrayList<>();
    for (DmnDecisionResultEntries row : dmn.evaluateDecision(route, inputs)) {
      Object channel = row.get("channel");
      Object rank = row.get("rank");
      if (channel != null && rank != null) {
        ranked.add(Map.entry(((Number) rank).intValue(), Channel.valueOf(channel.toString())));
      }
    }
    return ranked.stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).distinct().toList();
  }

  /** When the customer's quiet hours end, if they are in them now; null otherwise. */
  static Instant quietHoursEnd(CustomerProfile.Contact contact, Instant now) {
    LocalTime start = contact.quietHoursStart();
    LocalTime end = contact.quietHoursEnd();
    if (start == null || end == null || start.equals(end)) {
      return null;
    }
    ZonedDateTime local = now.atZone(LOCAL);
    LocalTime time = local.toLocalTime();
    boolean overnight = start.isAfter(end);
    boolean inside = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
    if (!inside) {
      return null;
    }
    LocalDate day = local.toLocalDate();
    if (overnight && !time.isBefore(start)) {
      day = day.plusDays(1);
    }
    return ZonedDateTime.of(day, end, LOCAL).toInstant();
  }

  /** A decision as deployed now; its results are remembered by definition id and inputs. */
  private record Deployed(String id, DmnDecision decision) {

    Map<String, Object> key(Map<String, Object> inputs) {
      Map<String, Object> key = new HashMap<>(inputs);
      key.put("decisionDefinitionId", id);
      return key;
    }
  }

  private Deployed latest(String key) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    Objects.requireNonNull(definition, () -> "Decision " + key + " is not deployed");
    return new Deployed(definition.getId(), parsed.computeIfAbsent(definition.getId(),
        id -> dmn.parseDecision(definition.getKey(), repository.getDmnModelInstance(id))));
  }
}
