package cn.shaoxing.pilotbase.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Per-case visibility: lets exactly the people involved in one case (the applicant, its district,
 * an assigned expert) read that process instance and its history. Usable from BPMN, e.g. an
 * execution listener {@code ${caseAccess.grantGroup(execution.processInstanceId, reviewerGroup)}}.
 * Runs with authorization checks suspended: the grant is the process's decision, not the user's.
 */
@Service("caseAccess")
public class CaseAccess {

  private final ProcessEngine engine;

  public CaseAccess(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  public void grantGroup(String processInstanceId, String groupId) {
    grant(processInstanceId, null, groupId);
  }

  public void grantUser(String processInstanceId, String userId) {
    grant(processInstanceId, userId, null);
  }

  private void grant(String processInstanceId, String userId, String groupId) {
    CommandContext ctx = Context.getCommandContext();
    boolean wasEnabled = ctx != null && ctx.isAuthorizationCheckEnabled();
    if (ctx != null) {
      ctx.disableAuthorizationCheck();
    }
    try {
      save(Resources.PROCESS_INSTANCE, processInstanceId, userId, groupId, Permissions.READ);
      save(Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, userId, groupId, HistoricProcessInstancePermissions.READ);
    } finally {
      if (ctx != null && wasEnabled) {
        ctx.enableAuthorizationCheck();
      }
    }
  }

  private void save(
      Resources resource, String id, String userId, String groupId, org.camunda.bpm.engine.authorization.Permission p) {
    AuthorizationService auths = engine.getAuthorizationService();
    var query = auths.createAuthorizationQuery().resourceType(resource).resourceId(id);
    query = userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId);
    if (query.count() > 0) {
      return;
    }
    Authorization a = auths.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setResource(resource);
    a.setResourceId(id);
    a.setUserId(userId);
    a.setGroupId(groupId);
    a.addPermission(p);
    auths.saveAuthorization(a);
  }
}
