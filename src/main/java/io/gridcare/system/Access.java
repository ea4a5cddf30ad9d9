package io.gridcare.system;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what. People and service accounts live in Camunda's identity service (Admin webapp); their groups
 * give them GridCare roles.
 */
public final class Access {

  /** Camunda's administrators: everything. */
  public static final String ADMIN_GROUP = "camunda-admin";
  /** Care staff: GridCare's API and Tasklist. */
  public static final String STAFF_GROUP = "gridcare-staff";
  /** Scrapers and dashboards: metrics and health details. */
  public static final String MONITORING_GROUP = "gridcare-monitoring";
  /** The corporation's call centre: customers of every unit. */
  public static final String CALL_CENTRE_GROUP = "gridcare-callcentre";
  /** May see phone numbers, e-mail and id numbers unmasked. */
  public static final String PERSONAL_DATA_GROUP = "gridcare-personal-data";
  /** Staff of one Power Company are in {@code unit-PD09} (and {@code gridcare-staff}): they see its customers. */
  public static final String UNIT_GROUP_PREFIX = "unit-";

  /** Source systems (billing, metering, OMS, CRM, channels): they send records, nothing else. */
  public static final String INTEGRATION_GROUP = "gridcare-integration";
  /**
   * Service accounts of the worker role: external tasks, and reading the customers and audiences they work on
   * (every unit, personal data unmasked).
   */
  public static final String WORKER_GROUP = "gridcare-workers";

  public static final String ADMIN = "ADMIN";
  public static final String STAFF = "STAFF";
  public static final String MONITORING = "MONITORING";
  public static final String WORKER = "WORKER";
  public static final String INTEGRATION = "INTEGRATION";

  /** Spring authorities that carry group membership: {@code GROUP_unit-PD09}. */
  public static final String GROUP_AUTHORITY = "GROUP_";

  private static final Map<String, String> ROLE_OF_GROUP = Map.of(
      ADMIN_GROUP, ADMIN, STAFF_GROUP, STAFF, MONITORING_GROUP, MONITORING, WORKER_GROUP, WORKER,
      INTEGRATION_GROUP, INTEGRATION);

  private Access() {
  }

  /** Spring Security authorities for a member of these groups: {@code ROLE_*} plus {@code GROUP_<id>}. */
  public static Set<String> authoritiesOf(Collection<String> groupIds) {
    Set<String> authorities = new LinkedHashSet<>();
    for (String group : groupIds) {
      authorities.add(GROUP_AUTHORITY + group);
      String role = ROLE_OF_GROUP.get(group);
      if (role != null) {
        authorities.add("ROLE_" + role);
      }
    }
    return authorities;
  }

  /** The group ids among these authorities. */
  public static List<String> groupsIn(Collection<String> authorities) {
    return authorities.stream().filter(authority -> authority.startsWith(GROUP_AUTHORITY))
        .map(authority -> authority.substring(GROUP_AUTHORITY.length())).toList();
  }
}
