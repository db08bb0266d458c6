package cn.shaoxing.pilotbase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
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
 * Routing of one base's evaluation (processes/evaluation-base.bpmn) on the light engine: self-
 * evaluation with reminder, deadline, extension or absence; district audit; experts or third party;
 * on-site check.
 */
@Deployment(resources = {"processes/evaluation-base.bpmn", "forms/evaluation-self-evaluation.form",
    "forms/evaluation-extension-decision.form", "forms/evaluation-district-audit.form",
    "forms/evaluation-expert-scoring.form", "forms/evaluation-third-party-scoring.form",
    "forms/evaluation-onsite-check.form"})
class EvaluationBaseRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  BaseEvaluationSteps steps = mock(BaseEvaluationSteps.class);

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("baseEvaluationSteps", steps));
    doAnswer(inv -> {
      DelegateExecution ex = inv.getArgument(0);
      ex.setVariable("baseUser", "base1");
      ex.setVariable("reviewerGroup", "districtKeqiao");
      ex.setVariable("selfEvaluationDue", RoutingEngine.someDay());
      ex.setVariable("selfEvaluationReminderAt", new java.util.Date(RoutingEngine.someDay().getTime() - 86_400_000L));
      return null;
    }).when(steps).loadBase(any());
    when(steps.panelOf(any())).thenReturn(List.of("expert1", "expert2", "expert3"));
    when(steps.onsiteUsers(any())).thenReturn(List.of("expert1"));
    when(steps.onsiteGroups(any())).thenReturn(List.of());
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine);
  }

  private ProcessInstance start(String scoringMode) {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("evaluation-base",
        Map.of("scoringMode", scoringMode, "cycleId", "c1", "baseId", "b1"));
    assertThat(p).isWaitingAt("Task_SelfEvaluation");
    assertThat(task(p)).isAssignedTo("base1");
    return p;
  }

  private ProcessInstance audited(String scoringMode) {
    ProcessInstance p = start(scoringMode);
    complete(task(p), Map.of("selfReport", "自评"));
    assertThat(task(p)).hasDefinitionKey("Task_DistrictAudit").hasCandidateGroup("districtKeqiao");
    complete(task(p), Map.of("auditDecision", "confirm"));
    return p;
  }

  private Job timer(ProcessInstance p, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(p.getId())
        .activityId(activityId).singleResult();
  }

  @Test
  void theReminderLeavesTheSelfEvaluationOpen() {
    ProcessInstance p = start("experts");
    execute(timer(p, "BoundaryEvent_Reminder"));
    assertThat(p).hasPassed("Task_SendReminder").isWaitingAt("Task_SelfEvaluation");
  }

  @Test
  void afterTheDeadlineTheBureauExtendsAndTheBaseFilesAgain() {
    ProcessInstance p = start("experts");
    execute(timer(p, "BoundaryEvent_Deadline"));
    assertThat(task(p)).hasDefinitionKey("Task_DecideExtension").hasCandidateGroup("bureau");
    complete(task(p), Map.of("extensionDecision", "extend"));
    assertThat(p).hasPassed("Task_GrantExtension").isWaitingAt("Task_SelfEvaluation");
  }

  @Test
  void afterTheDeadlineTheBureauRecordsTheBaseAbsent() {
    ProcessInstance p = start("experts");
    execute(timer(p, "BoundaryEvent_Deadline"));
    complete(task(p), Map.of("extensionDecision", "absent"));
    assertThat(p).hasPassed("Task_RecordAbsent").isEnded();
  }

  @Test
  void theDistrictReturnsTheSelfEvaluationToTheBase() {
    ProcessInstance p = start("experts");
    complete(task(p), Map.of("selfReport", "自评"));
    complete(task(p), Map.of("auditDecision", "return"));
    assertThat(p).hasPassed("Task_RecordAuditReturn").isWaitingAt("Task_SelfEvaluation");
  }

  @Test
  void threeExpertsScoreEachOnItsOwnTask() {
    ProcessInstance p = audited("experts");
    assertThat(p).hasPassed("Task_DrawPanel");
    List<Task> panel = taskQuery().processInstanceId(p.getId()).list();
    assertThat(panel).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert1", "expert2", "expert3");
    panel.forEach(t -> complete(t, Map.of("participation", "accept")));
    verify(steps, times(3)).recordSheet(any(), any());
    assertThat(p).hasPassed("Task_MarkScored").hasNotPassed("Task_OnSiteCheck").isEnded();
  }

  @Test
  void anExpertWhoDeclinesIsReplacedOnTheSameBranch() {
    doAnswer(inv -> {
      ((DelegateExecution) inv.getArgument(0)).setVariable("expert", "expert4");
      return null;
    }).when(steps).redrawExpert(any());
    ProcessInstance p = audited("experts");
    Task declined = taskQuery().processInstanceId(p.getId()).taskAssignee("expert2").singleResult();
    complete(declined, Map.of("participation", "declineConflict"));
    assertThat(taskQuery().processInstanceId(p.getId()).list()).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("expert1", "expert3", "expert4");
  }

  @Test
  void theThirdPartyScoresAndAnOnSiteCheckFollowsWhenAsked() {
    when(steps.onsiteRequested(any())).thenReturn(true);
    ProcessInstance p = audited("thirdParty");
    assertThat(task(p)).hasDefinitionKey("Task_ThirdPartyScoring").hasCandidateGroup("thirdParty");
    complete(task(p), Map.of("requestOnSite", true));
    verify(steps).recordSheet(any(), eq("thirdParty"));
    assertThat(task(p)).hasDefinitionKey("Task_OnSiteCheck").hasCandidateUser("expert1");
    complete(task(p), Map.of("onsiteConsistent", "consistent"));
    assertThat(p).hasPassed("Task_RecordOnSite", "Task_MarkScored").isEnded();
  }
}
