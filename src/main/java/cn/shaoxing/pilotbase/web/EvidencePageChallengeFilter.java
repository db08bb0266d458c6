package cn.shaoxing.pilotbase.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The evidence page's own requests to {@code /api/evidence/**} (marked {@code X-Requested-With:
 * XMLHttpRequest} by static/js/evidence.js) get a 401 without {@code WWW-Authenticate: Basic}.
 * With the challenge, Chromium opens its login dialog over Tasklist for a request made inside the
 * form's iframe, and while it is open the form takes no typing (seen in EvidenceBrowserTest); the
 * page shows "登录已失效" instead. Other clients of the API (HTTP Basic) still get the challenge.
 */
public class EvidencePageChallengeFilter extends OncePerRequestFilter {

  static final String MARK = "X-Requested-With";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"XMLHttpRequest".equals(request.getHeader(MARK));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
          super.addHeader(name, value);
        }
      }
    });
  }
}
