package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICANT_USER_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CORRECTION_DUE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ONSITE_REQUESTED;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PANEL_LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.experts.ExpertPanels;
import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing of the review of one recommended application (processes/designation-evaluation.bpmn) on
 * the light engine: formal review (pass, one return with a deadline, fail), the expert panel with
 * replacements, the on-site check.
 */
@Deployment(resources = {"processes/designation-evaluation.bpmn", "forms/designation-formal-review.form",
    "forms/designation-formal-correction.form", "forms/designation-expert-review.form",
    "forms/designation-onsite-check.form"})
class ApplicationReviewRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  ApplicationReviewSteps steps = mock(ApplicationReviewSteps.class);

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("applicationReviewSteps", steps));
    doAnswer(RoutingEngine.sets(APPLICANT_USER_ID, "org1")).when(steps).loadApplication(any());
    doAnswer(RoutingEngine.sets(CORRECTION_DUE, RoutingEngine.someDay())).when(steps).recordFormalReturn(any());
    when(steps.panelOf(any())).thenReturn(List.of("expert1", "expert2", "expert3"));
    onsite(false);
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine);
  }

  void onsite(boolean requested) {
    doAnswer(inv -> {
      DelegateExecution ex = inv.getArgument(0);
      ONSITE_REQUESTED.set(ex, requested);
      PANEL_LEADER.set(ex, "expert1");
      return null;
    }).when(steps).aggregateScores(any());
  }

  ProcessInstance start() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("designation-evaluation",
        Map.of("applicationId", "a1"));
    assertThat(task(p)).hasDefinitionKey("Task_FormalReview").hasCandidateGroup("thirdParty");
    return p;
  }

  List<Task> panel(ProcessInstance p) {
    return taskQuery().processInstanceId(p.getId()).taskDefinitionKey("Task_ExpertReview").list();
  }

  @Test
  void aPassedApplicationIsReviewedByEachExpertOfThePanel() {
    ProcessInstance p = start();
    complete(task(p), Map.of("formalDecision", "pass"));
    assertThat(p).hasPassed("Task_DrawPanel");
    assertThat(panel(p)).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert1", "expert2", "expert3");
    panel(p).forEach(t -> complete(t, Map.of("participation", "accept")));
    verify(steps, times(3)).recordExpertReview(any());
    assertThat(p).hasPassed("Task_AggregateScores", "EndEvent_Evaluated").hasNotPassed("Task_OnSiteCheck");
  }

  @Test
  void aDecliningExpertIsReplacedInPlace() {
    doAnswer(RoutingEngine.sets(ExpertPanels.EXPERT, "expert4")).when(steps).redrawExpert(any());
    ProcessInstance p = start();
    complete(task(p), Map.of("formalDecision", "pass"));
    complete(panel(p).stream().filter(t -> "expert2".equals(t.getAssignee())).findFirst().orElseThrow(),
        Map.of("participation", "declineUnavailable"));
    assertThat(panel(p)).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert1", "expert3", "expert4");
  }

  @Test
  void theLeaderChecksOnSiteWhenAnExpertAsks() {
    onsite(true);
    ProcessInstance p = start();
    complete(task(p), Map.of("formalDecision", "pass"));
    panel(p).forEach(t -> complete(t, Map.of("participation", "accept")));
    assertThat(task(p)).hasDefinitionKey("Task_OnSiteCheck").isAssignedTo("expert1");
    complete(task(p));
    assertThat(p).hasPassed("Task_RecordOnSiteFindings", "EndEvent_Evaluated").isEnded();
  }

  @Test
  void aFailedFormalReviewEndsTheReview() {
    ProcessInstance p = start();
    complete(task(p), Map.of("formalDecision", "fail"));
    assertThat(p).hasPassed("Task_RecordFormalFailure", "EndEvent_FormalFailed").isEnded();
  }

  @Test
  void aReturnGoesToTheApplicantAndTheCorrectionComesBackToTheThirdParty() {
    ProcessInstance p = start();
    complete(task(p), Map.of("formalDecision", "return"));
    assertThat(task(p)).hasDefinitionKey("Task_FormalCorrection").isAssignedTo("org1");
    assertThat(task(p).getDueDate()).isEqualTo(RoutingEngine.someDay());
    complete(task(p));
    assertThat(p).hasPassed("Task_RecordFormalCorrection").isWaitingAt("Task_FormalReview");
  }

  @Test
  void aCorrectionNotDoneInTimeFailsTheApplication() {
    ProcessInstance p = start();
    complete(task(p), Map.of("formalDecision", "return"));
    execute(job(p));
    assertThat(p).hasPassed("Task_RecordCorrectionOverdue", "EndEvent_CorrectionOverdue").isEnded();
  }
}
