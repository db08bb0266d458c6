package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_DEADLINE_AT;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PUBLICITY_END_AT;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing of the annual round (processes/designation-round.bpmn) on the light engine; the review of
 * each recommended application is a stand-in that ends at once ({@link ApplicationReviewRoutingTest}).
 */
@Deployment(resources = {"processes/designation-round.bpmn", "forms/designation-round-start.form",
    "forms/designation-district-ranking.form", "forms/designation-recommendations-confirm.form", "forms/designation-proposed-list.form",
    "forms/designation-party-review.form", "forms/designation-publicity-notice.form",
    "forms/designation-publication.form"})
class RoundRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  RoundSteps steps = mock(RoundSteps.class);
  String stub;

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("roundSteps", steps));
    stub = RoutingEngine.deployStandIn(engine, "designation-evaluation", false);
    doAnswer(RoutingEngine.sets(APPLICATION_DEADLINE_AT, RoutingEngine.someDay())).when(steps).openRound(any());
    doAnswer(RoutingEngine.sets(PUBLICITY_END_AT, RoutingEngine.someDay())).when(steps).startPublicity(any());
    recommended("a1", "a2");
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine, stub);
  }

  void recommended(String... ids) {
    when(steps.hasRecommendations(any())).thenReturn(ids.length > 0);
    when(steps.recommendedIds(any())).thenReturn(List.of(ids));
    when(steps.rankingGroups(any())).thenReturn(ids.length > 0 ? List.of("districtKeqiao") : List.of());
  }

  /** Completes a task as Tasklist would, then runs the bulk steps it left to the job executor. */
  void complete(org.camunda.bpm.engine.task.Task task, Map<String, Object> vars) {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task, vars);
    AsyncSteps.settle(engine);
  }

  void complete(org.camunda.bpm.engine.task.Task task) {
    complete(task, Map.of());
  }

  ProcessInstance deadlinePassed() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("designation-round",
        Map.of("roundYear", 2031L));
    assertThat(p).isWaitingAt("Timer_ApplicationDeadline");
    execute(job(p));
    assertThat(p).hasPassed("Task_CloseApplications");
    return p;
  }

  /** After the deadline and the districts' rankings: the bureau collects the recommendations. */
  ProcessInstance afterTheDeadline() {
    ProcessInstance p = deadlinePassed();
    for (org.camunda.bpm.engine.task.Task t : engine.getTaskService().createTaskQuery()
        .processInstanceId(p.getId()).taskDefinitionKey("Task_RankRecommendations").list()) {
      complete(t);
    }
    assertThat(task(p)).hasDefinitionKey("Task_ConfirmRecommendations").hasCandidateGroup("bureau");
    verify(steps).summarizeRecommendations(any());
    return p;
  }

  @Test
  void aRoundWithoutRecommendationsCloses() {
    recommended();
    ProcessInstance p = afterTheDeadline();
    assertThat(p).hasNotPassed("Task_RankRecommendations");
    complete(task(p));
    assertThat(p).hasPassed("Task_CloseWithoutCandidates", "EndEvent_NoCandidates").isEnded();
  }

  @Test
  void eachReviewerGroupRanksItsRecommendationsInItsOwnTaskBeforeTheBureauCollects() {
    when(steps.rankingGroups(any())).thenReturn(List.of("districtKeqiao", "unitEducation"));
    ProcessInstance p = deadlinePassed();
    List<org.camunda.bpm.engine.task.Task> rankings = engine.getTaskService().createTaskQuery()
        .processInstanceId(p.getId()).taskDefinitionKey("Task_RankRecommendations").list();
    org.assertj.core.api.Assertions.assertThat(rankings).hasSize(2);
    assertThat(rankings.get(0)).hasName("区县择优推荐排序");
    org.assertj.core.api.Assertions.assertThat(rankings.stream().map(t -> engine.getTaskService().getIdentityLinksForTask(t.getId())
        .get(0).getGroupId()).toList()).containsExactlyInAnyOrder("districtKeqiao", "unitEducation");
    org.assertj.core.api.Assertions.assertThat(rankings).allSatisfy(
        t -> org.assertj.core.api.Assertions.assertThat(t.getDueDate()).isNotNull());
    verify(steps, times(2)).prepareRanking(any());
    complete(rankings.get(0));
    assertThat(p).isWaitingAt("Task_RankRecommendations");
    complete(rankings.get(1));
    verify(steps, times(2)).recordRanking(any());
    assertThat(task(p)).hasDefinitionKey("Task_ConfirmRecommendations");
  }

  @Test
  void theRecommendedAreReviewedThenListedApprovedPublicisedAndPublished() {
    ProcessInstance p = afterTheDeadline();
    complete(task(p));
    assertThat(p).hasPassed("CallActivity_Evaluate", "Task_PrepareProposedList");
    assertThat(task(p)).hasDefinitionKey("Task_CompileProposedList").hasCandidateGroup("bureau");
    complete(task(p));
    assertThat(task(p)).hasDefinitionKey("Task_PartyCommitteeReview").hasCandidateGroup("partyCommittee");
    complete(task(p), Map.of("partyDecision", "approve"));
    assertThat(task(p)).hasDefinitionKey("Task_PublishPublicityNotice");
    complete(task(p));
    assertThat(p).hasPassed("Task_StartPublicity").isWaitingAt("Timer_PublicityEnd");
    execute(job(p));
    complete(task(p));
    assertThat(p).hasPassed("Task_RecordPublication", "EndEvent_Published").isEnded();
  }

  @Test
  void thePartyCommitteeSendsTheListBack() {
    ProcessInstance p = afterTheDeadline();
    complete(task(p));
    complete(task(p));
    complete(task(p), Map.of("partyDecision", "sendBack"));
    assertThat(p).isWaitingAt("Task_CompileProposedList");
    verify(steps, times(2)).prepareProposedList(any());
  }

  @Test
  void workGrowingWithTheRoundRunsAfterTheClickAsJobs() {
    ProcessInstance p = afterTheDeadline();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task(p));
    assertThat(p).isWaitingAt("CallActivity_Evaluate#multiInstanceBody");
    verify(steps, times(0)).prepareProposedList(any());
    AsyncSteps.settle(engine);
    assertThat(task(p)).hasDefinitionKey("Task_CompileProposedList");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task(p));
    assertThat(p).isWaitingAt("Task_RecordProposedList");
    AsyncSteps.settle(engine);
    complete(task(p), Map.of("partyDecision", "approve"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task(p));
    assertThat(p).isWaitingAt("Task_StartPublicity");
    AsyncSteps.settle(engine);
    execute(job(p));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task(p));
    assertThat(p).isWaitingAt("Task_RecordPublication");
    verify(steps, times(0)).recordPublication(any());
    AsyncSteps.settle(engine);
    assertThat(p).hasPassed("Task_RecordPublication", "EndEvent_Published").isEnded();
  }
}
