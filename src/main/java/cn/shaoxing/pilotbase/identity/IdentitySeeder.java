package cn.shaoxing.pilotbase.identity;

import cn.shaoxing.pilotbase.identity.RolePermissions.Grant;
import cn.shaoxing.pilotbase.identity.TasklistFilters.FilterDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates groups, authorizations, Tasklist filters and users at engine start. Idempotent. The
 * roles' group grants are made exactly those of {@link RolePermissions} (the code is the truth, so
 * a permission removed there is revoked at the next start); users and filters that exist are left
 * as they are (an administrator's later changes survive a restart). Runs as an engine
 * plugin right after the engine is built, so users exist before anyone can log in.
 */
@Component
public class IdentitySeeder extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  private final IdentityProperties props;
  private IdentityService identity;
  private AuthorizationService authorizations;
  private FilterService filters;
  private TaskService tasks;

  public IdentitySeeder(IdentityProperties props) {
    this.props = props;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.filters = engine.getFilterService();
    this.tasks = engine.getTaskService();
    seed();
  }

  void seed() {
    for (Role role : Role.values()) {
      ensureGroup(role);
    }
    for (Grant grant : RolePermissions.grants()) {
      ensureGrant(grant);
    }
    revokePerCaseGrants();
    for (FilterDef def : TasklistFilters.ALL) {
      ensureFilter(def);
    }
    if (props.seedDemoUsers()) {
      for (DemoUsers.DemoUser u : DemoUsers.ALL) {
        ensureUser(u.id(), u.firstName(), u.lastName(), u.email(), DemoUsers.PASSWORD, u.role());
      }
      LOG.info("演示用户已就绪（{}个，密码见README）", DemoUsers.ALL.size());
    }
    seedProductionAdmin();
  }

  private void seedProductionAdmin() {
    String id = props.adminId();
    if (id == null || id.isBlank()) {
      if (!props.seedDemoUsers() && identity.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).count() == 0) {
        LOG.error("没有系统管理员：请设置环境变量 PILOTBASE_ADMIN_ID 和 PILOTBASE_ADMIN_PASSWORD 后重启");
      }
      return;
    }
    if (props.adminPassword() == null || props.adminPassword().isBlank()) {
      LOG.error("PILOTBASE_ADMIN_ID 已设置但缺少 PILOTBASE_ADMIN_PASSWORD，未创建管理员");
      return;
    }
    ensureUser(id, "管理员", "系统", props.adminEmail(), props.adminPassword(), Role.ADMIN);
  }

  private void ensureGroup(Role role) {
    if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
      Group g = identity.newGroup(role.groupId());
      g.setName(role.chineseName());
      g.setType(role.kind() == Role.Kind.ADMIN ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(g);
    }
  }

  private void ensureUser(String id, String first, String last, String email, String password, Role role) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setFirstName(first);
      u.setLastName(last);
      u.setEmail(email);
      u.setPassword(password);
      identity.saveUser(u);
      LOG.info("创建用户 {}（{}）", id, role.chineseName());
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(role.groupId()).count() == 0) {
      identity.createMembership(id, role.groupId());
    }
  }

  /** Makes a role's grant exactly what {@link RolePermissions} says: permissions removed there are revoked. */
  private void ensureGrant(Grant grant) {
    Authorization auth =
        authorizations.createAuthorizationQuery()
            .groupIdIn(grant.role().groupId())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .singleResult();
    Set<Permission> wanted = Set.of(grant.permissions());
    if (auth != null) {
      Permission[] all = ResourceTypeUtil.getPermissionsByResourceType(grant.resource().resourceType());
      Set<Permission> granted = Set.of(auth.getPermissions(all));
      boolean exact = grant.permissions().length == 1 && grant.permissions()[0] == Permissions.ALL
          ? auth.isEveryPermissionGranted() : granted.equals(wanted);
      if (exact) {
        return;
      }
      LOG.info("更新角色{}对{}的授权", grant.role().groupId(), grant.resource().resourceName());
      authorizations.deleteAuthorization(auth.getId());
    }
    auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(grant.role().groupId());
    auth.setResource(grant.resource());
    auth.setResourceId(grant.resourceId());
    for (Permission p : wanted) {
      auth.addPermission(p);
    }
    authorizations.saveAuthorization(auth);
  }

  /**
   * Earlier versions granted READ on single process instances (and their history) to the people
   * involved in a case. Need-to-know replaces them by task access and curated views: remove them.
   */
  private void revokePerCaseGrants() {
    for (Resources r : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
      List<Authorization> stale = authorizations.createAuthorizationQuery().resourceType(r).list().stream()
          .filter(a -> !Authorization.ANY.equals(a.getResourceId()))
          .toList();
      stale.forEach(a -> authorizations.deleteAuthorization(a.getId()));
      if (!stale.isEmpty()) {
        LOG.info("已撤销{}条按案件授予的{}读取授权", stale.size(), r.resourceName());
      }
    }
  }

  private void ensureFilter(FilterDef def) {
    Filter filter = filters.createFilterQuery().filterResourceType("Task").filterName(def.name()).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", def.description());
      properties.put("priority", def.priority());
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      filter = filters.newTaskFilter(def.name())
          .setOwner(null)
          .setProperties(properties)
          .setQuery(def.query().apply(tasks.createTaskQuery().orderByDueDate().asc()));
      filters.saveFilter(filter);
    }
    for (Role role : def.roles()) {
      ensureGrant(new Grant(role, Resources.FILTER, filter.getId(), Permissions.READ));
    }
  }
}
