package cn.shaoxing.pilotbase.designation;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Grants the people of a case READ on its process instance and its history, so an applicant sees
 * only its own application and a district only those filed through it (tasks are granted by the
 * engine's default authorization provider). Runs without authorization checks: the user whose
 * action triggers the grant is not allowed to create authorizations.
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizationService;

  public CaseAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grantUser(String processInstanceId, String userId) {
    grant(processInstanceId, userId, null);
  }

  public void grantGroup(String processInstanceId, String groupId) {
    grant(processInstanceId, null, groupId);
  }

  /** Withdraws what {@link #grantGroup} gave (e.g. the applicant changed its district). */
  public void revokeGroup(String processInstanceId, String groupId) {
    privileged(() -> {
      authorizationService.createAuthorizationQuery()
          .groupIdIn(groupId)
          .resourceId(processInstanceId)
          .list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    });
  }

  private void grant(String processInstanceId, String userId, String groupId) {
    privileged(() -> {
      Authorization runtime = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      runtime.setResource(Resources.PROCESS_INSTANCE);
      runtime.setResourceId(processInstanceId);
      runtime.addPermission(Permissions.READ);
      Authorization history = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
      history.setResourceId(processInstanceId);
      history.addPermission(HistoricProcessInstancePermissions.READ);
      for (Authorization a : new Authorization[] {runtime, history}) {
        if (userId != null) {
          a.setUserId(userId);
        } else {
          a.setGroupId(groupId);
        }
        authorizationService.saveAuthorization(a);
      }
    });
  }

  private static void privileged(Runnable r) {
    CommandContext cc = Context.getCommandContext();
    if (cc == null) {
      r.run();
    } else {
      cc.runWithoutAuthorization(() -> {
        r.run();
        return null;
      });
    }
  }
}
