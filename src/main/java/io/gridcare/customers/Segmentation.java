package io.gridcare.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Puts a customer in one of the 56 corporate groups and any regional groups, by the DMN decisions in
 * {@code processes/customers/}, latest deployed version. They are evaluated by a standalone DMN engine rather
 * than the process engine's decision service: that one writes a history entry per evaluation, which for every
 * profile change of a million customers would be millions of rows nobody reads.
 */
@Component
class Segmentation {

  static final String CORPORATE = "Decision_CorporateSegment";
  static final String REGIONAL = "Decision_RegionalGroups";

  /** About 25 MB at most; a million customers have far fewer distinct input combinations. */
  private static final int CACHED_RESULTS = 100_000;

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();
  /**
   * Groups by fingerprint (decision versions and inputs). Camunda's FEEL engine rebuilds its table of built-in
   * functions for every expression it evaluates, so one customer's two decisions take about a millisecond; most
   * customers share their inputs with many others, and a decision result depends on nothing but its inputs.
   */
  private final Cache<String, Segments> evaluated;

  Segmentation(RepositoryService repository, MeterRegistry meters) {
    this.repository = repository;
    this.evaluated = Caffeine.newBuilder().maximumSize(CACHED_RESULTS).recordStats().build();
    CaffeineCacheMetrics.monitor(meters, evaluated, "gridcare.segments.evaluated");
  }

  /** The decisions as deployed now; use one per batch, so a redeployment takes effect with the next batch. */
  Evaluator current() {
    DecisionDefinition corporate = latest(CORPORATE);
    DecisionDefinition regional = latest(REGIONAL);
    return new Evaluator(parsed(corporate), parsed(regional), corporate.getId() + "|" + regional.getId());
  }

  private DecisionDefinition latest(String key) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    return Objects.requireNonNull(definition, () -> "Decision " + key + " is not deployed");
  }

  private DmnDecision parsed(DecisionDefinition definition) {
    return parsedById.computeIfAbsent(definition.getId(),
        id -> dmn.parseDecision(definition.getKey(), repository.getDmnModelInstance(id)));
  }

  /** The fingerprint of a customer with no type yet: no groups, whatever the decisions say. */
  static final String NO_TYPE = "no-customer-type";

  /** SHA-256 over the decision versions and the inputs in name order. */
  static String fingerprint(Map<String, Object> inputs, String versions) {
    StringBuilder text = new StringBuilder(versions);
    new TreeMap<>(inputs).forEach((name, value) -> text.append('|').append(name).append('=').append(value));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  final class Evaluator {

    private final DmnDecision corporate;
    private final DmnDecision regional;
    private final String versions;

    private Evaluator(DmnDecision corporate, DmnDecision regional, String versions) {
      this.corporate = corporate;
      this.regional = regional;
      this.versions = versions;
    }

    /** Which versions of the decisions these are, as deployed (definition ids). */
    String versions() {
      return versions;
    }

    /**
     * What the decisions would see for this customer, as a short fingerprint: the same fingerprint gives the same
     * groups, so the decisions need not run again. A new version of either decision changes it.
     */
    String fingerprint(CustomerProfile profile, boolean urbanUnit) {
      if (profile.identity() == null || profile.identity().customerType() == null) {
        return NO_TYPE;
      }
      return Segmentation.fingerprint(inputs(profile, urbanUnit), versions);
    }

    /** The groups of this customer; no corporate group before billing has said what kind of customer it is. */
    Segments evaluate(CustomerProfile profile, boolean urbanUnit) {
      if (profile.identity() == null || profile.identity().customerType() == null) {
        return new Segments(null, List.of());
      }
      Map<String, Object> inputs = inputs(profile, urbanUnit);
      return evaluated.get(Segmentation.fingerprint(inputs, versions), fingerprint -> evaluate(inputs));
    }

    private Segments evaluate(Map<String, Object> inputs) {
      String segment = dmn.evaluateDecision(corporate, inputs).getSingleResult().getSingleEntry();
      DmnDecisionResult regions = dmn.evaluateDecision(regional, inputs);
      return new Segments(segment, regions.collectEntries("regionalGroup").stream()
          .map(Object::toString).distinct().sorted().toList());
    }
  }

  /** The DMN's input variables (see processes/customers/SEGMENTS.md). */
  static Map<String, Object> inputs(CustomerProfile profile, boolean urbanUnit) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("customerType", profile.identity().customerType().name());
    inputs.put("voltageLevel", profile.contract() == null || profile.contract().voltageLevel() == null
        ? "LV" : profile.contract().voltageLevel());
    inputs.put("purposeOfUse", profile.contract() == null ? null : profile.contract().purposeOfUse());
    inputs.put("urban", urbanUnit);
    inputs.put("unitCode", profile.unitCode());
    inputs.put("criticalLoad", profile.supply() != null && !"NONE".equals(profile.supply().criticalLoad()));
    inputs.put("digital", profile.digital());
    inputs.put("paysOnTime", profile.billing() == null || profile.billing().overdueCount12m() == 0);
    inputs.put("avgKwh12m", profile.consumption() == null || profile.consumption().avgKwh12m() == null
        ? null : profile.consumption().avgKwh12m().doubleValue());
    return inputs;
  }

  /** A customer's corporate group ({@code C1-B3}) and regional groups. */
  record Segments(String corporate, List<String> regional) {
  }
}
