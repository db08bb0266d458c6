package cn.shaoxing.pilotbase.identity;

import cn.shaoxing.pilotbase.identity.RestFirewall.Decision;
import cn.shaoxing.pilotbase.identity.RestFirewall.Verdict;
import cn.shaoxing.pilotbase.platform.JsonError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@link RestFirewall} to every call of Camunda's REST API, by HTTP Basic
 * ({@code /engine-rest/**}) or from a webapp session ({@code /camunda/api/engine/**}), before the
 * engine sees it, and keeps bad input from reaching the engine:
 * <ul>
 *   <li>writes that are administrators' operations are refused (403) for everybody else, so a
 *       refused call changes nothing (no job retry is used up, no incident is created);</li>
 *   <li>{@code complete} and {@code start} are sent to {@code submit-form}, so every submission runs
 *       the same form validation (undeclared keys refused, 400);</li>
 *   <li>JSON bodies are limited in size (413) and nesting depth (400);</li>
 *   <li>a task form submitted twice (two browser tabs) gets a clear 404/409 instead of a 500.</li>
 * </ul>
 * Messages are JSON with Camunda's {@code type}/{@code message} (shown by Tasklist) and our
 * {@code status}/{@code code}/{@code messages}.
 */
@Component
public class RestFirewallFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RestFirewallFilter.class);
  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final int MAX_JSON_DEPTH = 32;
  private static final Set<String> START_FIELDS = Set.of("variables", "businessKey", "withVariablesInReturn");

  private final ProcessEngine engine;
  private final String restPrefix;
  private final ObjectMapper json = new ObjectMapper();

  public RestFirewallFilter(@Lazy ProcessEngine engine,
      @org.springframework.beans.factory.annotation.Value("${spring.jersey.application-path:/engine-rest}") String restPath) {
    this.engine = engine;
    this.restPrefix = restPath.startsWith("/") ? restPath : "/" + restPath;
  }

  /** Where the engine API lives, for the filter registration. */
  List<String> urlPatterns() {
    return List.of(restPrefix + "/*", "/camunda/api/engine/*");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    String base = engineBase(uri);
    Caller caller = base == null ? null : caller(request, uri);
    if (caller == null) {
      chain.doFilter(request, response); // not the engine API, or not signed in: authentication answers
      return;
    }
    String path = uri.substring(base.length());
    String method = request.getMethod();
    Decision decision = RestFirewall.decide(method, path, caller.kind());
    if (decision.verdict() == Verdict.DENY_CASE_DATA) {
      LOG.info("拒绝 {} 读取整个案件的数据：{} {}", caller.userId(), method, uri);
      refuse(response, 403, "CASE_DATA_BUREAU_ONLY",
          "无权查看整个案件的数据（" + path + "）：请在本人的任务中查看办理所需的材料");
      return;
    }
    if (decision.verdict() == Verdict.DENY) {
      LOG.warn("拒绝 {} 的请求 {} {}：仅系统管理员可执行", caller.userId(), method, uri);
      refuse(response, 403, "ADMINISTRATORS_ONLY",
          "无权执行此操作：" + method + " " + path + " 仅限系统管理员（运维）执行；请在任务表单中办理本人的任务");
      return;
    }
    HttpServletRequest forwarded = request;
    if (!RestFirewall.isRead(method) && isJson(request)) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        refuse(response, 413, "REQUEST_TOO_LARGE", "提交内容过大（超过 " + MAX_BODY_BYTES / 1024 + " KB），请精简后重新提交");
        return;
      }
      if (depth(body) > MAX_JSON_DEPTH) {
        refuse(response, 400, "JSON_TOO_DEEP", "提交内容的嵌套层级过深（超过 " + MAX_JSON_DEPTH + " 层）");
        return;
      }
      if (decision.verdict() == Verdict.REWRITE && path.endsWith("/start")) {
        body = startAsFormSubmission(body);
        if (body == null) {
          refuse(response, 403, "ADMINISTRATORS_ONLY",
              "启动流程时只能提交表单数据（variables、businessKey）；跳过监听器、指定起始节点等仅限系统管理员");
          return;
        }
      }
      if (!caller.kind().equals(RestFirewall.Caller.ADMINISTRATOR) && RestFirewall.isClaim(path)
          && !caller.userId().equals(claimant(body))) {
        refuse(response, 403, "CLAIM_FOR_ONESELF_ONLY", "只能以本人名义认领任务，不能替他人认领");
        return;
      }
      String target = decision.verdict() == Verdict.REWRITE ? base + decision.path() : null;
      forwarded = new Rewritten(request, target == null ? null : request.getContextPath() + target, body);
    }
    String taskId = RestFirewall.submittedTask(path);
    if (taskId != null && !RestFirewall.isRead(method)) {
      if (!taskExists(taskId)) {
        refuse(response, 404, "TASK_GONE", "该任务不存在或已经办理完毕（可能已在其他窗口提交），请刷新任务列表");
        return;
      }
      submitOnce(forwarded, response, chain, taskId);
      return;
    }
    chain.doFilter(forwarded, response);
  }

  /**
   * Two submissions of one task at the same moment: the engine lets one win; the other fails in
   * whatever way the race took it, and gets 409 when the task is gone by then.
   */
  private void submitOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      String taskId) throws IOException, ServletException {
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, cached);
    String body = new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8);
    int status = cached.getStatus();
    boolean raceLost = status >= 500 && (body.contains("OptimisticLocking") || body.contains("ENGINE-03005"));
    // the winner's completion also removed the task's authorizations: the loser may see 403 or 500
    if (raceLost || (status >= 500 || status == 403 || status == 404) && !taskExists(taskId)) {
      cached.resetBuffer();
      refuse(cached, 409, "TASK_GONE", "该任务已经办理完毕（已由他人或在其他窗口提交），本次提交未保存，请刷新任务列表");
    }
    cached.copyBodyToResponse();
  }

  private boolean taskExists(String taskId) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return cfg.getCommandExecutorTxRequired().execute(ctx -> ctx.getTaskManager().findTaskById(taskId) != null);
  }

  /** {@code /engine-rest/} or {@code /camunda/api/engine/engine/<name>/}, or null for other paths. */
  private String engineBase(String uri) {
    if (uri.startsWith(restPrefix + "/")) {
      return restPrefix + "/";
    }
    String webapp = "/camunda/api/engine/engine/";
    if (uri.startsWith(webapp)) {
      int slash = uri.indexOf('/', webapp.length());
      return slash < 0 ? null : uri.substring(0, slash + 1);
    }
    return null;
  }

  private record Caller(String userId, RestFirewall.Caller kind) {
    static Caller of(String userId, java.util.Collection<String> groups) {
      RestFirewall.Caller kind = groups == null ? RestFirewall.Caller.PERSON
          : groups.contains(Role.ADMIN.groupId()) ? RestFirewall.Caller.ADMINISTRATOR
          : groups.contains(Role.BUREAU.groupId()) ? RestFirewall.Caller.BUREAU : RestFirewall.Caller.PERSON;
      return new Caller(userId, kind);
    }
  }

  private Caller caller(HttpServletRequest request, String uri) {
    if (uri.startsWith(restPrefix + "/")) {
      Authentication auth = engine.getIdentityService().getCurrentAuthentication();
      return auth == null || auth.getUserId() == null ? null
          : Caller.of(auth.getUserId(), auth.getGroupIds());
    }
    HttpSession session = request.getSession(false);
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var user = auths == null ? null : auths.getAuthentications().stream().findFirst().orElse(null);
    return user == null ? null
        : Caller.of(user.getIdentityId(), user.getGroupIds());
  }

  /** The user a claim is made for (Tasklist sends the signed-in user), or null. */
  private String claimant(byte[] body) {
    try {
      JsonNode root = body.length == 0 ? null : json.readTree(body);
      return root == null || !root.hasNonNull("userId") ? null : root.get("userId").asText();
    } catch (IOException e) {
      return null;
    }
  }

  /** Keeps only what a start form submission carries; null when the call asks for more. */
  private byte[] startAsFormSubmission(byte[] body) throws IOException {
    if (body.length == 0) {
      return body;
    }
    JsonNode root = json.readTree(body);
    if (root == null || !root.isObject()) {
      return body; // let the REST API answer the malformed request
    }
    ObjectNode kept = json.createObjectNode();
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      boolean harmless = e.getValue().isNull() || (e.getValue().isBoolean() && !e.getValue().asBoolean());
      if (START_FIELDS.contains(e.getKey())) {
        if (!"withVariablesInReturn".equals(e.getKey())) {
          kept.set(e.getKey(), e.getValue());
        }
      } else if (!harmless) {
        return null;
      }
    }
    return json.writeValueAsBytes(kept);
  }

  /** Nesting depth of a JSON text (brackets outside strings). */
  static int depth(byte[] body) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        max = Math.max(max, ++depth);
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return max;
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || type.toLowerCase().contains("json");
  }

  private static void refuse(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    JsonError.writeForEngineApi(response, status, code, message);
  }

  /** The request with its body already read (and perhaps replaced), and perhaps another path. */
  private static final class Rewritten extends HttpServletRequestWrapper {
    private final String uri;
    private final byte[] body;

    Rewritten(HttpServletRequest request, String uri, byte[] body) {
      super(request);
      this.uri = uri;
      this.body = body;
    }

    @Override
    public String getRequestURI() {
      return uri != null ? uri : super.getRequestURI();
    }

    @Override
    public StringBuffer getRequestURL() {
      if (uri == null) {
        return super.getRequestURL();
      }
      StringBuffer original = super.getRequestURL();
      return new StringBuffer(original.substring(0, original.length() - super.getRequestURI().length()) + uri);
    }

    @Override
    public String getPathInfo() {
      String info = super.getPathInfo();
      if (uri == null || info == null) {
        return info;
      }
      String servletPath = getContextPath() + getServletPath();
      return uri.startsWith(servletPath) ? uri.substring(servletPath.length()) : info;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      return "Content-Length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return body.length == 0 || inAvailable(in);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    private static boolean inAvailable(InputStream in) {
      try {
        return in.available() == 0;
      } catch (IOException e) {
        return true;
      }
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
