package cn.shaoxing.pilotbase.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(
        Map.of("status", status, "code", code, "messages", List.of(message))));
  }
}
