package cn.shaoxing.pilotbase.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrators lift login refusals before they run out: the engine's delay on an account
 * ({@link IdentityService#unlockUser}) together with the {@link LoginThrottle} counters collected
 * for that user name, or every counter of one client address.
 */
@RestController
@RequestMapping("/api/security/login-locks")
public class LoginLockController {

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final AccessGuard guard;

  public LoginLockController(IdentityService identityService, LoginThrottle throttle, AccessGuard guard) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.guard = guard;
  }

  @DeleteMapping("/{userId}")
  public Map<String, Object> unlockUser(@PathVariable String userId) {
    guard.requireAny(Role.ADMIN);
    boolean known = identityService.createUserQuery().userId(userId).count() > 0;
    int counters = throttle.clearUser(userId);
    if (!known && counters == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "用户不存在，也没有该用户名的登录失败记录：" + userId);
    }
    if (known) {
      identityService.unlockUser(userId);
    }
    return Map.of("userId", userId, "clearedCounters", counters, "messages", List.of("已解除用户 " + userId + " 的登录限制"));
  }

  @DeleteMapping("/address/{address}")
  public Map<String, Object> clearAddress(@PathVariable String address) {
    guard.requireAny(Role.ADMIN);
    int counters = throttle.clearAddress(address);
    return Map.of("address", address, "clearedCounters", counters, "messages", List.of("已解除地址 " + address + " 的登录限制"));
  }
}
