package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.expertScores;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.formalPass;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.recommend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.experts.DrawResult;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.experts.PanelDraw;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import org.camunda.bpm.engine.ProcessEngineException;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual designation (§四) on PostgreSQL: one round end to end (2031), then one named test per
 * branch. Each test uses its own round year so the shared database needs no cleaning: 2031–2038,
 * 2040, 2043, 2044, 2046, 2048, 2053 here; other classes hold 2039 (revocation), 2041 (accounts), 2042
 * (concurrency), 2047 (trust matrix), 2051–2052 (scoring rule change) and the current year (browser).
 */
class DesignationRoundProcessTest extends IntegrationTest {

  @Autowired RegisterService register;
  @Autowired ApplicationService applications;
  @Autowired ApplicationWithdrawal withdrawal;
  @Autowired RoundService rounds;
  @Autowired ExpertPoolService experts;
  @Autowired ApplicantAccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;

  RuntimeService runtime;
  TaskService tasks;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    DesignationTestSupport.seedExperts(experts);
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance startRound(int year, String deadline, int panelSize) {
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      return runtime.startProcessInstanceByKey("designation-round", Map.of(
          "roundYear", (long) year, "applicationDeadline", deadline, "panelSize", (long) panelSize,
          "formalCorrectionDays", 5L, "roundNotice", year + "年度评选通知"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  ProcessInstance apply(String user, Map<String, Object> vars) {
    cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, user);
    engine.getIdentityService().setAuthentication(user, List.of("applicant"));
    try {
      return runtime.startProcessInstanceByKey("designation-application", vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = task(pi, key);
    assertThat(t).as("task %s of %s", key, pi.getId()).isNotNull();
    cn.shaoxing.pilotbase.support.EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    tasks.complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  ProcessInstance evaluationOf(ProcessInstance application) {
    String appId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(application.getId()).variableName("applicationId").singleResult().getValue();
    return runtime.createProcessInstanceQuery().processDefinitionKey("designation-evaluation")
        .variableValueEquals("applicationId", appId).singleResult();
  }

  String appId(ProcessInstance application) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(application.getId()).variableName("applicationId").singleResult().getValue();
  }

  void fireTimer(ProcessInstance pi, Date now) {
    ClockUtil.setCurrentTime(now);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    assertThat(job).as("timer of %s", pi.getId()).isNotNull();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(now);
    engine.getManagementService().executeJob(job.getId());
    AsyncSteps.settle(engine);
  }

  long visibleInstances(String user, String group, String processInstanceId) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()
          + engine.getHistoryService().createHistoricProcessInstanceQuery()
              .processInstanceId(processInstanceId).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** An organisation of a test and its application, filed through its own bound account. */
  record Filing(String account, String code, String org, ProcessInstance application) {}

  /** Opens the round of {@code year}: applications from 3 March (today) to 31 March, panels of 5. */
  ProcessInstance openRound(int year) {
    ClockUtil.setCurrentTime(at(year + "-03-03T09:00"));
    return startRound(year, year + "-03-31", 5);
  }

  /** Organisation {@code n} of the year files a complete application, changed by {@code changes}. */
  Filing file(int year, int n, String org, String group, String chain, Map<String, Object> changes) {
    String code = code((year % 100) * 1000L + n);
    String account = DesignationTestSupport.account(accounts, "org" + year % 100 + "n" + n, code, org, group);
    Map<String, Object> filing = application(org, code, group, chain);
    filing.putAll(changes);
    return new Filing(account, code, org, apply(account, filing));
  }

  Filing file(int year, int n, String org, String group, String chain) {
    return file(year, n, org, group, chain, Map.of());
  }

  Filing recommended(int year, int n, String org, String group, String chain) {
    Filing f = file(year, n, org, group, chain);
    complete(f.application(), "Task_DistrictReview", recommend());
    return f;
  }

  /** The deadline passes and the bureau confirms the recommendations: the evaluations start. */
  void closeApplications(ProcessInstance round, int year) {
    fireTimer(round, at(year + "-04-01T09:00"));
    cn.shaoxing.pilotbase.support.DesignationTestSupport.rankAll(engine, round.getId());
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
  }

  List<Task> panel(ProcessInstance evaluation) {
    return tasks.createTaskQuery().processInstanceId(evaluation.getId())
        .taskDefinitionKey("Task_ExpertReview").list();
  }

  void scoreAll(ProcessInstance evaluation, double level) {
    for (Task t : panel(evaluation)) {
      tasks.complete(t.getId(), expertScores(level, false));
      AsyncSteps.settle(engine);
    }
  }

  Map<String, Object> proposed(String... applicationIds) {
    return Map.of("proposedApplications", SpinValues.jsonValue(
        "[" + String.join(",", java.util.Arrays.stream(applicationIds).map(x -> "\"" + x + "\"").toList()) + "]")
        .create());
  }

  /** A round of {@code year} with the filings recommended, reviewed and scored, under publicity. */
  ProcessInstance underPublicity(int year, Filing... filings) {
    ProcessInstance round = rounds.find(year).map(r -> runtime.createProcessInstanceQuery()
        .processDefinitionKey("designation-round").variableValueEquals("roundYear", year).singleResult())
        .orElseThrow();
    closeApplications(round, year);
    List<String> ids = new java.util.ArrayList<>();
    for (Filing f : filings) {
      ProcessInstance ev = evaluationOf(f.application());
      complete(ev, "Task_FormalReview", formalPass());
      scoreAll(ev, 0.8);
      ids.add(appId(f.application()));
    }
    complete(round, "Task_CompileProposedList", proposed(ids.toArray(String[]::new)));
    complete(round, "Task_PartyCommitteeReview", Map.of("partyDecision", "approve", "meetingDate", year + "-04-01"));
    complete(round, "Task_PublishPublicityNotice", Map.of("objectionContact", "0575-85000000，kjj@sx.gov.cn"));
    assertThat(round).isWaitingAt("Timer_PublicityEnd");
    return round;
  }

  String today() {
    return cn.shaoxing.pilotbase.platform.AppClock.today().toString();
  }

  // ------------------------------------------------------------------ the round end to end

  @Test
  void aRoundGoesFromApplicationsToThePublishedDesignationOfTheChosenBases() {
    ProcessInstance round = openRound(2031);
    assertThat(round).isWaitingAt("Timer_ApplicationDeadline");
    assertThat(rounds.find(2031)).get().extracting(Round::status).isEqualTo(RoundStatus.OPEN);
    experts.declareConflict("expert6", code(31001), "曾任该单位技术顾问");
    Filing a = recommended(2031, 1, "越城生物中试有限公司", "districtYuecheng", "biomedicine");
    // half of A's service projects: ratio to the best of the round gives 5 of 10
    Filing b = file(2031, 2, "柯桥新材料中试中心", "districtKeqiao", "newMaterials", Map.of("serviceProjects", 15L));
    complete(b.application(), "Task_DistrictReview", recommend());
    assertThat(a.application()).isEnded().hasPassed("EndEvent_Recommended");

    // Deadline passes; each district ranks its recommendations in one task, then the bureau
    // collects them.
    fireTimer(round, at("2031-04-01T09:00"));
    assertThat(round).isWaitingAt("Task_RankRecommendations");
    List<Task> rankings = DesignationTestSupport.rankingTasks(tasks, round.getId());
    assertThat(rankings).hasSize(2);
    assertThat(rankings).extracting(t -> tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("districtYuecheng", "districtKeqiao");
    assertThat(rankings).allSatisfy(t -> assertThat(DesignationTestSupport.offeredIds(tasks, t.getId()))
        .hasSize(1));
    DesignationTestSupport.rankAll(engine, round.getId());
    AsyncSteps.settle(engine);
    assertThat(applications.get(appId(a.application())).districtRank()).isEqualTo(1);
    assertThat(round).isWaitingAt("Task_ConfirmRecommendations");
    assertThat(runtime.getVariable(round.getId(), "recommendations").toString()).contains("已推荐");
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
    assertThat(round).isWaitingAt("CallActivity_Evaluate");
    ProcessInstance evA = evaluationOf(a.application()), evB = evaluationOf(b.application());

    // Formal review passes; the panel scores: the experts see the bureau's rules and the points
    // they give for the filed figures; one asks for an on-site check.
    complete(evA, "Task_FormalReview", formalPass());
    complete(evB, "Task_FormalReview", formalPass());
    assertThat(runtime.getVariable(evA.getId(), "scoringGuide").toString())
        .contains("线性：≤100万元得0分，≥2000万元得满分20分", "申报数值 1200万元", "按规则计 11.58分");
    List<Task> panelA = panel(evA);
    double[] levels = {0.8, 0.82, 0.85, 0.9, 0.6};
    for (int i = 0; i < panelA.size(); i++) {
      tasks.complete(panelA.get(i).getId(), expertScores(levels[i], i == 0));
      AsyncSteps.settle(engine);
    }
    // Ratio to the best needs the whole round: the score comes when the round compiles its list.
    assertThat(applications.get(appId(a.application())).status()).isEqualTo(ApplicationStatus.EVALUATED);
    assertThat(applications.get(appId(a.application())).finalScore()).isNull();
    assertThat(task(evA, "Task_OnSiteCheck").getAssignee()).isIn(experts.draws(appId(a.application())).get(0).chosen());
    complete(evA, "Task_OnSiteCheck", Map.of("onsiteDate", "2031-04-01", "onsiteConsistent", "consistent", "onsiteFindings", "场地设备与申报一致"));
    assertThat(evA).isEnded().hasPassed("EndEvent_Evaluated");
    scoreAll(evB, 0.75);
    assertThat(evB).isEnded().hasPassed("Gateway_MergeEvaluated").hasNotPassed("Task_OnSiteCheck");

    // Scored by the bureau's table as the round found it when it opened: figures by the rules
    // (A: 4+4+4+5 + 10 (best of the round) + 11.58 + 20 + 20 = 78.58), the experts' marks per
    // indicator by the trimmed mean (4, 4.1, 4.25, 4.5, 3 → 4.12, twice) → 86.82; B: ratio 15/30 of
    // 10 = 5, marks 3.75 twice → 73.58 + 7.5 = 81.08.
    String idA = appId(a.application()), idB = appId(b.application());
    long version = ((Number) runtime.getVariable(round.getId(), "indicatorTableVersion")).longValue();
    assertThat(round).isWaitingAt("Task_CompileProposedList");
    assertThat(applications.get(idA).finalScore()).isEqualByComparingTo("86.82");
    assertThat(applications.get(idB).finalScore()).isEqualByComparingTo("81.08");
    assertThat(applications.get(idA).tableVersion()).isEqualTo(version);
    assertThat(applications.get(idB).tableVersion()).isEqualTo(version);
    assertThat(applications.scoreWorking(idB)).contains("15÷30项（同批最高）×10");
    assertThat(runtime.getVariable(round.getId(), "candidates").toString())
        .containsSubsequence("越城生物中试有限公司", "86.82", "柯桥新材料中试中心", "81.08");

    // Proposed list; the party committee sends it back once, then approves; publicity.
    complete(round, "Task_CompileProposedList", proposed(idA));
    complete(round, "Task_PartyCommitteeReview", Map.of("partyDecision", "sendBack", "partyComments", "请将柯桥新材料中试中心一并列入", "meetingDate", "2031-04-01"));
    assertThat(round).isWaitingAt("Task_CompileProposedList");
    complete(round, "Task_CompileProposedList", proposed(idA, idB));
    complete(round, "Task_PartyCommitteeReview", Map.of("partyDecision", "approve", "meetingDate", "2031-04-01"));
    complete(round, "Task_PublishPublicityNotice", Map.of("objectionContact", "0575-85000000，kjj@sx.gov.cn"));
    assertThat(rounds.find(2031).orElseThrow().status()).isEqualTo(RoundStatus.PUBLICITY);
    // 2031-04-01 is a Tuesday: 5 working days end with Monday 7 April (no calendar data → weekends only).
    Date publicityEnd = (Date) runtime.getVariable(round.getId(), "publicityEndAt");
    assertThat(publicityEnd).isAfter(at("2031-04-05T00:00"));
    // The public page (no login) lists the bases, the period and how to object.
    var page = new cn.shaoxing.pilotbase.support.RestClient(baseUrl()).get("/public/publicity", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("越城生物中试有限公司", "柯桥新材料中试中心", "0575-85000000", "异议");

    // Publicity ends without objections; the bureau publishes with the document number.
    fireTimer(round, new Date(publicityEnd.getTime() + 3_600_000L));
    complete(round, "Task_PublishDesignation", Map.of("documentNumber", "绍市科发〔2031〕8号", "documentDate", today()));
    assertThat(round).isEnded().hasPassed("EndEvent_Published");

    // The register holds both, under the unified name.
    List<DesignatedBase> bases = register.listByYear(2031);
    assertThat(bases).extracting(DesignatedBase::creditCode).containsExactlyInAnyOrder(a.code(), b.code());
    DesignatedBase base = bases.stream().filter(x -> x.creditCode().equals(a.code())).findFirst().orElseThrow();
    assertThat(base.baseName()).isEqualTo("绍兴市科技成果转化中试基地");
    assertThat(base.orgName()).isEqualTo("越城生物中试有限公司");
    assertThat(base.reviewerGroup()).isEqualTo("districtYuecheng");
    assertThat(base.industryChain()).isEqualTo("biomedicine");
    assertThat(base.documentNumber()).isEqualTo("绍市科发〔2031〕8号");
    assertThat(register.history(base.id())).extracting(x -> x.eventType()).containsExactly("DESIGNATED");
    assertThat(rounds.find(2031).orElseThrow().status()).isEqualTo(RoundStatus.PUBLISHED);
    assertThat(outbox(a.account(), "评定结果")).anyMatch(m -> m.contains("绍市科发〔2031〕8号"));
  }

  // ------------------------------------------------------------------ applications and districts

  @Test
  void anOrganisationFilesOnceARound() {
    openRound(2035);
    Filing a = file(2035, 1, "越城生物中试有限公司", "districtYuecheng", "biomedicine");
    assertThatThrownBy(() -> apply(a.account(), application(a.org(), a.code(), "districtYuecheng", "biomedicine")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能重复申报");
  }

  @Test
  void onlyTheApplicationsDistrictHasItsTaskAndOnlyTheBureauSeesTheWholeCase() {
    openRound(2036);
    Filing a = file(2036, 1, "越城生物中试有限公司", "districtYuecheng", "biomedicine");
    Filing b = file(2036, 2, "柯桥新材料中试中心", "districtKeqiao", "newMaterials");
    ProcessInstance pa = a.application();
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_DistrictReview").processInstanceId(pa.getId())
        .taskCandidateGroup("districtYuecheng").count()).isOne();
    // need to know: the district works on its task; whole instances and history are the bureau's
    assertThat(visibleInstances("yuecheng1", "districtYuecheng", pa.getId())).isZero();
    assertThat(visibleInstances(a.account(), "applicant", pa.getId())).isZero();
    assertThat(visibleInstances("bureau1", "bureau", pa.getId())).isEqualTo(2);
    assertThat(visibleInstances("keqiao1", "districtKeqiao", pa.getId())).isZero();
    assertThat(visibleInstances(b.account(), "applicant", pa.getId())).isZero();
    engine.getIdentityService().setAuthentication("keqiao1", List.of("districtKeqiao"));
    try {
      assertThat(tasks.createTaskQuery().processInstanceId(pa.getId()).count()).isZero();
      assertThat(tasks.createTaskQuery().processInstanceId(b.application().getId())
          .taskDefinitionKey("Task_DistrictReview").count()).isOne();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void anIneligibleApplicationShowsItsReasonAndMayBeCorrectedThenWithdrawn() {
    openRound(2037);
    Filing c = file(2037, 1, "上虞初创中试公司", "districtShangyu", "newMaterials",
        Map.of("registrationDate", "2036-12-01"));
    ProcessInstance pc = c.application();
    assertThat(pc).isWaitingAt("Task_ReviewIneligibility");
    assertThat(runtime.getVariable(pc.getId(), "ineligibilityText").toString()).contains("未满一年");
    complete(pc, "Task_ReviewIneligibility", Map.of("ineligibleAction", "correct"));
    Map<String, Object> fixed = application(c.org(), c.code(), "districtShangyu", "newMaterials");
    fixed.put("registrationDate", "2020-01-01");
    complete(pc, "Task_CorrectApplication", fixed);
    assertThat(pc).isWaitingAt("Task_DistrictReview");
    withdrawal.withdraw(appId(pc), c.account(), "本年度暂不参评");
    assertThat(pc).isEnded().hasPassed("EndEvent_Withdrawn");
    assertThat(applications.get(appId(pc)).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
  }

  @Test
  void aDistrictReturnsAnApplicationForCorrectionAndRecommendsItAfterwards() {
    openRound(2038);
    Filing b = file(2038, 1, "柯桥新材料中试中心", "districtKeqiao", "newMaterials");
    ProcessInstance pb = b.application();
    complete(pb, "Task_DistrictReview", Map.of("districtDecision", "return", "districtComments", "请补充服务合同"));
    assertThat(pb).isWaitingAt("Task_CorrectApplication");
    assertThat(applications.get(appId(pb)).status()).isEqualTo(ApplicationStatus.RETURNED);
    Map<String, Object> corrected = application(b.org(), b.code(), "districtKeqiao", "newMaterials");
    corrected.put("correctionNote", "已补充服务合同");
    complete(pb, "Task_CorrectApplication", corrected);
    complete(pb, "Task_DistrictReview", recommend());
    assertThat(pb).isEnded().hasPassed("EndEvent_Recommended");
  }

  @Test
  void aDistrictRejectionEndsTheApplicationAndTellsTheApplicantWhy() {
    ProcessInstance round = openRound(2053);
    Filing d = file(2053, 1, "诸暨装备中试基地", "districtZhuji", "highEndEquipment");
    complete(d.application(), "Task_DistrictReview", Map.of("districtDecision", "reject", "districtComments", "中试服务业绩不足"));
    assertThat(d.application()).isEnded().hasPassed("EndEvent_DistrictRejected");
    assertThat(applications.get(appId(d.application())).status()).isEqualTo(ApplicationStatus.DISTRICT_REJECTED);
    assertThat(outbox(d.account(), "未获推荐")).anyMatch(m -> m.contains("中试服务业绩不足"));
    closeApplications(round, 2053);
    assertThat(round).isEnded().hasPassed("EndEvent_NoCandidates");
  }

  // ------------------------------------------------------------------ formal review and experts

  @Test
  void aFailedFormalReviewEndsTheApplicationAndTellsTheApplicantWhy() {
    ProcessInstance round = openRound(2040);
    Filing e = recommended(2040, 1, "经信中试平台", "unitEconomy", "integratedCircuits");
    closeApplications(round, 2040);
    ProcessInstance ev = evaluationOf(e.application());
    complete(ev, "Task_FormalReview", Map.of("formalDecision", "fail", "formalComments", "缺少审计报告"));
    assertThat(ev).isEnded().hasPassed("EndEvent_FormalFailed");
    assertThat(applications.get(appId(e.application())).status()).isEqualTo(ApplicationStatus.FORMAL_FAILED);
    assertThat(outbox(e.account(), "形式审查未通过")).anyMatch(m -> m.contains("缺少审计报告"));
  }

  @Test
  void theFormalReviewReturnsForCorrectionOnceWithADeadlineInWorkingDays() {
    ProcessInstance round = openRound(2043);
    Filing b = recommended(2043, 1, "柯桥新材料中试中心", "districtKeqiao", "newMaterials");
    closeApplications(round, 2043);
    ProcessInstance ev = evaluationOf(b.application());
    complete(ev, "Task_FormalReview", Map.of("formalDecision", "return", "formalComments", "补充社保证明", "correctionDays", 3L));
    Task correction = task(ev, "Task_FormalCorrection");
    assertThat(correction.getAssignee()).isEqualTo(b.account());
    assertThat(correction.getDueDate()).isAfter(ClockUtil.getCurrentTime());
    complete(ev, "Task_FormalCorrection", Map.of("correctionNote", "已补充", "evidenceRefs", "https://files.example.cn/b/2"));
    assertThatThrownBy(() -> complete(ev, "Task_FormalReview",
        Map.of("formalDecision", "return", "formalComments", "再补", "correctionDays", 3L)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("只能退回补正一次");
    assertThat(ev).isWaitingAt("Task_FormalReview");
    complete(ev, "Task_FormalReview", formalPass());
    assertThat(ev).isWaitingAt("Task_ExpertReview");
  }

  @Test
  void thePanelIsDrawnReproduciblyWithoutConflictedExpertsAndScoresIndependently() {
    ProcessInstance round = openRound(2044);
    experts.declareConflict("expert6", code(44001), "曾任该单位技术顾问");
    Filing a = recommended(2044, 1, "越城生物中试有限公司", "districtYuecheng", "biomedicine");
    closeApplications(round, 2044);
    ProcessInstance ev = evaluationOf(a.application());
    complete(ev, "Task_FormalReview", formalPass());
    List<DrawResult> draws = experts.draws(appId(a.application()));
    assertThat(draws).hasSize(1);
    DrawResult draw = draws.get(0);
    assertThat(draw.chosen()).hasSize(5).doesNotContain("expert6");
    assertThat(draw.excluded()).containsEntry("expert6", "已声明利益冲突");
    assertThat(PanelDraw.choose(draw.eligiblePool(), draw.seed(), 5)).isEqualTo(draw.chosen());
    List<Task> panel = panel(ev);
    assertThat(panel).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(draw.chosen());
    // An adjustment beyond the indicator's points in the bureau's table is refused and changes nothing.
    Map<String, Object> tooHigh = expertScores(0.8, false);
    tooHigh.put("adj_serviceIncome", 25.0);
    tooHigh.put("adjReason_serviceIncome", "x");
    assertThatThrownBy(() -> tasks.complete(panel.get(0).getId(), tooHigh)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("“中试服务收入”得分须在0～20分之间");
    assertThat(tasks.createTaskQuery().taskId(panel.get(0).getId()).count()).isOne();
    // Independent scoring: after one expert submits, the others' tasks do not see the scores.
    tasks.complete(panel.get(0).getId(), expertScores(0.8, false));
    AsyncSteps.settle(engine);
    assertThat(tasks.getVariable(panel.get(1).getId(), "mark_qualifications")).isNull();
  }

  @Test
  void anExpertWhoDeclinesForAConflictIsRecordedAndReplaced() {
    ProcessInstance round = openRound(2046);
    Filing b = recommended(2046, 1, "柯桥新材料中试中心", "districtKeqiao", "newMaterials");
    closeApplications(round, 2046);
    ProcessInstance ev = evaluationOf(b.application());
    complete(ev, "Task_FormalReview", formalPass());
    Task declining = panel(ev).get(0);
    tasks.complete(declining.getId(), Map.of("participation", "declineConflict", "declineReason", "与该单位有合作项目"));
    AsyncSteps.settle(engine);
    assertThat(experts.hasConflict(declining.getAssignee(), b.code())).isTrue();
    assertThat(panel(ev)).hasSize(5).extracting(Task::getAssignee).doesNotContain(declining.getAssignee());
    assertThat(experts.draws(appId(b.application()))).hasSize(2);
    scoreAll(ev, 0.75);
    assertThat(ev).isEnded().hasPassed("EndEvent_Evaluated");
  }

  // ------------------------------------------------------------------ publicity and objections

  @Test
  void objectionsAreVerifiedAndAnUpheldOneTakesTheBaseOffTheList() {
    openRound(2048);
    Filing a = recommended(2048, 1, "越城生物中试有限公司", "districtYuecheng", "biomedicine");
    Filing b = recommended(2048, 2, "柯桥新材料中试中心", "districtKeqiao", "newMaterials");
    Filing d = file(2048, 3, "诸暨装备中试基地", "districtZhuji", "highEndEquipment");
    complete(d.application(), "Task_DistrictReview", Map.of("districtDecision", "reject", "districtComments", "业绩不足"));
    ProcessInstance round = underPublicity(2048, a, b);

    // designation-objection registers the start form and calls the shared objection process.
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance startB = runtime.startProcessInstanceByKey("designation-objection", Map.of(
        "objectionCreditCode", b.code(), "objectorName", "李某", "objectorContact", "13900000000",
        "objectorAnonymous", false, "objectionContent", "服务收入数据与实际不符"));
    ProcessInstance startA = runtime.startProcessInstanceByKey("designation-objection", Map.of(
        "objectionCreditCode", a.code(), "objectorAnonymous", true, "objectionContent", "场地为临时租用"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("designation-objection", Map.of(
        "objectionCreditCode", d.code(), "objectorAnonymous", true, "objectionContent", "x")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("没有统一社会信用代码");
    // the shared process has no start form: it runs only when called by a start process
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("objection", Map.of("context", "designation",
        "objectionCreditCode", a.code(), "objectorAnonymous", true, "objectionContent", "x",
        "objectionRegisteredBy", "someoneElse")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能直接启动");
    engine.getIdentityService().clearAuthentication();
    ProcessInstance objB = sharedObjection(startB);
    ProcessInstance objA = sharedObjection(startA);
    assertThat(runtime.getVariable(objA.getId(), "context")).isEqualTo("designation");
    assertThat(runtime.getVariable(objA.getId(), "anonymousFlag").toString()).contains("匿名");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(startA.getId()).singleResult()
        .getBusinessKey()).isEqualTo(objA.getBusinessKey()).endsWith(a.code() + "-异议");

    // B: the bureau asks B's district, which alone has the task; upheld.
    complete(objB, "Task_VerifyObjection", Map.of("verifyAction", "consult", "consultTarget", "district", "consultQuestion", "请核实服务收入"));
    assertThat(tasks.createTaskQuery().processInstanceId(objB.getId()).taskCandidateGroup("districtKeqiao").count()).isOne();
    engine.getIdentityService().setAuthentication("keqiao1", List.of("districtKeqiao"));
    assertThat(tasks.createTaskQuery().processInstanceId(objB.getId()).count()).isOne();
    engine.getIdentityService().setAuthentication("yuecheng1", List.of("districtYuecheng"));
    assertThat(tasks.createTaskQuery().processInstanceId(objB.getId()).count()).isZero();
    engine.getIdentityService().clearAuthentication();
    complete(objB, "Task_ObjectionConsultation", Map.of("consultOpinion", "经核实，服务收入存在虚报"));
    complete(objB, "Task_VerifyObjection", Map.of("verifyAction", "upheld", "objectionReason", "服务收入虚报属实"));
    assertThat(objB).isEnded();
    assertThat(startB).isEnded().hasPassed("CallActivity_Objection", "EndEvent_ObjectionClosed");
    assertThat(applications.get(appId(b.application())).status()).isEqualTo(ApplicationStatus.OBJECTION_UPHELD);

    // Publicity ends; publication waits for the still-open objection against A.
    Date publicityEnd = (Date) runtime.getVariable(round.getId(), "publicityEndAt");
    fireTimer(round, new Date(publicityEnd.getTime() + 3_600_000L));
    Map<String, Object> publication = Map.of("documentNumber", "绍市科发〔2048〕8号", "documentDate", today());
    assertThatThrownBy(() -> complete(round, "Task_PublishDesignation", publication))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("异议未处理完毕");
    // a designation objection cannot correct a grade
    assertThatThrownBy(() -> complete(objA, "Task_VerifyObjection", Map.of("verifyAction", "dismissed",
        "objectionReason", "租赁合同期限五年，异议不成立", "correctedGrade", "GOOD")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("只有绩效评价结果的异议可以调整档次");
    complete(objA, "Task_VerifyObjection", Map.of("verifyAction", "dismissed", "objectionReason", "租赁合同期限五年，异议不成立"));
    assertThat(startA).isEnded();
    complete(round, "Task_PublishDesignation", publication);

    // The register holds A only; everyone else is told why.
    assertThat(register.listByYear(2048)).extracting(DesignatedBase::creditCode).containsExactly(a.code());
    assertThat(applications.ofRound(2048)).extracting(Application::creditCode, Application::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(a.code(), ApplicationStatus.DESIGNATED),
            org.assertj.core.groups.Tuple.tuple(b.code(), ApplicationStatus.OBJECTION_UPHELD),
            org.assertj.core.groups.Tuple.tuple(d.code(), ApplicationStatus.DISTRICT_REJECTED));
    assertThat(outbox(b.account(), "评选结果通知")).anyMatch(m -> m.contains("异议经核实成立"));
    assertThat(outbox(d.account(), "评选结果通知")).anyMatch(m -> m.contains("业绩不足"));
  }

  List<String> outbox(String user, String subjectPart) {
    return jdbc.queryForList(
        "SELECT body FROM notif_outbox WHERE recipient_kind='USER' AND recipient=? AND subject LIKE ?",
        String.class, user, "%" + subjectPart + "%");
  }

  // ------------------------------------------------------------------ other branches

  @Test
  void secondRoundForTheSameYearIsRefused() {
    ClockUtil.setCurrentTime(at("2032-02-02T09:00"));
    startRound(2032, "2032-03-31", 5);
    assertThatThrownBy(() -> startRound(2032, "2032-04-30", 5))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("每年只能开展一次");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("designation-round")
        .variableValueEquals("roundYear", 2032).count()).isOne();
  }

  @Test
  void ineligibleApplicantAbandonsAndARoundWithoutRecommendationsCloses() {
    ClockUtil.setCurrentTime(at("2033-03-01T09:00"));
    ProcessInstance round = startRound(2033, "2033-03-20", 5);
    Map<String, Object> hosted = application("依托单位中试室", code(33001), "districtXinchang", "biomedicine");
    hosted.put("hostedUnit", true);
    hosted.put("independentAccounts", false);
    ProcessInstance app = apply(
        DesignationTestSupport.account(accounts, "org33a", code(33001), "依托单位中试室", "districtXinchang"), hosted);
    assertThat(app).isWaitingAt("Task_ReviewIneligibility");
    assertThat(runtime.getVariable(app.getId(), "ineligibilityText").toString()).contains("独立核算");

    // The district cannot rank while an application is still before its decision.
    fireTimer(round, at("2033-03-21T09:00"));
    Task ranking = DesignationTestSupport.rankingTasks(tasks, round.getId()).get(0);
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(ranking.getId(),
        DesignationTestSupport.ranking(List.of())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("本地区尚有1份申报未完成审核")
        .hasMessageContaining("依托单位中试室");

    complete(app, "Task_ReviewIneligibility", Map.of("ineligibleAction", "abandon"));
    assertThat(app).isEnded().hasPassed("EndEvent_Abandoned");
    cn.shaoxing.pilotbase.support.DesignationTestSupport.rankAll(engine, round.getId());
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
    assertThat(round).isEnded().hasPassed("EndEvent_NoCandidates");
    assertThat(rounds.find(2033).orElseThrow().status()).isEqualTo(RoundStatus.CLOSED);
    assertThat(register.listByYear(2033)).isEmpty();
  }

  @Test
  void formalCorrectionNotDoneInTimeFailsTheApplication() {
    ClockUtil.setCurrentTime(at("2034-03-01T09:00"));
    ProcessInstance round = startRound(2034, "2034-03-20", 3);
    String account = DesignationTestSupport.account(accounts, "org34a", code(34001), "嵊州中试中心", "districtShengzhou");
    ProcessInstance app = apply(account, application("嵊州中试中心", code(34001), "districtShengzhou", "newMaterials"));
    complete(app, "Task_DistrictReview", recommend());
    fireTimer(round, at("2034-03-21T09:00"));
    cn.shaoxing.pilotbase.support.DesignationTestSupport.rankAll(engine, round.getId());
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
    ProcessInstance ev = evaluationOf(app);
    complete(ev, "Task_FormalReview", Map.of("formalDecision", "return", "formalComments", "补充资质证书", "correctionDays", 2L));
    Task correction = task(ev, "Task_FormalCorrection");
    // 2034-03-21 is a Tuesday: two working days → end of Thursday 23 March.
    assertThat(correction.getDueDate()).isAfter(at("2034-03-23T23:00")).isBefore(at("2034-03-24T00:00"));
    fireTimer(ev, at("2034-03-24T09:00"));
    assertThat(ev).isEnded().hasPassed("EndEvent_CorrectionOverdue");
    assertThat(applications.get(appId(app)).status()).isEqualTo(ApplicationStatus.FORMAL_FAILED);
    assertThat(applications.get(appId(app)).outcomeReason()).contains("2个工作日");
    assertThat(round).isWaitingAt("Task_CompileProposedList");
    assertThat(register.listByYear(2034)).isEmpty();
    BigDecimal none = applications.get(appId(app)).finalScore();
    assertThat(none).isNull();
  }

  /** The shared objection process called by a designation-objection or evaluation-objection instance. */
  private ProcessInstance sharedObjection(ProcessInstance caller) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId()).singleResult();
  }
}
