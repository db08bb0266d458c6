package cn.shaoxing.pilotbase.revocation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.support.RoutingEngine;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing of the revocation (processes/revocation.bpmn, §五) on the light engine: statement or its
 * deadline, the bureau's proposal, the party committee's three answers.
 */
@Deployment(resources = {"processes/revocation.bpmn", "forms/revocation-start.form",
    "forms/revocation-statement.form", "forms/revocation-proposal.form",
    "forms/revocation-party-decision.form", "forms/revocation-publication.form"})
class RevocationRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = RoutingEngine.extension();

  ProcessEngine engine;
  RevocationSteps steps = mock(RevocationSteps.class);

  @BeforeEach
  void mocks() {
    RoutingEngine.use(engine, Map.of("revocationSteps", steps));
    doAnswer(inv -> {
      DelegateExecution ex = inv.getArgument(0);
      ex.setVariable("baseUser", "base1");
      ex.setVariable("statementDue", RoutingEngine.someDay());
      return null;
    }).when(steps).registerCase(any());
  }

  @AfterEach
  void reset() {
    RoutingEngine.reset(engine);
  }

  private ProcessInstance atProposal() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("revocation");
    assertThat(p).isWaitingAt("Task_StateCase");
    assertThat(task(p)).isAssignedTo("base1");
    complete(task(p), Map.of("statement", "我单位已整改"));
    assertThat(p).hasPassed("Task_RecordStatement").isWaitingAt("Task_ProposeRevocation");
    return p;
  }

  @Test
  void theBaseStatesItsCaseAndTheBureauMayDrop() {
    ProcessInstance p = atProposal();
    complete(task(p), Map.of("proposal", "drop"));
    assertThat(p).hasPassed("Task_CloseWithoutRevocation").isEnded().hasNotPassed("Task_PartyDecision");
    verify(steps).closeWithoutRevocation(any());
  }

  @Test
  void aMissedStatementDeadlineIsRecordedAndTheCaseGoesOn() {
    ProcessInstance p = engine.getRuntimeService().startProcessInstanceByKey("revocation");
    execute(job(p));
    assertThat(p).hasPassed("Task_RecordNoStatement").isWaitingAt("Task_ProposeRevocation");
    verify(steps, never()).recordStatement(any());
  }

  @Test
  void thePartyCommitteeRevokesAndTheBureauPublishes() {
    ProcessInstance p = atProposal();
    complete(task(p), Map.of("proposal", "revoke"));
    assertThat(task(p)).hasCandidateGroup("partyCommittee");
    complete(task(p), Map.of("partyDecision", "revoke"));
    assertThat(task(p)).hasDefinitionKey("Task_PublishRevocation").hasCandidateGroup("bureau");
    complete(task(p));
    assertThat(p).hasPassed("Task_RecordRevocation").isEnded();
  }

  @Test
  void thePartyCommitteeRejects() {
    ProcessInstance p = atProposal();
    complete(task(p), Map.of("proposal", "revoke"));
    complete(task(p), Map.of("partyDecision", "reject"));
    assertThat(p).hasPassed("Task_CloseWithoutRevocation").isEnded().hasNotPassed("Task_RecordRevocation");
  }

  @Test
  void thePartyCommitteeSendsTheProposalBack() {
    ProcessInstance p = atProposal();
    complete(task(p), Map.of("proposal", "revoke"));
    complete(task(p), Map.of("partyDecision", "sendBack"));
    assertThat(p).isWaitingAt("Task_ProposeRevocation");
  }
}
