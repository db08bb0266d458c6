package cn.shaoxing.pilotbase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 item 6 on PostgreSQL: an operator executing the biennial timer job again (Cockpit
 * "execute job") gets exactly one cycle for the year, no failed job and no incident, and an INFO line
 * saying why the start was skipped; two browser tabs submitting the same cycle start at the same
 * moment open it once, the second tab getting a Chinese 400 (not a 500). Test years 2095–2096.
 */
class ScheduleIdempotenceTest extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger scheduleLog = (Logger) LoggerFactory.getLogger(EvaluationSchedule.class);
  private Job timer;
  private Date originalDue;

  @BeforeEach
  void setUp() {
    captured.start();
    scheduleLog.addAppender(captured);
    // An empty cohort: the cycles end at once and leave no work for other tests.
    EvaluationFixtures.isolateRegister(jdbc);
  }

  @AfterEach
  void restoreTimer() {
    scheduleLog.detachAppender(captured);
    if (originalDue != null) {
      // the real schedule keeps its next date whatever this test executed
      engine.getManagementService().setJobDuedate(scheduleTimer().getId(), originalDue);
    }
  }

  Job scheduleTimer() {
    return engine.getManagementService().createJobQuery().processDefinitionKey("evaluation-schedule").timers()
        .singleResult();
  }

  int cyclesOfYear(int year) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM eva_cycle WHERE cycle_year=?", Integer.class, year);
  }

  List<String> passed(String processInstanceId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  @Test
  void executingTheTimerJobAgainOpensOneCycleWithoutFailedJobOrIncident() {
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2095-03-02T09:00"));
    timer = scheduleTimer();
    originalDue = timer.getDuedate();

    engine.getManagementService().executeJob(timer.getId());
    AsyncSteps.settle(engine);
    assertThat(cyclesOfYear(2095)).isOne();
    // The executed job is gone: executing "the same job" again finds nothing and changes nothing.
    assertThatThrownBy(() -> engine.getManagementService().executeJob(timer.getId()))
        .isInstanceOf(ProcessEngineException.class);

    // What Cockpit lists now is the next repetition: executing it in the same year is the operator's re-run.
    Job again = scheduleTimer();
    assertThat(again.getId()).isNotEqualTo(timer.getId());
    engine.getManagementService().executeJob(again.getId());
    AsyncSteps.settle(engine);

    assertThat(cyclesOfYear(2095)).isOne();
    List<HistoricProcessInstance> runs = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("evaluation-schedule").startedAfter(new Date(EvaluationFixtures.at("2095-03-02T08:59").getTime()))
        .orderByProcessInstanceStartTime().asc().list();
    assertThat(runs).hasSize(2);
    assertThat(passed(runs.get(0).getId())).contains("CallActivity_Cycle").doesNotContain("EndEvent_CycleAlreadyOpen");
    assertThat(passed(runs.get(1).getId())).contains("EndEvent_CycleAlreadyOpen").doesNotContain("CallActivity_Cycle");
    assertThat(runs.get(1).getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);

    Job next = scheduleTimer();
    assertThat(next.getRetries()).isEqualTo(timer.getRetries()); // retries unchanged: nothing failed
    assertThat(next.getExceptionMessage()).isNull();
    assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("evaluation-schedule")
        .withException().count()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery()
        .processDefinitionKeyIn("evaluation-schedule", "evaluation-cycle").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery()
        .processDefinitionKey("evaluation-schedule").count()).isZero();
    assertThat(captured.list).anySatisfy(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.INFO);
      assertThat(e.getFormattedMessage()).contains("2095年度已有绩效评价周期").contains("2095年度绩效评价")
          .contains("定时启动跳过");
    });
  }

  @Test
  void twoTabsStartingTheSameCycleOpenItOnceAndTheSecondIsToldInChinese() throws Exception {
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2096-03-02T09:00"));
    RestClient rest = new RestClient(baseUrl());
    String body = """
        {"variables": {"cycleName": {"value": "2096年度绩效评价"}, "cycleYear": {"value": 2096},
         "scoringMode": {"value": "experts"}, "panelSize": {"value": 3}, "selfEvaluationDays": {"value": 20}}}""";
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService tabs = Executors.newFixedThreadPool(2);
    List<Future<HttpResponse<String>>> submits = new ArrayList<>();
    try {
      for (String user : List.of("bureau1", "bureau2")) {
        submits.add(tabs.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return rest.postJson("/engine-rest/process-definition/key/evaluation-cycle/submit-form", user, body);
        }));
      }
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> f : submits) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
      HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 400).findFirst().orElseThrow();
      assertThat(refused.body()).contains("评价周期“2096年度绩效评价”已经开启，不能重复启动")
          .doesNotContainIgnoringCase("duplicate").doesNotContain("Exception:");
      assertThat(cyclesOfYear(2096)).isOne();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("evaluation-cycle")
          .processInstanceBusinessKey("2096年度绩效评价").count()).isOne();
    } finally {
      tabs.shutdownNow();
    }
  }
}
