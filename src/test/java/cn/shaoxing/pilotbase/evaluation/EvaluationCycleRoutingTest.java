package cn.shaoxing.pilotbase.evaluation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.support.AsyncSteps;
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
 * Routing of an evaluation cycle (processes/evaluation-cycle.bpmn) on the light engine; each base's
 * evaluation is a stand-in that ends at once (its own routing: {@link EvaluationBaseRoutingTest}).
 */
@Deployment(resources = {"processes/evaluation-cycle.bpmn", "forms/evaluation-cycle-start.form",
    "forms/evaluation-tie-decision.form", "forms/evaluation-grades-review.form",
    "forms/evaluation-party-approval.form", "forms/evaluation-publication.form"})
class EvaluationCycleRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  CycleSteps steps = mock(CycleSteps.class);
  String stub;

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("cycleSteps", steps));
    stub = RoutingEngine.deployStandIn(engine, "evaluation-base", false);
    cohortOf(2);
    tie(false);
    revocations(0);
    doAnswer(inv -> {
      ((DelegateExecution) inv.getArgument(0)).setVariable("publicityEndAt", RoutingEngine.someDay());
      return null;
    }).when(steps).startPublicity(any());
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine, stub);
  }

  void cohortOf(int n) {
    doAnswer(inv -> {
      DelegateExecution ex = inv.getArgument(0);
      ex.setVariable("cycleId", "c1");
      ex.setVariable("cohortSize", n);
      return null;
    }).when(steps).openCycle(any());
    when(steps.cohort(any())).thenReturn(List.of("b1", "b2").subList(0, n));
  }

  void tie(boolean pending) {
    doAnswer(inv -> {
      ((DelegateExecution) inv.getArgument(0)).setVariable("tiePending", pending);
      return null;
    }).when(steps).formGrades(any());
  }

  void revocations(int n) {
    doAnswer(inv -> {
      ((DelegateExecution) inv.getArgument(0)).setVariable("revocationCount", n);
      return null;
    }).when(steps).recordPublication(any());
    when(steps.revocationBaseIds(any())).thenReturn(List.of("b1", "b2").subList(0, n));
  }

  ProcessInstance start() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle",
        Map.of("cycleName", "2026年度绩效评价", "scoringMode", "experts"));
    AsyncSteps.settle(engine);
    return p;
  }

  /** Completes a task as Tasklist would, then runs the bulk steps it left to the job executor. */
  void complete(Task task, Map<String, Object> vars) {
    BpmnAwareTests.complete(task, vars);
    AsyncSteps.settle(engine);
  }

  void approveAndPublish(ProcessInstance p) {
    complete(task(p), Map.of("gradesConfirmed", true));
    assertThat(task(p)).hasDefinitionKey("Task_PartyApproval").hasCandidateGroup("partyCommittee");
    complete(task(p), Map.of("partyDecision", "approve"));
    assertThat(p).isWaitingAt("Timer_PublicityEnd");
    execute(job(p));
    assertThat(task(p)).hasDefinitionKey("Task_PublishResults").hasCandidateGroup("bureau");
    complete(task(p), Map.of("documentNumber", "绍市科发〔2026〕1号"));
  }

  @Test
  void workGrowingWithTheCohortRunsAfterTheClickAsJobs() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle",
        Map.of("cycleName", "2026年度绩效评价", "scoringMode", "experts"));
    assertThat(p).hasPassed("Task_OpenCycle").isWaitingAt("CallActivity_EvaluateBase#multiInstanceBody");
    assertThat(job(p)).isNotNull();
    AsyncSteps.settle(engine);
    assertThat(p).isWaitingAt("Task_ReviewGrades");
    complete(task(p), Map.of("gradesConfirmed", true));
    BpmnAwareTests.complete(task(p), Map.of("partyDecision", "approve"));
    assertThat(p).isWaitingAt("Task_StartPublicity");
    AsyncSteps.settle(engine);
    execute(job(p));
    BpmnAwareTests.complete(task(p), Map.of("documentNumber", "绍市科发〔2026〕1号"));
    assertThat(p).isWaitingAt("Task_RecordPublication");
    verify(steps, org.mockito.Mockito.never()).recordPublication(any());
    AsyncSteps.settle(engine);
    assertThat(p).hasPassed("Task_RecordPublication").isEnded();
  }

  @Test
  void aCycleWithoutBasesEndsAtOnce() {
    cohortOf(0);
    ProcessInstance p = start();
    assertThat(p).hasPassed("EndEvent_NoBase").isEnded();
  }

  @Test
  void everyBaseIsEvaluatedThenGradesGoToTheBureauAndTheParty() {
    ProcessInstance p = start();
    assertThat(p).hasPassed("CallActivity_EvaluateBase", "Task_FormGrades").hasNotPassed("Task_DecideTie");
    assertThat(task(p)).hasDefinitionKey("Task_ReviewGrades").hasCandidateGroup("bureau");
    approveAndPublish(p);
    assertThat(p).hasPassed("Task_RecordPublication").hasNotPassed("Task_StartRevocation").isEnded();
  }

  @Test
  void aTieAtTheCutOffIsDecidedByTheBureauFirst() {
    tie(true);
    ProcessInstance p = start();
    assertThat(task(p)).hasDefinitionKey("Task_DecideTie").hasCandidateGroup("bureau");
    complete(task(p), Map.of("tieReason", "理由"));
    assertThat(p).hasPassed("Task_ApplyTieDecision").isWaitingAt("Task_ReviewGrades");
  }

  @Test
  void thePartyCommitteeSendsTheGradesBackForAnotherLook() {
    ProcessInstance p = start();
    complete(task(p), Map.of("gradesConfirmed", true));
    complete(task(p), Map.of("partyDecision", "sendBack"));
    assertThat(p).isWaitingAt("Task_ReviewGrades");
    verify(steps, org.mockito.Mockito.times(2)).formGrades(any());
  }

  @Test
  void basesToRevokeEachGetARevocation() {
    revocations(2);
    ProcessInstance p = start();
    approveAndPublish(p);
    verify(steps).startRevocation(any(), eq("b1"));
    verify(steps).startRevocation(any(), eq("b2"));
    assertThat(p).isEnded();
  }
}
