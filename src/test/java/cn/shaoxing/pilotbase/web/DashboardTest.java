package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bureau's dashboard (§一.（三） goal) and the register export, by role. */
class DashboardTest extends IntegrationTest {

  @Test
  void apiServesTheBureauAndPartyButNotDistricts() {
    RestClient rest = new RestClient(baseUrl());
    assertThat(rest.get("/api/dashboard", "keqiao1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/dashboard", null).statusCode()).isEqualTo(401);
    var r = rest.get("/api/dashboard", "party1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"goal\":20").contains("集成电路").contains("生物医药").contains("新材料");

    var csv = rest.get("/api/register.csv", "bureau1");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFF基地名称,依托单位,统一社会信用代码");
    assertThat(rest.get("/api/register.csv", "applicant1").statusCode()).isEqualTo(403);
  }

  @Test
  void pageUsesTheTasklistLogin() throws Exception {
    HttpClient anonymous = HttpClient.newHttpClient();
    var redirect = anonymous.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/tasklist/default/#/login"));

    assertThat(loggedIn("bureau2").send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body())
        .contains("绍兴市科技成果转化中试基地工作看板").contains("目标：20家以上");
    var district = loggedIn("shangyu1").send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(district.statusCode()).isEqualTo(403);
  }

  @Test
  void doneTasksPageShowsOnlyTheUsersOwnCompletedTasks() throws Exception {
    var probe = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/case-visibility-probe.bpmn").deploy();
    try {
      var mine = engine.getRuntimeService().startProcessInstanceByKey("Process_TestCaseVisibility", "DONE-XC-1",
          java.util.Map.of("reviewerGroup", "districtXinchang"));
      var other = engine.getRuntimeService().startProcessInstanceByKey("Process_TestCaseVisibility", "DONE-SZ-1",
          java.util.Map.of("reviewerGroup", "districtShengzhou"));
      var t1 = engine.getTaskService().createTaskQuery().processInstanceId(mine.getId()).singleResult();
      engine.getTaskService().claim(t1.getId(), "xinchang1");
      engine.getTaskService().complete(t1.getId());
      var t2 = engine.getTaskService().createTaskQuery().processInstanceId(other.getId()).singleResult();
      engine.getTaskService().claim(t2.getId(), "shengzhou1");
      engine.getTaskService().complete(t2.getId());

      String page = loggedIn("xinchang1").send(HttpRequest.newBuilder(URI.create(baseUrl() + "/my/done")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
      assertThat(page).contains("我的已办").contains("测试审核").contains("DONE-XC-1").contains("已办结")
          .doesNotContain("DONE-SZ-1");
    } finally {
      engine.getRepositoryService().deleteDeployment(probe.getId(), true);
    }
  }

  @Test
  void csvCellsCannotCarryFormulas() {
    assertThat(DashboardController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(DashboardController.cell("某公司")).isEqualTo("\"某公司\"");
    assertThat(DashboardController.cell(null)).isEmpty();
  }

  private HttpClient loggedIn(String user) throws Exception {
    return cn.shaoxing.pilotbase.support.WebappLogin.as(baseUrl(), user);
  }
}
