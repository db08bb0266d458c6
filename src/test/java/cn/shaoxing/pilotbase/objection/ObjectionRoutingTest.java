package cn.shaoxing.pilotbase.objection;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing of the shared objection process (processes/objection.bpmn) on the light engine: the
 * bureau verifies, may ask the district or a named expert any number of times, then concludes.
 */
@Deployment(resources = {"processes/objection.bpmn", "processes/designation-objection.bpmn",
    "forms/objection-verify.form", "forms/objection-consult.form",
    "forms/designation-objection-start.form"})
class ObjectionRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  ObjectionSteps steps = mock(ObjectionSteps.class);

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("objectionSteps", steps));
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine);
  }

  private ProcessInstance objection() {
    ProcessInstance caller = engine.getRuntimeService()
        .startProcessInstanceByKey("designation-objection", Map.of("objectionCreditCode", "X"));
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId()).singleResult();
  }

  @Test
  void theCallerPassesItsContextAndTheBureauVerifies() {
    ProcessInstance p = objection();
    assertThat(p).isWaitingAt("Task_VerifyObjection").hasPassed("Task_RegisterObjection")
        .variables().containsEntry("context", "designation");
    assertThat(task(p)).hasCandidateGroup("bureau");
    verify(steps).register(any());
  }

  @Test
  void aConclusionClosesTheObjection() {
    ProcessInstance p = objection();
    complete(task(p), Map.of("verifyAction", "dismissed"));
    assertThat(p).hasPassed("Task_CloseObjection").isEnded();
    verify(steps).close(any());
  }

  @Test
  void aConsultationGoesToTheNamedPartyAndComesBackToTheBureau() {
    when(steps.consultGroups(any())).thenReturn(List.of("district-yuecheng"));
    ProcessInstance p = objection();
    complete(task(p), Map.of("verifyAction", "consult"));
    assertThat(p).isWaitingAt("Task_ObjectionConsultation");
    assertThat(task(p)).hasCandidateGroup("district-yuecheng");
    complete(task(p), Map.of("consultOpinion", "属实"));
    assertThat(p).isWaitingAt("Task_VerifyObjection");
    complete(task(p), Map.of("verifyAction", "upheld"));
    assertThat(p).isEnded();
  }

  @Test
  void aConsultationWithNobodyNamedIsRefusedAndTheBureauKeepsItsTask() {
    ProcessInstance p = objection();
    doThrow(new ProcessEngineException("未指定协助核实异议的区、县（市）科技部门或专家"))
        .when(steps).openConsultation(any());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> complete(task(p), Map.of("verifyAction", "consult")))
        .hasMessageContaining("未指定协助核实");
    assertThat(p).isWaitingAt("Task_VerifyObjection");
  }
}
