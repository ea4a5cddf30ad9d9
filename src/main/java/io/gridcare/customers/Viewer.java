package io.gridcare.customers;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import io.gridcare.system.Access;

/**
 * Who is looking, as far as customer data goes: the units whose customers they may see (all, for the call
 * centre, admins and workers) and whether they may see personal data (phone, e-mail, id number) unmasked.
 */
public record Viewer(boolean allUnits, Set<String> units, boolean personalData) {

  /** From the groups of the signed-in user (the {@code GROUP_<id>} authorities). */
  public static Viewer fromGroups(Collection<String> groups) {
    boolean admin = groups.contains(Access.ADMIN_GROUP);
    // flows run for the whole corporation, and a notice cannot go out to a masked phone number
    boolean worker = groups.contains(Access.WORKER_GROUP);
    return new Viewer(admin || worker || groups.contains(Access.CALL_CENTRE_GROUP),
        groups.stream().filter(group -> group.startsWith(Access.UNIT_GROUP_PREFIX))
            .map(group -> group.substring(Access.UNIT_GROUP_PREFIX.length())).collect(Collectors.toUnmodifiableSet()),
        admin || worker || groups.contains(Access.PERSONAL_DATA_GROUP));
  }

  boolean maySee(String unitCode) {
    return allUnits || units.contains(unitCode);
  }
}
