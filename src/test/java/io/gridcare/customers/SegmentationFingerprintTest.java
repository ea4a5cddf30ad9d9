package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SegmentationFingerprintTest {

  private static final String VERSIONS = "Decision_CorporateSegment:1:a|Decision_RegionalGroups:1:b";

  @Test
  void sameInputsInAnyOrderGiveTheSameFingerprint() {
    Map<String, Object> one = new LinkedHashMap<>(Map.of("customerType", "RESIDENTIAL", "digital", true));
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("digital", true);
    other.put("customerType", "RESIDENTIAL");

    assertThat(Segmentation.fingerprint(one, VERSIONS)).isEqualTo(Segmentation.fingerprint(other, VERSIONS));
  }

  @Test
  void aChangedInputChangesTheFingerprint() {
    Map<String, Object> before = new HashMap<>(Map.of("customerType", "RESIDENTIAL", "digital", false));
    Map<String, Object> after = new HashMap<>(Map.of("customerType", "RESIDENTIAL", "digital", true));

    assertThat(Segmentation.fingerprint(before, VERSIONS)).isNotEqualTo(Segmentation.fingerprint(after, VERSIONS));
  }

  @Test
  void aNewDecisionVersionChangesTheFingerprint() {
    Map<String, Object> inputs = Map.of("customerType", "RESIDENTIAL");

    assertThat(Segmentation.fingerprint(inputs, VERSIONS))
        .isNotEqualTo(Segmentation.fingerprint(inputs, "Decision_CorporateSegment:2:c|Decision_RegionalGroups:1:b"));
  }

  @Test
  void missingConsumptionIsAValueOfItsOwn() {
    Map<String, Object> unknown = new HashMap<>();
    unknown.put("avgKwh12m", null);

    assertThat(Segmentation.fingerprint(unknown, VERSIONS))
        .isNotEqualTo(Segmentation.fingerprint(Map.of("avgKwh12m", 0.0), VERSIONS));
  }
}
