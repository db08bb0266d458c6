package cn.shaoxing.pilotbase.identity;

import cn.shaoxing.pilotbase.platform.JsonError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot Actuator under {@code /actuator/*}: health and info stay anonymous (load balancers,
 * uptime checks; health shows components but no details), everything else (metrics, prometheus,
 * and whatever is exposed later) needs HTTP Basic of an administrator or the bureau: 401 without or
 * with wrong credentials, 403 for other roles. Deny by default, so exposing a new endpoint in
 * application.yaml cannot make it public by accident. Credentials are checked by Camunda's own
 * {@link HttpBasicAuthenticationProvider}, the same as on /engine-rest and /api.
 */
public class ActuatorAccessFilter extends OncePerRequestFilter {

  private static final Pattern ANONYMOUS = Pattern.compile("/actuator/(health|info)(/.*)?");

  private final ObjectProvider<ProcessEngine> engines;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  public ActuatorAccessFilter(ObjectProvider<ProcessEngine> engines) {
    this.engines = engines;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (ANONYMOUS.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    ProcessEngine engine = engines.getObject();
    AuthenticationResult auth = basic.extractAuthenticatedUser(request, engine);
    if (!auth.isAuthenticated()) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
      JsonError.write(response, 401, "UNAUTHORIZED", "请先登录：运行指标需以系统管理员或市科技局账号（HTTP Basic）访问");
      return;
    }
    request.setAttribute(LoginThrottleFilter.AUTHENTICATED_USER, auth.getAuthenticatedUser());
    boolean allowed = engine.getIdentityService().createGroupQuery().groupMember(auth.getAuthenticatedUser())
        .list().stream().map(Group::getId)
        .anyMatch(g -> g.equals(Role.ADMIN.groupId()) || g.equals(Role.BUREAU.groupId()));
    if (!allowed) {
      JsonError.write(response, 403, "FORBIDDEN", "无权查看运行指标：仅系统管理员和市科技局可查看");
      return;
    }
    chain.doFilter(request, response);
  }
}
