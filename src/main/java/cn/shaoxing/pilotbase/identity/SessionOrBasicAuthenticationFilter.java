package cn.shaoxing.pilotbase.identity;

import cn.shaoxing.pilotbase.platform.JsonError;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.ObjectProvider;

/**
 * HTTP Basic on {@code /api/**} (Camunda's filter, {@code delegate}); on the paths our pages call from
 * the browser ({@code /api/evidence/**}, the evidence page inside a Tasklist form) a request without
 * an {@code Authorization} header is also accepted with the Tasklist session of the person signed in
 * ({@link WebappSession}). Without either: 401 from the Basic filter. A session-authenticated write
 * (POST, PUT, DELETE) must come from our own origin ({@code Origin} or {@code Sec-Fetch-Site}), so
 * another site cannot make a signed-in browser upload or delete (the session cookie is SameSite=Lax
 * as well).
 */
final class SessionOrBasicAuthenticationFilter implements Filter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final Filter delegate;
  private final ObjectProvider<IdentityService> identity;
  private final List<String> sessionPaths;

  SessionOrBasicAuthenticationFilter(Filter delegate, ObjectProvider<IdentityService> identity, List<String> sessionPaths) {
    this.delegate = delegate;
    this.identity = identity;
    this.sessionPaths = List.copyOf(sessionPaths);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    delegate.init(config);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    UserAuthentication user = request.getHeader("Authorization") == null && sessionPath(request)
        ? WebappSession.user(request) : null;
    if (user == null) {
      delegate.doFilter(req, res, chain);
      return;
    }
    if (!SAFE.contains(request.getMethod()) && !sameOrigin(request)) {
      JsonError.write(response, HttpServletResponse.SC_FORBIDDEN, "CROSS_SITE_REQUEST",
          "请求来源不是本平台页面，已拒绝（请在平台页面内操作）");
      return;
    }
    IdentityService ids = identity.getObject();
    ids.setAuthentication(user.getIdentityId(), new ArrayList<>(user.getGroupIds()),
        new ArrayList<>(user.getTenantIds()));
    try {
      chain.doFilter(req, res);
    } finally {
      ids.clearAuthentication();
    }
  }

  private boolean sessionPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return sessionPaths.stream().anyMatch(path::startsWith);
  }

  /** Our page's own fetch: Origin names this host, or the browser says same-origin. */
  static boolean sameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return site != null;
    }
    String host = request.getHeader("Host");
    try {
      URI o = URI.create(origin);
      String oHost = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
      return host != null && (host.equalsIgnoreCase(oHost)
          || (o.getPort() < 0 && host.equalsIgnoreCase(o.getHost() + ":" + ("https".equals(o.getScheme()) ? 443 : 80))));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }
}
