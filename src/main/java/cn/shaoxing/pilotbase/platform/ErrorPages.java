package cn.shaoxing.pilotbase.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.DefaultErrorViewResolver;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * What a person or a program gets when a request ends in an error that no handler answered (a 403
 * of Camunda's webapp filter, an unknown URL, an uncaught exception): a browser gets the Chinese
 * pages {@code templates/error/403.html}, {@code 404.html}, {@code 5xx.html} or {@code error.html}
 * (what happened, where to go, a link back to Tasklist, never a stack trace); a program calling
 * {@code /api/**}, {@code /engine-rest/**} or the webapps' {@code /camunda/api/**} gets JSON even
 * when it asks for HTML, in our API's shape {@code {"status", "code", "messages"}}. Programs that do
 * not ask for HTML get Spring Boot's JSON error elsewhere, as before.
 */
@Component
public class ErrorPages implements ErrorViewResolver {

  private static final List<String> API_PREFIXES = List.of("/api/", "/engine-rest/", "/camunda/api/");

  private final DefaultErrorViewResolver pages;

  public ErrorPages(ApplicationContext context, WebProperties web) {
    this.pages = new DefaultErrorViewResolver(context, web.getResources());
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    if (isApi(request)) {
      MappingJackson2JsonView json = new MappingJackson2JsonView();
      json.setExtractValueFromSingleKeyModel(false);
      ModelAndView answer = new ModelAndView(json, Map.of("status", status.value(), "code", status.name(),
          "messages", List.of(message(status))));
      answer.setStatus(status);
      return answer;
    }
    return pages.resolveErrorView(request, status, model);
  }

  static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    String p = path;
    return API_PREFIXES.stream().anyMatch(p::startsWith);
  }

  /** The Chinese message of an API error without a handler of its own. */
  static String message(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> "需要登录：请使用平台用户的 HTTP Basic 认证";
      case FORBIDDEN -> "无权执行该操作";
      case NOT_FOUND -> "未找到请求的地址";
      case METHOD_NOT_ALLOWED -> "该地址不支持此请求方法";
      case PAYLOAD_TOO_LARGE -> "请求内容过大";
      default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试；如仍失败请联系系统管理员" : "请求无法处理（" + status.value() + "）";
    };
  }
}
