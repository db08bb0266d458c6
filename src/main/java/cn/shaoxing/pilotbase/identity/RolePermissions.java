package cn.shaoxing.pilotbase.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each role may do, as Camunda group authorizations (docs/adr/0003-roles-as-groups.md).
 * People outside the bureau get no READ on process instances or their history: they see their
 * own tasks (task identity links grant those automatically) and the curated views of our own API.
 * See docs/adr/0030-need-to-know.md for what each role may see of a case, and when.
 */
public final class RolePermissions {

  /** One group authorization. */
  public record Grant(Role role, Resource resource, String resourceId, Permission... permissions) {}

  /** Process definition keys each role may start from Tasklist (besides the bureau, which may start any). */
  public static final Map<Role, List<String>> STARTABLE_PROCESSES =
      Map.of(Role.APPLICANT, List.of("designation-application"));

  private RolePermissions() {}

  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (Role role : Role.values()) {
      if (role == Role.ADMIN) {
        for (Resources r : Resources.values()) {
          grants.add(new Grant(role, r, "*", ALL));
        }
        continue;
      }
      // Every staff role works in Tasklist and may read definitions (forms, diagrams).
      grants.add(new Grant(role, Resources.APPLICATION, "tasklist", ACCESS));
      grants.add(new Grant(role, Resources.PROCESS_DEFINITION, "*", READ));
      grants.add(new Grant(role, Resources.DECISION_DEFINITION, "*", READ));
      for (String key : STARTABLE_PROCESSES.getOrDefault(role, List.of())) {
        grants.add(new Grant(role, Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE));
        grants.add(new Grant(role, Resources.PROCESS_INSTANCE, "*", CREATE));
      }
    }
    // The bureau runs the rounds and watches them in Cockpit (§五.（一）): it starts processes and
    // reads every case and its history, but it neither changes running instances (variables,
    // modification, jobs), nor assigns or completes other roles' tasks, nor deploys: those are
    // administrators' operations (docs/adr/0030-need-to-know.md).
    Role b = Role.BUREAU;
    grants.add(new Grant(b, Resources.APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(b, Resources.PROCESS_DEFINITION, "*",
        READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK));
    grants.add(new Grant(b, Resources.PROCESS_INSTANCE, "*", READ, CREATE));
    grants.add(new Grant(b, Resources.TASK, "*", READ));
    grants.add(new Grant(b, Resources.DEPLOYMENT, "*", READ));
    grants.add(new Grant(b, Resources.DECISION_DEFINITION, "*", READ, Permissions.READ_HISTORY));
    grants.add(new Grant(b, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.add(new Grant(b, Resources.USER, "*", READ));
    grants.add(new Grant(b, Resources.GROUP, "*", READ));
    return grants;
  }

}
