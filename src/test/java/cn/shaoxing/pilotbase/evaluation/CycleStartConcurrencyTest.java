package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.Outcomes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting one evaluation cycle twice at the same moment opens it once (the second bureau user is
 * refused in Chinese), and the biennial timer skips a year the bureau has already opened a cycle
 * for. PostgreSQL, two engine transactions in two threads.
 */
class CycleStartConcurrencyTest extends IntegrationTest {

  @Autowired EvaluationService evaluations;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  int cyclesNamed(String name) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM eva_cycle WHERE cycle_name=?", Integer.class, name);
  }

  @Test
  void twoSimultaneousStartsOfOneCycleOpenItOnce() throws Exception {
    // A clock before every base's designation: the cohort is empty and the cycle ends at once,
    // leaving no work behind for other tests.
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2000-03-01T09:00"));
    String name = "2044年度绩效评价（并发启动）";
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("evaluation-cycle").latestVersion().singleResult().getId();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<ProcessInstance>> starts = new ArrayList<>();
    try {
      for (String user : List.of("bureau1", "bureau2")) {
        starts.add(threads.submit(() -> {
          engine.getIdentityService().setAuthentication(user, List.of("bureau"));
          try {
            together.await(10, TimeUnit.SECONDS);
            return engine.getFormService().submitStartForm(definitionId, Map.of(
                "cycleName", name, "cycleYear", 2044L, "scoringMode", "experts", "panelSize", 3L,
                "selfEvaluationDays", 20L));
          } finally {
            engine.getIdentityService().clearAuthentication();
          }
        }));
      }
      Outcomes<ProcessInstance> outcomes = Outcomes.of(starts);
      List<ProcessInstance> started = outcomes.succeeded();
      List<Throwable> refused = outcomes.failed();

      assertThat(started).hasSize(1);
      assertThat(refused).singleElement()
          .isInstanceOf(ProcessEngineException.class)
          .extracting(Throwable::getMessage).asString()
          .contains("评价周期“" + name + "”已经开启，不能重复启动")
          .doesNotContainIgnoringCase("duplicate");
      assertThat(cyclesNamed(name)).isOne();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey("evaluation-cycle").processInstanceBusinessKey(name).count()).isOne();
      assertThat(started.get(0)).isEnded().hasPassed("EndEvent_NoBase");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theTimerSkipsAYearTheBureauHasAlreadyOpened() {
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2045-03-02T09:00"));
    // The bureau opened a cycle of 2045 already (empty cohort: designated-by date before every base).
    new TransactionTemplate(transactions).executeWithoutResult(s -> evaluations.openCycle(
        "2045年度绩效评价（市科技局提前启动）", 2045, EvaluationService.MODE_EXPERTS, null, 1, LocalDate.of(1999, 1, 1)));

    // What the timer runs, without moving the real timer job: the schedule from its first step.
    ProcessInstance schedule = engine.getRuntimeService().createProcessInstanceByKey("evaluation-schedule")
        .startBeforeActivity("Task_PrepareCycle").execute();

    assertThat(schedule).isEnded().hasPassed("Gateway_CycleAlreadyOpen", "EndEvent_CycleAlreadyOpen")
        .hasNotPassed("CallActivity_Cycle");
    assertThat(cyclesNamed("2045年度绩效评价")).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM eva_cycle WHERE cycle_year=2045", Integer.class)).isOne();
  }
}
