package io.gridcare.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceTypeRulesTest {

  private static final List<RequestField> CONTACT = List.of(RequestField.PHONE, RequestField.CONTACT_NAME);

  @Test
  void acceptsAWellFormedService() {
    assertThat(ServiceTypeRules.check(service("METER_RELOCATION", List.of(reason("RENOVATION", true)), false)))
        .isEmpty();
  }

  @Test
  void namesAMalformedServiceOrReasonCode() {
    assertThat(fields(service("meter-relocation", List.of(reason("9LIVES", true)), false)))
        .containsExactly("code", "reasons[0].code");
    assertThat(fields(service("X", List.of(reason("OK", true)), false))).as("one character is too short")
        .containsExactly("code");
    assertThat(fields(service("A" + "B".repeat(48), List.of(reason("OK", true)), false))).as("49 characters")
        .containsExactly("code");
  }

  @Test
  void refusesAReasonCodeGivenTwice() {
    ServiceType twice = service("CAPACITY_CHANGE", List.of(reason("INCREASE", true), reason("INCREASE", false)),
        false);

    assertThat(ServiceTypeRules.check(twice)).extracting(CatalogProblem::field).containsExactly("reasons[1].code");
  }

  @Test
  void requiresVietnameseTextsWhereALabelIsGiven() {
    ServiceType service = new ServiceType("ABNORMAL_BILL", ServiceCategory.OTHER, new Label(" ", "Abnormal bill"),
        new Label("", "English only"), 3, null, null, new Label(null, "Free"), HandledBy.POWER_COMPANY, false, true,
        true, CONTACT, List.of(), List.of(new ServiceReason("WRONG_READING", new Label("", "Wrong reading"),
            List.of(), List.of(), true)), true, 0);

    assertThat(fields(service)).containsExactly("name.vi", "description.vi", "feeNote.vi", "reasons[0].label.vi");
  }

  @Test
  void refusesNegativeOrYearLongPromisesAndNegativeFees() {
    ServiceType service = new ServiceType("CAPACITY_CHANGE", ServiceCategory.PAID_SERVICE,
        new Label("Thay đổi công suất", null), null, -1, 366, -5L, null, HandledBy.POWER_COMPANY, false, true, true,
        CONTACT, List.of(), List.of(), true, 0);

    assertThat(fields(service)).containsExactly("promisedWorkingDays", "promisedWorkingDaysRural", "feeVnd");
  }

  @Test
  void everyServiceAsksForAPhoneAndANameAndContractChangesForTheCustomerCode() {
    ServiceType service = new ServiceType("CONTRACT_RENEWAL", ServiceCategory.CONTRACT_CHANGE,
        new Label("Gia hạn hợp đồng", null), null, 3, null, 0L, null, HandledBy.POWER_COMPANY, true, true, true,
        List.of(RequestField.PHONE), List.of(), List.of(), true, 0);

    assertThat(ServiceTypeRules.check(service)).extracting(CatalogProblem::message)
        .anySatisfy(message -> assertThat(message).contains("CONTACT_NAME"))
        .anySatisfy(message -> assertThat(message).contains("CUSTOMER_CODE"))
        .noneSatisfy(message -> assertThat(message).contains("PHONE"));
  }

  @Test
  void refusesAFieldOrDocumentListedTwice() {
    ServiceType service = new ServiceType("CHANGE_OF_HOLDER", ServiceCategory.CONTRACT_CHANGE,
        new Label("Đổi chủ hợp đồng", null), null, 3, null, 0L, null, HandledBy.POWER_COMPANY, false, true, true,
        List.of(RequestField.PHONE, RequestField.CONTACT_NAME, RequestField.PHONE),
        List.of(DocumentKind.ID_CARD, DocumentKind.ID_CARD),
        List.of(new ServiceReason("HOUSE_SOLD", new Label("Bán nhà", null), List.of(RequestField.ADDRESS,
            RequestField.ADDRESS), List.of(), true)), true, 0);

    assertThat(fields(service)).containsExactly("requiredFields", "requiredDocuments", "reasons[0].requiredFields");
  }

  @Test
  void aServiceWithoutFreeTextNeedsAnActiveReason() {
    assertThat(fields(service("METER_INSPECTION", List.of(reason("RUNS_FAST", false)), false)))
        .containsExactly("reasons");
    assertThat(fields(service("METER_INSPECTION", List.of(), false))).containsExactly("reasons");
    assertThat(ServiceTypeRules.check(service("METER_INSPECTION", List.of(), true))).as("free text instead")
        .isEmpty();
  }

  @Test
  void aRetiredServiceMayHaveNoActiveReason() {
    ServiceType retired = new ServiceType("METER_INSPECTION", ServiceCategory.PAID_SERVICE,
        new Label("Kiểm định công tơ", null), null, 3, null, null, null, HandledBy.POWER_COMPANY, false, false, true,
        CONTACT, List.of(), List.of(reason("RUNS_FAST", false)), false, 0);

    assertThat(ServiceTypeRules.check(retired)).isEmpty();
  }

  private static List<String> fields(ServiceType service) {
    return ServiceTypeRules.check(service).stream().map(CatalogProblem::field).toList();
  }

  private static ServiceType service(String code, List<ServiceReason> reasons, boolean freeText) {
    return new ServiceType(code, ServiceCategory.PAID_SERVICE, new Label("Dịch vụ thử", "Test service"), null, 7,
        null, null, new Label("Theo dự toán", "As quoted"), HandledBy.POWER_COMPANY, false, freeText, true, CONTACT,
        List.of(DocumentKind.ID_CARD), reasons, true, 0);
  }

  private static ServiceReason reason(String code, boolean active) {
    return new ServiceReason(code, new Label("Lý do " + code, null), List.of(), List.of(), active);
  }
}
