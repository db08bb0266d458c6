package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Issue "Trust": browser hardening headers on our pages, our API, the REST API and the Camunda webapps. */
class SecurityHeadersTest extends IntegrationTest {

  private static final String OUR_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "script-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

  @Test
  void ourPagesAndApiCarryThePolicyCamundaKeepsItsOwn() {
    RestClient rest = new RestClient(baseUrl());

    HttpResponse<String> page = rest.get("/public/publicity", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertCommon(page);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(OUR_CSP);

    HttpResponse<String> api = rest.get("/api/calendar/2026", "bureau1");
    assertThat(api.statusCode()).isEqualTo(200);
    assertCommon(api);
    assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(OUR_CSP);
    assertCommon(rest.get("/api/calendar/2026", null)); // a 401 of the authentication filter too

    HttpResponse<String> engineRest = rest.get("/engine-rest/task", "bureau1");
    assertThat(engineRest.statusCode()).isEqualTo(200);
    assertCommon(engineRest);
    assertThat(engineRest.headers().allValues("Content-Security-Policy")).isEmpty();

    HttpResponse<String> tasklist = rest.get("/camunda/app/tasklist/default/", null);
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertCommon(tasklist);
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).as("Camunda's own, with its script nonce")
        .singleElement().satisfies(csp -> assertThat(csp).isNotEqualTo(OUR_CSP).contains("script-src"));
  }

  private static void assertCommon(HttpResponse<String> r) {
    assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(r.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
    assertThat(r.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
  }
}
