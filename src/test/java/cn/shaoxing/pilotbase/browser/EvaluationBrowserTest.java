package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.evaluation.EvaluationService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.BaseEvent;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.GradingProposal;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5, second walk: one designated base through a biennial evaluation cycle (§五.（三）,
 * 附件《绩效评价规则》), every role in a real browser through Tasklist's filters and Camunda Forms:
 * bureau starts the cycle, the base's account evaluates itself, its district (柯桥区) confirms,
 * the drawn experts score, the bureau reviews the grades, the party committee approves, the public
 * sees the grade without login, publicity ends (timer executed as an operator would, by REST) and
 * the bureau publishes with a document number, which enters the base's register history.
 *
 * <p>What precedes the scenario is set up through services: the register holds exactly one ACTIVE
 * base (designated 13 months ago, account applicant1, district 柯桥区) — other ACTIVE bases of the
 * shared test database are set aside as {@code EvaluationCycleProcessTest} does. The engine is used
 * only to know what to expect (which experts were drawn, which task belongs to the base).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationBrowserTest extends BrowserWalk {

  @RegisterExtension static final Browser browser = new Browser();

  @Override
  Browser browser() {
    return browser;
  }


  @Autowired RegisterService register;
  @Autowired EvaluationService evaluations;
  @Autowired BaseAccounts baseAccounts;
  @Autowired ExpertPoolService experts;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;

  final LocalDate today = LocalDate.now(cn.shaoxing.pilotbase.platform.AppClock.ZONE);
  final int year = today.getYear();
  final String cycleName = year + "年度绩效评价（浏览器验收）";
  final String org = "柯桥绿色印染中试基地有限公司";
  final String documentNumber = "绍市科发〔" + year + "〕66号";

  DesignatedBase base;
  String cycleInstance;
  String cycleId;
  String baseInstance;
  String gradeName;

  // ------------------------------------------------------------------ steps

  @Test
  @Order(1)
  void bureauStartsTheCycleWithTheStartForm() {
    tasklist = new Tasklist(browser, baseUrl()).withJobExecutor(() -> AsyncSteps.settle(engine));
    rest = new RestClient(baseUrl());
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
    base = EvaluationFixtures.base(register, baseAccounts, org, EvaluationFixtures.code(7701),
        "districtKeqiao", today.minusMonths(13), "applicant1");

    tasklist.login("bureau1");
    FormJs form = tasklist.startProcess("中试基地绩效评价（两年一次）");
    assertThat(form.text()).contains("启动中试基地绩效评价");
    form.text("评价周期名称（如 2026年度绩效评价）", cycleName)
        .text("评价年度", year)
        .option("评价方式", "组织专家评价")
        .text("每家基地评价专家人数", 3)
        .text("自评填报期限（工作日）", 20);
    assertThat(form.errors()).isEmpty();
    browser.shot("市科技局填写启动绩效评价表单");
    tasklist.submitStartForm();
    browser.shot("绩效评价已启动");

    ProcessInstance cycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("evaluation-cycle").variableValueEquals("cycleName", cycleName).singleResult();
    assertThat(cycle).as("启动的绩效评价周期").isNotNull();
    cycleInstance = cycle.getId();
    cycleId = (String) engine.getRuntimeService().getVariable(cycleInstance, "cycleId");
    assertThat(engine.getRuntimeService().getVariable(cycleInstance, "scoringMode")).isEqualTo("experts");
    assertThat(engine.getRuntimeService().getVariable(cycleInstance, "cycleOpenedBy")).isEqualTo("bureau1");
    assertThat(evaluations.cohortIds(cycleId)).as("参评基地").containsExactly(base.id());
    ProcessInstance bi = EvaluationFixtures.baseInstance(engine, cycleId, base.id());
    assertThat(bi).as("该基地的绩效评价").isNotNull();
    baseInstance = bi.getId();
    Task self = task(baseInstance, "Task_SelfEvaluation");
    assertThat(self).isNotNull();
    assertThat(self.getAssignee()).isEqualTo("applicant1");
  }

  @Test
  @Order(2)
  void theBasesAccountFillsTheSelfEvaluationAndOtherApplicantsSeeNothing() {
    Task self = task(baseInstance, "Task_SelfEvaluation");
    for (String other : List.of("applicant2", "applicant3")) {
      tasklist.login(other);
      for (String filter : PERSONAL_FILTERS) {
        assertThat(tasklist.chooseFilter(filter)).as("%s 的“%s”", other, filter)
            .extracting(Tasklist.TaskRow::id).doesNotContain(self.getId());
      }
      assertOnlyOwnTasks(other);
    }
    browser.shot("其他申报单位看不到该基地的自评任务");

    tasklist.login("applicant1");
    assertOnlyOwnTasks("applicant1");
    assertThat(tasklist.chooseFilter("我的待办")).extracting(Tasklist.TaskRow::id).contains(self.getId());
    FormJs f = open(self.getId());
    assertThat(tasklist.openTaskName()).isEqualTo("基地自评");
    browser.shot("基地账号在“我的待办”看到基地自评任务");
    Object[][] figures = {{"中试场地面积（平方米，期末）", 4200}, {"中试仪器设备原值（万元，期末）", 3150.5},
        {"本科及以上中试人才总数（人，期末）", 56}, {"中试基地研发费用（万元，第1年）", 610},
        {"中试基地研发费用（万元，第2年）", 680}, {"中试服务成果（项目）数（项，第1年）", 32},
        {"中试服务成果（项目）数（项，第2年）", 38}, {"中试服务收入（万元，第1年）", 1800},
        {"中试服务收入（万元，第2年）", 2100}, {"中试服务成果（项目）落地数（项，第1年）", 11},
        {"中试服务成果（项目）落地数（项，第2年）", 13}, {"中试落地成果（项目）经济效益（万元，第1年）", 4600},
        {"中试落地成果（项目）经济效益（万元，第2年）", 5300}};
    for (Object[] x : figures) {
      type(f, (String) x[0], x[1]);
    }
    String[][] evidence = {{"中试场地面积", "不动产权证书及租赁合同（KQ-2026-01）"},
        {"中试仪器设备原值", "设备台账及购置发票（KQ-2026-02）"}, {"本科及以上中试人才总数", "人员花名册及社保证明（KQ-2026-03）"},
        {"中试基地研发费用", "研发费用专项审计报告（KQ-2026-04）"}, {"相关管理服务制度情况", "对外服务程序及收费标准（KQ-2026-05）"},
        {"相关资质情况", "ISO9001、CNAS证书（KQ-2026-06）"}, {"中试服务成果（项目）数", "中试服务合同清单（KQ-2026-07）"},
        {"中试服务收入", "服务收入明细账（KQ-2026-08）"}, {"中试服务成果（项目）落地数", "落地项目清单（KQ-2026-09）"},
        {"中试落地成果（项目）经济效益", "落地企业效益证明（KQ-2026-10）"}, {"社会经济效益（加分项）", "省科技进步奖证书（KQ-2026-11）"}};
    for (String[] e : evidence) {
      type(f, "佐证材料补充说明（可选）：" + e[0], e[1]);
    }
    type(f, "自评报告", "评价期内为柯桥区印染、纺织新材料企业开展中试服务70项，落地24项，服务收入逐年增长。");
    f.checkbox("本单位承诺所填数据及佐证材料真实、准确", true);
    assertThat(f.errors()).as("表单校验提示").isEmpty();
    browser.shot("基地填写自评表（指标数据、佐证材料、自评报告）");
    cn.shaoxing.pilotbase.support.EvidenceFixtures.forTask(this.evidence, engine, jdbc, self);
    tasklist.complete();
    browser.shot("基地提交自评");

    var vars = engine.getRuntimeService().getVariables(baseInstance);
    assertThat(((Number) vars.get("fig_siteArea")).longValue()).isEqualTo(4200L);
    assertThat(((Number) vars.get("fig_equipmentValue")).doubleValue()).isEqualTo(3150.5);
    assertThat(((Number) vars.get("fig_serviceProjects_y2")).longValue()).isEqualTo(38L);
    assertThat(vars.get("ev_landedBenefit")).isEqualTo("落地企业效益证明（KQ-2026-10）");
    assertThat(vars.get("declarationTruthful")).isEqualTo(true);
    assertThat(task(baseInstance, "Task_SelfEvaluation")).isNull();
    assertThat(task(baseInstance, "Task_DistrictAudit")).as("区县审核任务").isNotNull();
  }

  @Test
  @Order(3)
  void onlyKeqiaoSeesTheAuditAndConfirmsIt() {
    Task audit = task(baseInstance, "Task_DistrictAudit");

    tasklist.login("yuecheng1");
    assertThat(tasklist.chooseFilter("本组待办")).extracting(Tasklist.TaskRow::id).doesNotContain(audit.getId());
    assertOnlyOwnTasks("yuecheng1");
    tasklist.openTaskByUrl(audit.getId());
    browser.waitFor("无权查看他区任务", d -> !browser.all(By.cssSelector(
        ".task-details .no-task, .task-details .alert-danger, .notifications .alert-danger")).isEmpty());
    assertThat(browser.all(By.cssSelector(".task-details .fjs-form"))).isEmpty();
    assertThat(browser.bodyText()).doesNotContain(org);
    browser.shot("越城区看不到也打不开柯桥区基地的审核任务");

    tasklist.login("keqiao1");
    assertOnlyOwnTasks("keqiao1");
    List<Tasklist.TaskRow> rows = tasklist.chooseFilter("本组待办");
    assertThat(rows).extracting(Tasklist.TaskRow::id).contains(audit.getId());
    FormJs f = open(audit.getId());
    assertThat(tasklist.openTaskName()).isEqualTo("区县科技部门（归口单位）审核真实性");
    // the district checks the figures against the evidence: both must be in front of it
    assertThat(f.value("基地名称")).isEqualTo(org);
    assertThat(f.value("中试场地面积（平方米，期末）")).isEqualTo("4200");
    assertThat(f.value("中试仪器设备原值（万元，期末）")).isEqualTo("3150.5");
    assertThat(f.value("佐证材料补充说明：中试场地面积")).isEqualTo("不动产权证书及租赁合同（KQ-2026-01）");
    assertThat(f.value("佐证材料补充说明：中试落地成果（项目）经济效益")).isEqualTo("落地企业效益证明（KQ-2026-10）");
    assertThat(f.value("自评报告")).startsWith("评价期内为柯桥区印染");
    browser.shot("柯桥区在“本组待办”看到基地自评，核对数据与佐证材料");
    tasklist.claim();
    tasklist.taskForm().option("审核结论", "材料真实，同意报送").text("审核意见", "经核对佐证材料，自评数据真实，同意报送。");
    browser.shot("柯桥区认领并出具真实性审核意见");
    tasklist.complete();

    assertThat(task(baseInstance, "Task_DistrictAudit")).isNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(baseInstance)
        .taskDefinitionKey("Task_ExpertScoring").count()).as("抽取的评价专家").isEqualTo(3);
  }

  @Test
  @Order(4)
  void theDrawnExpertsScoreIndependently() {
    List<Task> panel = engine.getTaskService().createTaskQuery().processInstanceId(baseInstance)
        .taskDefinitionKey("Task_ExpertScoring").list();
    assertThat(panel).hasSize(3);
    Set<String> drawn = new HashSet<>();
    panel.forEach(t -> drawn.add(t.getAssignee()));
    assertThat(drawn).hasSize(3);
    // an expert not drawn sees none of them
    String notDrawn = List.of("expert1", "expert2", "expert3", "expert4", "expert5", "expert6").stream()
        .filter(e -> !drawn.contains(e)).findFirst().orElseThrow();
    tasklist.login(notDrawn);
    for (String filter : PERSONAL_FILTERS) {
      assertThat(tasklist.chooseFilter(filter)).extracting(Tasklist.TaskRow::id)
          .doesNotContainAnyElementsOf(panel.stream().map(Task::getId).toList());
    }
    browser.shot("未抽中的专家（" + notDrawn + "）看不到评分任务");

    double[][] marks = {{4.5, 4}, {5, 4.5}, {4, 4}};
    for (int i = 0; i < panel.size(); i++) {
      Task t = panel.get(i);
      String expert = t.getAssignee();
      tasklist.login(expert);
      assertOnlyOwnTasks(expert);
      assertThat(tasklist.chooseFilter("我的待办")).extracting(Tasklist.TaskRow::id).contains(t.getId());
      FormJs f = open(t.getId());
      assertThat(tasklist.openTaskName()).isEqualTo("专家评分");
      assertThat(f.value("基地名称")).isEqualTo(org);
      assertThat(f.value("中试场地面积（平方米，期末）")).isEqualTo("4200");
      assertThat(f.value("佐证材料补充说明：中试场地面积")).isEqualTo("不动产权证书及租赁合同（KQ-2026-01）");
      // independent scoring: the form starts empty, no earlier expert's marks or opinion in it
      assertThat(f.field("评价意见").findElement(By.tagName("textarea")).getAttribute("value")).isEmpty();
      assertThat(f.field("相关管理服务制度情况（0–5分）").findElement(By.tagName("input")).getAttribute("value")).isEmpty();
      f.option("是否参加本项评价", "参加评价")
          .text("相关管理服务制度情况（0–5分）", marks[i][0])
          .text("相关资质情况（0–5分）", marks[i][1])
          .text("评价意见", "佐证材料齐全，中试服务成效明显（专家评价意见（" + (i + 1) + "））");
      assertThat(f.errors()).isEmpty();
      browser.shot("专家" + (i + 1) + "（" + expert + "）独立评分，不要求现场核查");
      tasklist.complete();
    }
    HistoricProcessInstance hb = history(baseInstance);
    assertThat(hb.getEndTime()).as("该基地评分完成").isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(baseInstance)
        .activityId("Task_OnSiteCheck").count()).isZero();
    assertThat(evaluations.sheets(cycleId, base.id())).hasSize(3);
  }

  @Test
  @Order(5)
  void bureauReviewsThePartyCommitteeApprovesAndThePublicSeesTheGrade() {
    GradingProposal p = evaluations.proposal(cycleId);
    gradeName = p.base(base.id()).grade().chineseName();
    Task tie = task(cycleInstance, "Task_DecideTie");
    assertThat(tie).as("一家基地不会并列").isNull();

    tasklist.login("bureau1");
    FormJs f = openGroupTask("bureau1", task(cycleInstance, "Task_ReviewGrades"));
    assertThat(tasklist.openTaskName()).isEqualTo("研究形成评价结果档次");
    assertThat(f.value("评价结果档次")).contains(org, gradeName);
    tasklist.claim();
    tasklist.taskForm().checkbox("已研究专家组（第三方机构）综合意见，同意按上述档次提交党组会议审定", true)
        .text("说明", "按评分规则和优秀比例形成档次。");
    browser.shot("市科技局研究形成评价结果档次");
    tasklist.complete();

    tasklist.login("party1");
    assertOnlyOwnTasks("party1");
    f = openGroupTask("party1", task(cycleInstance, "Task_PartyApproval"));
    assertThat(f.value("评价结果档次")).contains(org, gradeName);
    tasklist.claim();
    tasklist.taskForm().date("党组会议日期", today.toString()).option("审定结果", "审定通过，进入公示")
        .text("审定意见（退回时必填）", "同意");
    browser.shot("党组会议审定评价结果");
    tasklist.complete();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycleInstance)
        .activityIdIn("Timer_PublicityEnd").count()).as("公示中").isOne();

    tasklist.logout();
    browser.driver().manage().deleteAllCookies();
    browser.open(baseUrl() + "/public/evaluation/publicity");
    browser.waitFor("绩效评价公示页面", d -> d.findElement(By.tagName("body")).getText().contains(org));
    String page = browser.bodyText();
    assertThat(page).contains("绩效评价结果公示", cycleName).doesNotContain("Sign in");
    // the period as the public reads it: local dates, first day to last day (5 working days)
    java.util.Date endAt = (java.util.Date) engine.getRuntimeService().getVariable(cycleInstance, "publicityEndAt");
    LocalDate lastDay = endAt.toInstant().atZone(cn.shaoxing.pilotbase.platform.AppClock.ZONE).toLocalDate().minusDays(1);
    assertThat(page).contains("公示期：" + today + " 至 " + lastDay + "（5个工作日）");
    String row = browser.visible(By.xpath("//tr[td[text()='" + org + "']]")).getText();
    assertThat(row).contains(gradeName);
    browser.shot("公众无需登录查看绩效评价结果公示");
  }

  @Test
  @Order(6)
  void publicityEndsAndTheBureauPublishesIntoTheRegister() {
    operatorFiresTimer(cycleInstance, "Timer_PublicityEnd");
    tasklist.login("bureau1");
    Task publish = task(cycleInstance, "Task_PublishResults");
    openGroupTask("bureau1", publish);
    assertThat(tasklist.openTaskName()).isEqualTo("发文公布评价结果");
    tasklist.claim();
    tasklist.taskForm().text("发文文号（如 绍市科发〔2026〕30号）", documentNumber).date("发文日期", today.toString());
    browser.shot("公示期满后市科技局发文公布评价结果");
    tasklist.complete();

    assertThat(history(cycleInstance).getEndActivityId()).isEqualTo("EndEvent_Published");
    List<BaseEvent> evaluated = register.history(base.id()).stream()
        .filter(e -> EvaluationService.EVENT_EVALUATED.equals(e.eventType())).toList();
    assertThat(evaluated).hasSize(1);
    assertThat(evaluated.get(0).documentNumber()).isEqualTo(documentNumber);
    assertThat(evaluated.get(0).eventDate()).isEqualTo(today);
    assertThat(evaluated.get(0).note()).startsWith(cycleName + "：" + gradeName);
    assertThat(register.findById(base.id()).orElseThrow().status()).isEqualTo(BaseStatus.ACTIVE);
    browser.open(baseUrl() + "/public/evaluation/publicity");
    assertThat(browser.bodyText()).doesNotContain(org);
    browser.shot("发文后公示结束，评价结果已记入基地名录");
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Opens a task of the current list. Tasklist re-renders the list while it polls; a row found just
   * before that is stale when clicked, so the click is made again on the fresh row.
   */
  FormJs open(String taskId) {
    try {
      return tasklist.openTask(taskId);
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return tasklist.openTask(taskId);
    }
  }

  /**
   * Types into a field, leaves it, and checks form-js accepted the value (the input holds it and
   * form-js shows no error for it). form-js applies a number field's input after a short debounce
   * and re-renders; keys typed into the next field within that moment can be lost from its state
   * while the input still shows them (a person types slower than WebDriver): then the field is
   * typed again, as a person would on seeing "Field is required." under a filled field.
   */
  void type(FormJs f, String label, Object value) {
    String expected = String.valueOf(value);
    for (int attempt = 0; ; attempt++) {
      f.text(label, value);
      org.openqa.selenium.WebElement input = f.field(label).findElement(By.cssSelector("input, textarea"));
      browser.js("arguments[0].blur();", input);
      try {
        browser.waitFor("字段“" + label + "”的值", java.time.Duration.ofSeconds(2), d -> {
          org.openqa.selenium.WebElement in = f.field(label).findElement(By.cssSelector("input, textarea"));
          return expected.equals(in.getAttribute("value")) && !"true".equals(in.getAttribute("aria-invalid"));
        });
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 2) {
          throw e;
        }
      }
    }
  }

  Task task(String processInstanceId, String key) {
    return EvaluationFixtures.task(engine, processInstanceId, key);
  }
}
