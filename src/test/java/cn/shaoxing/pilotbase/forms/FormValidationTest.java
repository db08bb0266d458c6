package cn.shaoxing.pilotbase.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every submission is validated on the server against its Camunda Form, whatever the browser did:
 * a rejected completion or start changes nothing and explains itself in Chinese.
 */
class FormValidationTest extends IntegrationTest {

  private Deployment deployment;
  private ProcessDefinition definition;

  @BeforeEach
  void deploy() {
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/validation-probe.bpmn")
        .addClasspathResource("forms-probe/validation-probe.form")
        .deploy();
    definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).singleResult();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  static Map<String, Object> valid() {
    Map<String, Object> v = new HashMap<>();
    v.put("orgName", "绍兴某中试基地");
    v.put("siteArea", 1200);
    v.put("district", "districtKeqiao");
    v.put("contactEmail", "a@b.cn");
    v.put("declared", true);
    return v;
  }

  @Test
  void invalidStartFormStartsNothing() {
    Map<String, Object> v = valid();
    v.remove("orgName");
    v.put("siteArea", -5);
    v.put("district", "districtMars");
    v.put("contactEmail", "not-a-mail");
    assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition.getId(), v))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("「单位名称」为必填项")
        .hasMessageContaining("「中试场地面积（平方米）」不能小于0")
        .hasMessageContaining("「所属区县」的取值“districtMars”不在可选项中")
        .hasMessageContaining("「联系邮箱」不是有效的电子邮箱地址");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().deploymentId(deployment.getId()).count()).isZero();
  }

  @Test
  void wrongTypesAndOversizedTextAreRejected() {
    Map<String, Object> v = valid();
    v.put("siteArea", "很多");
    v.put("orgName", "名".repeat(51));
    v.put("note", "长".repeat(FormSchemaCheck.DEFAULT_MAX_TEXTAREA + 1));
    v.put("declared", "yes");
    assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition.getId(), v))
        .hasMessageContaining("「中试场地面积（平方米）」必须为数字")
        .hasMessageContaining("「单位名称」不得超过50字")
        .hasMessageContaining("「说明」不得超过4000字")
        .hasMessageContaining("「承诺材料真实」必须为是/否");
  }

  @Test
  void invalidStartFormThroughRestIsA400WithTheReasons() {
    var r = new RestClient(baseUrl()).postJson("/engine-rest/process-definition/" + definition.getId() + "/submit-form",
        "bureau1", "{\"variables\": {\"orgName\": {\"value\": \"某基地\"}, \"siteArea\": {\"value\": -1},"
            + " \"district\": {\"value\": \"districtKeqiao\"}}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("不能小于0");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().deploymentId(deployment.getId()).count()).isZero();
  }

  @Test
  void domainRuleRunsAfterTheSchemaChecks() {
    Map<String, Object> v = valid();
    v.put("orgName", "测试");
    assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition.getId(), v))
        .hasMessageContaining("「单位名称」不能为“测试”");
  }

  @Test
  void rejectedTaskCompletionChangesNothingAndRestAnswers400InChinese() {
    ProcessInstance pi = engine.getFormService().submitStartForm(definition.getId(), valid());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();

    Map<String, Object> bad = valid();
    bad.put("siteArea", 2_000_000);
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), bad))
        .hasMessageContaining("不能大于1000000");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "siteArea")).isEqualTo(1200);

    RestClient rest = new RestClient(baseUrl());
    engine.getTaskService().claim(task.getId(), "bureau1");
    var r = rest.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "bureau1",
        "{\"variables\": {\"orgName\": {\"value\": \"\", \"type\": \"String\"}}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("「单位名称」为必填项");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "orgName")).isEqualTo("绍兴某中试基地");

    var ok = rest.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "bureau1",
        "{\"variables\": {\"siteArea\": {\"value\": 1500, \"type\": \"Integer\"}}}");
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }
}
