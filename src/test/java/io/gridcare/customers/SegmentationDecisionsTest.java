package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.gridcare.ProcessTestEngine;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The segmentation decisions analysts edit in Camunda Modeler: category C1..C7, behaviour class B1..B8, the 56
 * corporate segments they make, and the regional groups per Power Company. SEGMENTS.md beside the models is the
 * specification these tests hold them to.
 */
@Deployment(resources = {
    "gridcare/processes/customers/customer-segments.dmn",
    "gridcare/processes/customers/regional-groups.dmn"})
class SegmentationDecisionsTest {

  private static final String CUSTOMER_CATEGORY = "Decision_CustomerCategory";
  private static final String BEHAVIOUR_CLASS = "Decision_BehaviourClass";
  private static final String CORPORATE_SEGMENT = "Decision_CorporateSegment";
  private static final String REGIONAL_GROUPS = "Decision_RegionalGroups";

  private static final String CUSTOMER_TYPE = "customerType";
  private static final String VOLTAGE_LEVEL = "voltageLevel";
  private static final String URBAN = "urban";
  private static final String CRITICAL_LOAD = "criticalLoad";
  private static final String DIGITAL = "digital";
  private static final String PAYS_ON_TIME = "paysOnTime";
  private static final String AVG_KWH_12M = "avgKwh12m";
  private static final String UNIT_CODE = "unitCode";
  private static final String PURPOSE_OF_USE = "purposeOfUse";

  private static final String CATEGORY = "category";
  private static final String CLASS = "behaviourClass";
  private static final String SEGMENT = "segment";
  private static final String REGIONAL_GROUP = "regionalGroup";

  private static final List<String> CUSTOMER_TYPES =
      List.of("RESIDENTIAL", "BUSINESS", "PRODUCTION", "ADMINISTRATIVE", "PRIORITY");
  private static final List<String> VOLTAGE_LEVELS = List.of("LV", "MV", "HV");
  private static final List<Boolean> FLAGS = List.of(true, false);

  /** Average monthly kWh above which a customer type consumes "high"; the same figures as SEGMENTS.md. */
  private static final Map<String, Integer> HIGH_CONSUMPTION_ABOVE = Map.of(
      "RESIDENTIAL", 400, "BUSINESS", 1_500, "PRODUCTION", 10_000, "ADMINISTRATIVE", 3_000, "PRIORITY", 3_000);

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  // --- Category C1..C7

  @Test
  void urbanHouseholdIsC1() {
    assertThat(category(customer().putValue(CUSTOMER_TYPE, "RESIDENTIAL").putValue(URBAN, true))).isEqualTo("C1");
  }

