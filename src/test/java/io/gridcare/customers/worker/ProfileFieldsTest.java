package io.gridcare.customers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProfileFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void variableIsThePathCamelCased() {
    assertThat(ProfileFields.variableName("identity.fullName")).isEqualTo("identityFullName");
    assertThat(ProfileFields.variableName("contact.mobile")).isEqualTo("contactMobile");
    assertThat(ProfileFields.variableName("location.substation")).isEqualTo("locationSubstation");
    assertThat(ProfileFields.variableName("segment")).isEqualTo("segment");
    assertThat(ProfileFields.variableName("billing.overdueCount12m")).isEqualTo("billingOverdueCount12m");
  }

  @Test
  void fieldsAreCommaSeparatedPathsTakenOnceInOrder() {
    assertThat(ProfileFields.parse(" identity.fullName, contact.mobile ,,segment,contact.mobile"))
        .containsExactly("identity.fullName", "contact.mobile", "segment");
  }

  @Test
  void missingOrMalformedFieldsAreRefused() {
    assertThatThrownBy(() -> ProfileFields.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProfileFields.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProfileFields.parse(42)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProfileFields.parse("contact..mobile")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contact..mobile");
    assertThatThrownBy(() -> ProfileFields.parse("contact.mobile;drop")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesComeFromTheProfileAndTheGroupsFromTheView() throws Exception {
    JsonNode view = JSON.readTree("""
        {"profile": {"code": "PD09000000001",
                     "identity": {"fullName": "Nguyễn Văn Đức"},
                     "contact": {"mobile": "+84912345678", "appRegistered": true, "optedOut": ["SMS"]},
                     "billing": {"overdueCount12m": 2, "outstandingDebt": 185000.5},
                     "consumption": {"lastIndex": 12345678901}},
         "segment": "C2-B5",
         "regionalGroups": ["PD09-BOM-NONG-NGHIEP", "BOM-TUOI-TIEU"]}""");

    Map<String, Object> variables = ProfileFields.variables(view, List.of("identity.fullName", "contact.mobile",
        "contact.appRegistered", "contact.optedOut", "billing.overdueCount12m", "billing.outstandingDebt",
        "consumption.lastIndex", "segment", "regionalGroups"));

    assertThat(variables).containsExactly(
        Map.entry("identityFullName", "Nguyễn Văn Đức"),
        Map.entry("contactMobile", "+84912345678"),
        Map.entry("contactAppRegistered", true),
        Map.entry("contactOptedOut", "[\"SMS\"]"),
        Map.entry("billingOverdueCount12m", 2),
        Map.entry("billingOutstandingDebt", 185000.5),
        Map.entry("consumptionLastIndex", 12345678901L),
        Map.entry("segment", "C2-B5"),
        Map.entry("regionalGroups", "[\"PD09-BOM-NONG-NGHIEP\",\"BOM-TUOI-TIEU\"]"));
  }

  @Test
  void pathTheProfileDoesNotHaveIsNull() throws Exception {
    JsonNode view = JSON.readTree("{\"profile\": {\"identity\": {\"fullName\": \"Lê Văn Nam\"}}}");

    Map<String, Object> variables = ProfileFields.variables(view,
        List.of("contact.mobile", "identity.nickname", "identity.fullName.first", "segment"));

    assertThat(variables).containsOnlyKeys("contactMobile", "identityNickname", "identityFullNameFirst", "segment")
        .allSatisfy((name, value) -> assertThat(value).isNull());
  }
}
