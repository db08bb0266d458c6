package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.expertScores;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.formalPass;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.recommend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.HashMap;
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
 * A round far larger than Shaoxing's (issue 11) on PostgreSQL, where a String variable holds at
 * most 4,000 characters: {@value #APPLICATIONS} applications go through the round to publication.
 * The lists that grow with the round are JSON variables shown as form tables; no String variable
 * may exceed the limit. Round year 2070 (see DesignationRoundProcessTest for the others).
 */
class LargeRoundTest extends IntegrationTest {

  static final int YEAR = 2070;
  static final int APPLICATIONS = 300;
  /** Applications that pass the formal review and are scored by a panel; the others fail it. */
  static final int EXPERT_STAGE = 300;
  static final String[] DISTRICTS = DesignationTestSupport.DISTRICTS;

  @Autowired ApplicationService applications;
  @Autowired RoundService rounds;
  @Autowired RegisterService register;
  @Autowired ExpertPoolService experts;
  @Autowired ApplicantAccountService accounts;
  @Autowired EvidenceService evidence;
  @Autowired JdbcTemplate jdbc;

  RuntimeService runtime;
  TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    DesignationTestSupport.seedExperts(experts);
  }

  @Test
  void aRoundOf300ApplicationsIsPublishedAndNoStringVariableGrowsWithIt() throws Exception {
    long start = System.nanoTime();
    ClockUtil.setCurrentTime(at(YEAR + "-03-03T09:00"));
    ProcessInstance round = as("bureau1", "bureau", () -> runtime.startProcessInstanceByKey(
        "designation-round", Map.of("roundYear", (long) YEAR, "applicationDeadline", YEAR + "-03-31",
            "panelSize", 3L, "formalCorrectionDays", 5L, "roundNotice", YEAR + "年度评选通知")));

    // 300 organisations file; their districts recommend them (the rank comes after the deadline).
    for (int n = 1; n <= APPLICATIONS; n++) {
      String district = DISTRICTS[n % DISTRICTS.length];
      String code = code((YEAR % 100) * 1000L + n);
      String org = "规模测试中试单位" + n + "有限公司";
      String account = DesignationTestSupport.account(accounts, "big" + YEAR % 100 + "n" + n, code, org, district);
      EvidenceFixtures.applicationDrafts(evidence, account);
      Map<String, Object> filing = application(org, code, district, "biomedicine");
      ProcessInstance application = as(account, "applicant",
          () -> runtime.startProcessInstanceByKey("designation-application", filing));
      Task review = tasks.createTaskQuery().processInstanceId(application.getId())
          .taskDefinitionKey("Task_DistrictReview").singleResult();
      tasks.complete(review.getId(), recommend());
      AsyncSteps.settle(engine);
    }
    long filed = System.nanoTime();

    // The deadline passes: the bureau sees every application in one table, and confirms.
    fire(round, at(YEAR + "-04-01T09:00"));

    // Each district ranks all its recommendations in one task (区县择优推荐排序), as its own user:
    // here in the reverse of the order offered.
    List<Task> rankings = DesignationTestSupport.rankingTasks(tasks, round.getId());
    assertThat(rankings).hasSize(DISTRICTS.length);
    Map<String, List<String>> rankedIds = new HashMap<>();
    for (Task t : rankings) {
      String group = tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId();
      List<String> offered = DesignationTestSupport.offeredIds(tasks, t.getId());
      assertThat(offered).hasSize((int) applications.ofRound(YEAR).stream()
          .filter(a -> a.reviewerGroup().equals(group)).count());
      List<String> ranked = new java.util.ArrayList<>(offered);
      java.util.Collections.reverse(ranked);
      rankedIds.put(group, ranked);
      as(group + "-ranker", group, () -> {
        engine.getFormService().submitTaskForm(t.getId(), DesignationTestSupport.ranking(ranked));
        AsyncSteps.settle(engine);
        return null;
      });
    }
    rankedIds.forEach((group, ids) -> {
      for (int i = 0; i < ids.size(); i++) {
        assertThat(applications.get(ids.get(i)).districtRank()).isEqualTo(i + 1);
      }
    });
    long ranked = System.nanoTime();
    assertThat(round).isWaitingAt("Task_ConfirmRecommendations");
    JsonNode recommendations = json.readTree(runtime.getVariable(round.getId(), "recommendations").toString());
    assertThat(recommendations).hasSize(APPLICATIONS);
    assertThat(recommendations.get(0).path("status").asText()).isEqualTo("已推荐");
    Task confirm = tasks.createTaskQuery().processInstanceId(round.getId())
        .taskDefinitionKey("Task_ConfirmRecommendations").singleResult();
    tasks.complete(confirm.getId(), Map.of("recommendationsConfirmed", true));
    // the clerk's click only records the confirmation: the 300 evaluations start after it, as jobs
    // (ADR 0017), so the click costs the same at 10 or 1,000 applications
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(round.getId()).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(round.getId()).messages().count())
        .isEqualTo(1);
    assertThat(AsyncSteps.settle(engine)).isGreaterThan(APPLICATIONS);

    // Formal reviews; the panels of three score.
    List<String> evaluations = runtime.createProcessInstanceQuery().superProcessInstanceId(round.getId())
        .list().stream().map(ProcessInstance::getId).toList();
    assertThat(evaluations).hasSize(APPLICATIONS);
    List<Task> formal = tasks.createTaskQuery().processInstanceIdIn(evaluations.toArray(String[]::new))
        .taskDefinitionKey("Task_FormalReview").list();
    assertThat(formal).hasSize(APPLICATIONS);
    for (int i = 0; i < formal.size(); i++) {
      Map<String, Object> decision = formalPass();
      if (i >= EXPERT_STAGE) {
        decision.put("formalDecision", "fail");
        decision.put("formalComments", "规模测试：未通过形式审查");
      }
      tasks.complete(formal.get(i).getId(), decision);
      AsyncSteps.settle(engine);
    }
    long formalDone = System.nanoTime();
    List<Task> reviews = tasks.createTaskQuery().processInstanceIdIn(evaluations.toArray(String[]::new))
        .taskDefinitionKey("Task_ExpertReview").list();
    assertThat(reviews).hasSize(EXPERT_STAGE * 3);
    for (Task t : reviews) {
      tasks.complete(t.getId(), expertScores(0.8, false));
      AsyncSteps.settle(engine);
    }
    long scored = System.nanoTime();

    // The bureau proposes every scored candidate (the table lists them all); party, publicity.
    assertThat(round).isWaitingAt("Task_CompileProposedList");
    JsonNode candidates = json.readTree(runtime.getVariable(round.getId(), "candidates").toString());
    assertThat(candidates).hasSize(EXPERT_STAGE);
    List<String> proposed = applications.ofRound(YEAR, ApplicationStatus.EVALUATED).stream()
        .map(Application::id).toList();
    assertThat(proposed).hasSize(EXPERT_STAGE);
    complete(round, "Task_CompileProposedList", Map.of("proposedApplications",
        SpinValues.jsonValue(json.writeValueAsString(proposed)).create()));
    complete(round, "Task_PartyCommitteeReview",
        Map.of("partyDecision", "approve", "meetingDate", AppClock.today().toString()));
    complete(round, "Task_PublishPublicityNotice", Map.of("objectionContact", "0575-85000000，kjj@sx.gov.cn"));
    Date publicityEnd = (Date) runtime.getVariable(round.getId(), "publicityEndAt");
    fire(round, new Date(publicityEnd.getTime() + 3_600_000L));
    Task publish = tasks.createTaskQuery().processInstanceId(round.getId())
        .taskDefinitionKey("Task_PublishDesignation").singleResult();
    tasks.complete(publish.getId(),
        Map.of("documentNumber", "绍市科发〔" + YEAR + "〕1号", "documentDate", AppClock.today().toString()));
    // the document is recorded; the register and the 300 outcome mails follow as a job
    assertThat(round).isWaitingAt("Task_RecordPublication");
    assertThat(register.listByYear(YEAR)).isEmpty();
    AsyncSteps.settle(engine);
    long published = System.nanoTime();

    assertThat(round).isEnded().hasPassed("EndEvent_Published");
    assertThat(rounds.find(YEAR).orElseThrow().status()).isEqualTo(RoundStatus.PUBLISHED);
    assertThat(register.listByYear(YEAR)).hasSize(EXPERT_STAGE);
    // what the forms showed, kept in the history
    assertThat(json.readTree(history(round, "recommendations"))).hasSize(APPLICATIONS);
    assertThat(json.readTree(history(round, "candidates"))).hasSize(EXPERT_STAGE);
    // no String variable over PostgreSQL's 4,000 characters, in the runtime or the history
    assertThat(jdbc.queryForList("SELECT name_ FROM act_ru_variable WHERE length(text_) > 4000", String.class))
        .isEmpty();
    assertThat(jdbc.queryForList("SELECT name_ FROM act_hi_varinst WHERE length(text_) > 4000", String.class))
        .isEmpty();
    // nor one that grows with the round: the longest of this round's instances is short
    Map<String, Object> longest = jdbc.queryForMap("SELECT v.name_ AS name, length(v.text_) AS length"
        + " FROM act_hi_varinst v WHERE v.var_type_ = 'string' AND (v.root_proc_inst_id_ = ? OR"
        + " v.proc_inst_id_ IN (SELECT a.process_instance_id FROM dsg_application a WHERE a.round_year = ?))"
        + " ORDER BY length(v.text_) DESC NULLS LAST LIMIT 1", round.getId(), YEAR);
    assertThat(((Number) longest.get("length")).intValue()).isLessThan(4000);

    System.out.printf("LargeRoundTest: %d applications (%d scored by panels of 3): filed and"
        + " recommended %.1f s, district rankings %.1f s, formal reviews %.1f s, expert reviews %.1f s, list to publication"
        + " %.1f s, total %.1f s; longest String variable %s, %s characters%n", APPLICATIONS,
        EXPERT_STAGE, secs(filed - start), secs(ranked - filed), secs(formalDone - ranked), secs(scored - formalDone),
        secs(published - scored), secs(published - start), longest.get("name"), longest.get("length"));
  }

  // ------------------------------------------------------------------ helpers

  static double secs(long nanos) {
    return nanos / 1e9;
  }

  String history(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue().toString();
  }

  <T> T as(String user, String group, java.util.function.Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    assertThat(t).as("task %s", key).isNotNull();
    tasks.complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  void fire(ProcessInstance pi, Date now) {
    ClockUtil.setCurrentTime(now);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    assertThat(job).as("timer of %s", pi.getId()).isNotNull();
    engine.getManagementService().executeJob(job.getId());
    AsyncSteps.settle(engine);
  }
}
