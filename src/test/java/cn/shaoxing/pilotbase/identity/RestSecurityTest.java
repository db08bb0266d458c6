package cn.shaoxing.pilotbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §2 / §七: the REST API needs a user, and answers by that user's authorizations. */
class RestSecurityTest extends IntegrationTest {

  private RestClient rest;

  @BeforeEach
  void client() {
    rest = new RestClient(baseUrl());
  }

  @Test
  void anonymousRestCallIsRejectedWith401() {
    HttpResponse<String> r = rest.get("/engine-rest/process-definition", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    assertThat(rest.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anonymousCallToOurApiIsRejectedWith401() {
    assertThat(rest.get("/api/calendar/2026", null).statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIsRejected() {
    // A user of its own, so login throttling does not slow down the other tests' users.
    assertThat(rest.get("/engine-rest/task", "expert6:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void authenticatedUserGetsData() {
    HttpResponse<String> r = rest.get("/engine-rest/group?id=bureau", "bureau1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("市科技局");
  }

  @Test
  void healthIsUpWithDatabaseAndEngine() {
    HttpResponse<String> r = rest.get("/actuator/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("processEngine");
  }

  @Test
  void metricsNeedNoEngineButAreExposed() {
    assertThat(rest.get("/actuator/metrics/jvm.memory.used", null).statusCode()).isEqualTo(200);
  }
}
