package io.gridcare.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gridcare.GridCareIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog as the migrations seed it, read back through {@link ServiceCatalog}. */
@GridCareIntegrationTest
class ServiceCatalogSeedTest {

  /** What REFERENCE.md lists; other tests add services of their own to the same database. */
  private static final List<String> SEEDED = List.of(
      "NEW_LV_RESIDENTIAL_1P", "NEW_LV_RESIDENTIAL_3P", "NEW_SHARED_METER", "SPLIT_SHARED_METER",
      "NEW_NON_RESIDENTIAL_UNDER_40KW", "NEW_NON_RESIDENTIAL_FROM_40KW", "TEMPORARY_SUPPLY", "NEW_MEDIUM_VOLTAGE",
      "CHANGE_OF_HOLDER", "CHANGE_OF_DETAILS", "CHANGE_OF_PURPOSE", "CHANGE_OF_HOUSEHOLD_NORM", "CONTRACT_RENEWAL",
      "CONTRACT_TERMINATION", "METER_RELOCATION", "CAPACITY_CHANGE", "RECONNECTION", "METER_INSPECTION",
      "PAYMENT_QUESTION", "OUTAGE_REPORT", "QUALITY_COMPLAINT", "ABNORMAL_BILL");

  private final ServiceCatalog catalog;

  ServiceCatalogSeedTest(@Autowired ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Test
  void seedsTheServicesOfEveryCategory() {
    assertThat(seeded()).extracting(ServiceType::category).containsAll(List.of(ServiceCategory.values()));
    assertThat(catalog.find("CAPACITY_CHANGE")).get()
        .satisfies(capacity -> {
          assertThat(capacity.promisedWorkingDays(true)).isEqualTo(3);
          assertThat(capacity.promisedWorkingDays(false)).isEqualTo(5);
          assertThat(capacity.reason("INCREASE")).isPresent();
          assertThat(capacity.reason("DECREASE")).isPresent();
        });
  }

  @Test
  void everySeededServiceAsksForAPhoneAndANameAndHasUniqueReasonCodes() {
    for (ServiceType service : seeded()) {
      assertThat(service.requiredFields()).as(service.code())
          .contains(RequestField.PHONE, RequestField.CONTACT_NAME);
      assertThat(service.reasons()).as(service.code()).extracting(ServiceReason::code).doesNotHaveDuplicates();
    }
  }

  @Test
  void everySeededServicePassesTheRulesAnEditWouldMeet() {
    for (ServiceType service : seeded()) {
      assertThat(ServiceTypeRules.check(service)).as(service.code()).isEmpty();
      assertThat(service.reasons()).as(service.code()).hasSizeBetween(2, 5);
      assertThat(service.name().en()).as(service.code()).isNotEqualTo(service.name().vi());
      service.reasons().forEach(reason -> assertThat(reason.label().en()).as(service.code() + " " + reason.code())
          .isNotEqualTo(reason.label().vi()));
    }
  }

  @Test
  void servicesOnAnExistingContractNeedTheCustomerCodeAndNewConnectionsDoNot() {
    for (ServiceType service : seeded()) {
      if (service.category() == ServiceCategory.CONTRACT_CHANGE || service.category() == ServiceCategory.PAID_SERVICE) {
        assertThat(service.requiresCustomer()).as(service.code()).isTrue();
      }
      if (service.category() == ServiceCategory.NEW_CONNECTION) {
        assertThat(service.requiresCustomer()).as(service.code()).isFalse();
        assertThat(service.requiredFields()).as(service.code())
            .contains(RequestField.ADDRESS, RequestField.ID_NUMBER, RequestField.PURPOSE_OF_USE);
      }
      if (service.category() == ServiceCategory.OTHER) {
        assertThat(service.freeTextAllowed()).as(service.code()).isTrue();
      }
    }
  }

  @Test
  void eachServiceAsksForWhatItsWorkNeeds() {
    Map<String, RequestField> needs = Map.of(
        "CHANGE_OF_HOUSEHOLD_NORM", RequestField.HOUSEHOLDS,
        "CAPACITY_CHANGE", RequestField.REQUESTED_CAPACITY_KW,
        "CHANGE_OF_HOLDER", RequestField.NEW_HOLDER_ID_NUMBER,
        "METER_RELOCATION", RequestField.NEW_METER_LOCATION,
        "ABNORMAL_BILL", RequestField.BILLING_PERIOD,
        "NEW_NON_RESIDENTIAL_FROM_40KW", RequestField.REQUESTED_CAPACITY_KW,
        "NEW_SHARED_METER", RequestField.HOUSEHOLDS);
    needs.forEach((code, field) -> assertThat(catalog.find(code).orElseThrow().fieldsRequired(Optional.empty()))
        .as(code).contains(field));
    assertThat(catalog.find("CHANGE_OF_HOLDER").orElseThrow().requiredFields()).contains(RequestField.NEW_HOLDER_NAME);
  }

  @Test
  void connectionsThatNeedASiteSurveyAreNeverForwardedWithoutReview() {
    assertThat(seeded()).filteredOn(service -> !service.autoForward()).extracting(ServiceType::code)
        .containsExactlyInAnyOrder("NEW_MEDIUM_VOLTAGE", "NEW_NON_RESIDENTIAL_FROM_40KW");
  }

  private List<ServiceType> seeded() {
    return SEEDED.stream().map(code -> catalog.find(code).orElseThrow(() -> new AssertionError("not seeded: " + code)))
        .toList();
  }
}
