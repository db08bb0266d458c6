package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.at;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.code;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.confirm;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.fireTimer;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.selfEvaluation;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import org.camunda.bpm.engine.ProcessEngineException;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.BaseEvent;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.revocation.RevocationService;
import cn.shaoxing.pilotbase.scoring.Grade;
import cn.shaoxing.pilotbase.scoring.GradingProposal;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The biennial evaluation (§五.（三）, annex §二) on PostgreSQL: two consecutive cycles over a
 * register of 12 bases end to end, then one named test per branch (need to know, reminder and
 * extension, district return, third party and on-site check, tie decision and party send-back,
 * objections, empty cohort). Each test sets the rest of the register aside.
 */
class EvaluationCycleProcessTest extends IntegrationTest {

  @Autowired RegisterService register;
  @Autowired EvaluationService evaluations;
  @Autowired BaseAccounts baseAccounts;
  @Autowired RevocationService revocations;
  @Autowired ExpertPoolService experts;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;
  @Autowired cn.shaoxing.pilotbase.calendar.WorkingDays workingDays;

  static final String[] GROUPS = {"districtYuecheng", "districtKeqiao", "districtShangyu",
      "districtZhuji", "districtShengzhou", "districtXinchang", "districtBinhai", "unitEducation"};

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance startCycle(String name, int year, String mode, long panel) {
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      ProcessInstance cycle = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle",
          Map.of("cycleName", name, "cycleYear", (long) year, "scoringMode", mode, "panelSize", panel,
              "selfEvaluationDays", 20L));
      AsyncSteps.settle(engine);
      return cycle;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  String cycleId(ProcessInstance pi) {
    return (String) engine.getRuntimeService().getVariable(pi.getId(), "cycleId");
  }

