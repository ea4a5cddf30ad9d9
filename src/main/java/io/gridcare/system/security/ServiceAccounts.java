package io.gridcare.system.security;

import io.gridcare.system.Access;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * GridCare's groups and the worker's service account, created right after the engine is built (before any worker
 * can ask). The worker gets exactly what fetching, completing and failing external tasks needs; its password
 * follows configuration, so rotating it is a restart. The first admin comes from {@code camunda.bpm.admin-user}.
 */
@Component
class ServiceAccounts extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ServiceAccounts.class);

  private final String workerUser;
  private final String workerPassword;

  ServiceAccounts(@Value("${gridcare.worker.user}") String workerUser,
      @Value("${gridcare.worker.password}") String workerPassword) {
    this.workerUser = workerUser;
    this.workerPassword = workerPassword;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    ensureGroup(identity, Access.STAFF_GROUP, "Nhân viên CSKH / Care staff", Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(identity, Access.MONITORING_GROUP, "Giám sát / Monitoring", Groups.GROUP_TYPE_SYSTEM);
    ensureGroup(identity, Access.WORKER_GROUP, "Worker service accounts", Groups.GROUP_TYPE_SYSTEM);
    ensureGroup(identity, Access.CALL_CENTRE_GROUP, "Tổng đài CSKH / Call centre", Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(identity, Access.PERSONAL_DATA_GROUP, "Xem dữ liệu cá nhân / Personal data", Groups.GROUP_TYPE_SYSTEM);
    ensureGroup(identity, Access.INTEGRATION_GROUP, "Hệ thống nguồn / Source systems", Groups.GROUP_TYPE_SYSTEM);
    grant(authorizations, Access.STAFF_GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(authorizations, Access.WORKER_GROUP, Resources.PROCESS_DEFINITION, Authorization.ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grant(authorizations, Access.WORKER_GROUP, Resources.PROCESS_INSTANCE, Authorization.ANY,
        ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE);

    User worker = identity.createUserQuery().userId(workerUser).singleResult();
    if (worker == null) {
      worker = identity.newUser(workerUser);
      worker.setFirstName("GridCare");
      worker.setLastName("Worker");
      log.info("Creating the worker service account '{}'", workerUser);
    }
    worker.setPassword(workerPassword);
    identity.saveUser(worker);
    if (identity.createUserQuery().userId(workerUser).memberOfGroup(Access.WORKER_GROUP).count() == 0) {
      identity.createMembership(workerUser, Access.WORKER_GROUP);
    }
  }

  private static void ensureGroup(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
