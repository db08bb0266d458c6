package cn.shaoxing.pilotbase.designation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
 * Routing of one application (processes/designation-application.bpmn) on the light engine:
 * eligibility, correction or abandonment, the district's three decisions, withdrawal.
 */
@Deployment(resources = {"processes/designation-application.bpmn", "processes/designation-eligibility.dmn",
    "forms/designation-application-start.form", "forms/designation-ineligible-notice.form",
    "forms/designation-application-correction.form", "forms/designation-district-review.form"})
class ApplicationRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  ApplicationSteps steps = mock(ApplicationSteps.class);

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("applicationSteps", steps));
    eligible(true);
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine);
    engine.getIdentityService().clearAuthentication();
  }

  void eligible(boolean eligible) {
    doAnswer(RoutingEngine.sets(DesignationVariables.ELIGIBLE, eligible)).when(steps).checkEligibility(any());
  }

  ProcessInstance file() {
    engine.getIdentityService().setAuthentication("org1", List.of("applicant"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-application",
          Map.of("reviewerGroup", "districtKeqiao", "withdrawConfirm", false));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  ProcessInstance atDistrict() {
    ProcessInstance p = file();
    assertThat(p).isWaitingAt("Task_DistrictReview");
    assertThat(taskQuery().taskDefinitionKey("Task_DistrictReview").singleResult())
        .hasCandidateGroup("districtKeqiao");
    // withdrawal is an action on the progress page (a message), not a task in the applicant's list
    org.assertj.core.api.Assertions.assertThat(taskQuery().taskAssignee("org1").count()).isZero();
    return p;
  }

  void districtDecides(String decision) {
    complete(taskQuery().taskDefinitionKey("Task_DistrictReview").singleResult(),
        Map.of("districtDecision", decision));
  }

  @Test
  void anEligibleApplicationGoesToItsDistrictAndIsRecommended() {
    ProcessInstance p = atDistrict();
    districtDecides("recommend");
    assertThat(p).hasPassed("Task_RecordRecommendation", "EndEvent_Recommended").isEnded();
  }

  @Test
  void theDistrictRejects() {
    ProcessInstance p = atDistrict();
    districtDecides("reject");
    assertThat(p).hasPassed("Task_RecordDistrictRejection", "EndEvent_DistrictRejected").isEnded();
  }

  @Test
  void theDistrictReturnsAndTheCorrectedApplicationComesBack() {
    ProcessInstance p = atDistrict();
    districtDecides("return");
    assertThat(p).hasPassed("Task_RecordReturn").isWaitingAt("Task_CorrectApplication");
    assertThat(task(p)).isAssignedTo("org1");
    complete(task(p));
    assertThat(p).hasPassed("Task_UpdateApplication").isWaitingAt("Task_DistrictReview");
  }

  @Test
  void theApplicantWithdrawsBeforeTheDistrictDecides() {
    ProcessInstance p = atDistrict();
    withdraw(p);
    assertThat(p).hasPassed("BoundaryEvent_WithdrawRequested", "EndEvent_WithdrawalRequested",
        "Task_RecordWithdrawal", "EndEvent_Withdrawn").isEnded();
    org.assertj.core.api.Assertions.assertThat(taskQuery().count()).isZero();
  }

  @Test
  void afterTheDistrictDecidedThereIsNothingToWithdraw() {
    ProcessInstance p = atDistrict();
    districtDecides("return");
    assertThatThrownBy(() -> withdraw(p)).isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(p).isWaitingAt("Task_CorrectApplication");
  }

  void withdraw(ProcessInstance p) {
    engine.getRuntimeService().createMessageCorrelation(ApplicationWithdrawal.MESSAGE)
        .processInstanceId(p.getId())
        .setVariable("withdrawConfirm", true).setVariable("withdrawReason", "本年度暂不参评")
        .correlate();
  }

  @Test
  void anIneligibleApplicantIsToldAndMayCorrect() {
    eligible(false);
    ProcessInstance p = file();
    assertThat(p).isWaitingAt("Task_ReviewIneligibility");
    assertThat(task(p)).isAssignedTo("org1");
    eligible(true);
    complete(task(p), Map.of("ineligibleAction", "correct"));
    complete(task(p));
    assertThat(p).isWaitingAt("Task_DistrictReview");
  }

  @Test
  void anIneligibleApplicantMayAbandon() {
    eligible(false);
    ProcessInstance p = file();
    complete(task(p), Map.of("ineligibleAction", "abandon"));
    assertThat(p).hasPassed("Task_RecordAbandoned", "EndEvent_Abandoned").isEnded();
  }
}
