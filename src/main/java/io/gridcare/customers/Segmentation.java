package io.gridcare.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();

  Segmentation(RepositoryService repository) {
    this.repository = repository;
  }

  /** The decisions as deployed now; use one per batch, so a redeployment takes effect with the next batch. */
  Evaluator current() {
    return new Evaluator(latest(CORPORATE), latest(REGIONAL));
  }

  private DmnDecision latest(String key) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    Objects.requireNonNull(definition, () -> "Decision " + key + " is not deployed");
    return parsedById.computeIfAbsent(definition.getId(),
        id -> dmn.parseDecision(key, repository.getDmnModelInstance(id)));
  }

  final class Evaluator {

    private final DmnDecision corporate;
    private final DmnDecision regional;

    private Evaluator(DmnDecision corporate, DmnDecision regional) {
      this.corporate = corporate;
      this.regional = regional;
    }

    /** The groups of this customer; no corporate group before billing has said what kind of customer it is. */
    Segments evaluate(CustomerProfile profile, boolean urbanUnit) {
      if (profile.identity() == null || profile.identity().customerType() == null) {
        return new Segments(null, List.of());
      }
      Map<String, Object> inputs = inputs(profile, urbanUnit);
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
