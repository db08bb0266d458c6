package cn.shaoxing.pilotbase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing of the biennial timer (processes/evaluation-schedule.bpmn) on the light engine: the timer
 * opens a cycle, or skips a year that already has one (an operator may execute the job again).
 */
@Deployment(resources = "processes/evaluation-schedule.bpmn")
class EvaluationScheduleRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  EvaluationSchedule schedule = mock(EvaluationSchedule.class);
  String stub;

  @BeforeEach
  void mocks() {
    when(schedule.timerCycle()).thenReturn("R/2026-03-01T09:00:00+08:00/P2Y");
    RoutingEngine.use(engine, Map.of("evaluationSchedule", schedule));
    stub = RoutingEngine.deployStandIn(engine, "evaluation-cycle", true);
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine, stub);
  }

  void alreadyOpen(boolean open) {
    doAnswer(inv -> {
      ((DelegateExecution) inv.getArgument(0)).setVariable(EvaluationVariables.CYCLE_ALREADY_OPEN.name(), open);
      return null;
    }).when(schedule).prepare(any());
  }

  String fireTheTimer() {
    Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate()).isNotNull();
    engine.getManagementService().executeJob(timer.getId());
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("evaluation-schedule").singleResult().getId();
  }

  boolean passed(String processInstanceId, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityId(activityId).list().stream()
        .map(HistoricActivityInstance::getActivityId).findAny().isPresent();
  }

  @Test
  void theTimerOpensTheCycleOfTheYear() {
    alreadyOpen(false);
    String pi = fireTheTimer();
    assertThat(passed(pi, "CallActivity_Cycle")).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("evaluation-cycle").count()).isOne();
    // the next timer is scheduled two years on
    assertThat(engine.getManagementService().createJobQuery().timers().count()).isOne();
  }

  @Test
  void aYearThatHasACycleIsSkipped() {
    alreadyOpen(true);
    String pi = fireTheTimer();
    assertThat(passed(pi, "EndEvent_CycleAlreadyOpen")).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("evaluation-cycle").count()).isZero();
  }
}
