package cn.shaoxing.pilotbase.progress;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.designation.ApplicationService;
import cn.shaoxing.pilotbase.designation.ApplicationStatus;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import cn.shaoxing.pilotbase.support.WebappLogin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 办理进度 (issue 12) on PostgreSQL with real applications: what an applicant and its district read of
 * a case (steps, dates, the reasons meant for them, what comes next), what nobody else may read, and
 * withdrawal as an action with its refusals; a base's evaluation likewise. Years 2071–2074 and 2076–2078: the brief allotted 2130–2139, but a
 * round's year must be 2020–2100 (designation-round-start.form, the working-day calendar), so these
 * years, unused by the other tests, stand in for them.
 */
class CaseProgressTest extends IntegrationTest {

  static final String PASSWORD = "Test-Pass-2031";
  static final String SECRET = "专家内部意见-请勿外传-2072";

  @Autowired ApplicantAccountService accounts;
  @Autowired ApplicationService applications;
  @Autowired EvidenceService evidence;
  @Autowired ExpertPoolService experts;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;

  RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient(baseUrl());
    DesignationTestSupport.seedExperts(experts);
  }

  /** Organisation {@code n} of {@code year}: its account (user id returned) and its filing. */
  record Org(String user, String name, String code, ProcessInstance application) {}

  Org file(int year, int n, String name, String group) {
    String code = code(year * 1000L + n);
    String user = "pg" + year + "n" + n;
    DesignationTestSupport.account(accounts, user, code, name, group);
    ProcessInstance pi = DesignationTestSupport.file(engine, evidence, user,
        application(name, code, group, "newMaterials"));
    return new Org(user, name, code, pi);
  }

  String appId(Org o) {
    return applications.ofApplicant(o.user()).stream()
        .filter(a -> a.processInstanceId().equals(o.application().getId())).findFirst().orElseThrow().id();
  }

  String as(Org o) {
    return o.user() + ":" + PASSWORD;
  }

  long districtTasks(Org o) {
    return engine.getTaskService().createTaskQuery().processInstanceId(o.application().getId())
        .taskDefinitionKey("Task_DistrictReview").count();
  }

  HttpResponse<String> page(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postWithdraw(HttpClient http, String applicationId, String reason, boolean sameOrigin)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create(baseUrl() + "/my/cases/applications/" + applicationId + "/withdraw"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8)));
    if (sameOrigin) {
      b.header("Origin", baseUrl());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The bodies of the task mails written for the tasks {@code key} of an instance (open or done). */
  List<String> mailBodies(String processInstanceId, String key) {
    List<String> ids = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(key).list().stream().map(t -> t.getId()).toList();
    assertThat(ids).as(key).isNotEmpty();
    return ids.stream().flatMap(t -> jdbc.queryForList("SELECT body FROM notif_outbox WHERE task_id=?", String.class, t)
        .stream()).toList();
  }

  // ------------------------------------------------------------------ tests

  @Test
  void theApplicantAndItsDistrictSeeStepsDatesTheReturnReasonAndWhatComesNext() throws Exception {
    DesignationTestSupport.openRound(engine, 2071, 5);
    Org a = file(2071, 1, "柯桥进度测试中试有限公司", "districtKeqiao");
    Org b = file(2071, 2, "越城进度测试中试有限公司", "districtYuecheng");
    DesignationTestSupport.complete(engine, a.application().getId(), "Task_DistrictReview",
        Map.of("districtDecision", "return", "districtComments", "请补充2070年度服务合同"));
    Map<String, Object> corrected = application(a.name(), a.code(), "districtKeqiao", "newMaterials");
    corrected.put("correctionNote", "已补充服务合同");
    DesignationTestSupport.complete(engine, a.application().getId(), "Task_CorrectApplication", corrected);
    String id = appId(a);

    String json = rest.get("/api/my/cases/applications/" + id, as(a)).body();
    assertThat(json).contains("提交申报", "参评条件审查", "符合参评条件", "区县科技部门审核推荐", "审核结果：退回补正",
        "理由：请补充2070年度服务合同", "补正申报材料", "等待区县审核推荐", "\"withdrawable\":true");
    // the steps are dated, the open one has its due date
    assertThat(json).contains("\"at\":\"2071-03-03").containsPattern("\"due\":\"2071-0[34]-");

    HttpClient owner = WebappLogin.as(baseUrl(), a.user(), PASSWORD);
    String list = page(owner, "/my/cases").body();
    assertThat(list).contains("办理进度", a.name(), "等待区县审核推荐", "/my/cases/applications/" + id)
        .doesNotContain(b.name());
    HttpResponse<String> detail = page(owner, "/my/cases/applications/" + id);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("请补充2070年度服务合同", "等待区县审核推荐", "2071-03-03", "撤回申报",
        "柯桥区科技局");

    // its district sees the same case, without the withdrawal action; another district does not
    HttpClient keqiao = WebappLogin.as(baseUrl(), "keqiao1");
    assertThat(page(keqiao, "/my/cases").body()).contains(a.name()).doesNotContain(b.name());
    String seenByDistrict = page(keqiao, "/my/cases/applications/" + id).body();
    assertThat(seenByDistrict).contains("请补充2070年度服务合同", "等待区县审核推荐").doesNotContain("withdraw-button");
    assertThat(rest.get("/api/my/cases/applications/" + id, "keqiao1").body()).contains("\"withdrawable\":false");

    // refusals: another applicant, another district, an expert; an unknown case
    HttpResponse<String> otherApplicant = page(WebappLogin.as(baseUrl(), b.user(), PASSWORD),
        "/my/cases/applications/" + id);
    assertThat(otherApplicant.statusCode()).isEqualTo(403);
    assertThat(otherApplicant.body()).contains("无权查看").doesNotContain(a.name());
    HttpResponse<String> otherDistrict = page(WebappLogin.as(baseUrl(), "yuecheng1"), "/my/cases/applications/" + id);
    assertThat(otherDistrict.statusCode()).isEqualTo(403);
    assertThat(otherDistrict.body()).doesNotContain("请补充2070年度服务合同");
    assertThat(page(WebappLogin.as(baseUrl(), "expert1"), "/my/cases/applications/" + id).statusCode())
        .isEqualTo(403);
    assertThat(rest.get("/api/my/cases/applications/" + id, "yuecheng1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/my/cases/applications/" + id, as(b)).statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/my/cases/applications/" + id, "expert1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/my/cases/applications/no-such-case", as(a)).statusCode()).isEqualTo(404);
    assertThat(rest.get("/api/my/cases/applications/" + id, null).statusCode()).isEqualTo(401);
    // not signed in: the page sends to the login
    HttpResponse<String> anonymous = page(HttpClient.newHttpClient(), "/my/cases/applications/" + id);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    // the applicant has no withdrawal task in its list any more (issue 12)
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee(a.user()).count()).isZero();
  }

  @Test
  void aRefusedApplicantFindsItsOutcomeLetterOnItsCasePageAndNobodyElseDoes() throws Exception {
    DesignationTestSupport.openRound(engine, 2078, 5);
    Org a = file(2078, 1, "柯桥告知书测试中试有限公司", "districtKeqiao");
    Org b = file(2078, 2, "柯桥旁观测试中试有限公司", "districtKeqiao");
    DesignationTestSupport.complete(engine, a.application().getId(), "Task_DistrictReview",
        Map.of("districtDecision", "reject", "districtComments", "中试服务收入未达到申报条件"));
    String id = appId(a);

    // the applicant's case lists the letter issued at the district's refusal, with a link it may follow
    String json = rest.get("/api/my/cases/applications/" + id, as(a)).body();
    assertThat(json).contains("\"documents\":[", "OUTCOME_LETTER", "结果告知书");
    String docId = json.replaceAll("(?s).*\"documents\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");
    assertThat(docId).doesNotContain("{").isNotBlank();
    HttpClient owner = WebappLogin.as(baseUrl(), a.user(), PASSWORD);
    String detail = page(owner, "/my/cases/applications/" + id).body();
    assertThat(detail).contains("文书", "/documents/" + docId, "结果告知书");
    HttpResponse<byte[]> pdf = owner.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/documents/" + docId)).GET()
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // its district sees the letter too; another applicant of the same district neither the case nor the letter
    assertThat(rest.get("/api/my/cases/applications/" + id, "keqiao1").body()).contains(docId);
    assertThat(rest.get("/api/my/cases/applications/" + id, as(b)).statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/documents/" + docId, as(b)).statusCode()).isEqualTo(404);
    // b's own case page lists no document (nothing was issued for it)
    assertThat(rest.get("/api/my/cases/applications/" + appId(b), as(b)).body()).contains("\"documents\":[]");
  }

  @Test
  void expertNamesScoresAndOpinionsStayOutOfTheProgress() throws Exception {
    ProcessInstance round = DesignationTestSupport.openRound(engine, 2072, 3);
    Org a = file(2072, 1, "柯桥专家保密进度测试有限公司", "districtKeqiao");
    DesignationTestSupport.complete(engine, a.application().getId(), "Task_DistrictReview",
        DesignationTestSupport.recommend());
    String id = appId(a);
    assertThat(rest.get("/api/my/cases/applications/" + id, as(a)).body())
        .contains("已推荐至市科技局", "申报截止后", "2072-03-31");
    DesignationTestSupport.closeApplications(engine, round, 2072);
    String review = DesignationTestSupport.reviewOf(engine, id);
    DesignationTestSupport.complete(engine, review, "Task_FormalReview",
        Map.of("formalDecision", "return", "formalComments", "请补充检测报告原件", "correctionDays", 3L));
    assertThat(rest.get("/api/my/cases/applications/" + id, as(a)).body())
        .contains("第三方机构形式审查", "审查结果：退回补正", "审查意见：请补充检测报告原件", "等待申报单位按形式审查意见补正材料");
    DesignationTestSupport.complete(engine, review, "Task_FormalCorrection",
        Map.of("correctionNote", "已补充检测报告"));
    DesignationTestSupport.complete(engine, review, "Task_FormalReview", DesignationTestSupport.formalPass());
    List<Task> panel = engine.getTaskService().createTaskQuery().processInstanceId(review)
        .taskDefinitionKey("Task_ExpertReview").list();
    assertThat(panel).hasSize(3);
    Map<String, Object> scores = DesignationTestSupport.expertScores(0.8, false);
    scores.put("expertOpinion", SECRET);
    engine.getTaskService().complete(panel.get(0).getId(), scores);
    cn.shaoxing.pilotbase.support.AsyncSteps.settle(engine);

    for (String viewer : List.of(as(a), "keqiao1")) {
      String json = rest.get("/api/my/cases/applications/" + id, viewer).body();
      assertThat(json).as(viewer).contains("审查结果：通过", "专家评审中");
      assertThat(json).as(viewer).doesNotContain(SECRET);
      for (Task t : panel) {
        User expert = engine.getIdentityService().createUserQuery().userId(t.getAssignee()).singleResult();
        assertThat(json).as(viewer).doesNotContain("\"" + t.getAssignee() + "\"")
            .doesNotContain(expert.getLastName() + expert.getFirstName())
            .doesNotContain(expert.getFirstName() + expert.getLastName());
      }
    }
    // the mails of new work point applicants and districts to 办理进度, experts and the third party not
    assertThat(mailBodies(a.application().getId(), "Task_DistrictReview")).isNotEmpty()
        .allMatch(b -> b.contains("办理进度：http://pilotbase.test/my/cases"));
    assertThat(mailBodies(review, "Task_FormalCorrection")).isNotEmpty()
        .allMatch(b -> b.contains("办理进度：http://pilotbase.test/my/cases"));
    assertThat(mailBodies(review, "Task_ExpertReview")).isNotEmpty().noneMatch(b -> b.contains("/my/cases"));
    assertThat(mailBodies(review, "Task_FormalReview")).isNotEmpty().noneMatch(b -> b.contains("/my/cases"));

    String pageText = page(WebappLogin.as(baseUrl(), a.user(), PASSWORD), "/my/cases/applications/" + id).body();
    assertThat(pageText).contains("专家评审中").doesNotContain(SECRET);
    for (Task t : panel) {
      assertThat(pageText).doesNotContain(">" + t.getAssignee() + "<");
    }
  }

  @Test
  void theApplicantWithdrawsOnThePageAndEveryoneElseIsRefusedWithNothingChanged() throws Exception {
    DesignationTestSupport.openRound(engine, 2073, 5);
    Org a = file(2073, 1, "柯桥撤回测试中试有限公司", "districtKeqiao");
    Org b = file(2073, 2, "柯桥另一家撤回测试有限公司", "districtKeqiao");
    String id = appId(a);
    HttpClient owner = WebappLogin.as(baseUrl(), a.user(), PASSWORD);

    // another applicant, the district itself: refused
    HttpResponse<String> byOther = postWithdraw(WebappLogin.as(baseUrl(), b.user(), PASSWORD), id, "冒名撤回", true);
    assertThat(byOther.statusCode()).isEqualTo(403);
    assertThat(byOther.body()).contains("只有提交该申报的申报单位可以撤回申报");
    assertThat(postWithdraw(WebappLogin.as(baseUrl(), "keqiao1"), id, "区县代为撤回", true).statusCode())
        .isEqualTo(403);
    assertThat(rest.postJson("/api/my/cases/applications/" + id + "/withdraw", "keqiao1", "{\"reason\":\"代撤\"}")
        .statusCode()).isEqualTo(403);
    // the applicant without a reason, with too long a reason, from another site: refused
    HttpResponse<String> empty = postWithdraw(owner, id, "  ", true);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("请填写撤回理由");
    HttpResponse<String> tooLong = postWithdraw(owner, id, "因".repeat(501), true);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("撤回理由不能超过500个字");
    assertThat(postWithdraw(owner, id, "跨站请求", false).statusCode()).isEqualTo(403);
    HttpResponse<String> apiEmpty = rest.postJson("/api/my/cases/applications/" + id + "/withdraw", as(a), "{}");
    assertThat(apiEmpty.statusCode()).isEqualTo(400);
    assertThat(apiEmpty.body()).contains("请填写撤回理由");
    // nothing changed
    assertThat(applications.get(id).status().beforeDistrictDecision()).isTrue();
    assertThat(applications.get(id).status()).isNotEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(districtTasks(a)).isOne();

    // the applicant withdraws on the page
    HttpResponse<String> done = postWithdraw(owner, id, "本年度暂不参评，明年再报", true);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse("")).contains("/my/cases/applications/" + id);
    assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(districtTasks(a)).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(a.application().getId()).count()).isZero();
    String after = page(owner, "/my/cases/applications/" + id).body();
    assertThat(after).contains("已撤回", "申报单位撤回申报", "撤回理由：本年度暂不参评，明年再报")
        .doesNotContain("withdraw-button");
    // a second withdrawal: the district's step is over
    HttpResponse<String> again = postWithdraw(owner, id, "再次撤回", true);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("只能在区县审核前撤回");

    // after the district decided: refused, nothing changed
    DesignationTestSupport.complete(engine, b.application().getId(), "Task_DistrictReview",
        DesignationTestSupport.recommend());
    String idB = appId(b);
    HttpResponse<String> late = rest.postJson("/api/my/cases/applications/" + idB + "/withdraw", as(b),
        "{\"reason\":\"推荐后撤回\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("只能在区县审核前撤回");
    assertThat(applications.get(idB).status()).isEqualTo(ApplicationStatus.RECOMMENDED);
  }

  @Test
  void programsWithdrawThroughTheApi() {
    DesignationTestSupport.openRound(engine, 2074, 5);
    Org a = file(2074, 1, "接口撤回测试中试有限公司", "districtShangyu");
    String id = appId(a);
    assertThat(rest.get("/api/my/cases", as(a)).body()).contains(a.name(), "\"withdrawable\":true");
    HttpResponse<String> r = rest.postJson("/api/my/cases/applications/" + id + "/withdraw", as(a),
        "{\"reason\":\"系统对接撤回\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(applications.get(id).outcomeReason()).isEqualTo("系统对接撤回");
    assertThat(districtTasks(a)).isZero();
  }

  @Test
  void aBaseAndItsDistrictFollowTheBasesEvaluationAndTheAuditsReturnReason() throws Exception {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(DesignationTestSupport.at("2076-06-01T09:00"));
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
    String user = "pg2076n1";
    String org = "柯桥绩效进度测试中试有限公司";
    DesignationTestSupport.account(accounts, user, code(2076001L), org, "districtKeqiao");
    DesignatedBase base = EvaluationFixtures.base(register, baseAccounts, org, code(2076001L), "districtKeqiao",
        java.time.LocalDate.of(2074, 12, 1), user);
    ProcessInstance cycle;
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      cycle = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle",
          Map.of("cycleName", "2076年度绩效评价（办理进度）", "cycleYear", 2076L, "scoringMode", "thirdParty",
              "panelSize", 3L, "selfEvaluationDays", 20L));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    AsyncSteps.settle(engine);
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    String pi = EvaluationFixtures.baseInstance(engine, cycleId, base.id()).getId();
    Task self = EvaluationFixtures.task(engine, pi, "Task_SelfEvaluation");
    EvidenceFixtures.forTask(evidence, engine, jdbc, self);
    engine.getTaskService().complete(self.getId(), EvaluationFixtures.selfEvaluation(2));
    AsyncSteps.settle(engine);
    DesignationTestSupport.complete(engine, pi, "Task_DistrictAudit",
        Map.of("auditDecision", "return", "auditOpinion", "服务收入佐证材料缺银行回单"));

    String owner = user + ":" + PASSWORD;
    assertThat(rest.get("/api/my/cases", owner).body()).contains("基地绩效评价", org, pi);
    String json = rest.get("/api/my/cases/evaluations/" + pi, owner).body();
    assertThat(json).contains("通知基地自评", "基地自评", "区县科技部门（归口单位）审核真实性", "审核结果：退回修改",
        "退回意见：服务收入佐证材料缺银行回单", "等待基地提交自评材料", "2076-06-01");
    String district = page(WebappLogin.as(baseUrl(), "keqiao1"), "/my/cases/evaluations/" + pi).body();
    assertThat(district).contains(org, "退回意见：服务收入佐证材料缺银行回单", "等待基地提交自评材料");
    assertThat(page(WebappLogin.as(baseUrl(), "keqiao1"), "/my/cases").body()).contains(org, "基地绩效评价");
    assertThat(rest.get("/api/my/cases/evaluations/" + pi, "yuecheng1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/my/cases/evaluations/" + pi, "applicant1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/my/cases/evaluations/" + pi, "expert1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/my/cases/evaluations/" + cycle.getId(), owner).statusCode())
        .as("a cycle is not a base's case").isEqualTo(404);
    // the bureau may open any case
    assertThat(rest.get("/api/my/cases/evaluations/" + pi, "bureau1").statusCode()).isEqualTo(200);
  }

  /**
   * An application filed on the diagram version before issue 12 keeps its withdrawal task (no
   * migration): the page's action completes that task on the applicant's behalf. The old diagram and
   * its form are deployed for this test only and removed afterwards.
   */
  @Test
  void anApplicationOfTheOldDiagramIsWithdrawnThroughItsOldTask() throws Exception {
    DesignationTestSupport.openRound(engine, 2077, 5);
    var repository = engine.getRepositoryService();
    var old = repository.createDeployment().name("designation-application before issue 12 (test)")
        .addClasspathResource("bpmn/designation-application-before-issue12.bpmn")
        .addClasspathResource("bpmn/designation-withdrawal-before-issue12.form")
        .addClasspathResource("forms/designation-application-start.form")
        .addClasspathResource("forms/designation-ineligible-notice.form")
        .addClasspathResource("forms/designation-application-correction.form")
        .addClasspathResource("forms/designation-district-review.form")
        .deploy();
    try {
      var definition = repository.createProcessDefinitionQuery().deploymentId(old.getId()).singleResult();
      String user = "pg2077n1";
      String orgName = "旧版本撤回测试中试有限公司";
      DesignationTestSupport.account(accounts, user, code(2077001L), orgName, "districtZhuji");
      cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, user);
      engine.getIdentityService().setAuthentication(user, List.of("applicant"));
      ProcessInstance pi;
      try {
        pi = engine.getRuntimeService().startProcessInstanceById(definition.getId(),
            application(orgName, code(2077001L), "districtZhuji", "newMaterials"));
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi)
          .isWaitingAt("Task_DistrictReview", "Task_WithdrawApplication");
      String id = applications.ofApplicant(user).get(0).id();
      String owner = user + ":" + PASSWORD;
      assertThat(rest.get("/api/my/cases/applications/" + id, owner).body()).contains("\"withdrawable\":true");
      HttpResponse<String> r = rest.postJson("/api/my/cases/applications/" + id + "/withdraw", owner,
          "{\"reason\":\"旧版本申报撤回\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
          .isZero();
      assertThat(rest.get("/api/my/cases/applications/" + id, owner).body())
          .contains("申报单位撤回申报", "撤回理由：旧版本申报撤回", "已撤回");
    } finally {
      repository.deleteDeployment(old.getId(), true);
    }
  }
}
