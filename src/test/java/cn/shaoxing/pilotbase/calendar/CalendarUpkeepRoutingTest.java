package cn.shaoxing.pilotbase.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing of processes/calendar-upkeep.bpmn on the light engine: the warning's start waits for the
 * bureau's form, the bureau's start form stores at once; both end after storing.
 */
@Deployment(resources = "processes/calendar-upkeep.bpmn")
class CalendarUpkeepRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  CalendarUpkeepSteps steps = mock(CalendarUpkeepSteps.class);

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("calendarUpkeepSteps", steps));
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine);
  }

  @Test
  void theWarningsStartWaitsForTheBureauToEnterTheYear() {
    ProcessInstance pi = engine.getRuntimeService().createMessageCorrelation(CalendarUpkeep.MESSAGE_MISSING)
        .processInstanceBusinessKey("2099").setVariable("calendarYear", 2099).correlateStartMessage();
    assertThat(pi).isWaitingAt("Task_EnterCalendar");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("补录工作日历：2099年节假日安排");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anyMatch(l -> "bureau".equals(l.getGroupId()));
    assertThat(task.getDueDate()).isEqualTo(RoutingEngine.someDay());
    verify(steps, never()).store(any());

    engine.getTaskService().complete(task.getId());
    verify(steps).store(any());
    assertThat(pi).isEnded().hasPassed("Task_StoreCalendar", "EndEvent_Stored");
  }

  @Test
  void theBureausStartFormStoresAtOnce() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(CalendarUpkeep.PROCESS, "2099",
        Map.of("calendarYear", 2099));
    verify(steps).store(any());
    assertThat(pi).isEnded().hasPassed("StartEvent_Bureau", "Task_StoreCalendar", "EndEvent_Stored")
        .hasNotPassed("Task_EnterCalendar");
  }
}
