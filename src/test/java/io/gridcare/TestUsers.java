package io.gridcare;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Engine users that integration tests log in as. */
public final class TestUsers {

  private TestUsers() {
  }

  /** Creates the user in the groups unless it exists already (contexts are shared between test classes). */
  public static void ensure(IdentityService identity, String user, String password, String... groups) {
    if (identity.createUserQuery().userId(user).count() == 0) {
      User created = identity.newUser(user);
      created.setPassword(password);
      identity.saveUser(created);
      for (String group : groups) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
          identity.saveGroup(identity.newGroup(group));
        }
        identity.createMembership(user, group);
      }
    }
  }
}