  void complete(String processInstanceId, String key, Map<String, Object> vars) {
    Task t = EvaluationFixtures.task(engine, processInstanceId, key);
    assertThat(t).as("task %s", key).isNotNull();
    cn.shaoxing.pilotbase.support.EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  /** Self-evaluation, district confirmation and the panel's scoring of one base. */
  void walkBase(String cycleId, DesignatedBase b, int k, boolean firstExpertDeclines) {
    ProcessInstance pi = EvaluationFixtures.baseInstance(engine, cycleId, b.id());
    assertThat(pi).isWaitingAt("Task_SelfEvaluation");
    complete(pi.getId(), "Task_SelfEvaluation", selfEvaluation(k));
    assertThat(pi).isWaitingAt("Task_DistrictAudit");
    Task audit = EvaluationFixtures.task(engine, pi.getId(), "Task_DistrictAudit");
    assertThat(engine.getTaskService().getIdentityLinksForTask(audit.getId()))
        .anyMatch(l -> b.reviewerGroup().equals(l.getGroupId()));
    complete(pi.getId(), "Task_DistrictAudit", confirm());
    scoreByPanel(pi, k == 0 ? 1.0 : 5.0, firstExpertDeclines);
    assertThat(pi).isEnded();
  }

  void scoreByPanel(ProcessInstance pi, double qualitative, boolean firstDeclines) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ExpertScoring").list();
    assertThat(tasks).hasSize(3);
    if (firstDeclines) {
      Task t = tasks.get(0);
      // submitted as Tasklist does (form submission): the reason is sealed, not a variable
      engine.getFormService().submitTaskForm(t.getId(), Map.of("participation", "declineConflict",
          "declineReason", "曾为该单位提供咨询服务"));
      AsyncSteps.settle(engine);
      Task replacement = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey("Task_ExpertScoring").list().stream()
          .filter(x -> tasks.stream().noneMatch(o -> o.getId().equals(x.getId())))
          .findFirst().orElseThrow();
      assertThat(replacement.getAssignee()).isNotEqualTo(t.getAssignee());
    }
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ExpertScoring").list()) {
      engine.getFormService().submitTaskForm(t.getId(), sheet(qualitative, false));
      AsyncSteps.settle(engine);
    }
    // blind review: the experts' marks and opinions are sealed, never process variables or history
    for (String name : List.of("scorerOpinion", "declineReason", "mark_qualifications", "reason_socialBenefit")) {
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName(name).list()).as(name).allMatch(v -> v.getValue() == null);
    }
  }

  void absent(String cycleId, DesignatedBase b, boolean excused) {
    ProcessInstance pi = EvaluationFixtures.baseInstance(engine, cycleId, b.id());
    Date due = (Date) engine.getRuntimeService().getVariable(pi.getId(), "selfEvaluationDue");
    fireTimer(engine, pi.getId(), "BoundaryEvent_Deadline", new Date(due.getTime() + 60_000));
    assertThat(pi).isWaitingAt("Task_DecideExtension");
    Map<String, Object> v = new HashMap<>();
    v.put("extensionDecision", "absent");
    v.put("absenceExcused", excused);
    v.put("absenceReason", excused ? "基地所在园区停电检修，经核实属实" : "未说明理由");
    complete(pi.getId(), "Task_DecideExtension", v);
    assertThat(pi).isEnded().hasPassed("Task_RecordAbsent");
  }

  String today() {
    return cn.shaoxing.pilotbase.platform.AppClock.today().toString();
  }

  void approveAndPublish(ProcessInstance cycle, String doc) {
    complete(cycle.getId(), "Task_ReviewGrades", Map.of("gradesConfirmed", true));
    assertThat(cycle).isWaitingAt("Task_PartyApproval");
    complete(cycle.getId(), "Task_PartyApproval", Map.of("partyDecision", "approve",
        "meetingDate", today()));
    assertThat(cycle).isWaitingAt("Timer_PublicityEnd");
    Date end = (Date) engine.getRuntimeService().getVariable(cycle.getId(), "publicityEndAt");
    fireTimer(engine, cycle.getId(), "Timer_PublicityEnd", end);
    complete(cycle.getId(), "Task_PublishResults", Map.of("documentNumber", doc,
        "documentDate", today()));
  }

  ProcessInstance revocationOf(DesignatedBase b) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("revocation")
        .variableValueEquals("baseId", b.id()).singleResult();
  }

  void revokeThroughParty(ProcessInstance rev, String doc) {
    complete(rev.getId(), "Task_StateCase", Map.of("statementKind", "contest",
        "statement", "因特殊原因未能参加，请求从轻处理"));
    complete(rev.getId(), "Task_ProposeRevocation", Map.of("proposal", "revoke",
        "proposalReason", "事实清楚，依据附件第三条第（三）项"));
    complete(rev.getId(), "Task_PartyDecision", Map.of("partyDecision", "revoke",
        "meetingDate", today(), "partyComments", "同意撤销"));
    complete(rev.getId(), "Task_PublishRevocation", Map.of("documentNumber", doc,
        "documentDate", today()));
    assertThat(rev).isEnded().hasPassed("Task_RecordRevocation");
  }

  // ------------------------------------------------------------------ two cycles, 12 bases

  @Test
  void twoConsecutiveCyclesHoldQuotaAndRevokeFailingTwiceAndAbsentBases() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:00"));
    List<DesignatedBase> bases = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      String user = i <= 3 ? "applicant" + i : "base" + i;
      bases.add(EvaluationFixtures.base(register, baseAccounts, String.format("测试中试基地%02d有限公司", i),
          code(1000 + i), GROUPS[i % GROUPS.length], LocalDate.of(2024, 3, 1), user));
    }
    // a base designated less than a year ago is not evaluated
    DesignatedBase recent = EvaluationFixtures.base(register, baseAccounts, "新近评定基地有限公司",
        code(1099), "districtKeqiao", LocalDate.of(2025, 12, 1), "base99");

    ProcessInstance cycle1 = startCycle("2026年度绩效评价", 2026, "experts", 3L);
    String c1 = cycleId(cycle1);
    assertThat(cycle1).isWaitingAt("CallActivity_EvaluateBase");
    assertThat(evaluations.cohortIds(c1)).hasSize(12).doesNotContain(recent.id());

    for (int i = 0; i < 10; i++) {
      walkBase(c1, bases.get(i), i + 1, i == 0);
    }
    walkBase(c1, bases.get(10), 0, false);   // weak base: 不合格
    absent(c1, bases.get(11), false);          // no submission, no accepted reason

    assertThat(cycle1).isWaitingAt("Task_ReviewGrades").hasPassed("Task_FormGrades")
        .hasNotPassed("Task_DecideTie");
    GradingProposal p1 = evaluations.proposal(c1);
    assertThat(p1.evaluatedCount()).isEqualTo(11);
    assertThat(p1.excellentQuota()).isEqualTo(3);            // round(30% × 11) = 3
    assertThat(p1.count(Grade.EXCELLENT)).isEqualTo(3);
    assertThat(p1.bases().stream().filter(b -> b.gradeByScore() == Grade.EXCELLENT).count())
        .isGreaterThan(3);                                     // the quota really cut
    assertThat(p1.base(bases.get(0).id()).grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(p1.base(bases.get(3).id()).gradeByScore()).isEqualTo(Grade.EXCELLENT);
    assertThat(p1.base(bases.get(3).id()).grade()).isEqualTo(Grade.GOOD);
    assertThat(p1.base(bases.get(3).id()).note()).contains("超出优秀名额");
    assertThat(p1.base(bases.get(9).id()).grade()).isEqualTo(Grade.PASS);
    assertThat(p1.base(bases.get(10).id()).grade()).isEqualTo(Grade.FAIL);
    assertThat(p1.base(bases.get(11).id()).grade()).isEqualTo(Grade.ABSENT);
    assertThat(evaluations.participation(c1, bases.get(0).id()).working()).contains("中试服务收入");
    // the declining expert was replaced, with the conflict recorded
    assertThat(experts.draws(evaluations.participation(c1, bases.get(0).id()).id())).hasSize(2);

    approveAndPublish(cycle1, "绍市科发〔2026〕30号");
    assertThat(cycle1).isEnded().hasPassed("Task_StartRevocation");
    assertThat(register.history(bases.get(0).id())).extracting(BaseEvent::note)
        .anyMatch(n -> n.startsWith("2026年度绩效评价：优秀"));
    assertThat(revocationOf(bases.get(10))).as("first 不合格 is no cause").isNull();
    ProcessInstance rev12 = revocationOf(bases.get(11));
    assertThat(rev12).isNotNull().isWaitingAt("Task_StateCase");
    assertThat(engine.getRuntimeService().getVariable(rev12.getId(), "cause")).isEqualTo("absent");
    revokeThroughParty(rev12, "绍市科发〔2026〕41号");
    DesignatedBase revoked12 = register.findById(bases.get(11).id()).orElseThrow();
    assertThat(revoked12.status()).isEqualTo(BaseStatus.REVOKED);
    assertThat(revoked12.revocationReason()).contains("无故不参加");

    // ---- second cycle two years later, started by the timer
    ClockUtil.setCurrentTime(at("2028-03-06T09:00"));
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("evaluation-schedule")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    assertThat(timer.getDuedate()).isBeforeOrEqualTo(at("2028-03-06T09:00"));
    engine.getManagementService().executeJob(timer.getId());
    AsyncSteps.settle(engine);
    ProcessInstance cycle2 = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("evaluation-cycle").processInstanceBusinessKey("2028年度绩效评价").singleResult();
    assertThat(cycle2).isNotNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("evaluation-schedule").count()).isEqualTo(1);
    String c2 = cycleId(cycle2);
    assertThat(evaluations.cohortIds(c2)).hasSize(12)   // 11 old bases + the recent one, not the revoked
        .doesNotContain(bases.get(11).id()).contains(recent.id());
    for (int i = 0; i < 10; i++) {
      walkBase(c2, bases.get(i), 10 - i, false);
    }
    walkBase(c2, bases.get(10), 0, false);
    walkBase(c2, recent, 5, false);
    assertThat(cycle2).isWaitingAt("Task_ReviewGrades");
    GradingProposal p2 = evaluations.proposal(c2);
    assertThat(p2.evaluatedCount()).isEqualTo(12);
    assertThat(p2.excellentQuota()).isEqualTo(4);            // round(30% × 12) = 3.6 → 4
    assertThat(p2.count(Grade.EXCELLENT)).isEqualTo(4);
    assertThat(p2.base(bases.get(10).id()).grade()).isEqualTo(Grade.FAIL);
    approveAndPublish(cycle2, "绍市科发〔2028〕12号");
    ProcessInstance rev11 = revocationOf(bases.get(10));
    assertThat(rev11).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(rev11.getId(), "cause")).isEqualTo("failedTwice");
    assertThat((String) engine.getRuntimeService().getVariable(rev11.getId(), "causeDetails"))
        .contains("2026年度绩效评价").contains("2028年度绩效评价");
    revokeThroughParty(rev11, "绍市科发〔2028〕20号");
    DesignatedBase revoked11 = register.findById(bases.get(10).id()).orElseThrow();
    assertThat(revoked11.status()).isEqualTo(BaseStatus.REVOKED);
    assertThat(revoked11.revocationReason()).contains("连续两次");
    assertThat(register.history(revoked11.id())).extracting(BaseEvent::eventType)
        .containsSubsequence("DESIGNATED", "EVALUATED", "EVALUATED", "REVOKED");
    // revoked for two 不合格: may apply again, nothing flagged to district reviewers
    assertThat(register.findActiveByCreditCode(revoked11.creditCode())).isEmpty();
    assertThat(revocations.integrityWarning(revoked11.creditCode())).isEmpty();
  }

  // ------------------------------------------------------------------ branches

  /** A base of a branch test: designated early 2024, with its own account and credit code. */
  DesignatedBase base(String org, long code, String group, String user) {
    return EvaluationFixtures.base(register, baseAccounts, org, code(code), group,
        LocalDate.of(2024, 1, 10), user);
  }

  ProcessInstance instanceOf(ProcessInstance cycle, DesignatedBase b) {
    return EvaluationFixtures.baseInstance(engine, cycleId(cycle), b.id());
  }

  /** Self-evaluation k, confirmed by the district, scored by the third party. */
  void scoredByThirdParty(ProcessInstance pi, int k) {
    complete(pi.getId(), "Task_SelfEvaluation", selfEvaluation(k));
    complete(pi.getId(), "Task_DistrictAudit", confirm());
    complete(pi.getId(), "Task_ThirdPartyScoring", sheet(5.0, false));
    assertThat(pi).isEnded().hasNotPassed("Task_OnSiteCheck");
  }

  /**
   * Two bases with the same figures, scored by the third party: a tie at the cut-off (2 evaluated,
   * 1 优秀 seat); the bureau gives the seat to {@code chosen}, the party committee approves.
   */
  ProcessInstance tiedCycleInPublicity(String name, DesignatedBase b, DesignatedBase c, DesignatedBase chosen) {
    ProcessInstance cycle = startCycle(name, 2026, "thirdParty", 3L);
    scoredByThirdParty(instanceOf(cycle, b), 2);
    scoredByThirdParty(instanceOf(cycle, c), 2);
    assertThat(cycle).isWaitingAt("Task_DecideTie");
    complete(cycle.getId(), "Task_DecideTie", Map.of("tieExcellent", List.of(chosen.id()),
        "tieReason", "服务本市主导产业企业更多"));
    complete(cycle.getId(), "Task_ReviewGrades", Map.of("gradesConfirmed", true));
    complete(cycle.getId(), "Task_PartyApproval", Map.of("partyDecision", "approve", "meetingDate", today()));
    assertThat(cycle).isWaitingAt("Timer_PublicityEnd");
    return cycle;
  }

  @Test
  void aBaseWorksOnItsOwnTaskAndOnlyTheBureauSeesWholeCases() {
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    DesignatedBase a = base("甲中试基地有限公司", 2001, "districtYuecheng", "applicant1");
    DesignatedBase b = base("乙中试基地有限公司", 2002, "districtKeqiao", "applicant2");
    ProcessInstance cycle = startCycle("2026年度绩效评价（知悉范围）", 2026, "thirdParty", 3L);
    ProcessInstance pa = instanceOf(cycle, a), pb = instanceOf(cycle, b);
    assertThat(hasTask("applicant1", "applicant", pa.getId())).isTrue();
    assertThat(hasTask("applicant1", "applicant", pb.getId())).isFalse();
    assertThat(visible("applicant1", "applicant", pa.getId())).isFalse();
    assertThat(visible("keqiao1", "districtKeqiao", pb.getId())).isFalse();
    assertThat(visible("expert1", "expert", pa.getId())).isFalse();
    assertThat(visible("bureau1", "bureau", pa.getId())).isTrue();
  }

  @Test
  void aLateBaseIsRemindedMayHaveOneExtensionAndAnExcusedAbsenceIsNoCauseForRevocation() {
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    DesignatedBase a = base("甲中试基地有限公司", 2101, "districtYuecheng", "applicant1");
    ProcessInstance cycle = startCycle("2026年度绩效评价（逾期）", 2026, "thirdParty", 3L);
    ProcessInstance pa = instanceOf(cycle, a);
    Date due = (Date) engine.getRuntimeService().getVariable(pa.getId(), "selfEvaluationDue");
    Date reminderAt = (Date) engine.getRuntimeService().getVariable(pa.getId(), "selfEvaluationReminderAt");
    fireTimer(engine, pa.getId(), "BoundaryEvent_Reminder", reminderAt);
    assertThat(pa).hasPassed("Task_SendReminder").isWaitingAt("Task_SelfEvaluation");
    fireTimer(engine, pa.getId(), "BoundaryEvent_Deadline", due);
    complete(pa.getId(), "Task_DecideExtension", Map.of("extensionDecision", "extend", "extensionDays", 5L));
    assertThat(pa).hasPassed("Task_GrantExtension").isWaitingAt("Task_SelfEvaluation");
    Date due2 = (Date) engine.getRuntimeService().getVariable(pa.getId(), "selfEvaluationDue");
    assertThat(due2).isAfter(due);
    fireTimer(engine, pa.getId(), "BoundaryEvent_Deadline", due2);
    Task decide = EvaluationFixtures.task(engine, pa.getId(), "Task_DecideExtension");
    assertThatThrownBy(() -> engine.getTaskService().complete(decide.getId(),
        Map.of("extensionDecision", "extend", "extensionDays", 5L)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("已延期过一次");
    assertThat(pa).isWaitingAt("Task_DecideExtension");
    engine.getTaskService().complete(decide.getId(), Map.of("extensionDecision", "absent",
        "absenceExcused", true, "absenceReason", "园区停电检修，经核实属实"));
    AsyncSteps.settle(engine);
    assertThat(pa).isEnded().hasPassed("Task_RecordAbsent");
    approveAndPublish(cycle, "绍市科发〔2026〕51号");
    assertThat(cycle).isEnded().hasNotPassed("Task_StartRevocation");
    assertThat(revocationOf(a)).as("absence with accepted reason").isNull();
  }

  @Test
  void anInvalidSelfEvaluationIsRefusedAndTheDistrictMayReturnOne() {
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    DesignatedBase b = base("乙中试基地有限公司", 2201, "districtKeqiao", "applicant2");
    ProcessInstance pb = instanceOf(startCycle("2026年度绩效评价（退回）", 2026, "thirdParty", 3L), b);
    Task self = EvaluationFixtures.task(engine, pb.getId(), "Task_SelfEvaluation");
    Map<String, Object> bad = selfEvaluation(2);
    bad.put("fig_graduateStaff", 12.5);
    bad.put("declarationTruthful", false);
    assertThatThrownBy(() -> engine.getTaskService().complete(self.getId(), bad))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("整数");
    complete(pb.getId(), "Task_SelfEvaluation", selfEvaluation(2));
    Task audit = EvaluationFixtures.task(engine, pb.getId(), "Task_DistrictAudit");
    assertThat(engine.getTaskService().getIdentityLinksForTask(audit.getId()))
        .anyMatch(l -> "districtKeqiao".equals(l.getGroupId()));
    complete(pb.getId(), "Task_DistrictAudit", Map.of("auditDecision", "return",
        "auditOpinion", "服务收入佐证材料缺银行回单"));
    assertThat(pb).hasPassed("Task_RecordAuditReturn").isWaitingAt("Task_SelfEvaluation");
    assertThat(engine.getRuntimeService().getVariable(pb.getId(), "returnComments"))
        .isEqualTo("服务收入佐证材料缺银行回单");
    complete(pb.getId(), "Task_SelfEvaluation", selfEvaluation(2));
    complete(pb.getId(), "Task_DistrictAudit", confirm());
    assertThat(pb).isWaitingAt("Task_ThirdPartyScoring");
  }

  @Test
  void theThirdPartyGivesReasonsForBonusPointsAndMayAskForAnOnSiteCheck() {
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    DesignatedBase b = base("乙中试基地有限公司", 2301, "districtKeqiao", "applicant2");
    ProcessInstance pb = instanceOf(startCycle("2026年度绩效评价（第三方）", 2026, "thirdParty", 3L), b);
    complete(pb.getId(), "Task_SelfEvaluation", selfEvaluation(2));
    complete(pb.getId(), "Task_DistrictAudit", confirm());
    Task tp = EvaluationFixtures.task(engine, pb.getId(), "Task_ThirdPartyScoring");
    assertThat(engine.getTaskService().getIdentityLinksForTask(tp.getId()))
        .anyMatch(l -> "thirdParty".equals(l.getGroupId()));
    Map<String, Object> badSheet = sheet(5.0, true);
    badSheet.put("mark_socialBenefit", 3.0);   // bonus without reason
    assertThatThrownBy(() -> engine.getTaskService().complete(tp.getId(), badSheet))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("加分须说明理由");
    engine.getTaskService().complete(tp.getId(), sheet(5.0, true));
    AsyncSteps.settle(engine);
    assertThat(pb).isWaitingAt("Task_OnSiteCheck");
    complete(pb.getId(), "Task_OnSiteCheck", Map.of("onsiteConsistent", "consistent",
        "onsiteFindings", "场地设备与自评一致"));
    assertThat(pb).isEnded().hasPassed("Task_RecordOnSite");
  }

  @Test
  void aTieAtTheCutOffGoesToTheBureauAndThePartyCommitteeMaySendItBack() {
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    DesignatedBase b = base("乙中试基地有限公司", 2401, "districtKeqiao", "applicant2");
    DesignatedBase c = base("丙中试基地有限公司", 2402, "districtYuecheng", "applicant3");
    ProcessInstance cycle = startCycle("2026年度绩效评价（并列）", 2026, "thirdParty", 3L);
    String cid = cycleId(cycle);
    scoredByThirdParty(instanceOf(cycle, b), 2);
    scoredByThirdParty(instanceOf(cycle, c), 2);
    assertThat(cycle).isWaitingAt("Task_DecideTie");
    Task tie = EvaluationFixtures.task(engine, cycle.getId(), "Task_DecideTie");
    assertThatThrownBy(() -> engine.getTaskService().complete(tie.getId(), Map.of(
        "tieExcellent", List.of(b.id(), c.id()), "tieReason", "两家都好")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("最多只能确定1家");
    engine.getTaskService().complete(tie.getId(), Map.of("tieExcellent", List.of(b.id()),
        "tieReason", "乙基地落地项目带动就业更多"));
    AsyncSteps.settle(engine);
    assertThat(evaluations.proposal(cid).base(b.id()).grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(evaluations.proposal(cid).base(c.id()).grade()).isEqualTo(Grade.GOOD);
    complete(cycle.getId(), "Task_ReviewGrades", Map.of("gradesConfirmed", true));
    Task party = EvaluationFixtures.task(engine, cycle.getId(), "Task_PartyApproval");
    assertThatThrownBy(() -> engine.getTaskService().complete(party.getId(),
        Map.of("partyDecision", "sendBack", "meetingDate", today())))
        .isInstanceOf(ProcessEngineException.class);
    engine.getTaskService().complete(party.getId(), Map.of("partyDecision", "sendBack",
        "meetingDate", today(), "partyComments", "请重新研究并列基地档次"));
    AsyncSteps.settle(engine);
    assertThat(cycle).isWaitingAt("Task_DecideTie");
    complete(cycle.getId(), "Task_DecideTie", Map.of("tieExcellent", List.of(c.id()),
        "tieReason", "丙基地服务本市主导产业企业更多"));
    assertThat(evaluations.proposal(cid).base(c.id()).grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(evaluations.proposal(cid).base(b.id()).grade()).isEqualTo(Grade.GOOD);
  }

  @Test
  void objectionsHoldThePublicationAndAnUpheldOneCorrectsTheGrade() throws Exception {
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    DesignatedBase b = base("乙中试基地有限公司", 2501, "districtKeqiao", "applicant2");
    DesignatedBase c = base("丙中试基地有限公司", 2502, "districtYuecheng", "applicant3");
    ProcessInstance cycle = tiedCycleInPublicity("2026年度绩效评价（补充）", b, c, c);
    String cid = cycleId(cycle);

    // public listing during publicity, anonymous
    String page = new String(new java.net.URL(baseUrl() + "/public/evaluation/publicity")
        .openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("绍兴市科技成果转化中试基地绩效评价结果公示")
        .contains("2026年度绩效评价（补充）").contains("丙中试基地有限公司").contains("优秀");
    assertThat(page).doesNotContain("中试服务收入");   // no working, no materials

    // evaluation-objection registers the start form and calls the shared objection process
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance startC = engine.getRuntimeService().startProcessInstanceByKey(
        "evaluation-objection", Map.of("objectionCreditCode", c.creditCode(),
            "objectorName", "某企业", "objectionContent", "丙基地服务收入含关联交易"));
    ProcessInstance startB = engine.getRuntimeService().startProcessInstanceByKey(
        "evaluation-objection", Map.of("objectionCreditCode", b.creditCode(),
            "objectorName", "某研究院", "objectionContent", "乙基地现场设备系临时租用"));
    engine.getIdentityService().clearAuthentication();
    ProcessInstance objection = sharedObjection(startC);
    ProcessInstance objectionB = sharedObjection(startB);
    assertThat(engine.getRuntimeService().getVariable(objection.getId(), "context")).isEqualTo("evaluation");
    assertThat(objection).isWaitingAt("Task_VerifyObjection");

    // publication is refused while objections are open
    Date end = (Date) engine.getRuntimeService().getVariable(cycle.getId(), "publicityEndAt");
    fireTimer(engine, cycle.getId(), "Timer_PublicityEnd", end);
    Task publish = EvaluationFixtures.task(engine, cycle.getId(), "Task_PublishResults");
    assertThatThrownBy(() -> engine.getTaskService().complete(publish.getId(),
        Map.of("documentNumber", "绍市科发〔2026〕50号", "documentDate", today())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("未办结");
    complete(objection.getId(), "Task_VerifyObjection", Map.of("verifyAction", "upheld",
        "correctedGrade", "GOOD", "objectionReason", "经核实，部分收入为关联交易，调整为良好"));
    assertThat(objection).isEnded();
    assertThat(startC).isEnded().hasPassed("CallActivity_Objection", "EndEvent_ObjectionClosed");
    assertThatThrownBy(() -> engine.getTaskService().complete(publish.getId(),
        Map.of("documentNumber", "绍市科发〔2026〕50号", "documentDate", today())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("尚有1件");
    objectionConsultedThenDismissed(objectionB, b);
    assertThat(startB).isEnded();
    assertThat(evaluations.participation(cid, b.id()).grade()).as("dismissed: grade kept")
        .isEqualTo("GOOD");
    engine.getTaskService().complete(publish.getId(),
        Map.of("documentNumber", "绍市科发〔2026〕50号", "documentDate", today()));
    AsyncSteps.settle(engine);
    assertThat(cycle).isEnded().hasPassed("Gateway_AnyRevocation").hasNotPassed("Task_StartRevocation");
    assertThat(evaluations.participation(cid, c.id()).grade()).as("upheld: corrected").isEqualTo("GOOD");
  }

  @Test
  void emptyCohortEndsTheCycleAndDuplicateNamesAreRefused() {
    ClockUtil.setCurrentTime(at("2027-05-10T09:00"));
    ProcessInstance cycle = startCycle("2027年度绩效评价（空）", 2027, "experts", 3L);
    assertThat(cycle).isEnded().hasPassed("EndEvent_NoBase");
    assertThatThrownBy(() -> startCycle("2027年度绩效评价（空）", 2027, "experts", 3L))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("已经开启");
    // only the bureau may start a cycle
    engine.getIdentityService().setAuthentication("applicant1", List.of("applicant"));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle",
          Map.of("cycleName", "2027年度绩效评价（越权）", "cycleYear", 2027L, "scoringMode", "experts")))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * The shared objection process's consultation loop (the one test of the rule for named and
   * conflicted experts, for both contexts): the bureau's request is checked on the server, a
   * named expert and then the base's district help verify (each seeing the case only once asked,
   * another district never), and the bureau dismisses the objection with the answers in hand.
   */
  void objectionConsultedThenDismissed(ProcessInstance o, DesignatedBase b) {
    assertThat(b.reviewerGroup()).isEqualTo("districtKeqiao");
    String pid = o.getId();
    Task verify = EvaluationFixtures.task(engine, pid, "Task_VerifyObjection");
    experts.declareConflict("expert2", b.creditCode(), "曾为乙基地提供技术咨询");
    Map<Map<String, Object>, String> refused = new java.util.LinkedHashMap<>();
    refused.put(Map.of("verifyAction", "consult", "consultQuestion", "设备是否自有"), "请选择协助核实方");
    refused.put(Map.of("verifyAction", "consult", "consultTarget", "expert",
        "consultQuestion", "设备是否自有"), "须填写专家账号");
    refused.put(Map.of("verifyAction", "consult", "consultTarget", "expert",
        "consultExpertId", "keqiao1", "consultQuestion", "设备是否自有"), "专家库中没有账号为 keqiao1");
    refused.put(Map.of("verifyAction", "consult", "consultTarget", "expert",
        "consultExpertId", "expert2", "consultQuestion", "设备是否自有"), "利益冲突");
    refused.put(Map.of("verifyAction", "consult", "consultTarget", "district"), "需协助核实的问题");
    refused.put(Map.of("verifyAction", "consult", "consultTarget", "district",
        "consultQuestion", "设备是否自有", "correctedGrade", "PASS"), "协助核实期间不能调整档次");
    refused.put(Map.of("verifyAction", "dismissed"), "须填写处理结论及理由");
    refused.put(Map.of("verifyAction", "dismissed", "objectionReason", "不成立",
        "correctedGrade", "PASS"), "异议不成立时不能调整档次");
    refused.forEach((vars, message) ->
        assertThatThrownBy(() -> engine.getTaskService().complete(verify.getId(), vars))
            .as("refused: %s", vars).isInstanceOf(ProcessEngineException.class)
            .hasMessageContaining(message));
    assertThat(o).isWaitingAt("Task_VerifyObjection");
    assertThat(engine.getRuntimeService().getVariable(pid, "consultTarget")).isNull();
    assertThat(visible("expert3", "expert", pid)).isFalse();
    assertThat(visible("keqiao1", "districtKeqiao", pid)).isFalse();

    // 1. a named expert of the pool: assignee, due in 3 working days, may read this case only
    complete(pid, "Task_VerifyObjection", Map.of("verifyAction", "consult",
        "consultTarget", "expert", "consultExpertId", "expert3", "consultQuestion", "设备是否为基地自有"));
    assertThat(o).isWaitingAt("Task_ObjectionConsultation");
    Task byExpert = EvaluationFixtures.task(engine, pid, "Task_ObjectionConsultation");
    assertThat(byExpert.getAssignee()).isEqualTo("expert3");
    assertThat(engine.getTaskService().getIdentityLinksForTask(byExpert.getId()))
        .noneMatch(l -> l.getGroupId() != null);
    assertThat(byExpert.getDueDate()).isEqualTo(workingDays.dueIn(3));
    // the named expert works on its task, sees no whole instance; nobody else has the task
    assertThat(hasTask("expert3", "expert", pid)).isTrue();
    assertThat(visible("expert3", "expert", pid)).isFalse();
    assertThat(hasTask("expert4", "expert", pid)).isFalse();
    assertThat(hasTask("keqiao1", "districtKeqiao", pid)).isFalse();
    completeAs("expert3", "expert", byExpert, Map.of("consultOpinion", "设备清单中两台为租赁，余为自有"));
    assertThat(o).isWaitingAt("Task_VerifyObjection");

    // 2. the base's district: candidate group; another district neither sees nor completes it
    complete(pid, "Task_VerifyObjection", Map.of("verifyAction", "consult",
        "consultTarget", "district", "consultQuestion", "请核实租赁设备的合同与使用情况"));
    Task byDistrict = EvaluationFixtures.task(engine, pid, "Task_ObjectionConsultation");
    assertThat(byDistrict.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(byDistrict.getId()))
        .anyMatch(l -> "districtKeqiao".equals(l.getGroupId()))
        .noneMatch(l -> "districtYuecheng".equals(l.getGroupId()));
    assertThat(visible("keqiao1", "districtKeqiao", pid)).isFalse();
    assertThat(visible("yuecheng1", "districtYuecheng", pid)).isFalse();
    assertThat(tasksVisibleTo("keqiao1", "districtKeqiao", pid)).isOne();
    assertThat(tasksVisibleTo("yuecheng1", "districtYuecheng", pid)).isZero();
    assertThatThrownBy(() -> completeAs("yuecheng1", "districtYuecheng", byDistrict,
        Map.of("consultOpinion", "越权")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThatThrownBy(() -> completeAs("keqiao1", "districtKeqiao", byDistrict,
        Map.of("consultOpinion", "   ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("核实意见");
    completeAs("keqiao1", "districtKeqiao", byDistrict,
        Map.of("consultOpinion", "租赁合同五年，设备长期在基地使用，不影响服务能力"));
    assertThat(o).isWaitingAt("Task_VerifyObjection");
    assertThat(engine.getRuntimeService().getVariable(pid, "consultOpinion"))
        .isEqualTo("租赁合同五年，设备长期在基地使用，不影响服务能力");

    // 3. the bureau concludes: dismissed, grade unchanged
    complete(pid, "Task_VerifyObjection", Map.of("verifyAction", "dismissed",
        "objectionReason", "经区县科技部门和专家核实，设备长期稳定使用，异议不成立"));
    assertThat(o).isEnded().hasPassed("Task_ObjectionConsultation", "Task_CloseObjection");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId("Task_ObjectionConsultation").count()).isEqualTo(2);
    assertThat(jdbc.queryForMap("SELECT status, upheld, corrected_grade FROM eva_objection WHERE id=?",
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid)
            .variableName("objectionId").singleResult().getValue()))
        .containsEntry("status", "CLOSED").containsEntry("upheld", false)
        .containsEntry("corrected_grade", null);
  }

  void completeAs(String user, String group, Task task, Map<String, Object> vars) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      engine.getTaskService().complete(task.getId(), vars);
      AsyncSteps.settle(engine);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  long tasksVisibleTo(String user, String group, String processInstanceId) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  boolean hasTask(String user, String group, String processInstanceId) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).count() > 0;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  boolean visible(String user, String group, String processInstanceId) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(processInstanceId).count() > 0;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The shared objection process called by an evaluation-objection instance. */
  private ProcessInstance sharedObjection(ProcessInstance caller) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId()).singleResult();
  }
}
