package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bulk step that fails after the click (ADR 0017), e.g. while the database restarts: the job
 * executor tries it again after 1, 5, 15 and 60 minutes (application.yaml
 * {@code failedJobRetryTimeCycle}); after the fifth failure it is an incident Cockpit shows on the
 * case, and the case waits there (nothing is lost) until an operator retries it.
 */
class FailedJobRetryTest extends IntegrationTest {

  private Deployment deployment;

  @BeforeEach
  void deploy() {
    deployment = engine.getRepositoryService().createDeployment().name("failed-job-retry-probe")
        .addModelInstance("failed-job-retry-probe.bpmn", Bpmn.createExecutableProcess("failed-job-retry-probe")
            .camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Task_Bulk").name("批量步骤").camundaAsyncBefore()
            .camundaExpression("${fail ? missingStep.run() : null}")
            .userTask("Task_After").endEvent().done())
        .deploy();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  @Test
  void aFailingBulkStepIsTriedFiveTimesOverAnHourAndThenAnIncident() {
    Date start = new Date(4_102_444_800_000L); // 2100-01-01, no other test's jobs are due then
    ClockUtil.setCurrentTime(start);
    String pi = engine.getRuntimeService().startProcessInstanceByKey("failed-job-retry-probe",
        java.util.Map.of("fail", true)).getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi).singleResult();
    assertThat(job.getRetries()).isEqualTo(5);

    long[] waits = {1, 5, 15, 60};
    Date now = start;
    for (int attempt = 0; attempt < 5; attempt++) {
      String id = job.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(id));
      job = engine.getManagementService().createJobQuery().jobId(id).singleResult();
      assertThat(job.getRetries()).isEqualTo(4 - attempt);
      if (attempt < 4) {
        assertThat(job.getDuedate()).isEqualTo(new Date(now.getTime() + waits[attempt] * 60_000));
        now = job.getDuedate();
        ClockUtil.setCurrentTime(now);
      }
    }
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_Bulk");

    // the cause is gone; the operator retries it (Cockpit: 重试) and the case goes on
    engine.getRuntimeService().setVariable(pi, "fail", false);
    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_After");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).count()).isZero();
  }
}
