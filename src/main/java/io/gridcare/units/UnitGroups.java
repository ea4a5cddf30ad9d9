package io.gridcare.units;

import io.gridcare.system.Access;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every Power Company has two groups in the identity service: its staff ({@code unit-PD09}, who see its customers)
 * and its supervisors ({@code supervisors-PD09}, who approve its mass notices in Tasklist). They are made for
 * the units there are when the server starts and for each unit an admin adds; admins only put people in them.
 */
@Component
public class UnitGroups {

  /** Supervisors of one unit: {@code supervisors-PD09}. */
  public static final String SUPERVISOR_GROUP_PREFIX = "supervisors-";
  /** The care centre's supervisors: notices addressed to no single unit. */
  public static final String CORPORATE_SUPERVISORS = "gridcare-supervisors";

  private static final Logger log = LoggerFactory.getLogger(UnitGroups.class);

  private final Units units;
  private final IdentityService identity;

  UnitGroups(Units units, IdentityService identity) {
    this.units = units;
    this.identity = identity;
  }

  public static String supervisorsOf(String unitCode) {
    return unitCode == null ? CORPORATE_SUPERVISORS : SUPERVISOR_GROUP_PREFIX + unitCode;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureForAllUnits() {
    int created = ensure(CORPORATE_SUPERVISORS, "Giám sát CSKH Tổng công ty / Care centre supervisors") ? 1 : 0;
    for (Unit unit : units.findAll()) {
      created += ensureFor(unit);
    }
    if (created > 0) {
      log.info("Created {} unit staff and supervisor groups", created);
    }
  }

  /** Makes the unit's two groups if they are missing; answers how many it made. */
  public int ensureFor(Unit unit) {
    int created = 0;
    if (ensure(Access.UNIT_GROUP_PREFIX + unit.code(), "Nhân viên " + unit.name() + " / " + unit.code() + " staff")) {
      created++;
    }
    if (ensure(supervisorsOf(unit.code()), "Giám sát " + unit.name() + " / " + unit.code() + " supervisors")) {
      created++;
    }
    return created;
  }

  private boolean ensure(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return false;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identity.saveGroup(group);
    return true;
  }
}
