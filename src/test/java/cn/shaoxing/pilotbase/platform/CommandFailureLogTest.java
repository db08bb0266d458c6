package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * ADR 0015: a person's refused input is one INFO/WARN line without a stack trace; a real fault is
 * an ERROR with the stack trace and the case's business key. Log events are captured on the root
 * logger, so the engine's ENGINE-16004 and the REST layer's own logging would be seen too.
 */
class CommandFailureLogTest extends IntegrationTest {

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Deployment deployment;
  private ProcessDefinition probe;

  /** A service step that fails the way a bug does. */
  public static class FailingStep implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalStateException("故意失败的服务任务（测试）");
    }
  }

  private static Map<String, Object> valid() {
    return Map.of("orgName", "绍兴某中试基地", "siteArea", 1200, "district", "districtKeqiao",
        "contactEmail", "a@b.cn", "declared", true);
  }

  @BeforeEach
  void deployAndCapture() {
    BpmnModelInstance failing = Bpmn.createExecutableProcess("Process_TestFaultProbe").name("测试：故障")
        .camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Step_Fail").name("会失败的步骤").camundaClass(FailingStep.class.getName())
        .endEvent().done();
    BpmnModelInstance failingJob = Bpmn.createExecutableProcess("Process_TestFaultJobProbe").name("测试：作业故障")
        .camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Step_FailAsync").name("会失败的异步步骤").camundaAsyncBefore()
        .camundaClass(FailingStep.class.getName())
        .endEvent().done();
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/validation-probe.bpmn")
        .addClasspathResource("forms-probe/validation-probe.form")
        .addModelInstance("fault-probe.bpmn", failing)
        .addModelInstance("fault-job-probe.bpmn", failingJob)
        .deploy();
    probe = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).processDefinitionKey("Process_TestFormValidation").singleResult();
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void undeploy() {
    root.detachAppender(captured);
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  @Test
  void aRefusedStartFormIsOneInfoLineWithTheChineseMessage() {
    var r = new RestClient(baseUrl()).postJson("/engine-rest/process-definition/" + probe.getId() + "/submit-form",
        "bureau1", "{\"variables\": {\"siteArea\": {\"value\": 10}, \"district\": {\"value\": \"districtKeqiao\"}}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);

    assertNoErrorAndNoStackTrace();
    assertThat(refusals()).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.INFO);
      assertThat(e.getFormattedMessage()).contains("bureau1", "(Process_TestFormValidation)", "「单位名称」为必填项").doesNotContain("\n");
    });
  }

  @Test
  void aRefusedTaskFormNamesTheUserAndTheTask() {
    ProcessInstance pi = engine.getFormService().submitStartForm(probe.getId(), valid());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    engine.getTaskService().claim(task.getId(), "bureau1");
    captured.list.clear();

    var r = new RestClient(baseUrl()).postJson("/engine-rest/task/" + task.getId() + "/submit-form", "bureau1",
        "{\"variables\": {\"orgName\": {\"value\": \"\", \"type\": \"String\"}}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);

    assertNoErrorAndNoStackTrace();
    assertThat(refusals()).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.INFO);
      assertThat(e.getFormattedMessage()).contains("bureau1", "「填写材料」", task.getId(), "「单位名称」为必填项");
    });
  }

  @Test
  void anAuthorizationRefusalIsOneWarnLine() {
    ProcessInstance pi = engine.getFormService().submitStartForm(probe.getId(), valid());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    captured.list.clear();

    var r = new RestClient(baseUrl()).postJson("/engine-rest/task/" + task.getId() + "/submit-form", "applicant1",
        "{\"variables\": {\"siteArea\": {\"value\": 1500, \"type\": \"Integer\"}}}");
    assertThat(r.statusCode()).as(r.body()).isIn(403, 404);

    assertNoErrorAndNoStackTrace();
    assertThat(captured.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
        .filteredOn(e -> e.getFormattedMessage().contains("applicant1"))
        .singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void aFailingServiceTaskIsAnErrorWithStackTraceAndBusinessKey() {
    assertThatThrownBy(() -> engine.getRuntimeService()
        .startProcessInstanceByKey("Process_TestFaultProbe", "BK-FAULT-1"))
        .isInstanceOf(IllegalStateException.class);

    ILoggingEvent error = faults().stream().filter(e -> e.getFormattedMessage().contains("BK-FAULT-1"))
        .findFirst().orElseThrow(() -> new AssertionError("no ERROR with the business key: " + messages()));
    assertThat(error.getLevel()).isEqualTo(Level.ERROR);
    assertThat(error.getThrowableProxy()).isNotNull();
    assertThat(error.getFormattedMessage()).contains("故意失败的服务任务");
    assertThat(error.getMDCPropertyMap()).containsEntry("businessKey", "BK-FAULT-1");
    assertThat(refusals()).isEmpty();
  }

  @Test
  void aFailingJobIsAnErrorWithStackTraceAndBusinessKey() {
    ProcessInstance pi = engine.getRuntimeService()
        .startProcessInstanceByKey("Process_TestFaultJobProbe", "BK-FAULT-JOB-1");
    String jobId = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getId();

    // the test profile has no job executor: the test runs the job as the executor would (ExecuteJobsCmd)
    assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId));

    ILoggingEvent error = faults().stream().filter(e -> e.getFormattedMessage().contains("BK-FAULT-JOB-1"))
        .findFirst().orElseThrow(() -> new AssertionError("no ERROR with the business key: " + messages()));
    assertThat(error.getLevel()).isEqualTo(Level.ERROR);
    assertThat(error.getThrowableProxy()).isNotNull();
    assertThat(error.getFormattedMessage()).contains("作业", jobId, "Step_FailAsync", "故意失败的服务任务");
    assertThat(error.getMDCPropertyMap()).containsEntry("businessKey", "BK-FAULT-JOB-1");
    assertThat(refusals()).isEmpty();
  }

  @Test
  void aDatabaseErrorAtCommitIsAnErrorWithTheBusinessKey() {
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceById(probe.getId())
        .businessKey("BK-SQL-1").setVariables(valid()).execute();
    captured.list.clear();

    // PostgreSQL refuses a String variable over 4,000 characters when the command flushes
    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(pi.getId(), "longText", "长".repeat(5000)));

    ILoggingEvent error = faults().stream().filter(e -> e.getFormattedMessage().contains("BK-SQL-1"))
        .findFirst().orElseThrow(() -> new AssertionError("no ERROR with the business key: " + messages()));
    assertThat(error.getThrowableProxy()).isNotNull();
    assertThat(error.getFormattedMessage()).contains("SetExecutionVariablesCmd", pi.getId(), "character varying(4000)");
    assertThat(refusals()).isEmpty();
  }

  private List<ILoggingEvent> refusals() {
    return List.copyOf(captured.list).stream()
        .filter(e -> e.getLoggerName().equals(CommandFailureLog.REFUSALS.getName())).toList();
  }

  private List<ILoggingEvent> faults() {
    return List.copyOf(captured.list).stream()
        .filter(e -> e.getLoggerName().equals(CommandFailureLog.FAULTS.getName())).toList();
  }

  private List<String> messages() {
    return List.copyOf(captured.list).stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " "
        + e.getFormattedMessage()).toList();
  }

  private void assertNoErrorAndNoStackTrace() {
    assertThat(List.copyOf(captured.list))
        .as("log: %s", messages())
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .noneMatch(e -> e.getThrowableProxy() != null);
  }
}
