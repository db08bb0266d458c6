package cn.shaoxing.pilotbase.migration;

import static cn.shaoxing.pilotbase.support.ChangedDiagram.ADDED_TASK;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.expertScores;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.formalPass;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.recommend;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.ChangedDiagram;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration of the designation processes (issue 13 item 3): applications, their reviews
 * (designation-evaluation) and rounds waiting at each of their user tasks move to a changed version
 * (renamed task, changed due date, added task) and run to their end through it. Round years 2084–2089.
 */
class DesignationMigrationTest extends MigratingTest {

  @Autowired ApplicantAccountService accounts;
  @Autowired EvidenceService evidence;
  @Autowired ExpertPoolService experts;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDays workingDays;

  @BeforeEach
  void setUp() {
    DesignationTestSupport.seedExperts(experts);
  }

  // ------------------------------------------------------------------ driving (support helpers)

  /** Organisation {@code n} of the round of {@code year} files a complete application (changed by {@code changes}). */
  ProcessInstance file(int year, int n, String group, Map<String, Object> changes) {
    String org = year + "年迁移测试中试单位" + n;
    String code = code((year % 100) * 1000L + n);
    String account = DesignationTestSupport.account(accounts, "mig" + year % 100 + "n" + n, code, org, group);
    Map<String, Object> filing = application(org, code, group, "newMaterials");
    filing.putAll(changes);
    return DesignationTestSupport.file(engine, evidence, account, filing);
  }

  /** Completes a task as Tasklist would, with the evidence its step requires uploaded first. */
  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .list().stream().findFirst().orElse(null);
    assertThat(t).as("task %s of %s", key, pi.getId()).isNotNull();
    EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  void scoreAll(ProcessInstance review, boolean firstAsksOnSite) {
    List<Task> panel = engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("Task_ExpertReview").list();
    assertThat(panel).isNotEmpty();
    for (int i = 0; i < panel.size(); i++) {
      engine.getTaskService().complete(panel.get(i).getId(), expertScores(0.8, firstAsksOnSite && i == 0));
      AsyncSteps.settle(engine);
    }
  }

  ProcessInstance review(ProcessInstance application) {
    String appId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(application.getId()).variableName("applicationId").singleResult().getValue();
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(DesignationTestSupport.reviewOf(engine, appId)).singleResult();
  }

  static Map<String, Object> onSite() {
    return Map.of("onsiteDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString(), "onsiteConsistent", "consistent", "onsiteFindings", "场地设备与申报一致");
  }

  // ------------------------------------------------------------------ designation-application

  @Test
  void applicationsWaitingAtEachUserTaskMoveToTheChangedVersionAndRunToTheEnd() throws Exception {
    DesignationTestSupport.openRound(engine, 2084, 3);
    ProcessInstance ineligible = file(2084, 1, "districtShangyu", Map.of("registrationDate", "2083-12-01"));
    ProcessInstance returned = file(2084, 2, "districtShangyu", Map.of());
    complete(returned, "Task_DistrictReview", Map.of("districtDecision", "return", "districtComments", "请补充服务合同"));
    ProcessInstance inReview = file(2084, 3, "districtShangyu", Map.of());
    List<ProcessInstance> cases = List.of(ineligible, returned, inReview);
    List<String> steps = List.of("Task_ReviewIneligibility", "Task_CorrectApplication", "Task_DistrictReview");
    assertThat(ChangedDiagram.userTasks("designation-application")).containsExactlyInAnyOrderElementsOf(steps);
    for (int i = 0; i < 3; i++) {
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(cases.get(i).getId())
          .taskDefinitionKey(steps.get(i)).count()).as(steps.get(i)).isOne();
    }

    ProcessDefinition changed = deploy(ChangedDiagram.of("designation-application")
        .rename("Task_DistrictReview", "区县科技部门审核并择优推荐")
        .dueDate("Task_CorrectApplication", "${workingDays.dueIn(12)}")
        .addTaskBefore("EndEvent_Recommended", "bureau"));
    migrate("designation-application", cases);
    for (int i = 0; i < 3; i++) {
      assertThat(instance(cases.get(i)).getProcessDefinitionId()).isEqualTo(changed.getId());
      taskOn(cases.get(i), steps.get(i), changed);
    }

    complete(ineligible, "Task_ReviewIneligibility", Map.of("ineligibleAction", "correct"));
    assertThat(taskOn(ineligible, "Task_CorrectApplication", changed).getDueDate()).isEqualTo(workingDays.dueIn(12));
    for (ProcessInstance pi : List.of(ineligible, returned)) {
      Map<String, Object> fixed = new java.util.HashMap<>(application(
          (String) engine.getRuntimeService().getVariable(pi.getId(), "orgName"),
          (String) engine.getRuntimeService().getVariable(pi.getId(), "creditCode"), "districtShangyu", "newMaterials"));
      fixed.put("registrationDate", "2018-01-01");
      fixed.put("correctionNote", "已补正");
      complete(pi, "Task_CorrectApplication", fixed);
      assertThat(taskOn(pi, "Task_DistrictReview", changed).getName()).isEqualTo("区县科技部门审核并择优推荐");
    }
    for (ProcessInstance pi : cases) {
      complete(pi, "Task_DistrictReview", recommend());
      taskOn(pi, ADDED_TASK, changed);
      complete(pi, ADDED_TASK, Map.of());
      assertEndedThrough(pi, ADDED_TASK, "Task_RecordRecommendation");
    }
  }

