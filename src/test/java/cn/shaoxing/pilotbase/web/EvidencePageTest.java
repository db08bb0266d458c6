package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The evidence page's shell (docs/evidence.md, ADR 0014): only for a signed-in Tasklist session,
 * carries the case reference for its script and nothing else; our script and no inline one; and
 * Tasklist gets the deps.js whose form-js shows same-origin iframes.
 */
class EvidencePageTest extends IntegrationTest {

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAnonymousRequestIsAskedToSignIn() throws Exception {
    HttpClient anonymous = HttpClient.newHttpClient();
    for (String path : new String[] {"/evidence/application/0b7c2d4e-aaaa-bbbb-cccc-123456789012",
        "/evidence/draft/application", "/evidence/evaluation/x?mode=view"}) {
      HttpResponse<String> r = get(anonymous, path);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.body()).contains("重新登录任务列表", "/camunda/app/tasklist/default/#/login", "target=\"_top\"")
          .doesNotContain("data-api");
    }
  }

  @Test
  void thePagesOwnApiRequestsGetNoLoginDialogChallenge() throws Exception {
    // a Basic challenge would open Chromium's login dialog over Tasklist (the form then takes no typing)
    HttpResponse<String> marked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/api/evidence/application/0b7c2d4e-1")).header("X-Requested-With", "XMLHttpRequest")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(marked.statusCode()).isEqualTo(401);
    assertThat(marked.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> other = get(HttpClient.newHttpClient(), "/api/my/cases");
    assertThat(other.statusCode()).isEqualTo(401);
    assertThat(other.headers().firstValue("WWW-Authenticate")).as("other clients keep HTTP Basic").isPresent();
  }

  @Test
  void aSignedInPersonGetsTheShellThatLoadsTheCaseThroughTheApi() throws Exception {
    HttpClient http = loggedIn("applicant1");
    HttpResponse<String> page = get(http, "/evidence/application/0b7c2d4e-1?mode=view&slots=cond1,onsiteReport,../x,cond1");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("data-api=\"/api/evidence/application/0b7c2d4e-1\"", "data-mode=\"view\"",
        "data-slots=\"cond1,onsiteReport\"", "data-user=\"applicant1\"", "<script src=\"/js/evidence.js\" defer></script>",
        "佐证材料：中试基地申报");
    assertThat(page.body().split("<script", -1)).as("one script, ours, none inline").hasSize(2);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'self'"));

    HttpResponse<String> draft = get(http, "/evidence/draft/objection");
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(draft.body()).contains("data-api=\"/api/evidence/draft/objection\"", "data-mode=\"edit\"").doesNotContain("data-slots=\"c");

    assertThat(get(http, "/evidence/unknown/abc").statusCode()).isEqualTo(404);
    assertThat(get(http, "/evidence/draft/evaluation").statusCode()).isEqualTo(404);
    assertThat(get(http, "/evidence/application/a%20b").statusCode()).isEqualTo(404);

    HttpResponse<String> js = get(HttpClient.newHttpClient(), "/js/evidence.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.body()).contains("/api/evidence/files/", "缺少", "已上传", "已封存");
  }

  @Test
  void tasklistGetsTheWidenedIframeCheck() throws Exception {
    HttpResponse<String> deps = get(HttpClient.newHttpClient(), "/camunda/lib/deps.js");
    assertThat(deps.statusCode()).isEqualTo(200);
    assertThat(deps.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(deps.body()).contains(FormJsIframePatch.WIDENED).doesNotContain(FormJsIframePatch.ORIGINAL);
  }

  private HttpClient loggedIn(String user) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    get(http, "/camunda/app/tasklist/default/");
    String token = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElseThrow();
    var login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return http;
  }
}
