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

  private WebappSession() {}

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
