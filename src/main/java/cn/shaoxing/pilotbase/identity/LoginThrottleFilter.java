package cn.shaoxing.pilotbase.identity;

import cn.shaoxing.pilotbase.platform.JsonError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs in front of every place a password is checked: HTTP Basic on {@code /engine-rest/*},
 * {@code /api/*} and {@code /actuator/*}, and the Camunda webapp login
 * {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. A login that {@link LoginThrottle}
 * refuses gets 429 with {@code Retry-After} and a Chinese JSON message, without reaching the engine.
 *
 * <p>What counts: a failure is a 401 answer to a request that carried credentials (Basic) or was the
 * webapp login (Camunda answers a wrong password or unknown user with 401; 403 there means a missing
 * CSRF token or an application the user may not open, so it counts neither way). A success is a
 * webapp login answered 2xx, or a Basic request that an authentication filter marked with
 * {@link #AUTHENTICATED_USER}: a Basic header sent to a path that checks nothing (/actuator/health,
 * /engine-rest/engine) is neither, so it cannot reset a guesser's counter.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  /** Request attribute set once the credentials of the request were accepted. */
  public static final String AUTHENTICATED_USER = LoginThrottleFilter.class.getName() + ".user";

  /** Login forms are tiny; a larger body is passed on without reading the user name from it. */
  private static final int MAX_FORM = 16 * 1024;

  private final LoginThrottle throttle;
  private final Pattern webappLogin;

  public LoginThrottleFilter(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean isWebappLogin = "POST".equals(request.getMethod()) && webappLogin.matcher(path).matches();
    HttpServletRequest forwarded = request;
    String user;
    if (isWebappLogin) {
      FormRequest form = new FormRequest(request);
      forwarded = form;
      user = form.username();
    } else {
      user = basicUser(request.getHeader("Authorization"));
      if (user == null) {
        chain.doFilter(request, response);
        return;
      }
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.retryAfter(address, user);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.setHeader("Retry-After", String.valueOf(seconds));
      JsonError.write(response, 429, "TOO_MANY_LOGIN_ATTEMPTS", "登录失败次数过多，请于 " + seconds + " 秒后再试");
      return;
    }
    chain.doFilter(forwarded, response);
    int status = response.getStatus();
    boolean accepted = isWebappLogin ? status / 100 == 2 : request.getAttribute(AUTHENTICATED_USER) != null;
    if (accepted) {
      throttle.succeeded(address, user);
    } else if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, user);
    }
  }

  /** The user name of an HTTP Basic header, "" when it cannot be read, null without Basic credentials. */
  static String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "" : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * The webapp login request with its form body read ahead, so the user name is known before the
   * password is checked; Camunda's login resource then reads the same bytes from {@link #getInputStream()}.
   * (Calling {@code getParameter} here instead would consume the body and make Jersey warn at every login.)
   */
  static final class FormRequest extends HttpServletRequestWrapper {

    private final byte[] head;
    private final boolean complete;
    private final InputStream body;

    FormRequest(HttpServletRequest request) throws IOException {
      super(request);
      InputStream in = request.getInputStream();
      this.head = in.readNBytes(MAX_FORM);
      this.complete = head.length < MAX_FORM;
      this.body = complete ? new ByteArrayInputStream(head) : new SequenceInputStream(new ByteArrayInputStream(head), in);
    }

    /** The {@code username} form field, "" when absent or not a form. */
    String username() {
      String type = getContentType();
      if (!complete || type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        return "";
      }
      for (String pair : new String(head, StandardCharsets.ISO_8859_1).split("&")) {
        if (pair.startsWith("username=")) {
          try {
            return URLDecoder.decode(pair.substring(9), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return "";
          }
        }
      }
      return "";
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        private boolean finished;

        @Override
        public int read() throws IOException {
          int b = body.read();
          finished = b < 0;
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = body.read(buf, off, len);
          finished = n < 0;
          return n;
        }

        @Override
        public boolean isFinished() {
          return finished;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String enc = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc)));
    }

    @Override
    public int getContentLength() {
      return complete ? head.length : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
      return complete ? head.length : super.getContentLengthLong();
    }
  }
}