  @Test
  void ruralHouseholdIsC2() {
    assertThat(category(customer().putValue(CUSTOMER_TYPE, "RESIDENTIAL").putValue(URBAN, false))).isEqualTo("C2");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void businessIsC3InTownAndCountry(boolean urban) {
    assertThat(category(customer().putValue(CUSTOMER_TYPE, "BUSINESS").putValue(URBAN, urban))).isEqualTo("C3");
  }

  @Test
  void lowVoltageProductionIsC4() {
    assertThat(category(customer().putValue(CUSTOMER_TYPE, "PRODUCTION").putValue(VOLTAGE_LEVEL, "LV")))
        .isEqualTo("C4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MV", "HV"})
  void mediumAndHighVoltageProductionIsC5(String voltageLevel) {
    assertThat(category(customer().putValue(CUSTOMER_TYPE, "PRODUCTION").putValue(VOLTAGE_LEVEL, voltageLevel)))
        .isEqualTo("C5");
  }

  @Test
  void administrativeIsC6() {
    assertThat(category(customer().putValue(CUSTOMER_TYPE, "ADMINISTRATIVE"))).isEqualTo("C6");
  }

  @Test
  void priorityCustomerIsC7() {
    assertThat(category(customer().putValue(CUSTOMER_TYPE, "PRIORITY").putValue(CRITICAL_LOAD, false)))
        .isEqualTo("C7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RESIDENTIAL", "BUSINESS", "PRODUCTION", "ADMINISTRATIVE", "PRIORITY"})
  void hospitalIsPriorityWhateverItsType(String customerType) {
    VariableMap hospital = customer().putValue(CUSTOMER_TYPE, customerType).putValue(CRITICAL_LOAD, true)
        .putValue(VOLTAGE_LEVEL, "MV");

    assertThat(category(hospital)).isEqualTo("C7");
  }

  @Test
  void homeMedicalEquipmentMakesAHouseholdPriority() {
    VariableMap household = customer().putValue(CUSTOMER_TYPE, "RESIDENTIAL").putValue(URBAN, false)
        .putValue(CRITICAL_LOAD, true);

    assertThat(category(household)).isEqualTo("C7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LV", "MV", "HV"})
  void voltageLevelMattersOnlyForProduction(String voltageLevel) {
    VariableMap business = customer().putValue(CUSTOMER_TYPE, "BUSINESS").putValue(VOLTAGE_LEVEL, voltageLevel);

    assertThat(category(business)).isEqualTo("C3");
  }

  @Test
  void householdNeedsNoVoltageLevel() {
    assertThat(category(customer().putValue(VOLTAGE_LEVEL, null))).isEqualTo("C1");
  }

  @Test
  void everyCombinationOfCategoryInputsMatchesExactlyOneRule() {
    Set<String> categories = new HashSet<>();
    for (String customerType : CUSTOMER_TYPES) {
      for (String voltageLevel : VOLTAGE_LEVELS) {
        for (boolean urban : FLAGS) {
          for (boolean criticalLoad : FLAGS) {
            VariableMap customer = customer().putValue(CUSTOMER_TYPE, customerType)
                .putValue(VOLTAGE_LEVEL, voltageLevel).putValue(URBAN, urban).putValue(CRITICAL_LOAD, criticalLoad);

            DmnDecisionResult result = evaluate(CUSTOMER_CATEGORY, customer);

            assertThat(result.getResultList()).as("rules matching %s", customer).hasSize(1);
            categories.add(result.getSingleEntry());
          }
        }
      }
    }
    assertThat(categories).containsExactlyInAnyOrder("C1", "C2", "C3", "C4", "C5", "C6", "C7");
  }

  // --- Behaviour class B1..B8

  @ParameterizedTest(name = "{0}: digital={1}, paysOnTime={2}, high consumption={3}")
  @CsvSource({
      "B1, true,  true,  false",
      "B2, true,  true,  true",
      "B3, true,  false, false",
      "B4, true,  false, true",
      "B5, false, true,  false",
      "B6, false, true,  true",
      "B7, false, false, false",
      "B8, false, false, true"})
  void behaviourClassIsDigitalTimesPaysOnTimeTimesHighConsumption(
      String expected, boolean digital, boolean paysOnTime, boolean high) {
    VariableMap customer = customer().putValue(DIGITAL, digital).putValue(PAYS_ON_TIME, paysOnTime)
        .putValue(AVG_KWH_12M, high ? 650.0 : 180.0);

    assertThat(behaviourClass(customer)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} at {1} kWh/month")
  @CsvSource({"RESIDENTIAL, 400", "BUSINESS, 1500", "PRODUCTION, 10000", "ADMINISTRATIVE, 3000", "PRIORITY, 3000"})
  void consumptionExactlyAtTheThresholdIsNormal(String customerType, double threshold) {
    VariableMap customer = customer().putValue(CUSTOMER_TYPE, customerType).putValue(AVG_KWH_12M, threshold);

    assertThat(behaviourClass(customer)).isEqualTo("B1");
  }

  @ParameterizedTest(name = "{0} at {1} kWh/month")
  @CsvSource({"RESIDENTIAL, 400.1", "BUSINESS, 1500.1", "PRODUCTION, 10000.1", "ADMINISTRATIVE, 3000.1",
      "PRIORITY, 3000.1"})
  void consumptionJustAboveTheThresholdIsHigh(String customerType, double consumption) {
    VariableMap customer = customer().putValue(CUSTOMER_TYPE, customerType).putValue(AVG_KWH_12M, consumption);

    assertThat(behaviourClass(customer)).isEqualTo("B2");
  }

  @Test
  void householdInTheTopTariffTierConsumesHigh() {
    assertThat(behaviourClass(customer().putValue(AVG_KWH_12M, 401))).isEqualTo("B2");
    assertThat(behaviourClass(customer().putValue(AVG_KWH_12M, 401L))).isEqualTo("B2");
    assertThat(behaviourClass(customer().putValue(AVG_KWH_12M, 400))).isEqualTo("B1");
  }

  @Test
  void householdConsumptionIsNotHighForABusiness() {
    VariableMap business = customer().putValue(CUSTOMER_TYPE, "BUSINESS").putValue(AVG_KWH_12M, 1_200.0);

    assertThat(behaviourClass(business)).isEqualTo("B1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RESIDENTIAL", "BUSINESS", "PRODUCTION", "ADMINISTRATIVE", "PRIORITY"})
  void newCustomerWithoutConsumptionHistoryConsumesNormally(String customerType) {
    VariableMap newCustomer = customer().putValue(CUSTOMER_TYPE, customerType).putValue(AVG_KWH_12M, null)
        .putValue(PAYS_ON_TIME, false);

    assertThat(behaviourClass(newCustomer)).isEqualTo("B3");
  }

  @Test
  void consumptionLeftOutCountsAsNormal() {
    VariableMap customer = customer();
    customer.remove(AVG_KWH_12M);

    assertThat(behaviourClass(customer)).isEqualTo("B1");
  }

  // --- Corporate segment: category "-" behaviour class

  @Test
  void segmentJoinsCategoryAndBehaviourClass() {
    VariableMap lateDigitalHousehold = customer().putValue(PAYS_ON_TIME, false).putValue(AVG_KWH_12M, 120.0);

    assertThat(segment(lateDigitalHousehold)).isEqualTo("C1-B3");
  }

  @Test
  void hospitalPayingLateWithHighConsumptionIsC7B8() {
    VariableMap hospital = customer().putValue(CUSTOMER_TYPE, "ADMINISTRATIVE").putValue(CRITICAL_LOAD, true)
        .putValue(VOLTAGE_LEVEL, "MV").putValue(DIGITAL, false).putValue(PAYS_ON_TIME, false)
        .putValue(AVG_KWH_12M, 48_000.0);

    assertThat(segment(hospital)).isEqualTo("C7-B8");
  }

  @Test
  void everyCombinationGetsExactlyOneOfFiftySixSegments() {
    Set<String> reached = new HashSet<>();
    int combinations = 0;
    for (String customerType : CUSTOMER_TYPES) {
      int threshold = HIGH_CONSUMPTION_ABOVE.get(customerType);
      for (Double consumption : Arrays.asList(null, (double) threshold, threshold + 1.0)) {
        for (String voltageLevel : VOLTAGE_LEVELS) {
          for (boolean urban : FLAGS) {
            for (boolean criticalLoad : FLAGS) {
              for (boolean digital : FLAGS) {
                for (boolean paysOnTime : FLAGS) {
                  VariableMap customer = Variables.createVariables()
                      .putValue(CUSTOMER_TYPE, customerType).putValue(VOLTAGE_LEVEL, voltageLevel)
                      .putValue(URBAN, urban).putValue(CRITICAL_LOAD, criticalLoad).putValue(DIGITAL, digital)
                      .putValue(PAYS_ON_TIME, paysOnTime).putValue(AVG_KWH_12M, consumption);

                  DmnDecisionResult result = evaluate(CORPORATE_SEGMENT, customer);

                  assertThat(result.getResultList()).as("results for %s", customer).hasSize(1);
                  String segment = result.getSingleEntry();
                  assertThat(segment).as("segment of %s", customer).matches("C[1-7]-B[1-8]");
                  reached.add(segment);
                  combinations++;
                }
              }
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(5 * 3 * 3 * 2 * 2 * 2 * 2);
    assertThat(reached).hasSize(56).containsAll(allFiftySixCodes());
  }

  @Test
  void unknownCustomerTypeGetsNoSegment() {
    assertThat(evaluate(CUSTOMER_CATEGORY, customer().putValue(CUSTOMER_TYPE, "TEMPORARY")).getResultList())
        .isEmpty();
    assertThat(segment(customer().putValue(CUSTOMER_TYPE, "TEMPORARY"))).isNull();
  }

  @Test
  void missingCriticalLoadFlagGetsNoSegmentRatherThanAGuess() {
    assertThat(segment(customer().putValue(CRITICAL_LOAD, null))).isNull();
  }

  // --- Regional groups per Power Company (hit policy COLLECT)

  static Stream<Arguments> regionalRules() {
    return Stream.of(
        arguments(named("Hoàn Kiếm old-quarter shop house",
            customer("PD01", "BUSINESS_SERVICES", "BUSINESS", true, 900.0)), List.of("PD01-NHA-PHO-CO")),
        arguments(named("Gia Lâm craft-village kiln",
            customer("PD07", "MANUFACTURING", "PRODUCTION", false, 4_000.0)), List.of("PD07-LANG-NGHE")),
        arguments(named("Đông Anh industrial-park factory",
            customer("PD08", "MANUFACTURING", "PRODUCTION", false, 85_000.0)), List.of("PD08-KHU-CONG-NGHIEP")),
        arguments(named("Sóc Sơn pumping station",
            customer("PD09", "AGRICULTURAL_PUMPING", "PRODUCTION", false, 2_500.0)),
            List.of("PD09-BOM-NONG-NGHIEP", "BOM-TUOI-TIEU")),
        arguments(named("Cầu Giấy apartment above 400 kWh",
            customer("PD12", "RESIDENTIAL_LIVING", "RESIDENTIAL", true, 520.0)), List.of("PD12-CHUNG-CU")),
        arguments(named("Sơn Tây homestay in Đường Lâm",
            customer("PD17", "BUSINESS_SERVICES", "BUSINESS", false, 700.0)), List.of("PD17-LANG-CO-DUONG-LAM")),
        arguments(named("Thạch Thất Hòa Lạc hi-tech plant",
            customer("PD19", "MANUFACTURING", "PRODUCTION", false, 120_000.0)), List.of("PD19-CNC-HOA-LAC")),
        arguments(named("Ba Vì rural household",
            customer("PD21", "RESIDENTIAL_LIVING", "RESIDENTIAL", false, 90.0)), List.of("PD21-NONG-THON-MIEN-NUI")),
        arguments(named("Mỹ Đức Hương Pagoda stall",
            customer("PD24", "BUSINESS_SERVICES", "BUSINESS", false, 300.0)), List.of("PD24-LE-HOI-CHUA-HUONG")),
        arguments(named("street lights in Hà Đông",
            customer("PD16", "PUBLIC_LIGHTING", "ADMINISTRATIVE", true, 6_000.0)), List.of("CHIEU-SANG-CONG-CONG")),
        arguments(named("irrigation pump in Chương Mỹ",
            customer("PD18", "AGRICULTURAL_PUMPING", "PRODUCTION", false, 1_800.0)), List.of("BOM-TUOI-TIEU")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regionalRules")
  void regionalRuleGroupsItsCustomers(VariableMap customer, List<String> expected) {
    assertThat(regionalGroups(customer)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void socSonPumpingStationIsInTwoGroups() {
    VariableMap pump = customer("PD09", "AGRICULTURAL_PUMPING", "PRODUCTION", false, null);

    assertThat(regionalGroups(pump)).containsExactlyInAnyOrder("PD09-BOM-NONG-NGHIEP", "BOM-TUOI-TIEU");
  }

  @Test
  void innerCityHouseholdIsInNoRegionalGroup() {
    VariableMap household = customer("PD04", "RESIDENTIAL_LIVING", "RESIDENTIAL", true, 250.0);

    assertThat(evaluate(REGIONAL_GROUPS, household).getResultList()).isEmpty();
  }

  static Stream<Arguments> nearMisses() {
    return Stream.of(
        arguments(named("Cầu Giấy apartment exactly at 400 kWh",
            customer("PD12", "RESIDENTIAL_LIVING", "RESIDENTIAL", true, 400.0))),
        arguments(named("new Cầu Giấy apartment without consumption history",
            customer("PD12", "RESIDENTIAL_LIVING", "RESIDENTIAL", true, null))),
        arguments(named("Ba Vì household in the town",
            customer("PD21", "RESIDENTIAL_LIVING", "RESIDENTIAL", true, 90.0))),
        arguments(named("Hoàn Kiếm household",
            customer("PD01", "RESIDENTIAL_LIVING", "RESIDENTIAL", true, 250.0))),
        arguments(named("Đông Anh shop",
            customer("PD08", "BUSINESS_SERVICES", "BUSINESS", false, 800.0))),
        arguments(named("Sơn Tây shop in the town centre",
            customer("PD17", "BUSINESS_SERVICES", "BUSINESS", true, 700.0))),
        arguments(named("Gia Lâm factory in the town",
            customer("PD07", "MANUFACTURING", "PRODUCTION", true, 4_000.0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nearMisses")
  void customerJustOutsideARuleIsInNoRegionalGroup(VariableMap customer) {
    assertThat(regionalGroups(customer)).isEmpty();
  }

  // --- helpers

  /** A digital, punctual inner-city household in Đống Đa with ordinary use; each test changes what it is about. */
  private static VariableMap customer() {
    return Variables.createVariables()
        .putValue(CUSTOMER_TYPE, "RESIDENTIAL")
        .putValue(VOLTAGE_LEVEL, "LV")
        .putValue(URBAN, true)
        .putValue(CRITICAL_LOAD, false)
        .putValue(DIGITAL, true)
        .putValue(PAYS_ON_TIME, true)
        .putValue(AVG_KWH_12M, 150.0)
        .putValue(UNIT_CODE, "PD04")
        .putValue(PURPOSE_OF_USE, "RESIDENTIAL_LIVING");
  }

  private static VariableMap customer(
      String unitCode, String purposeOfUse, String customerType, boolean urban, Double avgKwh12m) {
    return customer().putValue(UNIT_CODE, unitCode).putValue(PURPOSE_OF_USE, purposeOfUse)
        .putValue(CUSTOMER_TYPE, customerType).putValue(URBAN, urban).putValue(AVG_KWH_12M, avgKwh12m);
  }

  private static List<String> allFiftySixCodes() {
    List<String> codes = new ArrayList<>();
    for (int category = 1; category <= 7; category++) {
      for (int behaviourClass = 1; behaviourClass <= 8; behaviourClass++) {
        codes.add("C" + category + "-B" + behaviourClass);
      }
    }
    return codes;
  }

  private static DmnDecisionResult evaluate(String decisionKey, VariableMap variables) {
    return engine.getDecisionService().evaluateDecisionByKey(decisionKey).variables(variables).evaluate();
  }

  private static String category(VariableMap customer) {
    return evaluate(CUSTOMER_CATEGORY, customer).getSingleResult().getEntry(CATEGORY);
  }

  private static String behaviourClass(VariableMap customer) {
    return evaluate(BEHAVIOUR_CLASS, customer).getSingleResult().getEntry(CLASS);
  }

  private static String segment(VariableMap customer) {
    return evaluate(CORPORATE_SEGMENT, customer).getSingleResult().getEntry(SEGMENT);
  }

  private static List<String> regionalGroups(VariableMap customer) {
    return evaluate(REGIONAL_GROUPS, customer).collectEntries(REGIONAL_GROUP);
  }
}
