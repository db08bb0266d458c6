package cn.shaoxing.pilotbase.evaluation;

import static cn.shaoxing.pilotbase.support.EvaluationFixtures.at;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.code;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.confirm;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.fireTimer;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.selfEvaluation;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An evaluation cycle far larger than Shaoxing's (issue 11) on PostgreSQL: {@value #BASES} bases,
 * scored by the third party, through grading to publication. The grade table is a JSON variable
 * shown as a form table; no String variable may exceed PostgreSQL's 4,000 characters.
 */
class LargeCycleTest extends IntegrationTest {

  static final int BASES = 100;
  static final String[] GROUPS = {"districtYuecheng", "districtKeqiao", "districtShangyu",
      "districtZhuji", "districtShengzhou", "districtXinchang", "districtBinhai", "unitEducation"};

  @Autowired RegisterService register;
  @Autowired EvaluationService evaluations;
  @Autowired BaseAccounts baseAccounts;
  @Autowired ExpertPoolService experts;
  @Autowired EvidenceService evidence;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
  }

  @Test
  void aCycleOf100BasesIsGradedAndPublishedWithNoStringVariableGrowingWithIt() throws Exception {
    long start = System.nanoTime();
    ClockUtil.setCurrentTime(at("2026-06-01T09:00"));
    List<DesignatedBase> bases = new ArrayList<>();
    for (int i = 1; i <= BASES; i++) {
      bases.add(EvaluationFixtures.base(register, baseAccounts, String.format("规模评价中试基地%03d有限公司", i),
          code(700_000 + i), GROUPS[i % GROUPS.length], LocalDate.of(2024, 1, 10), "bigbase" + i));
    }
    ProcessInstance cycle;
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      cycle = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle", Map.of(
          "cycleName", "2026年度绩效评价（规模测试）", "cycleYear", 2026L, "scoringMode", "thirdParty",
          "panelSize", 3L, "selfEvaluationDays", 20L));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    assertThat(evaluations.cohortIds(cycleId)).hasSize(BASES);
    // the bureau's click opened the cycle; the 100 evaluations start after it, as jobs (ADR 0017)
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("evaluation-base").superProcessInstanceId(cycle.getId()).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .messages().count()).isEqualTo(1);
    assertThat(AsyncSteps.settle(engine)).isGreaterThan(BASES);

    for (int i = 0; i < BASES; i++) {
      String pi = EvaluationFixtures.baseInstance(engine, cycleId, bases.get(i).id()).getId();
      complete(pi, "Task_SelfEvaluation", selfEvaluation(1 + i % 10));
      complete(pi, "Task_DistrictAudit", confirm());
      complete(pi, "Task_ThirdPartyScoring", sheet(5.0 - (i % 5), false));
    }
    long scored = System.nanoTime();

    if (task(cycle.getId(), "Task_DecideTie") != null) {
      int seats = ((Number) engine.getRuntimeService().getVariable(cycle.getId(), "tieSeats")).intValue();
      JsonNode options = json.readTree(engine.getRuntimeService().getVariable(cycle.getId(), "tieOptions").toString());
      List<String> chosen = new ArrayList<>();
      for (int k = 0; k < seats; k++) {
        chosen.add(options.get(k).path("value").asText());
      }
      complete(cycle.getId(), "Task_DecideTie", Map.of("tieExcellent", chosen, "tieReason", "服务本市主导产业企业更多"));
    }
    assertThat(cycle).isWaitingAt("Task_ReviewGrades");
    JsonNode grades = json.readTree(engine.getRuntimeService().getVariable(cycle.getId(), "grades").toString());
    assertThat(grades).hasSize(BASES);
    assertThat((String) engine.getRuntimeService().getVariable(cycle.getId(), "gradeOverview"))
        .startsWith("参评基地" + BASES + "家");
    complete(cycle.getId(), "Task_ReviewGrades", Map.of("gradesConfirmed", true));
    complete(cycle.getId(), "Task_PartyApproval", Map.of("partyDecision", "approve",
        "meetingDate", AppClock.today().toString()));
    Date end = (Date) engine.getRuntimeService().getVariable(cycle.getId(), "publicityEndAt");
    fireTimer(engine, cycle.getId(), "Timer_PublicityEnd", end);
    Task publish = task(cycle.getId(), "Task_PublishResults");
    engine.getTaskService().complete(publish.getId(), Map.of("documentNumber", "绍市科发〔2026〕70号",
        "documentDate", AppClock.today().toString()));
    // the click only records the document; the register and the 100 mails follow as a job
    assertThat(cycle).isWaitingAt("Task_RecordPublication");
    assertThat(evaluations.findCycle(cycleId).orElseThrow().status()).isNotEqualTo(CycleStatus.PUBLISHED);
    AsyncSteps.settle(engine);
    assertThat(evaluations.findCycle(cycleId).orElseThrow().status()).isEqualTo(CycleStatus.PUBLISHED);
    long published = System.nanoTime();

    assertThat(cycle).isEnded();
    assertThat(evaluations.participations(cycleId)).hasSize(BASES).allMatch(p -> p.grade() != null);
    assertThat(json.readTree(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.getId()).variableName("grades").singleResult().getValue().toString()))
        .hasSize(BASES);
    assertThat(jdbc.queryForList("SELECT name_ FROM act_ru_variable WHERE length(text_) > 4000", String.class))
        .isEmpty();
    assertThat(jdbc.queryForList("SELECT name_ FROM act_hi_varinst WHERE length(text_) > 4000", String.class))
        .isEmpty();
    Integer longest = jdbc.queryForObject("SELECT max(length(text_)) FROM act_hi_varinst"
        + " WHERE var_type_ = 'string' AND root_proc_inst_id_ = ?", Integer.class, cycle.getId());
    assertThat(longest).isLessThan(4000);
    System.out.printf("LargeCycleTest: %d bases: evaluated %.1f s, grading to publication %.1f s,"
        + " total %.1f s; longest String variable of the cycle %d characters%n", BASES,
        (scored - start) / 1e9, (published - scored) / 1e9, (published - start) / 1e9, longest);
  }

  Task task(String processInstanceId, String key) {
    return EvaluationFixtures.task(engine, processInstanceId, key);
  }

  void complete(String processInstanceId, String key, Map<String, Object> vars) {
    Task t = task(processInstanceId, key);
    assertThat(t).as("task %s", key).isNotNull();
    EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }
}
