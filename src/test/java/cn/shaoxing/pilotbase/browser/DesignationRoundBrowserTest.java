package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.organisation.CreditCode;
import cn.shaoxing.pilotbase.experts.Expert;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5: one annual designation round (§四) done in a real browser by every role, through
 * Tasklist's filters and Camunda Forms, Cockpit, the public notice page and the REST deployment
 * API. The steps run in order and share the round; the screenshots under
 * target/screenshots/DesignationRoundBrowserTest/ tell the story in Chinese.
 *
 * <p>The engine (not the browser) is used only to find out what to expect: which experts were
 * drawn, which instance a task belongs to, what ended where.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesignationRoundBrowserTest extends BrowserWalk {

  @RegisterExtension static final Browser browser = new Browser();

  @Override
  Browser browser() {
    return browser;
  }

  /** How often these variables of the instance were written (history level full records each write). */
  long variableUpdates(String processInstanceId, List<String> names) {
    return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().list().stream()
        .filter(d -> names.contains(((HistoricVariableUpdate) d).getVariableName())).count();
  }


  @Autowired ExpertPoolService experts;
  @Autowired RegisterService register;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  final LocalDate today = LocalDate.now(cn.shaoxing.pilotbase.platform.AppClock.ZONE);
  /** The real year: the round is opened with the real clock, as in production. */
  final int year = today.getYear();
  final String orgA = "越城精密医药中试有限公司";
  final String codeA = CreditCode.withCheckDigit("91330602MA2BRW001");
  final String orgB = "柯桥纺织新材料中试中心";
  final String codeB = CreditCode.withCheckDigit("91330603MA2BRW002");

  String roundId;
  String applicationA;
  String applicationB;
  String evaluationA;

  // ------------------------------------------------------------------ steps

  @Test
  @Order(1)
  void bureauOpensTheRoundWithTheStartForm() {
    tasklist = new Tasklist(browser, baseUrl()).withJobExecutor(() -> AsyncSteps.settle(engine));
    rest = new RestClient(baseUrl());
    seedExpertPool();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-round")
        .variableValueEquals("roundYear", year).count()).as("本测试使用的年度尚无评选").isZero();

    tasklist.login("bureau1");
    assertThat(tasklist.filterNames()).containsExactly("我的待办", "本组待办", "三日内到期", "全部待办（市科技局监控）");
    browser.shot("市科技局经办人登录Tasklist，看到中文过滤器");
    FormJs form = tasklist.startProcess("年度中试基地评选");
    form.text("评选年度", year)
        .date("申报截止日期", today.plusDays(14).toString())
        .text("每个申报的评审专家人数", 3)
        .text("形式审查补正期限（工作日）", 5)
        .text("评选通知正文", year + "年度绍兴市科技成果转化中试基地评选通知：请于截止日期前通过所在区、县（市）科技部门申报。");
    browser.shot("市科技局填写启动年度评选表单");
    tasklist.submitStartForm();
    browser.shot("年度评选已启动");

    ProcessInstance round = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-round").variableValueEquals("roundYear", year).singleResult();
    assertThat(round).as("启动的年度评选").isNotNull();
    roundId = round.getId();
    assertThat(engine.getRuntimeService().getVariable(roundId, "panelSize")).isEqualTo(3);
    assertOnlyOwnTasks("bureau1");
  }

  @Test
  @Order(2)
  void applicantAppliesFillingEveryFieldAndSeesItsCase() {
    // the six conditions' files (docs/evidence.md), uploaded through the API before the start form is sent
    cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, "applicant1");
    cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, "applicant2");
    tasklist.login("applicant1");
    assertThat(tasklist.startableProcesses()).as("申报单位可启动的流程").containsExactly("中试基地申报");
    FormJs f = tasklist.startProcess("中试基地申报");
    f.text("参评主体（单位）名称", orgA)
        .text("统一社会信用代码", codeA)
        .date("注册日期", "2018-05-20")
        .select("所属区、县（市）科技部门或市级归口管理单位", "越城区科技局")
        .select("服务的主要产业链", "生物医药")
        .text("联系人", "陈工")
        .text("联系电话", "0575-88001234")
        .text("联系邮箱", "chen@yuecheng-pilot.example.cn")
        .checkbox("（一）参评主体或依托单位具有独立法人资格，已注册并正常经营满一年", true)
        .checkbox("（一）未发生严重违法失信行为", true)
        .checkbox("以依托单位参评（依托某一法人单位建设的中试基地）", true)
        .checkbox("以依托单位参评的，中试基地实行财务收支独立核算", true)
        .checkbox("（二）具有工艺验证、放大生产、产品检测必需的固定场所和设备", true)
        .text("场地与设备情况说明", "中试车间3200平方米，配套GMP检测中心和放大生产线")
        .checkbox("（三）拥有与中试服务相适应的人才团队和工程技术带头人", true)
        .text("人才团队情况说明", "技术带头人为正高级工程师，团队48人")
        .checkbox("（四）有明晰的对外服务程序、收费标准及知识产权和商业秘密保护制度", true)
        .text("管理制度情况说明", "对外服务程序和收费标准已在官网公开，签订保密协议")
        .checkbox("（五）围绕我市主导产业开展开放式中试服务，成效明显", true)
        .text("中试服务业绩说明", "近三年为本市生物医药企业提供中试服务36项")
        .checkbox("（六）近一年内未发生重大安全、质量事故或严重环境违法行为", true)
        .checkbox("（六）具备必需的安全、环保设施及措施，符合国家、省和我市要求", true)
        .text("安全环保情况说明", "通过ISO14001认证，近一年无事故")
        .text("中试场地面积（平方米）", 3200)
        .text("中试仪器设备原值（万元）", 2650.5)
        .text("本科及以上中试人才总数（人）", 48)
        .text("中试基地研发费用（万元）", 820)
        .text("中试服务成果（项目）数（项）", 36)
        .text("中试服务收入（万元）", 1250)
        .text("中试服务成果（项目）落地数（项）", 14)
        .text("中试落地成果（项目）经济效益（万元）", 5200)
        .text("相关资质情况（质量管理、安全、环保等）", "ISO9001、ISO14001、CNAS实验室认可")
        .text("社会经济效益（加分项，如省级以上科技奖励、引进高层次人才等）", "获省科学技术进步奖二等奖")
        .text("佐证材料补充说明（可选）", "营业执照副本\n审计报告2025\n服务合同清单")
        .checkbox("本单位承诺所填报内容及佐证材料真实、准确、完整，如有虚假愿承担相应责任", true);
    assertThat(f.errors()).as("表单校验提示").isEmpty();
    browser.shot("申报单位填写完申报表（全部字段）");
    tasklist.submitStartForm();

    ProcessInstance app = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-application").processInstanceBusinessKey(year + "-" + codeA).singleResult();
    assertThat(app).as("申报流程实例").isNotNull();
    applicationA = app.getId();
    // every field arrived as typed
    var vars = engine.getRuntimeService().getVariables(applicationA);
    assertThat(vars).containsEntry("orgName", orgA).containsEntry("reviewerGroup", "districtYuecheng")
        .containsEntry("industryChain", "biomedicine").containsEntry("registrationDate", "2018-05-20")
        .containsEntry("hostedUnit", true).containsEntry("independentAccounts", true)
        .containsEntry("contactEmail", "chen@yuecheng-pilot.example.cn");
    assertThat(((Number) vars.get("equipmentValue")).doubleValue()).isEqualTo(2650.5);
    assertThat(((Number) vars.get("landedBenefit")).longValue()).isEqualTo(5200L);
    assertThat(vars.get("evidenceRefs").toString()).contains("审计报告2025");

    // Issue 12: withdrawal is an action on 办理进度, not a task: nothing of this application waits in 我的待办.
    List<Tasklist.TaskRow> mine = tasklist.chooseFilter("我的待办");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(applicationA).taskAssignee("applicant1")
        .count()).isZero();
    assertThat(mine).extracting(Tasklist.TaskRow::id).doesNotContainAnyElementsOf(
        engine.getTaskService().createTaskQuery().processInstanceId(applicationA).list().stream()
            .map(Task::getId).toList());
    browser.shot("申报单位的“我的待办”中没有撤回任务");
    assertOnlyOwnTasks("applicant1");

    // A second applicant files with 柯桥区 (through REST, as a second case of another district).
    HttpResponse<String> b = rest.postJson("/engine-rest/process-definition/key/designation-application/start",
        "applicant2", applicationJson(orgB, codeB, "districtKeqiao", "newMaterials"));
    assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
    applicationB = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(year + "-" + codeB).singleResult().getId();
  }

  @Test
  @Order(3)
  void onlyTheMatchingDistrictSeesTheApplicationAndRecommendsIt() {
    Task reviewA = task(applicationA, "Task_DistrictReview");
    Task reviewB = task(applicationB, "Task_DistrictReview");

    tasklist.login("keqiao1");
    List<Tasklist.TaskRow> keqiao = tasklist.chooseFilter("本组待办");
    assertThat(keqiao).extracting(Tasklist.TaskRow::id).contains(reviewB.getId()).doesNotContain(reviewA.getId());
    browser.shot("柯桥区只看到本区的申报，看不到越城区的申报");
    assertOnlyOwnTasks("keqiao1");
    // Not even by the task's address.
    tasklist.openTaskByUrl(reviewA.getId());
    browser.waitFor("无权查看他区任务", d -> !browser.all(By.cssSelector(".task-details .no-task, .task-details .alert-danger, .notifications .alert-danger")).isEmpty());
    assertThat(browser.all(By.cssSelector(".task-details .fjs-form"))).isEmpty();
    assertThat(browser.bodyText()).doesNotContain(orgA);
    browser.shot("柯桥区用链接打开越城区任务被拒绝");
    // 柯桥区 declines its own applicant, so the round can be collected.
    tasklist.openTaskByUrl(reviewB.getId());
    tasklist.taskForm();
    tasklist.claim();
    tasklist.taskForm()
        .option("审核结论", "不予推荐")
        .text("审核意见（退回或不予推荐时必填，申报单位可见）", "中试服务业绩不足，本年度不予推荐");
    tasklist.complete();

    tasklist.login("yuecheng1");
    List<Tasklist.TaskRow> rows = tasklist.chooseFilter("本组待办");
    assertThat(rows).extracting(Tasklist.TaskRow::id).contains(reviewA.getId()).doesNotContain(reviewB.getId());
    assertOnlyOwnTasks("yuecheng1");
    tasklist.chooseFilter("本组待办");
    FormJs form = tasklist.openTask(reviewA.getId());
    assertThat(tasklist.openTaskName()).isEqualTo("区县科技部门审核推荐");
    // what the applicant typed is shown in read-only fields, never as markdown text
    assertThat(form.value("单位名称")).isEqualTo(orgA);
    assertThat(form.value("统一社会信用代码")).isEqualTo(codeA);
    // the rank is no longer asked per application (issue 11: the district ranks all in one task)
    assertThat(form.hasVisibleField("本地区推荐排序（1为最优先）")).isFalse();
    assertThat(form.value("服务的主要产业链")).isEqualTo("生物医药");
    assertThat(form.value("佐证材料补充说明")).contains("审计报告2025");
    browser.shot("越城区在“本组待办”看到该申报");
    tasklist.claim();
    form = tasklist.taskForm();
    form.checkbox("材料真实", true).checkbox("材料完整", true).checkbox("材料规范，符合参评条件", true)
        .option("审核结论", "推荐")
        .text("审核意见（退回或不予推荐时必填，申报单位可见）", "材料真实完整，同意推荐");
    browser.shot("越城区认领并填写审核推荐意见");
    List<String> shown = List.of("orgName", "creditCode", "industryChain", "siteArea", "facilitiesDescription",
        "evidenceRefs");
    long shownUpdates = variableUpdates(applicationA, shown);
    tasklist.complete();
    browser.shot("越城区完成审核推荐");
    // what the form only showed (disabled fields) was not submitted back; what the district typed was
    assertThat(variableUpdates(applicationA, shown)).as("只读字段不随表单提交").isEqualTo(shownUpdates);
    assertThat(variableUpdates(applicationA, List.of("districtComments"))).isPositive();

    assertThat(history(applicationA).getEndActivityId()).isEqualTo("EndEvent_Recommended");
    assertThat(history(applicationB).getEndActivityId()).isEqualTo("EndEvent_DistrictRejected");
  }

  @Test
  @Order(4)
  void deadlinePassesAndTheDistrictRanksItsRecommendationsInOneForm() {
    operatorFiresTimer(roundId, "Timer_ApplicationDeadline");
    Task ranking = engine.getTaskService().createTaskQuery().processInstanceId(roundId)
        .taskDefinitionKey("Task_RankRecommendations").taskCandidateGroup("districtYuecheng").singleResult();
    assertThat(ranking).as("越城区的择优推荐排序任务").isNotNull();
    // 柯桥区 recommended nothing and has nothing under review: no ranking task of its own
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(roundId)
        .taskDefinitionKey("Task_RankRecommendations").taskCandidateGroup("districtKeqiao").count()).isZero();

    tasklist.login("yuecheng1");
    FormJs form = openGroupTask("yuecheng1", ranking);
    assertThat(tasklist.openTaskName()).isEqualTo("区县择优推荐排序");
    assertThat(form.value("本地区推荐的申报")).contains(orgA);
    tasklist.claim();
    // submitted without choosing: the server refuses, in Chinese, naming what is missing
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasklist.complete())
        .hasMessageContaining("推荐顺序中缺少本地区推荐的申报：" + orgA);
    browser.shot("越城区未排序即提交被拒绝");
    assertThat(engine.getTaskService().createTaskQuery().taskId(ranking.getId()).count()).isEqualTo(1);
    tasklist.dismissNotifications();
    String order = "推荐顺序（按优先程度依次选择，第1个为最优先）";
    tasklist.taskForm().tags(order, List.of(orgA));
    assertThat(tasklist.taskForm().tags(order)).containsExactly(orgA);
    browser.shot("越城区在一张表单中按推荐顺序选择本地区推荐的申报");
    tasklist.complete();
    assertThat(engine.getTaskService().createTaskQuery().taskId(ranking.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT district_rank FROM dsg_application WHERE process_instance_id = ?",
        Integer.class, applicationA)).isEqualTo(1);
  }

  @Test
  @Order(5)
  void theBureauCollectsTheRecommendations() {
    tasklist.login("bureau1");
    FormJs form = openGroupTask("bureau1", task(roundId, "Task_ConfirmRecommendations"));
    assertThat(form.value("各地推荐情况")).contains(orgA + "已推荐1");
    tasklist.claim();
    tasklist.taskForm().checkbox("确认推荐已汇总完毕", true);
    browser.shot("申报截止后市科技局汇总推荐");
    tasklist.complete();

    ProcessInstance ev = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-evaluation").superProcessInstanceId(roundId).singleResult();
    assertThat(ev).as("形式审查与专家评审（仅越城区推荐的一家）").isNotNull();
    evaluationA = ev.getId();
  }

  @Test
  @Order(6)
  void thirdPartyPassesTheFormalReview() {
    tasklist.login("third1");
    assertOnlyOwnTasks("third1");
    FormJs form = openGroupTask("third1", task(evaluationA, "Task_FormalReview"));
    assertThat(form.value("单位名称")).isEqualTo(orgA);
    assertThat(form.value("本地区推荐排序")).isEqualTo("1");
    tasklist.claim();
    form = tasklist.taskForm();
    for (String l : List.of("条件（一）：独立法人及经营满一年、无严重失信（营业执照、信用报告）",
        "条件（二）：中试场地及设备（产权/租赁证明、设备清单）", "条件（三）：人才团队（人员清单、社保证明）",
        "条件（四）：管理制度及收费标准", "条件（五）：中试服务业绩（服务合同、项目清单）",
        "条件（六）：安全环保（相关证明、无事故承诺）", "绩效指标佐证材料")) {
      form.checkbox(l, true);
    }
    form.option("形式审查结论", "通过").text("审查意见（退回或不通过时必填）", "材料齐全、规范");
    browser.shot("第三方机构形式审查通过");
    tasklist.complete();
  }

  @Test
  @Order(7)
  void threeDrawnExpertsScoreIndependentlyAndTheLeaderChecksOnSite() {
    List<Task> panel = engine.getTaskService().createTaskQuery().processInstanceId(evaluationA)
        .taskDefinitionKey("Task_ExpertReview").list();
    assertThat(panel).as("抽取的专家组").hasSize(3);
    double[] levels = {0.86, 0.8, 0.9};
    for (int i = 0; i < panel.size(); i++) {
      Task t = panel.get(i);
      String expert = t.getAssignee();
      tasklist.login(expert);
      assertOnlyOwnTasks(expert);
      List<Tasklist.TaskRow> mine = tasklist.chooseFilter("我的待办");
      assertThat(mine).extracting(Tasklist.TaskRow::id).contains(t.getId());
      FormJs f = tasklist.openTask(t.getId());
      assertThat(f.value("单位名称")).isEqualTo(orgA);
      // independent scoring: nothing of the earlier experts' scores is shown
      assertThat(f.shownText()).doesNotContain("材料真实，中试能力较强");
      f.option("是否参加本项评审", "参加评审");
      // the figures are scored by the bureau's rules; the expert sees them and scores only the rest
      assertThat(f.value("评分规则及按规则计算的得分（系统生成，仅供查看）"))
          .contains("评分指标表，版本号", "线性：≤100万元得0分", "按规则计");
      double mark = Math.round(5 * levels[i] * 10) / 10.0;
      f.text("相关管理服务制度情况（专家打分，0–5分）", mark).text("相关资质情况（专家打分，0–5分）", mark);
      if (i == 0) {
        // a bonus needs its reason (checked on the server against the bureau's table)
        f.text("加分理由（给加分时必填）", "获省科学技术进步奖二等奖").text("加分项：社会经济效益（0–10分，不加分则留空）", 2);
        assertThat(f.value("加分理由（给加分时必填）")).isEqualTo("获省科学技术进步奖二等奖");
      }
      assertThat(f.hasVisibleField("调整：中试服务收入得分（按规则计分，佐证材料不支持时填写调整后的得分，否则留空）")).isTrue();
      for (int c = 1; c <= 6; c++) {
        f.option("条件（" + "一二三四五六".charAt(c - 1) + "）", "符合");
      }
      f.option("评审建议", "建议评定").text("评审意见", "材料真实，中试能力较强（专家" + (i + 1) + "）");
      if (i == 0) {
        f.checkbox("建议组织现场核查", true);
      }
      assertThat(f.errors()).isEmpty();
      browser.shot("专家" + (i + 1) + "（" + expert + "）独立评审打分");
      tasklist.complete();
    }
    Task onsite = task(evaluationA, "Task_OnSiteCheck");
    assertThat(onsite).as("专家建议现场核查").isNotNull();
    cn.shaoxing.pilotbase.support.EvidenceFixtures.forTask(evidence, engine, jdbc, onsite);
    tasklist.login(onsite.getAssignee());
    tasklist.chooseFilter("我的待办");
    FormJs f = tasklist.openTask(onsite.getId());
    f.date("核查日期", today.toString()).option("核查结论", "与申报材料相符")
        .text("现场核查情况", "中试车间、检测设备与申报材料一致");
    browser.shot("专家组长现场核查");
    tasklist.complete();
    assertThat(history(evaluationA).getEndActivityId()).isEqualTo("EndEvent_Evaluated");
  }

  @Test
  @Order(8)
  void bureauProposesTheListAndThePartyCommitteeApprovesIt() {
    tasklist.login("bureau1");
    FormJs f = openGroupTask("bureau1", task(roundId, "Task_CompileProposedList"));
    tasklist.claim();
    f = tasklist.taskForm();
    f.optionStartingWith("列入拟评定名单的单位", orgA);
    browser.shot("市科技局提出拟评定名单");
    tasklist.complete();

    tasklist.login("party1");
    assertOnlyOwnTasks("party1");
    f = openGroupTask("party1", task(roundId, "Task_PartyCommitteeReview"));
    assertThat(f.value("拟评定名单及评审情况")).contains(orgA);
    tasklist.claim();
    tasklist.taskForm().date("党组会议日期", today.toString()).option("审议结果", "审议通过，进入公示")
        .text("审议意见（退回时必填）", "同意");
    browser.shot("党组会议审议通过拟评定名单");
    tasklist.complete();
  }

  @Test
  @Order(9)
  void bureauPublishesThePublicityAndThePublicSeesItWithoutLogin() {
    tasklist.login("bureau1");
    openGroupTask("bureau1", task(roundId, "Task_PublishPublicityNotice"));
    tasklist.claim();
    tasklist.taskForm().text("异议受理联系方式（电话、邮箱、地址）", "0575-85123456，cgzh@kjj.sx.gov.cn")
        .text("公示说明", "公示期间对名单有异议的，请实名书面反映。");
    browser.shot("市科技局发布公示");
    tasklist.complete();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(roundId)
        .activityIdIn("Timer_PublicityEnd").count()).isOne();

    tasklist.logout();
    browser.driver().manage().deleteAllCookies();
    browser.open(baseUrl() + "/public/publicity");
    browser.waitFor("公示页面", d -> d.findElement(By.tagName("body")).getText().contains(orgA));
    assertThat(browser.bodyText()).contains("公示").doesNotContain("Sign in");
    browser.shot("公众无需登录查看公示名单");
  }

  @Test
  @Order(10)
  void anObjectionIsRegisteredVerifiedWithTheDistrictAndDismissed() {
    tasklist.login("bureau1");
    FormJs f = tasklist.startProcess("公示异议核实处理");
    f.text("被异议单位统一社会信用代码", codeA).text("异议人姓名或单位", "李某")
        .text("异议人联系方式", "13900001234").text("异议内容", "该单位中试场地为临时租用")
        .text("异议佐证材料补充说明（可选）", "现场照片3张");
    browser.shot("市科技局登记公示异议");
    tasklist.submitStartForm();
    ProcessInstance registered = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-objection").variableValueEquals("objectionCreditCode", codeA).singleResult();
    assertThat(registered).isNotNull();
    // the bureau's start process calls the shared objection process, where the tasks are
    ProcessInstance objection = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(registered.getId()).singleResult();
    assertThat(objection).isNotNull();

    f = openGroupTask("bureau1", task(objection.getId(), "Task_VerifyObjection"));
    tasklist.claim();
    tasklist.taskForm().option("处理方式", "征求区县科技部门或专家意见").option("征求意见对象", "所在区、县（市）科技部门")
        .text("需核实的问题", "请核实中试场地权属及租期");
    browser.shot("市科技局征求越城区意见");
    tasklist.complete();

    tasklist.login("yuecheng1");
    f = openGroupTask("yuecheng1", task(objection.getId(), "Task_ObjectionConsultation"));
    assertThat(f.value("异议内容")).isEqualTo("该单位中试场地为临时租用");
    tasklist.claim();
    tasklist.taskForm().text("核实意见", "经核实，场地租赁合同期限五年，非临时租用");
    browser.shot("越城区协助核实异议");
    tasklist.complete();

    tasklist.login("bureau1");
    openGroupTask("bureau1", task(objection.getId(), "Task_VerifyObjection"));
    tasklist.claim();
    tasklist.taskForm().option("处理方式", "异议不成立").text("处理结论及理由（作出结论时必填）", "租赁合同期限五年，异议不成立");
    browser.shot("市科技局认定异议不成立");
    tasklist.complete();
    assertThat(history(objection.getId()).getEndActivityId()).isEqualTo("EndEvent_ObjectionClosed");
    assertThat(history(registered.getId()).getEndActivityId()).isEqualTo("EndEvent_ObjectionClosed");
  }

  @Test
  @Order(11)
  void bureauSeesTheRoundInCockpitWithItsDiagramDrawn() {
    Cockpit cockpit = new Cockpit(browser, baseUrl());
    cockpit.login("bureau1", cn.shaoxing.pilotbase.identity.DemoUsers.PASSWORD);
    browser.shot("市科技局登录Cockpit");
    cockpit.openProcessDefinition("年度中试基地评选");
    List<String> ids = cockpit.drawnElementIds();
    assertThat(ids).contains("Task_RankRecommendations", "Task_ConfirmRecommendations",
        "Timer_PublicityEnd", "Task_PartyCommitteeReview", "EndEvent_Published");
    browser.waitFor("实例数标记", d -> !d.findElements(By.cssSelector(".djs-overlay")).isEmpty());
    browser.waitFor("实例列表", d -> d.findElement(By.tagName("body")).getText().contains(roundId.substring(0, 8)));
    browser.shot("Cockpit显示年度评选流程图及运行中的实例");

    cockpit.openProcessDefinition("中试基地申报");
    assertThat(cockpit.drawnElementIds()).contains("SubProcess_DistrictPhase", "EndEvent_Recommended");
    browser.shot("Cockpit显示申报流程图");
    // the district phase is a collapsed sub-process: drill down as a person would
    browser.click(browser.visible(By.cssSelector(".bjs-drilldown")));
    browser.visible(By.cssSelector("g.djs-element[data-element-id='Task_DistrictReview']"));
    browser.visible(By.cssSelector("g.djs-element[data-element-id='BoundaryEvent_WithdrawRequested']"));
    browser.shot("Cockpit展开区县审核子流程");
  }

  @Test
  @Order(12)
  void administratorDeploysAChangedDiagramAndTheRunningRoundContinues() throws Exception {
    ProcessDefinition before = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("designation-round").latestVersion().singleResult();
    String running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(roundId)
        .singleResult().getProcessDefinitionId();

    String bpmn = Files.readString(Path.of("processes/designation-round.bpmn"), StandardCharsets.UTF_8)
        .replace("name=\"发文公布\"", "name=\"发文公布（正式发文）\"");
    assertThat(bpmn).contains("发文公布（正式发文）");
    List<String[]> files = new ArrayList<>();
    files.add(new String[] {"designation-round.bpmn", bpmn});
    for (String form : List.of("designation-round-start", "designation-district-ranking", "designation-recommendations-confirm",
        "designation-proposed-list", "designation-party-review", "designation-publicity-notice",
        "designation-publication")) {
      files.add(new String[] {form + ".form", Files.readString(Path.of("forms", form + ".form"), StandardCharsets.UTF_8)});
    }
    HttpResponse<String> r = deploy("admin", "年度评选流程（Modeler修改）", files);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    ProcessDefinition after = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("designation-round").latestVersion().singleResult();
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(engine.getRepositoryService().getBpmnModelInstance(after.getId())
        .getModelElementById("Task_PublishDesignation").getAttributeValue("name")).isEqualTo("发文公布（正式发文）");

    Cockpit cockpit = new Cockpit(browser, baseUrl());
    cockpit.login("bureau1", cn.shaoxing.pilotbase.identity.DemoUsers.PASSWORD);
    cockpit.openProcessDefinition("年度中试基地评选");
    cockpit.drawnElementIds();
    browser.shot("管理员部署新版本后Cockpit显示新版本流程图");

    // The running round stays on its version and goes on: publicity ends, the bureau publishes.
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(roundId)
        .singleResult().getProcessDefinitionId()).isEqualTo(running).isNotEqualTo(after.getId());
    operatorFiresTimer(roundId, "Timer_PublicityEnd");
    tasklist.login("bureau1");
    Task publish = task(roundId, "Task_PublishDesignation");
    openGroupTask("bureau1", publish);
    assertThat(tasklist.openTaskName()).isEqualTo("发文公布");
    tasklist.claim();
    tasklist.taskForm().text("发文文号（如 绍市科发〔2025〕12号）", "绍市科发〔" + year + "〕18号")
        .date("发文日期", today.toString());
    browser.shot("公示期满后市科技局发文公布");
    tasklist.complete();

    assertThat(history(roundId).getEndActivityId()).isEqualTo("EndEvent_Published");
    // other test classes may designate bases in the same year: look at this round's two applicants
    List<DesignatedBase> bases = register.listByYear(year).stream()
        .filter(b -> b.creditCode().equals(codeA) || b.creditCode().equals(codeB)).toList();
    assertThat(bases).extracting(DesignatedBase::creditCode).containsExactly(codeA);
    assertThat(bases.get(0).baseName()).isEqualTo("绍兴市科技成果转化中试基地");
    browser.shot("评选完成，基地已登记入库");
  }

  @Test
  @Order(13)
  void everyRoleSeesOnlyItsOwnTasks() {
    for (String user : List.of("applicant1", "applicant2", "yuecheng1", "keqiao1", "third1", "expert1",
        "party1", "bureau2")) {
      tasklist.login(user);
      assertOnlyOwnTasks(user);
    }
    browser.shot("各角色只看到本角色任务（检查结束）");
  }

  // ------------------------------------------------------------------ helpers

  Task task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  /** POST /engine-rest/deployment/create, multipart, as Camunda Modeler deploys. */
  HttpResponse<String> deploy(String user, String name, List<String[]> files) {
    String boundary = "----pilotbase" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    for (String[] part : new String[][] {{"deployment-name", name}, {"deployment-source", "Camunda Modeler"},
        {"deploy-changed-only", "false"}}) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
          .append("\"\r\n\r\n").append(part[1]).append("\r\n");
    }
    for (String[] f : files) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
          .append("\"; filename=\"").append(f[0]).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(f[1]).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return rest.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), user);
  }

  void seedExpertPool() {
    String[] chains = {"integratedCircuits", "biomedicine", "newMaterials", "highEndEquipment", "modernTextiles", "greenChemicals"};
    for (int i = 1; i <= 6; i++) {
      if (experts.find("expert" + i).isEmpty()) {
        experts.save(new Expert("expert" + i, "专家" + i, "浙江某大学" + i,
            CreditCode.withCheckDigit(String.format("9133060%010d", 900 + i)), List.of(chains[i - 1]),
            "expert" + i + "@example.cn", "1380000000" + i, true));
      }
    }
  }

  static String applicationJson(String org, String code, String group, String chain) {
    StringBuilder v = new StringBuilder("{\"variables\":{");
    String[][] s = {{"orgName", org}, {"creditCode", code}, {"registrationDate", "2019-03-01"},
        {"reviewerGroup", group}, {"industryChain", chain}, {"contactName", "褚工"}, {"contactPhone", "0575-84001234"},
        {"contactEmail", "chu@example.cn"}, {"facilitiesDescription", "中试车间2000平方米"}, {"evidenceRefs", "营业执照"}};
    for (String[] p : s) {
      v.append('"').append(p[0]).append("\":{\"value\":\"").append(p[1]).append("\",\"type\":\"String\"},");
    }
    for (String b : List.of("independentLegalPerson", "noSeriousDishonesty", "hasPilotFacilities", "hasPilotTeam",
        "hasManagementRules", "hasServiceRecord", "noMajorAccident", "meetsSafetyEnvironment", "declarationTruthful")) {
      v.append('"').append(b).append("\":{\"value\":true,\"type\":\"Boolean\"},");
    }
    v.append("\"hostedUnit\":{\"value\":false,\"type\":\"Boolean\"},\"independentAccounts\":{\"value\":false,\"type\":\"Boolean\"},");
    for (String n : List.of("siteArea", "equipmentValue", "graduateStaff", "rdSpend", "serviceProjects",
        "serviceIncome", "landedProjects", "landedBenefit")) {
      v.append('"').append(n).append("\":{\"value\":10,\"type\":\"Long\"},");
    }
    v.setLength(v.length() - 1);
    return v.append("}}").toString();
  }
}
