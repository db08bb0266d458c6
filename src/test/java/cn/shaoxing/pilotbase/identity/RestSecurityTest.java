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
  void wrongPasswordIsRejectedAndThrottlesFurtherLogins() {
    // A user of its own, so login throttling does not slow down the other tests' users.
    assertThat(rest.get("/engine-rest/task", "expert6:wrong").statusCode()).isEqualTo(401);
    var user = (org.camunda.bpm.engine.impl.persistence.entity.UserEntity)
        engine.getIdentityService().createUserQuery().userId("expert6").singleResult();
    assertThat(user.getAttempts()).isPositive();
    assertThat(user.getLockExpirationTime()).as("next login delayed").isAfter(new java.util.Date());
  }

  @Test
  void webappRejectsModifyingRequestsWithoutCsrfToken() throws Exception {
    var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/camunda/app/tasklist/default/")).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    var login = http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=bureau2&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("login without token is refused: CSRF protects the login too").isEqualTo(403);
    assertThat(login.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
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
  void metricsAndPrometheusNeedAnAdministratorOrTheBureau() {
    HttpResponse<String> anonymous = rest.get("/actuator/metrics/jvm.memory.used", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    assertThat(anonymous.body()).contains("请先登录");
    assertThat(rest.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(rest.get("/actuator", null).statusCode()).as("the endpoint list too").isEqualTo(401);

    HttpResponse<String> expert = rest.get("/actuator/metrics", "expert1");
    assertThat(expert.statusCode()).isEqualTo(403);
    assertThat(expert.body()).contains("无权查看运行指标");

    assertThat(rest.get("/actuator/metrics/jvm.memory.used", "bureau1").statusCode()).isEqualTo(200);
    HttpResponse<String> prometheus = rest.get("/actuator/prometheus", "admin");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    assertThat(rest.get("/actuator/info", null).statusCode()).as("info stays open").isEqualTo(200);
  }
}
