package cn.shaoxing.pilotbase.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The person signed in to Tasklist/Cockpit in this browser session, for our own pages and for the
 * API calls those pages make ({@link SessionOrBasicAuthenticationFilter}: /api/evidence/**).
 */
public final class WebappSession {

  /** Where a person who is not signed in is sent. */
  public static final String LOGIN = "/camunda/app/tasklist/default/#/login";

  /** Where a person whose login expired is sent: 「登录已过期，请重新登录」 with a link to {@link #LOGIN}. */
  public static final String LOGIN_EXPIRED = "/login-expired";

  private WebappSession() {}

  /**
   * Where to send a person who is not signed in: the page saying the login expired when the browser
   * still presents a session that has ended (timed out, or signed out in another tab), else
   * Tasklist's login.
   */
  public static String login(HttpServletRequest request) {
    return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() ? LOGIN_EXPIRED : LOGIN;
  }

  /** The signed-in user, or null. */
  public static UserAuthentication user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    return auths == null ? null : auths.getAuthentications().stream().findFirst().orElse(null);
  }

  /**
   * Whether a write comes from a page of this platform ({@code Origin} names this host, or the browser
   * says {@code Sec-Fetch-Site: same-origin}): our session pages' guard against cross-site posts.
   */
  public static boolean sameOrigin(HttpServletRequest request) {
    return SessionOrBasicAuthenticationFilter.sameOrigin(request);
  }
}
