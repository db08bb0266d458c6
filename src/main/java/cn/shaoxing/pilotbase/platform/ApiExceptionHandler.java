package cn.shaoxing.pilotbase.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** JSON errors for our own API: a precise code for programs, Chinese messages for people. */
@RestControllerAdvice(basePackages = "cn.shaoxing.pilotbase")
public class ApiExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  public ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return body(HttpStatus.BAD_REQUEST, e.code(), e.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return body(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", List.of("请求内容格式错误（需为合法的JSON，日期格式为yyyy-MM-dd）"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", List.of("参数 " + e.getName() + " 的取值无效"));
  }

  /**
   * A refusal of our API: JSON with its reason. The same refusal from one of our pages (e.g. a bad
   * /evidence/... address) goes to the error pages instead (Chinese page for a browser, see
   * {@link ErrorPages}).
   */
  @ExceptionHandler(ResponseStatusException.class)
  public ResponseEntity<Map<String, Object>> status(ResponseStatusException e, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    if (!ErrorPages.isApi(request) && !response.isCommitted()) {
      response.sendError(status.value());
      return null;
    }
    return body(status, status.name(), List.of(e.getReason() == null ? status.getReasonPhrase() : e.getReason()));
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, List<String> messages) {
    return ResponseEntity.status(status).body(Map.of("status", status.value(), "code", code, "messages", messages));
  }
}
