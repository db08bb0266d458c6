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

import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.ScoringActor;
import cn.shaoxing.pilotbase.scoring.ScoringConfigService;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9 on PostgreSQL: the designation round scores with the bureau's indicator table. A rule the
 * bureau changes through {@code PUT /api/scoring/indicators/{id}/rule} reaches the next round's
 * scores; the round under way keeps the table it opened with; each application records the table
 * version it was scored with. Own years 2051 and 2052.
 */
class DesignationScoringRuleChangeTest extends IntegrationTest {

  @Autowired ApplicationService applications;
  @Autowired ExpertPoolService experts;
  @Autowired ApplicantAccountService accounts;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;
  @Autowired ScoringConfigService scoringConfig;

  @Test
  void aRuleChangedByTheBureauReachesTheNextRoundsScores() throws Exception {
    DesignationTestSupport.seedExperts(experts);
    RestClient rest = new RestClient(baseUrl());
    try {
      // 2051: the round opens with the table in force; figures filed: service income 1200 万元.
      ClockUtil.setCurrentTime(at("2051-03-01T09:00"));
      long before = scoringConfig.currentTable().version();
      ProcessInstance evaluation2051 = openRoundAndReachExpertReview(2051, 51001, "越城规则中试有限公司");

      // While its experts review, the bureau raises service income's full-points line to 1200 万元.
      HttpResponse<String> changed = rest.putJson("/api/scoring/indicators/serviceIncome/rule", "bureau1",
          "{\"rule\":{\"kind\":\"LINEAR\",\"floor\":100,\"cap\":1200},\"reason\":\"按2051年服务收入水平调整满分标准\"}");
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      long after = scoringConfig.currentTable().version();
      assertThat(after).isGreaterThan(before);

      String id2051 = finishExpertReview(evaluation2051);
      // The round under way keeps its table: (1200−100)÷(2000−100)×20 = 11.58; with 4+4+4+5 + 10
      // + 20 + 20 and the experts' 4 + 4 → 86.58.
      Application a2051 = applications.get(id2051);
      assertThat(a2051.finalScore()).isEqualByComparingTo("86.58");
      assertThat(a2051.tableVersion()).isEqualTo(before);
      assertThat(applications.scoreWorking(id2051)).contains("(1200−100)÷(2000−100)×20");

      // 2052: the next round opens with the changed table → full 20 points for 1200 万元 → 95.00.
      ClockUtil.setCurrentTime(at("2052-03-01T09:00"));
      String id2052 = finishExpertReview(openRoundAndReachExpertReview(2052, 52001, "柯桥规则中试中心"));
      Application a2052 = applications.get(id2052);
      assertThat(a2052.finalScore()).isEqualByComparingTo("95.00");
      assertThat(a2052.tableVersion()).isEqualTo(after);
      assertThat(applications.scoreWorking(id2052)).contains("≥1200万元得满分20分");
    } finally {
      ClockUtil.reset();
      // restore the default for other tests sharing the database
      scoringConfig.updateRule("serviceIncome", DefaultIndicatorTable.table().get("serviceIncome").rule(),
          "测试后恢复默认", new ScoringActor("bureau1", List.of("bureau")));
    }
  }

  /** Opens the year's round, files one recommended application, passes formal review. */
  private ProcessInstance openRoundAndReachExpertReview(int year, long codeNumber, String org) {
    var runtime = engine.getRuntimeService();
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance round;
    try {
      round = runtime.startProcessInstanceByKey("designation-round", Map.of(
          "roundYear", (long) year, "applicationDeadline", year + "-03-20", "panelSize", 3L,
          "formalCorrectionDays", 5L, "roundNotice", year + "年度评选通知"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String code = code(codeNumber);
    String account = DesignationTestSupport.account(accounts, "rule" + year, code, org, "districtYuecheng");
    cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, account);
    engine.getIdentityService().setAuthentication(account, List.of("applicant"));
    ProcessInstance app;
    try {
      app = runtime.startProcessInstanceByKey("designation-application",
          application(org, code, "districtYuecheng", "biomedicine"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    complete(app.getId(), "Task_DistrictReview", recommend());
    ClockUtil.setCurrentTime(at(year + "-03-21T09:00"));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(round.getId()).timers()
        .singleResult();
    engine.getManagementService().executeJob(timer.getId());
    AsyncSteps.settle(engine);
    cn.shaoxing.pilotbase.support.DesignationTestSupport.rankAll(engine, round.getId());
    complete(round.getId(), "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
    String appId = applications.ofRound(year).get(0).id();
    ProcessInstance evaluation = runtime.createProcessInstanceQuery()
        .processDefinitionKey("designation-evaluation").variableValueEquals("applicationId", appId)
        .singleResult();
    complete(evaluation.getId(), "Task_FormalReview", formalPass());
    return evaluation;
  }

  /** The three experts accept and mark 4 of 5 on the two indicators experts score; returns the id. */
  private String finishExpertReview(ProcessInstance evaluation) {
    String appId = (String) engine.getRuntimeService().getVariable(evaluation.getId(), "applicationId");
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(evaluation.getId())
        .taskDefinitionKey("Task_ExpertReview").list()) {
      engine.getTaskService().complete(t.getId(), expertScores(0.8, false));
      AsyncSteps.settle(engine);
    }
    return appId;
  }

  private void complete(String processInstanceId, String key, Map<String, Object> vars) {
    Task t = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
    assertThat(t).as("task %s", key).isNotNull();
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }
}
