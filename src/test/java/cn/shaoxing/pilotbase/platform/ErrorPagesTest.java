package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.FaultProbe;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.WebappLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Error pages a person can reach (issue 13 item 5): asked for by a browser (its Accept header), each
 * is a Chinese page saying what happened and where to go, with a link back to Tasklist, and shows no
 * Whitelabel page, exception or stack trace; programs calling /api/** and /engine-rest/** still get
 * JSON even with a browser's Accept header. An ended login sends our pages to 「登录已过期，请重新登录」.
 */
class ErrorPagesTest extends IntegrationTest {

  static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Test
  void aBureauUserOpeningAdminGetsTheChinese403Page() throws Exception {
    HttpClient bureau = WebappLogin.as(baseUrl(), "bureau1");
    HttpResponse<String> r = html(bureau, "/camunda/app/admin/default/");
    assertThat(r.statusCode()).isEqualTo(403);
    assertPersonPage(r, "无权访问此页面", "管理台（Admin）仅限系统管理员使用", "联系市科技局系统管理员");

    // the administrator still gets Admin itself
    HttpResponse<String> admin = html(WebappLogin.as(baseUrl(), "admin"), "/camunda/app/admin/default/");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("camunda-admin-bootstrap.js");
  }

  @Test
  void unknownAddressesAndBadEvidenceAddressesGetTheChinese404Page() throws Exception {
    HttpClient anonymous = HttpClient.newHttpClient();
    for (String path : new String[] {"/no/such/page", "/evidence/nonsense/1"}) {
      HttpResponse<String> r = html(anonymous, path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertPersonPage(r, "页面不存在", "请检查地址是否完整");
    }
    HttpClient applicant = WebappLogin.as(baseUrl(), "applicant1");
    HttpResponse<String> r = html(applicant, "/evidence/application/not%20an%20id");
    assertThat(r.statusCode()).isEqualTo(404);
    assertPersonPage(r, "页面不存在");
  }

  @Test
  void aFaultGetsTheChinese500PageWithoutItsDetails() throws Exception {
    HttpResponse<String> r = html(HttpClient.newHttpClient(), "/test-probe/fault");
    assertThat(r.statusCode()).isEqualTo(500);
    assertPersonPage(r, "系统出错了", "联系市科技局系统管理员");
    assertThat(r.body()).doesNotContain(FaultProbe.MESSAGE).doesNotContain("IllegalStateException");
  }

  @Test
  void otherErrorsGetTheGenericChinesePage() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/my/done"))
        .header("Accept", BROWSER_ACCEPT).DELETE().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(405);
    assertPersonPage(r, "请求无法处理", "405");
  }

  @Test
  void apiErrorsStayJsonEvenForABrowsersAcceptHeader() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> unknown = send(http, "/api/no-such-endpoint", "bureau1", BROWSER_ACCEPT);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(unknown.body()).contains("\"status\":404", "\"code\":\"NOT_FOUND\"", "未找到请求的地址").doesNotContain("<html");

    // a program that asks for JSON (or anything) gets the same shape, in Chinese, not Spring's "Not Found"
    for (String accept : new String[] {"application/json", "*/*"}) {
      HttpResponse<String> program = send(http, "/api/no-such-endpoint", "bureau1", accept);
      assertThat(program.statusCode()).isEqualTo(404);
      assertThat(program.body()).contains("\"status\":404", "\"code\":\"NOT_FOUND\"", "未找到请求的地址")
          .doesNotContain("Not Found").doesNotContain("\"path\"");
    }
    HttpResponse<String> programFault = send(http, "/api/test-probe/fault", "bureau1", "application/json");
    assertThat(programFault.statusCode()).isEqualTo(500);
    assertThat(programFault.body()).contains("\"code\":\"INTERNAL_SERVER_ERROR\"", "服务器内部错误")
        .doesNotContain(FaultProbe.MESSAGE).doesNotContain("Internal Server Error");

    HttpResponse<String> fault = send(http, "/api/test-probe/fault", "bureau1", BROWSER_ACCEPT);
    assertThat(fault.statusCode()).isEqualTo(500);
    assertThat(fault.body()).contains("\"code\":\"INTERNAL_SERVER_ERROR\"", "服务器内部错误")
        .doesNotContain(FaultProbe.MESSAGE).doesNotContain("IllegalStateException").doesNotContain("<html");

    // our API's own refusals keep their precise codes and Chinese reasons
    HttpResponse<String> refused = send(http, "/api/dashboard", "keqiao1", BROWSER_ACCEPT);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).startsWith("{").doesNotContain("<html");
    HttpResponse<String> badId = send(http, "/api/evidence/nonsense/1", "bureau1", "application/json");
    assertThat(badId.statusCode()).isEqualTo(404);
    assertThat(badId.body()).contains("\"status\":404").doesNotContain("<html");

    // Camunda's REST API keeps its own JSON errors; an unknown path there is JSON too
    HttpResponse<String> engine = send(http, "/engine-rest/task/no-such-task", "bureau1", BROWSER_ACCEPT);
    assertThat(engine.statusCode()).isEqualTo(404);
    assertThat(engine.body()).startsWith("{").doesNotContain("<html");
    HttpResponse<String> engineUnknown = send(http, "/engine-rest/no-such-resource", "bureau1", BROWSER_ACCEPT);
    assertThat(engineUnknown.statusCode()).isEqualTo(404);
    assertThat(engineUnknown.body()).startsWith("{").doesNotContain("<html").doesNotContain("Whitelabel");
  }

  @Test
  void anEndedLoginIsToldToSignInAgain() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    // the browser still presents the cookie of a session that has ended
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/my/cases"))
        .header("Accept", BROWSER_ACCEPT).header("Cookie", "JSESSIONID=" + Base64.getEncoder()
            .encodeToString("c0ffee00-0000-4000-8000-000000000000".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login-expired"));

    // the evidence page inside a task form answers in place (no redirect in an iframe), saying the same
    HttpResponse<String> evidence = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/evidence/draft/application"))
        .header("Accept", BROWSER_ACCEPT).header("Cookie", "JSESSIONID=" + Base64.getEncoder()
            .encodeToString("c0ffee00-0000-4000-8000-000000000001".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(evidence.statusCode()).isEqualTo(401);
    assertThat(evidence.body()).contains("登录已过期，请重新登录", "重新登录任务列表");
    assertThat(html(http, "/evidence/draft/application").body()).doesNotContain("登录已过期");

    HttpResponse<String> expired = html(http, "/login-expired");
    assertThat(expired.statusCode()).isEqualTo(200);
    assertPersonPage(expired, "登录已过期，请重新登录", "/camunda/app/tasklist/default/#/login");

    // without any session cookie: straight to Tasklist's login, as before
    HttpResponse<String> fresh = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/my/cases"))
        .header("Accept", BROWSER_ACCEPT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(fresh.statusCode()).isEqualTo(302);
    assertThat(fresh.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/tasklist/default/#/login"));
  }

  private static void assertPersonPage(HttpResponse<String> r, String... texts) {
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.body()).contains("lang=\"zh-CN\"").contains(texts).contains("href=\"/camunda/app/tasklist/\"")
        .contains("返回任务列表")
        .doesNotContain("Whitelabel").doesNotContain("Exception").doesNotContain("exception")
        .doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("at java.").doesNotContain("trace");
  }

  private HttpResponse<String> html(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", BROWSER_ACCEPT).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpClient http, String path, String user, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", accept)
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
