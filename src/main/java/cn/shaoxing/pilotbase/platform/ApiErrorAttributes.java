package cn.shaoxing.pilotbase.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of an error no handler answered, for a program that does not ask for HTML: on our API
 * paths ({@link ErrorPages#isApi}) the API's shape {@code {"status", "code", "messages": [中文]}}
 * (the same as {@link ErrorPages} gives a browser there), never Spring's English
 * {@code {"error": "Not Found", "path": …}}; elsewhere Spring Boot's default.
 */
@Component
public class ApiErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
    Map<String, Object> defaults = super.getErrorAttributes(webRequest, options);
    if (!(webRequest instanceof ServletWebRequest servlet) || !ErrorPages.isApi(servlet.getRequest())) {
      return defaults;
    }
    HttpStatus status = status(servlet.getRequest(), defaults);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("code", status.name());
    body.put("messages", List.of(ErrorPages.message(status)));
    return body;
  }

  private static HttpStatus status(HttpServletRequest request, Map<String, Object> defaults) {
    Object code = defaults.get("status");
    HttpStatus resolved = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
  }
}
