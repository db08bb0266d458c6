package cn.shaoxing.pilotbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §七: no district sees more than its own tasks; each role sees the tasks and filters it needs and
 * nothing else; whole instances and their history are the bureau's. Uses a small probe process
 * whose task goes to the reviewer group.
 */
class AuthorizationTest extends IntegrationTest {

  private RestClient rest;
  private Deployment probe;
  private ProcessInstance keqiaoCase;
  private ProcessInstance yuechengCase;

  @BeforeEach
  void startTwoCases() {
    rest = new RestClient(baseUrl());
    probe = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/case-visibility-probe.bpmn").deploy();
    keqiaoCase = engine.getRuntimeService().startProcessInstanceByKey(
        "Process_TestCaseVisibility", "KQ-1", Map.of("reviewerGroup", Role.DISTRICT_KEQIAO.groupId()));
    yuechengCase = engine.getRuntimeService().startProcessInstanceByKey(
        "Process_TestCaseVisibility", "YC-1", Map.of("reviewerGroup", Role.DISTRICT_YUECHENG.groupId()));
  }

  @AfterEach
  void removeProbe() {
    engine.getRepositoryService().deleteDeployment(probe.getId(), true);
  }

  @Test
  void districtWorksOnItsOwnTaskButReadsNoWholeInstanceNorItsHistory() {
    // need to know (docs/adr/0030-need-to-know.md): the task, not the process instance
    String own = rest.get("/engine-rest/task?processInstanceId=" + keqiaoCase.getId(), "keqiao1").body();
    assertThat(own).contains(keqiaoCase.getId());
    for (ProcessInstance pi : List.of(keqiaoCase, yuechengCase)) {
      var r = rest.get("/engine-rest/process-instance/" + pi.getId(), "keqiao1");
      assertThat(r.statusCode()).isIn(403, 404);
      assertThat(r.body()).doesNotContain(pi.getBusinessKey());
    }
    var list = rest.get("/engine-rest/process-instance?processDefinitionKey=Process_TestCaseVisibility", "keqiao1");
    assertThat(list.statusCode()).isEqualTo(403);
    assertThat(list.body()).contains("无权查看整个案件的数据").doesNotContain(keqiaoCase.getId());
    var history = rest.get("/engine-rest/history/process-instance?processDefinitionKey=Process_TestCaseVisibility", "yuecheng1");
    assertThat(history.statusCode()).isEqualTo(403);
    assertThat(history.body()).doesNotContain(yuechengCase.getId());
  }

  @Test
  void districtSeesOnlyItsOwnTasks() {
    String keqiaoTasks = rest.get("/engine-rest/task?processDefinitionKey=Process_TestCaseVisibility", "keqiao1").body();
    assertThat(keqiaoTasks).contains(keqiaoCase.getId()).doesNotContain(yuechengCase.getId());
    String applicantTasks = rest.get("/engine-rest/task?processDefinitionKey=Process_TestCaseVisibility", "applicant1").body();
    assertThat(applicantTasks).isEqualTo("[]");
  }

  @Test
  void bureauSeesEveryCase() {
    String list = rest.get("/engine-rest/process-instance?processDefinitionKey=Process_TestCaseVisibility", "bureau1").body();
    assertThat(list).contains(keqiaoCase.getId()).contains(yuechengCase.getId());
  }

  @Test
  void groupFilterListsOnlyTheGroupsTasksAndEveryStaffRoleHasFilters() {
    Filter groupFilter = engine.getFilterService().createFilterQuery().filterName("本组待办").singleResult();
    String count = rest.get("/engine-rest/filter/" + groupFilter.getId() + "/count", "keqiao1").body();
    String tasks = rest.get("/engine-rest/filter/" + groupFilter.getId() + "/list", "keqiao1").body();
    assertThat(tasks).contains(keqiaoCase.getId()).doesNotContain(yuechengCase.getId());
    assertThat(count).isNotEqualTo("{\"count\":0}");

    for (Role role : Role.values()) {
      if (role == Role.ADMIN) {
        continue;
      }
      String filters = rest.get("/engine-rest/filter?resourceType=Task", userOf(role)).body();
      assertThat(filters).as(role.groupId()).contains("我的待办").contains("本组待办");
      if (role == Role.BUREAU) {
        assertThat(filters).contains("全部待办（市科技局监控）");
      } else {
        assertThat(filters).as(role.groupId()).doesNotContain("全部待办（市科技局监控）");
      }
    }
  }

  @Test
  void onlyBureauAndAdministratorsMayUseCockpitAndOnlyAdministratorsDeploy() throws Exception {
    AuthorizationService auth = engine.getAuthorizationService();
    for (Role role : Role.values()) {
      List<String> groups = List.of(role.groupId());
      boolean cockpit = auth.isUserAuthorized("x", groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit");
      boolean deploy = auth.isUserAuthorized("x", groups, Permissions.CREATE, Resources.DEPLOYMENT);
      boolean tasklist = auth.isUserAuthorized("x", groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist");
      boolean privileged = role == Role.BUREAU || role == Role.ADMIN;
      assertThat(cockpit).as("cockpit " + role).isEqualTo(privileged);
      assertThat(deploy).as("deploy " + role).isEqualTo(role == Role.ADMIN);
      assertThat(tasklist).as("tasklist " + role).isTrue();
    }
    var deployAsDistrict = rest.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(baseUrl() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=X")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "--X\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n"
                + "--X\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + probeXml() + "\r\n--X--\r\n")), "keqiao1");
    assertThat(deployAsDistrict.statusCode()).isEqualTo(403);
    assertThat(deployAs("bureau1").statusCode()).as("the bureau does not deploy").isEqualTo(403);
  }

  private java.net.http.HttpResponse<String> deployAs(String user) throws Exception {
    return rest.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(baseUrl() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=X")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "--X\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n"
                + "--X\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + probeXml() + "\r\n--X--\r\n")), user);
  }

  private static String probeXml() throws java.io.IOException {
    try (var in = AuthorizationTest.class.getResourceAsStream("/bpmn/case-visibility-probe.bpmn")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static String userOf(Role role) {
    return DemoUsers.ALL.stream().filter(u -> u.role() == role).findFirst().orElseThrow().id();
  }
}
