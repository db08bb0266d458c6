package cn.shaoxing.pilotbase.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON error body of our API ({@code {"status", "code", "messages"}}, see {@link ApiExceptionHandler}),
 * written by servlet filters that answer before any controller runs (login throttling, actuator access).
 */
public final class JsonError {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonError() {}

  public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    send(response, status, body(status, code, message));
  }

  /**
   * The same body for a call of Camunda's REST API, with Camunda's own {@code type} and
   * {@code message} as well, which Tasklist shows to the person.
   */
  public static void writeForEngineApi(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "RestFirewall");
    body.put("message", message);
    body.putAll(body(status, code, message));
    send(response, status, body);
  }

  private static Map<String, Object> body(int status, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("code", code);
    body.put("messages", List.of(message));
    return body;
  }

  private static void send(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=" + StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
