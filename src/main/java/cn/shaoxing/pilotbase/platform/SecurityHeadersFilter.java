package cn.shaoxing.pilotbase.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser hardening headers on every response, set before anything else runs so that 401/429 answers
 * of the authentication filters carry them too: no MIME sniffing, no framing by other sites, no
 * Referer with case URLs to other sites. Our own pages and API also get a Content-Security-Policy
 * (our templates load only /css and /js from our origin, have no inline scripts and use inline styles;
 * the evidence page may be framed by our own origin, ADR 0014);
 * the Camunda webapps (under the webapp path) and the REST API are left to Camunda, whose
 * webapp filter sets its own nonce-based policy. Anything set later (by Camunda) wins.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "script-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

  private final String webappPath;
  private final String restPath;

  public SecurityHeadersFilter(String webappPath, String restPath) {
    this.webappPath = webappPath;
    this.restPath = restPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    setIfAbsent(response, "X-Content-Type-Options", "nosniff");
    setIfAbsent(response, "X-Frame-Options", "SAMEORIGIN");
    setIfAbsent(response, "Referrer-Policy", "same-origin");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!under(path, webappPath) && !under(path, restPath)) {
      setIfAbsent(response, "Content-Security-Policy", CSP);
    }
    chain.doFilter(request, response);
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private static void setIfAbsent(HttpServletResponse response, String name, String value) {
    if (!response.containsHeader(name)) {
      response.setHeader(name, value);
    }
  }
}
