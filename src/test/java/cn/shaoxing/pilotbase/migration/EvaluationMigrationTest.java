package cn.shaoxing.pilotbase.migration;

import static cn.shaoxing.pilotbase.support.ChangedDiagram.ADDED_TASK;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.at;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.code;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.confirm;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.selfEvaluation;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.ChangedDiagram;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration of the per-base evaluation (evaluation-base, issue 13 item 3): bases waiting at each of its
 * user tasks — self-evaluation, the decision on a late base, the district's audit, expert scoring,
 * third-party scoring and the on-site check — move to a changed version and run to their end through it.
 * Cycle years 2086 (experts) and 2087 (third party); bases designated in 2084.
 */
class EvaluationMigrationTest extends MigratingTest {

  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired ExpertPoolService experts;
  @Autowired EvidenceService evidence;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDays workingDays;

  @BeforeEach
  void setUp() {
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
    ClockUtil.setCurrentTime(at("2086-06-01T09:00"));
  }

  DesignatedBase base(int n) {
    return EvaluationFixtures.base(register, baseAccounts, "迁移评价测试基地" + n + "有限公司", code(2086_000 + n),
        "districtKeqiao", LocalDate.of(2084, 1, 10), "applicant2");
  }

  ProcessInstance startCycle(String name, int year, String mode) {
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      ProcessInstance cycle = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle",
          Map.of("cycleName", name, "cycleYear", (long) year, "scoringMode", mode, "panelSize", 3L,
              "selfEvaluationDays", 20L));
      AsyncSteps.settle(engine);
      return cycle;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  ProcessInstance instanceOf(ProcessInstance cycle, DesignatedBase b) {
    return EvaluationFixtures.baseInstance(engine,
        (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId"), b.id());
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = EvaluationFixtures.task(engine, pi.getId(), key);
    assertThat(t).as("task %s of %s", key, pi.getId()).isNotNull();
    EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  /** The panel scores as Tasklist submits (sealed form); the first expert asks for an on-site check if told. */
  void scoreByPanel(ProcessInstance pi, boolean onSite) {
    List<Task> panel = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ExpertScoring").list();
    assertThat(panel).isNotEmpty();
    for (int i = 0; i < panel.size(); i++) {
      engine.getFormService().submitTaskForm(panel.get(i).getId(), sheet(5.0, onSite && i == 0));
      AsyncSteps.settle(engine);
    }
  }

  static final Map<String, Object> ON_SITE = Map.of("onsiteConsistent", "consistent", "onsiteFindings", "场地设备与自评一致");

  static final List<String> STEPS = List.of("Task_SelfEvaluation", "Task_DecideExtension", "Task_DistrictAudit",
      "Task_ExpertScoring", "Task_OnSiteCheck", "Task_ThirdPartyScoring");

  @Test
  void baseEvaluationsWaitingAtEachUserTaskMoveToTheChangedVersionAndRunToTheEnd() throws Exception {
    assertThat(ChangedDiagram.userTasks("evaluation-base")).containsExactlyInAnyOrderElementsOf(STEPS);
    List<DesignatedBase> bases = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      bases.add(base(n));
    }
    ProcessInstance cycle = startCycle("2086年度绩效评价（迁移测试）", 2086, "experts");
    List<ProcessInstance> cases = new ArrayList<>(bases.stream().map(b -> instanceOf(cycle, b)).toList());
    ProcessInstance selfEvaluating = cases.get(0), late = cases.get(1), audited = cases.get(2),
        scored = cases.get(3), onSite = cases.get(4);
    for (ProcessInstance pi : List.of(audited, scored, onSite)) {
      complete(pi, "Task_SelfEvaluation", selfEvaluation(2));
    }
    for (ProcessInstance pi : List.of(scored, onSite)) {
      complete(pi, "Task_DistrictAudit", confirm());
    }
    scoreByPanel(onSite, true);
    Date due = (Date) engine.getRuntimeService().getVariable(late.getId(), "selfEvaluationDue");
    EvaluationFixtures.fireTimer(engine, late.getId(), "BoundaryEvent_Deadline", new Date(due.getTime() + 60_000));

    // a cycle scored by the third party, for the remaining user task
    EvaluationFixtures.isolateRegister(jdbc);
    DesignatedBase byThirdParty = base(6);
    ProcessInstance cycle2 = startCycle("2087年度绩效评价（迁移测试，第三方）", 2087, "thirdParty");
    ProcessInstance thirdParty = instanceOf(cycle2, byThirdParty);
    complete(thirdParty, "Task_SelfEvaluation", selfEvaluation(2));
    complete(thirdParty, "Task_DistrictAudit", confirm());
    cases.add(thirdParty);
    for (int i = 0; i < STEPS.size(); i++) {
      assertThat(EvaluationFixtures.task(engine, cases.get(i).getId(), STEPS.get(i))).as(STEPS.get(i)).isNotNull();
    }

    ProcessDefinition changed = deploy(ChangedDiagram.of("evaluation-base")
        .rename("Task_DistrictAudit", "区县科技部门（归口单位）审核自评材料真实性")
        .dueDate("Task_DecideExtension", "${workingDays.dueIn(4)}")
        .addTaskBefore("EndEvent_Scored", "bureau"));
    migrate("evaluation-base", cases);
    for (int i = 0; i < STEPS.size(); i++) {
      assertThat(instance(cases.get(i)).getProcessDefinitionId()).as(STEPS.get(i)).isEqualTo(changed.getId());
      taskOn(cases.get(i), STEPS.get(i), changed);
    }

    // the late base gets an extension, and every base runs to its end through the new version
    complete(late, "Task_DecideExtension", Map.of("extensionDecision", "extend", "extensionDays", 5L));
    for (ProcessInstance pi : List.of(selfEvaluating, late)) {
      complete(pi, "Task_SelfEvaluation", selfEvaluation(2));
      assertThat(taskOn(pi, "Task_DistrictAudit", changed).getName()).isEqualTo("区县科技部门（归口单位）审核自评材料真实性");
    }
    for (ProcessInstance pi : List.of(selfEvaluating, late, audited)) {
      complete(pi, "Task_DistrictAudit", confirm());
    }
    for (ProcessInstance pi : List.of(selfEvaluating, late, audited, scored)) {
      scoreByPanel(pi, false);
    }
    complete(onSite, "Task_OnSiteCheck", ON_SITE);
    complete(thirdParty, "Task_ThirdPartyScoring", sheet(5.0, false));
    for (ProcessInstance pi : cases) {
      taskOn(pi, ADDED_TASK, changed);
      complete(pi, ADDED_TASK, Map.of());
      assertEndedThrough(pi, ADDED_TASK, "Task_MarkScored");
    }
    assertEndedThrough(late, "Task_GrantExtension");
    assertEndedThrough(onSite, "Task_RecordOnSite");
    assertEndedThrough(thirdParty, "Task_RecordThirdPartySheet");

    // a late base after the change: the decision task takes the new due date
    EvaluationFixtures.isolateRegister(jdbc);
    ClockUtil.setCurrentTime(at("2088-06-01T09:00"));
    DesignatedBase seventh = base(7);
    ProcessInstance cycle3 = startCycle("2088年度绩效评价（迁移测试，期限）", 2088, "experts");
    ProcessInstance lateOnNew = instanceOf(cycle3, seventh);
    assertThat(lateOnNew.getProcessDefinitionId()).as("new cycles call the latest version").isEqualTo(changed.getId());
    Date due2 = (Date) engine.getRuntimeService().getVariable(lateOnNew.getId(), "selfEvaluationDue");
    EvaluationFixtures.fireTimer(engine, lateOnNew.getId(), "BoundaryEvent_Deadline", new Date(due2.getTime() + 60_000));
    assertThat(taskOn(lateOnNew, "Task_DecideExtension", changed).getDueDate()).isEqualTo(workingDays.dueIn(4));
    engine.getRuntimeService().deleteProcessInstance(cycle3.getId(), "迁移测试结束", true, true);
  }

  // ------------------------------------------------------------------ evaluation-cycle

  /**
   * One cycle (2089, bases of 2088), taken over by a changed version at each of its bureau and party steps
   * in turn: at 研究形成评价结果档次 (v1: renamed publication task, changed due date, added task), at
   * 党组会议审定评价结果 (v2) and at 发文公布评价结果 (v3), then run to its end through v3.
   */
  @Test
  void aCycleIsTakenOverByChangedVersionsAtItsGradeReviewPartyApprovalAndPublication() throws Exception {
    var graded = cn.shaoxing.pilotbase.support.GradedCycle.toGradeReview(engine, jdbc, register, baseAccounts,
        experts, evidence, "2089年度绩效评价（迁移测试）", 2089, 2089_100L, 1, 2, 3);
    ProcessInstance cycle = graded.cycle();
    ProcessDefinition v1 = deploy(ChangedDiagram.of("evaluation-cycle")
        .rename("Task_PublishResults", "发文公布绩效评价结果")
        .dueDate("Task_PartyApproval", "${workingDays.dueIn(12)}")
        .addTaskBefore("EndEvent_Published", "bureau"));
    migrate("evaluation-cycle", List.of(cycle));
    taskOn(cycle, "Task_ReviewGrades", v1);
    complete(cycle, "Task_ReviewGrades", Map.of("gradesConfirmed", true));
    assertThat(taskOn(cycle, "Task_PartyApproval", v1).getDueDate()).isEqualTo(workingDays.dueIn(12));

    ProcessDefinition v2 = deploy(ChangedDiagram.of("evaluation-cycle")
        .rename("Task_PublishResults", "发文公布绩效评价结果")
        .addTaskBefore("EndEvent_Published", "bureau"));
    migrate("evaluation-cycle", List.of(cycle));
    taskOn(cycle, "Task_PartyApproval", v2);
    complete(cycle, "Task_PartyApproval", Map.of("partyDecision", "approve",
        "meetingDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString()));
    Date end = (Date) engine.getRuntimeService().getVariable(cycle.getId(), "publicityEndAt");
    EvaluationFixtures.fireTimer(engine, cycle.getId(), "Timer_PublicityEnd", end);
    assertThat(taskOn(cycle, "Task_PublishResults", v2).getName()).isEqualTo("发文公布绩效评价结果");

    ProcessDefinition v3 = deploy(ChangedDiagram.of("evaluation-cycle")
        .rename("Task_PublishResults", "发文公布绩效评价结果（新）")
        .addTaskBefore("EndEvent_Published", "bureau"));
    migrate("evaluation-cycle", List.of(cycle));
    taskOn(cycle, "Task_PublishResults", v3);
    complete(cycle, "Task_PublishResults", Map.of("documentNumber", "绍市科发〔2089〕3号",
        "documentDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString()));
    taskOn(cycle, ADDED_TASK, v3);
    complete(cycle, ADDED_TASK, Map.of());
    assertEndedThrough(cycle, "Task_RecordPublication", ADDED_TASK);
  }

  /**
   * A cycle waiting at 并列档次决定 (Task_DecideTie): two bases with the same figures tie at the cut-off for
   * the one 优秀 seat. It moves to a changed version (renamed publication task, changed due date of the grade
   * review, added task) and runs to its end through it, the bureau deciding the tie on the new version.
   */
  @Test
  void aCycleWaitingAtTheTieDecisionMovesToAChangedVersionAndRunsToTheEnd() throws Exception {
    DesignatedBase b = base(11);
    DesignatedBase c = base(12);
    ProcessInstance cycle = startCycle("2087年度绩效评价（迁移并列测试）", 2087, "thirdParty");
    for (DesignatedBase x : List.of(b, c)) {
      ProcessInstance pi = instanceOf(cycle, x);
      complete(pi, "Task_SelfEvaluation", selfEvaluation(2));
      complete(pi, "Task_DistrictAudit", confirm());
      complete(pi, "Task_ThirdPartyScoring", sheet(5.0, false));
    }
    assertThat(EvaluationFixtures.task(engine, cycle.getId(), "Task_DecideTie")).as("a tie to decide").isNotNull();

    ProcessDefinition changed = deploy(ChangedDiagram.of("evaluation-cycle")
        .rename("Task_PublishResults", "发文公布绩效评价结果（并列测试）")
        .dueDate("Task_ReviewGrades", "${workingDays.dueIn(7)}")
        .addTaskBefore("EndEvent_Published", "bureau"));
    migrate("evaluation-cycle", List.of(cycle));
    taskOn(cycle, "Task_DecideTie", changed);
    complete(cycle, "Task_DecideTie", Map.of("tieExcellent", List.of(c.id()), "tieReason", "服务本市主导产业企业更多"));
    assertThat(taskOn(cycle, "Task_ReviewGrades", changed).getDueDate()).isEqualTo(workingDays.dueIn(7));
    complete(cycle, "Task_ReviewGrades", Map.of("gradesConfirmed", true));
    complete(cycle, "Task_PartyApproval", Map.of("partyDecision", "approve",
        "meetingDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString()));
    Date end = (Date) engine.getRuntimeService().getVariable(cycle.getId(), "publicityEndAt");
    EvaluationFixtures.fireTimer(engine, cycle.getId(), "Timer_PublicityEnd", end);
    assertThat(taskOn(cycle, "Task_PublishResults", changed).getName()).isEqualTo("发文公布绩效评价结果（并列测试）");
    complete(cycle, "Task_PublishResults", Map.of("documentNumber", "绍市科发〔2087〕9号",
        "documentDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString()));
    taskOn(cycle, ADDED_TASK, changed);
    complete(cycle, ADDED_TASK, Map.of());
    assertEndedThrough(cycle, "Task_DecideTie", "Task_ApplyTieDecision", "Task_RecordPublication", ADDED_TASK);
  }
}
