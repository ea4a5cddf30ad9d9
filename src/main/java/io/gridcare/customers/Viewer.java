package io.gridcare.customers;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import io.gridcare.system.Access;

/**
 * Who is looking, as far as customer data goes: the units whose customers they may see (all, for the call
 * centre and admins) and whether they may see personal data (phone, e-mail, id number) unmasked.
 */
public record Viewer(boolean allUnits, Set<String> units, boolean personalData) {

  /** From the groups of the signed-in user (the {@code GROUP_<id>} authorities). */
  public static Viewer fromGroups(Collection<String> groups) {
    boolean admin = groups.contains(Access.ADMIN_GROUP);
    return new Viewer(admin || groups.contains(Access.CALL_CENTRE_GROUP),
        groups.stream().filter(group -> group.startsWith(Access.UNIT_GROUP_PREFIX))
            .map(group -> group.substring(Access.UNIT_GROUP_PREFIX.length())).collect(Collectors.toUnmodifiableSet()),
        admin || groups.contains(Access.PERSONAL_DATA_GROUP));
  }

  boolean maySee(String unitCode) {
    return allUnits || units.contains(unitCode);
  }
}
