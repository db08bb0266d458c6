package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.designation.Round;
import cn.shaoxing.pilotbase.designation.RoundService;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.Designation;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.GradedCycle;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import cn.shaoxing.pilotbase.web.DashboardService.CycleGrades;
import cn.shaoxing.pilotbase.web.DashboardService.Snapshot;
import cn.shaoxing.pilotbase.web.DashboardService.TaskLoad;
import cn.shaoxing.pilotbase.web.DashboardService.YearProgress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bureau's dashboard (§一.（三） goal) and the register export, by role; the snapshot's figures
 * on real data (PostgreSQL, real processes). Years 2120–2129 belong to this class and
 * DashboardBrowserTest: 2120–2121 register, 2123 cycle (bases of 2122), 2125 open work, 2126 round,
 * 2127–2129 browser walk.
 */
class DashboardTest extends IntegrationTest {

  static final String WITHDRAWAL = "撤回申报（可选，区县审核前）";

  @Autowired DashboardService dashboard;
  @Autowired DashboardController controller;
  @Autowired RegisterService register;
  @Autowired RoundService rounds;
  @Autowired BaseAccounts baseAccounts;
  @Autowired ExpertPoolService experts;
  @Autowired EvidenceService evidence;
  @Autowired ApplicantAccountService accounts;
  @Autowired JdbcTemplate jdbc;

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

