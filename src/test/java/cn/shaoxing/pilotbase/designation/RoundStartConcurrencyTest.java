package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.Outcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two bureau users submitting the round's start form for the same year at the same moment (two
 * threads, two engine transactions on PostgreSQL): one round starts, the other user gets the
 * start form's Chinese refusal instead of a duplicate-key error.
 */
class RoundStartConcurrencyTest extends IntegrationTest {

  static final int YEAR = 2042;

  @Autowired JdbcTemplate jdbc;

  @Test
  void twoSimultaneousStartsForOneYearOpenOneRound() throws Exception {
    ClockUtil.setCurrentTime(DesignationTestSupport.at(YEAR + "-02-02T09:00"));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("designation-round").latestVersion().singleResult().getId();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<ProcessInstance>> starts = new ArrayList<>();
    try {
      for (String user : List.of("bureau1", "bureau2")) {
        Callable<ProcessInstance> start = () -> {
          engine.getIdentityService().setAuthentication(user, List.of("bureau"));
          try {
            together.await(10, TimeUnit.SECONDS);
            return engine.getFormService().submitStartForm(definitionId, Map.of(
                "roundYear", (long) YEAR, "applicationDeadline", YEAR + "-03-31", "panelSize", 5L,
                "formalCorrectionDays", 5L, "roundNotice", YEAR + "年度评选通知（" + user + "）"));
          } finally {
            engine.getIdentityService().clearAuthentication();
          }
        };
        starts.add(threads.submit(start));
      }
      Outcomes<ProcessInstance> outcomes = Outcomes.of(starts);
      List<ProcessInstance> started = outcomes.succeeded();
      List<Throwable> refused = outcomes.failed();

      assertThat(started).hasSize(1);
      assertThat(refused).singleElement()
          .isInstanceOf(ProcessEngineException.class)
          .extracting(Throwable::getMessage).asString()
          .contains(YEAR + "年度评选已经开启，每年只能开展一次评选")
          .doesNotContainIgnoringCase("duplicate");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-round")
          .variableValueEquals("roundYear", YEAR).count()).isOne();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey("designation-round").variableValueEquals("roundYear", YEAR).count()).isOne();
      assertThat(jdbc.queryForObject("SELECT process_instance_id FROM dsg_round WHERE round_year=?",
          String.class, YEAR)).isEqualTo(started.get(0).getId());
    } finally {
      threads.shutdownNow();
    }
  }
}
