package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.expertScores;
import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.formalPass;
import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.recommend;
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
 * The annual designation (§四) end to end on PostgreSQL: round, applications from several
 * districts, district review, formal review, expert panel, proposed list, party committee,
 * publicity with objections, publication into the register. Each test uses its own year so the
 * shared database needs no cleaning.
 */
class DesignationRoundProcessTest extends IntegrationTest {

  @Autowired RegisterService register;
  @Autowired ApplicationService applications;
  @Autowired RoundService rounds;
  @Autowired ExpertPoolService experts;
  @Autowired ApplicantAccountService accounts;
  @Autowired JdbcTemplate jdbc;

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
    tasks.complete(t.getId(), vars);
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

  // ------------------------------------------------------------------ the full round

  @Test
  void fullRoundWithApplicantsFromSeveralDistrictsEndsWithExactlyTheDesignatedBases() {
    ClockUtil.setCurrentTime(at("2031-03-03T09:00"));
    ProcessInstance round = startRound(2031, "2031-03-31", 5);
    assertThat(round).isWaitingAt("Timer_ApplicationDeadline");
    assertThat(rounds.find(2031)).get().extracting(Round::status).isEqualTo(RoundStatus.OPEN);

    String cA = code(31001), cB = code(31002), cC = code(31003), cD = code(31004), cE = code(31005);
    experts.declareConflict("expert6", cA, "曾任该单位技术顾问");
    // Each organisation files through its own bound account.
    String accA = DesignationTestSupport.account(accounts, "org31a", cA, "越城生物中试有限公司", "districtYuecheng");
    String accB = DesignationTestSupport.account(accounts, "org31b", cB, "柯桥新材料中试中心", "districtKeqiao");
    String accC = DesignationTestSupport.account(accounts, "org31c", cC, "上虞初创中试公司", "districtShangyu");
    String accD = DesignationTestSupport.account(accounts, "org31d", cD, "诸暨装备中试基地", "districtZhuji");
    String accE = DesignationTestSupport.account(accounts, "org31e", cE, "经信中试平台", "unitEconomy");

    ProcessInstance a = apply(accA, application("越城生物中试有限公司", cA, "districtYuecheng", "biomedicine"));
    ProcessInstance b = apply(accB, application("柯桥新材料中试中心", cB, "districtKeqiao", "newMaterials"));
    Map<String, Object> young = application("上虞初创中试公司", cC, "districtShangyu", "newMaterials");
    young.put("registrationDate", "2030-12-01");
    ProcessInstance c = apply(accC, young);
    ProcessInstance d = apply(accD, application("诸暨装备中试基地", cD, "districtZhuji", "highEndEquipment"));
    ProcessInstance e = apply(accE, application("经信中试平台", cE, "unitEconomy", "integratedCircuits"));

    // A second application of the same organisation in the same year is refused.
    assertThatThrownBy(() -> apply(accA, application("越城生物中试有限公司", cA, "districtYuecheng", "biomedicine")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能重复申报");

    // Only its own district has the application's task (§七).
    assertThat(task(a, "Task_DistrictReview")).isNotNull();
    // need to know: the district works on its task; whole instances and history are the bureau's
    assertThat(visibleInstances("yuecheng1", "districtYuecheng", a.getId())).isZero();
    assertThat(visibleInstances(accA, "applicant", a.getId())).isZero();
    assertThat(visibleInstances("bureau1", "bureau", a.getId())).isEqualTo(2);
    assertThat(visibleInstances("keqiao1", "districtKeqiao", a.getId())).isZero();
    assertThat(visibleInstances(accB, "applicant", a.getId())).isZero();
    engine.getIdentityService().setAuthentication("keqiao1", List.of("districtKeqiao"));
    assertThat(tasks.createTaskQuery().processInstanceId(a.getId()).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(b.getId()).taskDefinitionKey("Task_DistrictReview").count()).isOne();
    engine.getIdentityService().clearAuthentication();
    assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_DistrictReview").processInstanceId(a.getId())
        .taskCandidateGroup("districtYuecheng").count()).isOne();

    // C: operating less than a year → ineligible with the reason, corrected, then withdrawn.
    assertThat(c).isWaitingAt("Task_ReviewIneligibility");
    assertThat(runtime.getVariable(c.getId(), "ineligibilityText").toString()).contains("未满一年");
    complete(c, "Task_ReviewIneligibility", Map.of("ineligibleAction", "correct"));
    Map<String, Object> fixed = application("上虞初创中试公司", cC, "districtShangyu", "newMaterials");
    fixed.put("registrationDate", "2020-01-01");
    complete(c, "Task_CorrectApplication", fixed);
    assertThat(c).isWaitingAt("Task_DistrictReview", "Task_WithdrawApplication");
    complete(c, "Task_WithdrawApplication", Map.of("withdrawConfirm", true, "withdrawReason", "本年度暂不参评"));
    assertThat(c).isEnded().hasPassed("EndEvent_Withdrawn");

    // A: recommended. A district cannot give two applicants the same rank.
    complete(a, "Task_DistrictReview", recommend(1));
    assertThat(a).isEnded().hasPassed("EndEvent_Recommended");

    // B: returned for correction, corrected, recommended.
    complete(b, "Task_DistrictReview", Map.of("districtDecision", "return", "districtComments", "请补充服务合同"));
    assertThat(b).isWaitingAt("Task_CorrectApplication");
    assertThat(applications.get(appId(b)).status()).isEqualTo(ApplicationStatus.RETURNED);
    Map<String, Object> corrected = application("柯桥新材料中试中心", cB, "districtKeqiao", "newMaterials");
    corrected.put("correctionNote", "已补充服务合同");
    corrected.put("serviceProjects", 15L); // half of A's: ratio to the best of the round gives 5 of 10
    complete(b, "Task_CorrectApplication", corrected);
    complete(b, "Task_DistrictReview", recommend(1));
    assertThat(b).isEnded().hasPassed("EndEvent_Recommended");

    // D: rejected by its district, with the reason mailed.
    complete(d, "Task_DistrictReview", Map.of("districtDecision", "reject", "districtComments", "中试服务业绩不足"));
    assertThat(d).isEnded().hasPassed("EndEvent_DistrictRejected");

    // E: recommended by a competent unit (fails formal review later).
    complete(e, "Task_DistrictReview", recommend(1));

    // Deadline passes; the bureau collects the recommendations.
    fireTimer(round, at("2031-04-01T09:00"));
    assertThat(round).isWaitingAt("Task_ConfirmRecommendations");
    assertThat(runtime.getVariable(round.getId(), "recommendationSummary").toString()).contains("已推荐");
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
    assertThat(round).isWaitingAt("CallActivity_Evaluate");

    ProcessInstance evA = evaluationOf(a), evB = evaluationOf(b), evE = evaluationOf(e);
    assertThat(List.of(evA, evB, evE)).doesNotContainNull();

    // E: formal review fails.
    complete(evE, "Task_FormalReview", Map.of("formalDecision", "fail", "formalComments", "缺少审计报告"));
    assertThat(evE).isEnded().hasPassed("EndEvent_FormalFailed");

    // B: returned once with a deadline in working days, corrected; a second return is refused.
    complete(evB, "Task_FormalReview", Map.of("formalDecision", "return", "formalComments", "补充社保证明", "correctionDays", 3L));
    Task correction = task(evB, "Task_FormalCorrection");
    assertThat(correction.getAssignee()).isEqualTo(accB);
    assertThat(correction.getDueDate()).isAfter(ClockUtil.getCurrentTime());
    complete(evB, "Task_FormalCorrection", Map.of("correctionNote", "已补充", "evidenceRefs", "https://files.example.cn/b/2"));
    assertThatThrownBy(() -> complete(evB, "Task_FormalReview",
        Map.of("formalDecision", "return", "formalComments", "再补", "correctionDays", 3L)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("只能退回补正一次");
    assertThat(evB).isWaitingAt("Task_FormalReview");
    complete(evB, "Task_FormalReview", formalPass());

    // A: pass; panel of 5 drawn with a recorded seed, the conflicted expert excluded.
    complete(evA, "Task_FormalReview", formalPass());
    List<DrawResult> drawsA = experts.draws(appId(a));
    assertThat(drawsA).hasSize(1);
    DrawResult drawA = drawsA.get(0);
    assertThat(drawA.chosen()).hasSize(5).doesNotContain("expert6");
    assertThat(drawA.excluded()).containsEntry("expert6", "已声明利益冲突");
    assertThat(PanelDraw.choose(drawA.eligiblePool(), drawA.seed(), 5)).isEqualTo(drawA.chosen());
    List<Task> panelA = tasks.createTaskQuery().processInstanceId(evA.getId()).taskDefinitionKey("Task_ExpertReview").list();
    assertThat(panelA).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(drawA.chosen());

    // The experts see the bureau's rules and the points they give for the filed figures.
    assertThat(runtime.getVariable(evA.getId(), "scoringGuide").toString())
        .contains("线性：≤100万元得0分，≥2000万元得满分20分", "申报数值 1200万元", "按规则计 11.58分");
    // An adjustment beyond the indicator's points in the bureau's table is refused and changes nothing.
    Task first = panelA.get(0);
    Map<String, Object> tooHigh = expertScores(0.8, true);
    tooHigh.put("adj_serviceIncome", 25.0);
    tooHigh.put("adjReason_serviceIncome", "x");
    assertThatThrownBy(() -> tasks.complete(first.getId(), tooHigh)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("“中试服务收入”得分须在0～20分之间");
    assertThat(tasks.createTaskQuery().taskId(first.getId()).count()).isOne();

    // Independent scoring: after one expert submits, the others' tasks do not see the scores.
    double[] levels = {0.8, 0.82, 0.85, 0.9, 0.6};
    for (int i = 0; i < panelA.size(); i++) {
      tasks.complete(panelA.get(i).getId(), expertScores(levels[i], i == 0));
      if (i == 0) {
        assertThat(tasks.getVariable(panelA.get(1).getId(), "mark_qualifications")).isNull();
      }
    }
    // Ratio to the best needs the whole round: the score comes when the round compiles its list.
    assertThat(applications.get(appId(a)).status()).isEqualTo(ApplicationStatus.EVALUATED);
    assertThat(applications.get(appId(a)).finalScore()).isNull();
    assertThat(evA).isWaitingAt("Task_OnSiteCheck");
    assertThat(task(evA, "Task_OnSiteCheck").getAssignee()).isIn(drawA.chosen());
    complete(evA, "Task_OnSiteCheck", Map.of("onsiteDate", "2031-04-01", "onsiteConsistent", "consistent", "onsiteFindings", "场地设备与申报一致"));
    assertThat(evA).isEnded().hasPassed("EndEvent_Evaluated");

    // B: one expert declines for a conflict → recorded, replaced by the remaining expert.
    List<Task> panelB = tasks.createTaskQuery().processInstanceId(evB.getId()).taskDefinitionKey("Task_ExpertReview").list();
    assertThat(panelB).hasSize(5);
    Task declining = panelB.get(0);
    tasks.complete(declining.getId(), Map.of("participation", "declineConflict", "declineReason", "与该单位有合作项目"));
    assertThat(experts.hasConflict(declining.getAssignee(), cB)).isTrue();
    List<Task> nowB = tasks.createTaskQuery().processInstanceId(evB.getId()).taskDefinitionKey("Task_ExpertReview").list();
    assertThat(nowB).hasSize(5).extracting(Task::getAssignee).doesNotContain(declining.getAssignee());
    assertThat(experts.draws(appId(b))).hasSize(2);
    for (Task t : nowB) {
      tasks.complete(t.getId(), expertScores(0.75, false));
    }
    assertThat(evB).isEnded().hasPassed("Gateway_MergeEvaluated").hasNotPassed("Task_OnSiteCheck");

    // Scored by the bureau's table as the round found it when it opened: figures by the rules
    // (A: 4+4+4+5 + 10 (best of the round) + 11.58 + 20 + 20 = 78.58), the experts' marks per
    // indicator by the trimmed mean (4, 4.1, 4.25, 4.5, 3 → 4.12, twice) → 86.82; B: ratio 15/30 of
    // 10 = 5, marks 3.75 twice → 73.58 + 7.5 = 81.08.
    long version = ((Number) runtime.getVariable(round.getId(), "indicatorTableVersion")).longValue();
    assertThat(applications.get(appId(a)).finalScore()).isEqualByComparingTo("86.82");
    assertThat(applications.get(appId(b)).finalScore()).isEqualByComparingTo("81.08");
    assertThat(applications.get(appId(a)).tableVersion()).isEqualTo(version);
    assertThat(applications.get(appId(b)).tableVersion()).isEqualTo(version);
    assertThat(applications.scoreWorking(appId(b))).contains("15÷30项（同批最高）×10");

    // Proposed list; the party committee sends it back once, then approves.
    assertThat(round).isWaitingAt("Task_CompileProposedList");
    String idA = appId(a), idB = appId(b);
    assertThat(runtime.getVariable(round.getId(), "candidateSummary").toString())
        .containsSubsequence("越城生物中试有限公司", "86.82", "柯桥新材料中试中心", "81.08")
        .contains("评分指标表第" + version + "版");
    complete(round, "Task_CompileProposedList", Map.of("proposedApplications", SpinValues.jsonValue("[\"" + idA + "\"]").create()));
    complete(round, "Task_PartyCommitteeReview", Map.of("partyDecision", "sendBack", "partyComments", "请将柯桥新材料中试中心一并列入", "meetingDate", "2031-04-01"));
    assertThat(round).isWaitingAt("Task_CompileProposedList");
    complete(round, "Task_CompileProposedList", Map.of("proposedApplications", SpinValues.jsonValue("[\"" + idA + "\",\"" + idB + "\"]").create()));
    complete(round, "Task_PartyCommitteeReview", Map.of("partyDecision", "approve", "meetingDate", "2031-04-01"));
    complete(round, "Task_PublishPublicityNotice", Map.of("objectionContact", "0575-85000000，kjj@sx.gov.cn"));
    assertThat(round).isWaitingAt("Timer_PublicityEnd");
    Round inPublicity = rounds.find(2031).orElseThrow();
    assertThat(inPublicity.status()).isEqualTo(RoundStatus.PUBLICITY);
    // 2031-04-01 is a Tuesday: 5 working days end with Monday 7 April (no calendar data → weekends only).
    Date publicityEnd = (Date) runtime.getVariable(round.getId(), "publicityEndAt");
    assertThat(publicityEnd).isAfter(at("2031-04-05T00:00"));

    // The public page (no login) lists both bases, the period and how to object.
    var page = new cn.shaoxing.pilotbase.support.RestClient(baseUrl()).get("/public/publicity", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("越城生物中试有限公司", "柯桥新材料中试中心", "0575-85000000", "异议")
        .doesNotContain("诸暨装备中试基地");

    // Objections: against B (named, upheld after asking its district) and against A (anonymous, dismissed).
    // designation-objection registers the start form and calls the shared objection process.
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance startB = runtime.startProcessInstanceByKey("designation-objection", Map.of(
        "objectionCreditCode", cB, "objectorName", "李某", "objectorContact", "13900000000",
        "objectorAnonymous", false, "objectionContent", "服务收入数据与实际不符"));
    ProcessInstance startA = runtime.startProcessInstanceByKey("designation-objection", Map.of(
        "objectionCreditCode", cA, "objectorAnonymous", true, "objectionContent", "场地为临时租用"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("designation-objection", Map.of(
        "objectionCreditCode", cD, "objectorAnonymous", true, "objectionContent", "x")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("没有统一社会信用代码");
    // the shared process has no start form: it runs only when called by a start process
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("objection", Map.of("context", "designation",
        "objectionCreditCode", cA, "objectorAnonymous", true, "objectionContent", "x",
        "objectionRegisteredBy", "someoneElse")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能直接启动");
    engine.getIdentityService().clearAuthentication();
    ProcessInstance objB = sharedObjection(startB);
    ProcessInstance objA = sharedObjection(startA);
    assertThat(runtime.getVariable(objA.getId(), "context")).isEqualTo("designation");
    assertThat(runtime.getVariable(objA.getId(), "anonymousFlag").toString()).contains("匿名");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(startA.getId()).singleResult()
        .getBusinessKey()).isEqualTo(objA.getBusinessKey()).endsWith(cA + "-异议");

    complete(objB, "Task_VerifyObjection", Map.of("verifyAction", "consult", "consultTarget", "district", "consultQuestion", "请核实服务收入"));
    assertThat(tasks.createTaskQuery().processInstanceId(objB.getId()).taskCandidateGroup("districtKeqiao").count()).isOne();
    // The consulted district works on the consultation task; another district has no task.
    engine.getIdentityService().setAuthentication("keqiao1", List.of("districtKeqiao"));
    assertThat(tasks.createTaskQuery().processInstanceId(objB.getId()).count()).isOne();
    engine.getIdentityService().setAuthentication("yuecheng1", List.of("districtYuecheng"));
    assertThat(tasks.createTaskQuery().processInstanceId(objB.getId()).count()).isZero();
    engine.getIdentityService().clearAuthentication();
    complete(objB, "Task_ObjectionConsultation", Map.of("consultOpinion", "经核实，服务收入存在虚报"));
    complete(objB, "Task_VerifyObjection", Map.of("verifyAction", "upheld", "objectionReason", "服务收入虚报属实"));
    assertThat(objB).isEnded();
    assertThat(startB).isEnded().hasPassed("CallActivity_Objection", "EndEvent_ObjectionClosed");
    assertThat(applications.get(idB).status()).isEqualTo(ApplicationStatus.OBJECTION_UPHELD);

    // Publicity ends; publication waits for the still-open objection against A.
    fireTimer(round, new Date(publicityEnd.getTime() + 3_600_000L));
    assertThat(round).isWaitingAt("Task_PublishDesignation");
    String today = ClockUtil.getCurrentTime().toInstant().atZone(DesignationTestSupport.ZONE).toLocalDate().toString();
    Map<String, Object> publication = Map.of("documentNumber", "绍市科发〔2031〕8号", "documentDate", today);
    assertThatThrownBy(() -> complete(round, "Task_PublishDesignation", publication))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("异议未处理完毕");
    // a designation objection cannot correct a grade
    assertThatThrownBy(() -> complete(objA, "Task_VerifyObjection", Map.of("verifyAction", "dismissed",
        "objectionReason", "租赁合同期限五年，异议不成立", "correctedGrade", "GOOD")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("只有绩效评价结果的异议可以调整档次");
    complete(objA, "Task_VerifyObjection", Map.of("verifyAction", "dismissed", "objectionReason", "租赁合同期限五年，异议不成立"));
    assertThat(startA).isEnded();
    complete(round, "Task_PublishDesignation", publication);
    assertThat(round).isEnded().hasPassed("EndEvent_Published");

    // The register holds exactly A, under the unified name.
    List<DesignatedBase> bases = register.listByYear(2031);
    assertThat(bases).hasSize(1);
    DesignatedBase base = bases.get(0);
    assertThat(base.baseName()).isEqualTo("绍兴市科技成果转化中试基地");
    assertThat(base.creditCode()).isEqualTo(cA);
    assertThat(base.orgName()).isEqualTo("越城生物中试有限公司");
    assertThat(base.reviewerGroup()).isEqualTo("districtYuecheng");
    assertThat(base.industryChain()).isEqualTo("biomedicine");
    assertThat(base.documentNumber()).isEqualTo("绍市科发〔2031〕8号");
    assertThat(register.history(base.id())).extracting(x -> x.eventType()).containsExactly("DESIGNATED");

    assertThat(applications.ofRound(2031)).extracting(Application::creditCode, Application::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(cA, ApplicationStatus.DESIGNATED),
            org.assertj.core.groups.Tuple.tuple(cB, ApplicationStatus.OBJECTION_UPHELD),
            org.assertj.core.groups.Tuple.tuple(cC, ApplicationStatus.WITHDRAWN),
            org.assertj.core.groups.Tuple.tuple(cD, ApplicationStatus.DISTRICT_REJECTED),
            org.assertj.core.groups.Tuple.tuple(cE, ApplicationStatus.FORMAL_FAILED));
    assertThat(rounds.find(2031).orElseThrow().status()).isEqualTo(RoundStatus.PUBLISHED);

    // Outcome mails: the designated base, the others with their reasons.
    assertThat(outbox(accA, "评定结果")).anyMatch(m -> m.contains("绍市科发〔2031〕8号"));
    assertThat(outbox(accB, "评选结果通知")).anyMatch(m -> m.contains("异议经核实成立"));
    assertThat(outbox(accD, "未获推荐")).anyMatch(m -> m.contains("中试服务业绩不足"));
    assertThat(outbox(accE, "形式审查未通过")).anyMatch(m -> m.contains("缺少审计报告"));
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

    // The bureau cannot collect while an application is still before the district decision.
    fireTimer(round, at("2033-03-21T09:00"));
    assertThatThrownBy(() -> complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("未完成区县");

    complete(app, "Task_ReviewIneligibility", Map.of("ineligibleAction", "abandon"));
    assertThat(app).isEnded().hasPassed("EndEvent_Abandoned");
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
    complete(app, "Task_DistrictReview", recommend(1));
    fireTimer(round, at("2034-03-21T09:00"));
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
