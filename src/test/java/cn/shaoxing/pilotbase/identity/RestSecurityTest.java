package cn.shaoxing.pilotbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** §2 / §七: the REST API needs a user, and answers by that user's authorizations. */
class RestSecurityTest extends IntegrationTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anonymousRestCallIsRejectedWith401() throws Exception {
    HttpResponse<String> r = get("/engine-rest/process-definition", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
  }

  @Test
  void anonymousCallToOurApiIsRejectedWith401() throws Exception {
    assertThat(get("/api/calendar/2026", null).statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIsRejected() throws Exception {
    assertThat(get("/engine-rest/task", "bureau1:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void authenticatedUserGetsData() throws Exception {
    HttpResponse<String> r = get("/engine-rest/group?id=bureau", "bureau1:demo");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("市科技局");
  }

  @Test
  void healthIsUpWithDatabaseAndEngine() throws Exception {
    HttpResponse<String> r = get("/actuator/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"UP\"").contains("db").contains("processEngine");
  }

  HttpResponse<String> get(String path, String basic) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    if (basic != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