  // ------------------------------------------------------------------ designation-evaluation

  @Test
  void reviewsWaitingAtEachUserTaskMoveToTheChangedVersionAndRunToTheEnd() throws Exception {
    ProcessInstance round = DesignationTestSupport.openRound(engine, 2085, 3);
    List<ProcessInstance> applications = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      ProcessInstance a = file(2085, n, "districtXinchang", Map.of());
      complete(a, "Task_DistrictReview", recommend());
      applications.add(a);
    }
    DesignationTestSupport.closeApplications(engine, round, 2085);
    List<ProcessInstance> reviews = applications.stream().map(this::review).toList();
    ProcessInstance atFormal = reviews.get(0), atCorrection = reviews.get(1), atExperts = reviews.get(2),
        atOnSite = reviews.get(3);
    complete(atCorrection, "Task_FormalReview", Map.of("formalDecision", "return", "formalComments", "补充社保证明",
        "correctionDays", 3L));
    complete(atExperts, "Task_FormalReview", formalPass());
    complete(atOnSite, "Task_FormalReview", formalPass());
    scoreAll(atOnSite, true);
    List<String> steps = List.of("Task_FormalReview", "Task_FormalCorrection", "Task_ExpertReview", "Task_OnSiteCheck");
    assertThat(ChangedDiagram.userTasks("designation-evaluation")).containsExactlyInAnyOrderElementsOf(steps);

    ProcessDefinition changed = deploy(ChangedDiagram.of("designation-evaluation")
        .rename("Task_FormalReview", "第三方机构形式审查（含佐证材料核对）")
        .dueDate("Task_ExpertReview", "${workingDays.dueIn(12)}")
        .addTaskBefore("EndEvent_Evaluated", "bureau"));
    migrate("designation-evaluation", reviews);
    for (int i = 0; i < 4; i++) {
      assertThat(instance(reviews.get(i)).getProcessDefinitionId()).isEqualTo(changed.getId());
      taskOn(reviews.get(i), steps.get(i), changed);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(round.getId()).list())
        .as("still called by its round").extracting(ProcessInstance::getId)
        .containsExactlyInAnyOrderElementsOf(reviews.stream().map(ProcessInstance::getId).toList());

