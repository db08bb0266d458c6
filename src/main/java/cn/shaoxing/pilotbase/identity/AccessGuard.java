package cn.shaoxing.pilotbase.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Role checks for our own endpoints under {@code /api/**}. The user is authenticated by Camunda's
 * HTTP Basic filter, which puts the engine authentication (user and groups) on the thread.
 */
@Component
public class AccessGuard {

  private final IdentityService identityService;

  public AccessGuard(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The authenticated user, or 401 if none. */
  public Authentication current() {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return auth;
  }

  /** The authenticated user if it belongs to one of the roles (administrators always pass), else 403. */
  public Authentication requireAny(Role... roles) {
    Authentication auth = current();
    if (hasAny(auth, roles)) {
      return auth;
    }
    throw new ResponseStatusException(
        HttpStatus.FORBIDDEN,
        "无权操作：需要以下角色之一："
            + String.join("、", Arrays.stream(roles).map(Role::chineseName).toList()));
  }

  public static boolean hasAny(Authentication auth, Role... roles) {
    if (auth.getGroupIds() == null) {
      return false;
    }
    if (auth.getGroupIds().contains(Role.ADMIN.groupId())) {
      return true;
    }
    return Arrays.stream(roles).anyMatch(r -> auth.getGroupIds().contains(r.groupId()));
  }
}
