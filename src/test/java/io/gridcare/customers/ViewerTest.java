package io.gridcare.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.gridcare.system.Access;
import org.junit.jupiter.api.Test;

class ViewerTest {

  @Test
  void workerSeesEveryUnitWithPersonalData() {
    Viewer worker = Viewer.fromGroups(List.of(Access.WORKER_GROUP));

    assertThat(worker.maySee("PD09")).isTrue();
    assertThat(worker.maySee("PD30")).isTrue();
    assertThat(worker.personalData()).isTrue();
  }

  @Test
  void unitStaffSeeTheirUnitOnlyAndMasked() {
    Viewer staff = Viewer.fromGroups(List.of(Access.STAFF_GROUP, Access.UNIT_GROUP_PREFIX + "PD09"));

    assertThat(staff.maySee("PD09")).isTrue();
    assertThat(staff.maySee("PD10")).isFalse();
    assertThat(staff.personalData()).isFalse();
  }

  @Test
  void callCentreSeesEveryUnitMaskedUnlessAlsoInThePersonalDataGroup() {
    assertThat(Viewer.fromGroups(List.of(Access.CALL_CENTRE_GROUP)))
        .returns(true, Viewer::allUnits).returns(false, Viewer::personalData);
    assertThat(Viewer.fromGroups(List.of(Access.CALL_CENTRE_GROUP, Access.PERSONAL_DATA_GROUP)).personalData())
        .isTrue();
  }
}
