package io.gridcare.customers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.gridcare.customers.Audience;
import io.gridcare.customers.CustomerTopics;
import org.junit.jupiter.api.Test;

class AudienceVariablesTest {

  @Test
  void listsAreCommaSeparatedAndBlanksLeftOut() {
    Audience audience = AudienceVariables.audience(Map.<String, Object>of(
        CustomerTopics.VAR_AUDIENCE_UNIT, "PD09",
        CustomerTopics.VAR_AUDIENCE_SUBSTATIONS, "E1.9-T12, E1.9-T13,,",
        CustomerTopics.VAR_AUDIENCE_FEEDERS, " ",
        CustomerTopics.VAR_AUDIENCE_SEGMENT, "C2-B5")::get);

    assertThat(audience).isEqualTo(new Audience("PD09", List.of("E1.9-T12", "E1.9-T13"), null, null,
        "C2-B5"));
  }

  @Test
  void noVariablesIsAnUnfilteredAudience() {
    assertThat(AudienceVariables.audience(name -> null).unfiltered()).isTrue();
  }

  @Test
  void aVariableThatIsNotTextIsRefused() {
    assertThatThrownBy(() -> AudienceVariables.audience(Map.<String, Object>of(
        CustomerTopics.VAR_AUDIENCE_UNIT, 9)::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CustomerTopics.VAR_AUDIENCE_UNIT);
  }
}