  @Test
  void pageAndApiRefuseEveryoneButBureauPartyAndAdmin() throws Exception {
    RestClient rest = new RestClient(baseUrl());
    for (String user : List.of("applicant1", "expert1", "third1", "yuecheng1")) {
      assertThat(rest.get("/api/dashboard", user).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(rest.get("/api/dashboard", "admin").statusCode()).isEqualTo(200);
    for (String user : List.of("keqiao1", "third1", "applicant1")) {
      var page = loggedIn(user).send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.statusCode()).as(user).isEqualTo(403);
      assertThat(page.body()).as(user).contains("无权查看").doesNotContain("dashboard-data");
    }
    var party = loggedIn("party1").send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(party.statusCode()).isEqualTo(200);
    assertThat(party.body()).contains("id=\"dashboard-data\"").contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
        .contains("/js/dashboard.js");
    // the chart library is served from the application (no CDN)
    var lib = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(baseUrl() + "/webjars/echarts/5.3.1/dist/echarts.min.js")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(lib.statusCode()).isEqualTo(200);
    assertThat(lib.body()).contains("echarts");
  }

  @Test
  void progressByYearIsCumulativeAndEndsAtTheActiveBases() {
    // other tests of the suite share the register (and revocations without a date count in the current year):
    // compare with a snapshot taken at the same moment before this test's bases
    ClockUtil.setCurrentTime(DesignationTestSupport.at("2121-11-20T09:00"));
    List<YearProgress> p0 = dashboard.snapshot().progress();
    ClockUtil.setCurrentTime(DesignationTestSupport.at("2120-12-01T09:00"));
    DesignatedBase a = designate("看板测试甲新材料有限公司", 1, "newMaterials", "districtYuecheng", 2120);
    designate("看板测试乙集成电路有限公司", 2, "integratedCircuits", "districtKeqiao", 2120);
    ClockUtil.setCurrentTime(DesignationTestSupport.at("2121-11-20T09:00"));
    designate("看板测试丙生物医药有限公司", 3, "biomedicine", "unitEducation", 2121);
    register.revoke(a.id(), "看板测试：撤销", "绍市科发〔2121〕9号", LocalDate.of(2121, 11, 20));

    Snapshot s = dashboard.snapshot();
    List<YearProgress> p = s.progress();
    YearProgress y2120 = year(p, 2120);
    YearProgress y2121 = year(p, 2121);
    assertThat(y2120.designated() - orZero(p0, 2120).designated()).isEqualTo(2);
    assertThat(y2120.revoked() - orZero(p0, 2120).revoked()).isZero();
    assertThat(y2121.designated() - orZero(p0, 2121).designated()).isEqualTo(1);
    assertThat(y2121.revoked() - orZero(p0, 2121).revoked()).isEqualTo(1);
    assertThat(y2120.activeAtYearEnd() - orZero(p0, 2120).activeAtYearEnd()).isEqualTo(2);
    assertThat(y2121.activeAtYearEnd() - orZero(p0, 2121).activeAtYearEnd()).isEqualTo(2 + 1 - 1);
    // cumulative: every year adds its designations and takes away its revocations
    long running = 0;
    for (YearProgress y : p) {
      running += y.designated() - y.revoked();
      assertThat(y.activeAtYearEnd()).as("%d年", y.year()).isEqualTo(running);
    }
    assertThat(p.get(p.size() - 1).activeAtYearEnd()).isEqualTo(s.active());
    assertThat(p).extracting(YearProgress::year).isSorted();

    // chains: the three key chains first and marked; districts: every district and competent unit listed
    assertThat(s.byChain().subList(0, 3)).extracting(DashboardService.ChainCount::label, DashboardService.ChainCount::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("集成电路", true),
            org.assertj.core.groups.Tuple.tuple("生物医药", true), org.assertj.core.groups.Tuple.tuple("新材料", true));
    assertThat(s.byChain().subList(3, s.byChain().size())).noneMatch(DashboardService.ChainCount::key);
    assertThat(s.byChain().stream().mapToLong(DashboardService.ChainCount::count).sum()).isEqualTo(s.active());
    assertThat(s.byDistrict()).extracting(DashboardService.Count::label)
        .contains("越城区科技局", "滨海新区科技局", "市教育局（市级归口管理单位）", "市经信局（市级归口管理单位）");
    assertThat(s.byDistrict().stream().mapToLong(DashboardService.Count::count).sum()).isEqualTo(s.active());
    assertThat(DashboardCharts.of(s).progress()).contains("有效基地" + s.active() + "家").contains("目标20家以上");
  }

  @Test
  void gradeDistributionOfARealCycle() throws Exception {
    GradedCycle.Result cycle = GradedCycle.toGradeReview(engine, jdbc, register, baseAccounts, experts, evidence,
        "2123年度绩效评价（看板测试）", 2123, 2_123_000, 3, 1, 2, 0, 4);
    try {
      assertThat(cycle.grades().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
      assertThat(cycle.grades().keySet()).hasSizeGreaterThan(1);
      CycleGrades g = dashboard.snapshot().grades().stream()
          .filter(c -> c.cycle().equals("2123年度绩效评价（看板测试）")).findFirst().orElseThrow();
      assertThat(g.year()).isEqualTo(2123);
      assertThat(g.status()).isEqualTo("评定中");
      assertThat(g.total()).isEqualTo(5);
      assertThat(g.grades()).extracting(DashboardService.Count::label)
          .containsExactly("优秀", "良好", "合格", "不合格", "未参加");
      Map<String, Long> shown = new LinkedHashMap<>();
      g.grades().stream().filter(c -> c.count() > 0).forEach(c -> shown.put(c.label(), c.count()));
      assertThat(shown).isEqualTo(cycle.grades());

      String page = bureauPage();
      assertThat(page).contains("2123年度绩效评价（看板测试）")
          .contains("href=\"/exports/cycles/" + cycle.cycleId() + "/scores.xlsx\">2123年度绩效评价（看板测试）得分（Excel）</a>");
    } finally {
      engine.getRuntimeService().deleteProcessInstance(cycle.cycle().getId(), "看板测试结束");
    }
  }

  /**
   * The optional withdrawal is not work: an instance shaped like designation-application's district
   * phase on the diagrams that still have it (a probe process: the real diagram loses the task in a
   * newer version, older instances keep it) has the real step and Task_WithdrawApplication open; the
   * dashboard counts the step, with its overdue, and not the withdrawal.
   */
  @Test
  void openWorkCountsRealWorkOnlyAndItsOverdue() throws Exception {
    var probe = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/optional-work-probe.bpmn").deploy();
    try {
      ClockUtil.setCurrentTime(DesignationTestSupport.at("2125-03-03T09:00"));
      Date due = DesignationTestSupport.at("2125-03-10T17:00");
      for (int i = 0; i < 3; i++) {
        engine.getRuntimeService().startProcessInstanceByKey("Process_TestOptionalWork", "DASH-2125-" + i,
            Map.of("due", due));
      }
      assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("Process_TestOptionalWork")
          .taskDefinitionKey("Task_WithdrawApplication").active().count()).isEqualTo(3);
      assertThat(DashboardService.isWork("Task_WithdrawApplication")).isFalse();
      assertThat(DashboardService.isWork("Task_TestWork")).isTrue();

      Snapshot s = dashboard.snapshot();
      assertThat(s.openWork()).filteredOn(w -> w.process().equals("测试：可选撤回"))
          .containsExactly(new TaskLoad("测试：可选撤回", "测试办理", 3, 0));
      assertThat(s.openWork()).extracting(TaskLoad::task).doesNotContain(WITHDRAWAL);

      // after the due date the three are overdue; the withdrawal still counts nowhere
      ClockUtil.setCurrentTime(DesignationTestSupport.at("2125-03-11T09:00"));
      Snapshot late = dashboard.snapshot();
      assertThat(late.openWork()).filteredOn(w -> w.process().equals("测试：可选撤回"))
          .containsExactly(new TaskLoad("测试：可选撤回", "测试办理", 3, 3));
      assertThat(late.openWork()).extracting(TaskLoad::task).doesNotContain(WITHDRAWAL);
      // the same figures the engine gives for the real steps of the running designation applications
      for (TaskLoad w : late.openWork().stream().filter(w -> w.process().equals("中试基地申报")).toList()) {
        long open = engine.getTaskService().createTaskQuery().processDefinitionKey("designation-application")
            .taskName(w.task()).active().count();
        assertThat(w.open()).as(w.task()).isEqualTo(open);
      }
      String page = bureauPage();
      assertThat(page).contains("测试办理").doesNotContain(WITHDRAWAL);
    } finally {
      engine.getRepositoryService().deleteDeployment(probe.getId(), true);
    }
  }

  /** Every export is linked: the register (Excel and CSV), each round's applications, each cycle's scores. */
  @Test
  void everyExportIsLinked() throws Exception {
    if (rounds.find(2126).isEmpty()) {
      rounds.open(2126, LocalDate.of(2126, 3, 31), 5, null, "bureau1");
      rounds.setStatus(2126, cn.shaoxing.pilotbase.designation.RoundStatus.CLOSED); // not open to others' filings
    }
    String page = bureauPage();
    assertThat(page).contains("href=\"/exports/register.xlsx\">中试基地名录（Excel）</a>")
        .contains("href=\"/dashboard/register.csv\">中试基地名录（CSV）</a>")
        .contains("href=\"/exports/rounds/2126/applications.xlsx\">2126年度认定申报汇总（Excel）</a>");
    for (Round r : rounds.list()) {
      assertThat(page).contains("href=\"/exports/rounds/" + r.year() + "/applications.xlsx\">" + r.year() + "年度认定申报汇总（Excel）</a>");
    }
    for (Map<String, Object> c : jdbc.queryForList("SELECT id, cycle_name FROM eva_cycle")) {
      assertThat(page).contains("href=\"/exports/cycles/" + c.get("id") + "/scores.xlsx\">"
          + org.springframework.web.util.HtmlUtils.htmlEscape((String) c.get("cycle_name")) + "得分（Excel）</a>");
    }
  }

  /**
   * Open work is counted by the database: {@code SCALE} (2,000) open tasks are grouped by one query. The
   * old way (every open task loaded, grouped in Java) is measured beside it; both times are printed.
   */
  @Test
  void openWorkIsCountedInTheDatabaseAtScale() {
    String name = "看板规模测试任务";
    var tasks = engine.getTaskService();
    Date now = ClockUtil.getCurrentTime();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < SCALE; i++) {
        Task t = tasks.newTask();
        t.setName(name);
        t.setDueDate(new Date(now.getTime() + (i % 4 == 0 ? -1 : 1) * 24L * 3600 * 1000)); // a quarter overdue
        tasks.saveTask(t);
        ids.add(t.getId());
      }
      long total = tasks.createTaskQuery().active().count();
      long loaded = 0;
      long[] oldWay = new long[3];
      long[] newWay = new long[3];
      Snapshot s = null;
      for (int round = 0; round < 3; round++) { // alternating, three times: the first of each warms up
        long t0 = System.nanoTime();
        loaded = tasks.createTaskQuery().active().list().stream()
            .collect(java.util.stream.Collectors.groupingBy(t -> String.valueOf(t.getProcessDefinitionId()) + t.getName(),
                java.util.stream.Collectors.counting())).values().stream().mapToLong(Long::longValue).sum();
        long t1 = System.nanoTime();
        s = dashboard.snapshot();
        long t2 = System.nanoTime();
        oldWay[round] = (t1 - t0) / 1_000_000;
        newWay[round] = (t2 - t1) / 1_000_000;
      }
      assertThat(loaded).isEqualTo(total);
      TaskLoad probe = load(s, "独立任务", name);
      assertThat(probe.open()).isEqualTo(SCALE);
      assertThat(probe.overdue()).isEqualTo(SCALE / 4);
      System.out.printf("DashboardTest: %d open tasks: loading every task %s ms; dashboard snapshot (grouped in SQL)"
          + " %s ms%n", total, java.util.Arrays.toString(oldWay), java.util.Arrays.toString(newWay));
    } finally {
      tasks.deleteTasks(ids, true);
    }
  }

  static final int SCALE = Integer.getInteger("dashboard.scale", 2000); // -Ddashboard.scale=10000 to measure at scale

  @Test
  void scriptDataCannotCloseItsScriptBlock() {
    Snapshot s = new Snapshot(0, 0, 20, 0, List.of(), List.of(), List.of(),
        List.of(new DashboardService.Count("</script><script>alert(1)</script>&", 1)), List.of(), List.of(), List.of());
    String data = controller.scriptData(s);
    assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&")
        .contains("\\u003c/script\\u003e");
  }

  private DesignatedBase designate(String org, int n, String chain, String group, int year) {
    return register.designate(new Designation(org, DesignationTestSupport.code(2_120_000 + n), chain, group, year,
        "绍市科发〔" + year + "〕1号", LocalDate.of(year, 11, 20), null));
  }

  /** The year's figures, or zeros with the active count carried from the year before when it had none. */
  private static YearProgress orZero(List<YearProgress> p, int year) {
    return p.stream().filter(y -> y.year() == year).findFirst().orElseGet(() -> new YearProgress(year, 0, 0,
        p.stream().filter(y -> y.year() < year).reduce((x, y) -> y).map(YearProgress::activeAtYearEnd).orElse(0L)));
  }

  private static YearProgress year(List<YearProgress> p, int year) {
    return p.stream().filter(y -> y.year() == year).findFirst().orElseThrow(() -> new AssertionError("没有" + year + "年"));
  }

  private static TaskLoad load(Snapshot s, String process, String task) {
    Optional<TaskLoad> l = s.openWork().stream().filter(w -> w.process().equals(process) && w.task().equals(task)).findFirst();
    return l.orElse(new TaskLoad(process, task, 0, 0));
  }

  private String bureauPage() throws Exception {
    var r = loggedIn("bureau1").send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private HttpClient loggedIn(String user) throws Exception {
    return cn.shaoxing.pilotbase.support.WebappLogin.as(baseUrl(), user);
  }
}
