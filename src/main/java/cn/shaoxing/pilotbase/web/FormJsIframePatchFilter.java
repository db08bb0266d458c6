package cn.shaoxing.pilotbase.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves {@link FormJsIframePatch} for exactly Tasklist's {@code deps.js} (GET/HEAD); every other
 * request goes on unchanged. Revalidated by ETag, gzip when the browser accepts it.
 */
public class FormJsIframePatchFilter extends OncePerRequestFilter {

  private final String path;
  private final FormJsIframePatch patch;

  public FormJsIframePatchFilter(String path, FormJsIframePatch patch) {
    this.path = path;
    this.patch = patch;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String p = request.getRequestURI().substring(request.getContextPath().length());
    String m = request.getMethod();
    return !p.equals(path) || !("GET".equals(m) || "HEAD".equals(m));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("ETag", patch.etag());
    response.setHeader("Vary", "Accept-Encoding");
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.contains(patch.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType("text/javascript;charset=UTF-8");
    String accept = request.getHeader("Accept-Encoding");
    byte[] body = patch.plainRef();
    if (accept != null && accept.contains("gzip")) {
      response.setHeader("Content-Encoding", "gzip");
      body = patch.gzippedRef();
    }
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }
}