    complete(atCorrection, "Task_FormalCorrection", Map.of("correctionNote", "已补充", "evidenceRefs", "https://files.example.cn/b/2"));
    // a task open before the migration keeps its name and due date; one created afterwards takes the new ones
    assertThat(taskOn(atFormal, "Task_FormalReview", changed).getName()).isEqualTo("第三方机构形式审查");
    assertThat(taskOn(atCorrection, "Task_FormalReview", changed).getName()).isEqualTo("第三方机构形式审查（含佐证材料核对）");
    for (ProcessInstance pi : List.of(atFormal, atCorrection)) {
      complete(pi, "Task_FormalReview", formalPass());
      assertThat(taskOn(pi, "Task_ExpertReview", changed).getDueDate()).isEqualTo(workingDays.dueIn(12));
    }
    for (ProcessInstance pi : List.of(atFormal, atCorrection, atExperts)) {
      scoreAll(pi, false);
    }
    complete(atOnSite, "Task_OnSiteCheck", onSite());
    for (ProcessInstance pi : reviews) {
      taskOn(pi, ADDED_TASK, changed);
      complete(pi, ADDED_TASK, Map.of());
      assertEndedThrough(pi, ADDED_TASK);
    }
    assertEndedThrough(atOnSite, "Task_RecordOnSiteFindings");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(round.getId())
        .taskDefinitionKey("Task_CompileProposedList").count()).as("the round goes on").isOne();
  }

  // ------------------------------------------------------------------ designation-round

  /** A round of {@code year} with one recommended application; returns the round after the deadline. */
  ProcessInstance roundAtRanking(int year) {
    ProcessInstance round = DesignationTestSupport.openRound(engine, year, 3);
    complete(file(year, 1, "districtBinhai", Map.of()), "Task_DistrictReview", recommend());
    ClockUtil.setCurrentTime(at(year + "-04-01T09:00"));
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(round.getId()).timers().singleResult().getId());
    AsyncSteps.settle(engine);
    return round;
  }

  void reviewAll(ProcessInstance round) {
    for (ProcessInstance review : engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(round.getId()).list()) {
      complete(review, "Task_FormalReview", formalPass());
      scoreAll(review, false);
    }
  }

  Map<String, Object> proposedAll(ProcessInstance round) {
    String year = String.valueOf(engine.getRuntimeService().getVariable(round.getId(), "roundYear"));
    List<String> apps = jdbc.queryForList("SELECT id FROM dsg_application WHERE round_year = ?", String.class,
        Integer.parseInt(year));
    return Map.of("proposedApplications", SpinValues.jsonValue(
        "[" + String.join(",", apps.stream().map(x -> "\"" + x + "\"").toList()) + "]").create());
  }

  Map<String, Object> roundStep(ProcessInstance round, String key) {
    String year = String.valueOf(engine.getRuntimeService().getVariable(round.getId(), "roundYear"));
    return switch (key) {
      case "Task_ConfirmRecommendations" -> Map.of("recommendationsConfirmed", true);
      case "Task_CompileProposedList" -> proposedAll(round);
      case "Task_PartyCommitteeReview" -> Map.of("partyDecision", "approve",
          "meetingDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString());
      case "Task_PublishPublicityNotice" -> Map.of("objectionContact", "0575-85000000，kjj@sx.gov.cn");
      case "Task_PublishDesignation" -> Map.of("documentNumber", "绍市科发〔" + year + "〕8号",
          "documentDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString());
      case ADDED_TASK -> Map.of();
      default -> throw new IllegalArgumentException(key);
    };
  }

  /** Moves a round from the user task it waits at to the next wait state, as the roles would. */
  void step(ProcessInstance round, String key) {
    if (key.equals("Task_RankRecommendations")) {
      DesignationTestSupport.rankAll(engine, round.getId());
      AsyncSteps.settle(engine);
      return;
    }
    complete(round, key, roundStep(round, key));
    if (key.equals("Task_ConfirmRecommendations")) {
      reviewAll(round);
    }
    if (key.equals("Task_PublishPublicityNotice")) {
      java.util.Date end = (java.util.Date) engine.getRuntimeService().getVariable(round.getId(), "publicityEndAt");
      ClockUtil.setCurrentTime(new java.util.Date(end.getTime() + 3_600_000L));
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
          .processInstanceId(round.getId()).timers().singleResult().getId());
      AsyncSteps.settle(engine);
    }
  }

  static final List<String> ROUND_TASKS = List.of("Task_RankRecommendations", "Task_ConfirmRecommendations",
      "Task_CompileProposedList", "Task_PartyCommitteeReview", "Task_PublishPublicityNotice", "Task_PublishDesignation");

  @Test
  void roundsWaitingAtEachUserTaskMoveToChangedVersionsAndRunToTheEnd() throws Exception {
    assertThat(ChangedDiagram.userTasks("designation-round")).containsExactlyInAnyOrderElementsOf(ROUND_TASKS);
    // four rounds (one per remaining test year) at the first four user tasks
    List<ProcessInstance> rounds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ProcessInstance round = roundAtRanking(2086 + i);
      for (String s : ROUND_TASKS.subList(0, i)) {
        step(round, s);
      }
      rounds.add(round);
    }
    ProcessDefinition v1 = deploy(ChangedDiagram.of("designation-round")
        .rename("Task_CompileProposedList", "研究提出拟评定名单")
        .dueDate("Task_PartyCommitteeReview", "${workingDays.dueIn(12)}")
        .addTaskBefore("EndEvent_Published", "bureau"));
    migrate("designation-round", rounds);
    for (int i = 0; i < 4; i++) {
      assertThat(instance(rounds.get(i)).getProcessDefinitionId()).isEqualTo(v1.getId());
      taskOn(rounds.get(i), ROUND_TASKS.get(i), v1);
    }
    // the last round goes on to the publicity notice; the next change (a renamed notice task) takes it over there
    ProcessInstance last = rounds.get(3);
    step(last, "Task_PartyCommitteeReview");
    ProcessDefinition v2 = deploy(ChangedDiagram.of("designation-round")
        .rename("Task_PublishPublicityNotice", "在门户网站发布公示")
        .addTaskBefore("EndEvent_Published", "bureau"));
    migrate("designation-round", List.of(last));
    taskOn(last, "Task_PublishPublicityNotice", v2);
    step(last, "Task_PublishPublicityNotice");
    ProcessDefinition v3 = deploy(ChangedDiagram.of("designation-round")
        .rename("Task_PublishDesignation", "发文公布认定结果")
        .addTaskBefore("EndEvent_Published", "bureau"));
    migrate("designation-round", List.of(last));
    taskOn(last, "Task_PublishDesignation", v3);

    // every round runs to its end through its new version
    for (int i = 0; i < 3; i++) {
      ProcessInstance round = rounds.get(i);
      for (String s : ROUND_TASKS.subList(i, ROUND_TASKS.size())) {
        if (s.equals("Task_CompileProposedList") && i < 2) {
          assertThat(taskOn(round, s, v1).getName()).isEqualTo("研究提出拟评定名单");
        }
        if (s.equals("Task_PartyCommitteeReview")) {
          assertThat(taskOn(round, s, v1).getDueDate()).isEqualTo(workingDays.dueIn(12));
        }
        step(round, s);
      }
    }
    step(last, "Task_PublishDesignation");
    for (ProcessInstance round : rounds) {
      taskOn(round, ADDED_TASK, round == last ? v3 : v1);
      complete(round, ADDED_TASK, Map.of());
      assertEndedThrough(round, ADDED_TASK, "Task_RecordPublication");
    }
  }
}
