package cn.shaoxing.pilotbase.migration;

import static cn.shaoxing.pilotbase.support.ChangedDiagram.ADDED_TASK;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.at;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.ChangedDiagram;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.MigrationBatches;
import cn.shaoxing.pilotbase.support.RestClient;
import cn.shaoxing.pilotbase.support.WebappLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13 item 3 (M18): an administrator deploys a changed diagram (REST, as the Modeler does) and moves
 * running instances to it through {@code /api/migrations}; the batch runs, every instance is on the new
 * version at the same step and runs to its end through it (the added task is reached). Invalid plans are
 * refused in Chinese and change nothing; only administrators may migrate. On PostgreSQL.
 */
class MigrationTest extends MigratingTest {

  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired WorkingDays workingDays;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(at("2084-09-04T09:00"));
  }

  // ------------------------------------------------------------------ revocation

  DesignatedBase base(long n) {
    return EvaluationFixtures.base(register, baseAccounts, "迁移测试基地" + n + "有限公司", code(2084_000 + n),
        "districtZhuji", LocalDate.of(2084, 5, 1), "applicant2");
  }

  ProcessInstance startRevocation(DesignatedBase b) {
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("revocation", Map.of(
          "baseCreditCode", b.creditCode(), "cause", "falseMaterials",
          "causeDetails", "经查，该基地申报材料中服务收入数据虚假", "evidenceRefs", "调查报告 2084-01"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = EvaluationFixtures.task(engine, pi.getId(), key);
    assertThat(t).as(key + " open in " + pi.getId()).isNotNull();
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  String today() {
    return cn.shaoxing.pilotbase.platform.AppClock.today().toString();
  }

  /** The revocation steps in order, each with what its form submits on the path to a revocation. */
  Map<String, Object> revocationStep(String key) {
    return switch (key) {
      case "Task_StateCase" -> Map.of("statementKind", "contest", "statement", "数据为统计口径差异");
      case "Task_ProposeRevocation" -> Map.of("proposal", "revoke", "proposalReason", "虚假材料属实");
      case "Task_PartyDecision" -> Map.of("partyDecision", "revoke", "meetingDate", today(), "partyComments", "决定撤销");
      case "Task_PublishRevocation" -> Map.of("documentNumber", "绍市科发〔2084〕9号", "documentDate", today());
      case ADDED_TASK -> Map.of();
      default -> throw new IllegalArgumentException(key);
    };
  }

  static final List<String> REVOCATION_TASKS =
      List.of("Task_StateCase", "Task_ProposeRevocation", "Task_PartyDecision", "Task_PublishRevocation");

  /** One revocation waiting at each of its user tasks. */
  List<ProcessInstance> revocationsAtEachTask(long firstBase) {
    return revocationsAtEachTask(firstBase, REVOCATION_TASKS.size());
  }

  /** One revocation waiting at each of the first {@code n} user tasks. */
  List<ProcessInstance> revocationsAtEachTask(long firstBase, int n) {
    List<ProcessInstance> result = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ProcessInstance pi = startRevocation(base(firstBase + i));
      for (String step : REVOCATION_TASKS.subList(0, i)) {
        complete(pi, step, revocationStep(step));
      }
      assertThat(EvaluationFixtures.task(engine, pi.getId(), REVOCATION_TASKS.get(i))).isNotNull();
      result.add(pi);
    }
    return result;
  }

  @Test
  void revocationsWaitingAtEachUserTaskMoveToTheChangedVersionAndRunToTheEndThroughIt() throws Exception {
    assertThat(ChangedDiagram.userTasks("revocation")).containsExactlyInAnyOrderElementsOf(REVOCATION_TASKS);
    List<ProcessInstance> cases = revocationsAtEachTask(1);
    String oldDefinition = cases.get(0).getProcessDefinitionId();

    ProcessDefinition changed = deploy(ChangedDiagram.of("revocation")
        .rename("Task_ProposeRevocation", "市科技局研究提出处理意见")
        .dueDate("Task_PartyDecision", "${workingDays.dueIn(12)}")
        .addTaskBefore("EndEvent_Revoked", "bureau"));

    JsonNode done = migrate("revocation", cases);
    assertThat(done.path("migrating").asInt()).isEqualTo(4);
    for (int i = 0; i < cases.size(); i++) {
      ProcessInstance now = instance(cases.get(i));
      assertThat(now.getProcessDefinitionId()).as("case %d", i).isEqualTo(changed.getId()).isNotEqualTo(oldDefinition);
      Task waiting = EvaluationFixtures.task(engine, now.getId(), REVOCATION_TASKS.get(i));
      assertThat(waiting).as("still at " + REVOCATION_TASKS.get(i)).isNotNull();
      assertThat(waiting.getProcessDefinitionId()).isEqualTo(changed.getId());
    }

    // every case runs to its end through the new version: renamed task, new due date, added task
    for (int i = 0; i < cases.size(); i++) {
      ProcessInstance pi = cases.get(i);
      for (String step : REVOCATION_TASKS.subList(i, REVOCATION_TASKS.size())) {
        Task t = EvaluationFixtures.task(engine, pi.getId(), step);
        if (step.equals("Task_ProposeRevocation") && i == 0) {
          assertThat(t.getName()).as("created after the migration: the new name").isEqualTo("市科技局研究提出处理意见");
        }
        if (step.equals("Task_PartyDecision") && i < 2) {
          assertThat(t.getDueDate()).as("created after the migration: the new due date").isEqualTo(workingDays.dueIn(12));
        }
        complete(pi, step, revocationStep(step));
      }
      Task added = EvaluationFixtures.task(engine, pi.getId(), ADDED_TASK);
      assertThat(added).as("the added task is reached").isNotNull();
      assertThat(added.getName()).isEqualTo(ChangedDiagram.ADDED_NAME);
      complete(pi, ADDED_TASK, Map.of());
      assertEndedThrough(pi, ADDED_TASK, "Task_RecordRevocation");
    }
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void aPlanThatLeavesAWaitingInstanceWithoutAStepIsRefusedInChineseAndChangesNothing() throws Exception {
    List<ProcessInstance> cases = revocationsAtEachTask(11);
    ProcessInstance atParty = cases.get(2);
    String oldDefinition = atParty.getProcessDefinitionId();
    deploy(ChangedDiagram.of("revocation").changeId("Task_PartyDecision", "Task_PartyMeetingDecision"));
    long batches = engine.getManagementService().createBatchQuery().count();

    JsonNode report = JSON.readTree(ok(rest.postJson("/api/migrations/validate", "admin",
        request("revocation", cases)), 200));
    assertThat(report.path("valid").asBoolean()).isFalse();
    assertThat(report.path("problems").toString())
        .contains("环节“党组会议决定是否撤销”(Task_PartyDecision) 在新版本中没有对应环节")
        .contains(atParty.getId());

    HttpResponse<String> refused = rest.postJson("/api/migrations", "admin", request("revocation", cases));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("migration-plan-invalid").contains("在新版本中没有对应环节");
    assertThat(engine.getManagementService().createBatchQuery().count()).as("no batch").isEqualTo(batches);
    for (ProcessInstance pi : cases) {
      assertThat(instance(pi).getProcessDefinitionId()).as("still on the old version").isEqualTo(oldDefinition);
    }
    assertThat(EvaluationFixtures.task(engine, atParty.getId(), "Task_PartyDecision").getProcessDefinitionId())
        .isEqualTo(oldDefinition);

    // a mapping to an id the new version does not have: refused, named
    HttpResponse<String> wrongId = rest.postJson("/api/migrations", "admin",
        request("revocation", cases, "Task_PartyDecision=Task_PartyMeetingDecison"));
    assertThat(wrongId.statusCode()).isEqualTo(400);
    assertThat(wrongId.body()).contains("新版本中没有环节 Task_PartyMeetingDecison");
    assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(batches);

    // a line that is not old=new
    HttpResponse<String> badLine = rest.postJson("/api/migrations/validate", "admin",
        request("revocation", cases, "Task_PartyDecision"));
    assertThat(JSON.readTree(badLine.body()).path("problems").toString()).contains("格式不对：应为 旧环节id=新环节id");

    // with the mapping the administrator adds for the changed id, the same instances move and finish
    migrate("revocation", cases, "Task_PartyDecision=Task_PartyMeetingDecision");
    Task meeting = EvaluationFixtures.task(engine, atParty.getId(), "Task_PartyMeetingDecision");
    assertThat(meeting).as("the waiting task now stands for the renamed step").isNotNull();
    complete(atParty, "Task_PartyMeetingDecision", revocationStep("Task_PartyDecision"));
    complete(atParty, "Task_PublishRevocation", revocationStep("Task_PublishRevocation"));
    assertEndedThrough(atParty, "Task_PartyMeetingDecision", "Task_RecordRevocation");
    for (ProcessInstance pi : cases) {
      if (instance(pi) != null) {
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "迁移测试结束", true, true);
      }
    }
  }

  @Test
  void aChangedDiagramDeployedWithoutItsFormsIsRefused() throws Exception {
    List<ProcessInstance> cases = revocationsAtEachTask(31, 1);
    String deployment = ChangedDiagram.of("revocation").rename("Task_StateCase", "基地陈述和申辩").deploy(rest, false);
    deployments.add(deployment);
    HttpResponse<String> refused = rest.postJson("/api/migrations", "admin", request("revocation", cases));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("的部署中没有表单 revocation-statement")
        .contains("环节“基地陈述和申辩”(Task_StateCase)").contains("表单文件一并附上");
    assertThat(instance(cases.get(0)).getProcessDefinitionId()).isEqualTo(cases.get(0).getProcessDefinitionId());
    engine.getRuntimeService().deleteProcessInstance(cases.get(0).getId(), "迁移测试结束", true, true);
  }

  @Test
  void onlyAdministratorsMigrate() throws Exception {
    String body = request("revocation", List.of());
    for (String user : List.of("bureau1", "keqiao1", "applicant1", "party1")) {
      HttpResponse<String> r = rest.postJson("/api/migrations", user, body);
      assertThat(r.statusCode()).as(user).isEqualTo(403);
      assertThat(r.body()).contains("仅系统管理员可以迁移流程实例");
      assertThat(rest.postJson("/api/migrations/validate", user, body).statusCode()).as(user).isEqualTo(403);
      assertThat(rest.get("/api/migrations", user).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(rest.get("/api/migrations", null).statusCode()).isEqualTo(401);
    JsonNode overview = JSON.readTree(ok(rest.get("/api/migrations", "admin"), 200));
    assertThat(overview.findValuesAsText("key")).contains("revocation", "designation-round");

    // the page: signed-in bureau refused, admin served; a post from another site refused
    HttpClient bureau = WebappLogin.as(baseUrl(), "bureau1");
    HttpResponse<String> bureauPage = bureau.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/migrations")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bureauPage.statusCode()).isEqualTo(403);
    assertThat(bureauPage.body()).contains("仅系统管理员可以迁移流程实例");
    HttpClient admin = WebappLogin.as(baseUrl(), "admin");
    HttpResponse<String> page = admin.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/migrations")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("流程实例迁移").contains("撤销中试基地评定");
    HttpResponse<String> crossSite = admin.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/migrations"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString("action=execute&processKey=revocation")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/migrations")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("redirect to the login").isEqualTo(302);
  }

  @Test
  void theAdministratorsPageValidatesAndExecutes() throws Exception {
    List<ProcessInstance> cases = revocationsAtEachTask(21, 2);
    ProcessDefinition changed = deploy(ChangedDiagram.of("revocation").changeId("Task_StateCase", "Task_Statement"));
    HttpClient admin = WebappLogin.as(baseUrl(), "admin");
    String ids = String.join(",", cases.stream().map(ProcessInstance::getId).toList());

    HttpResponse<String> refused = postPage(admin, "execute", ids, "");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("校验未通过：不会迁移任何实例")
        .contains("环节“基地陈述申辩”(Task_StateCase) 在新版本中没有对应环节");
    assertThat(instance(cases.get(0)).getProcessDefinitionId()).isNotEqualTo(changed.getId());

    HttpResponse<String> valid = postPage(admin, "validate", ids, "Task_StateCase=Task_Statement");
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(valid.body()).contains("校验通过").contains("基地陈述申辩 (Task_StateCase)");
    assertThat(instance(cases.get(0)).getProcessDefinitionId()).as("validation changes nothing").isNotEqualTo(changed.getId());

    HttpResponse<String> executed = postPage(admin, "execute", ids, "Task_StateCase=Task_Statement");
    assertThat(executed.statusCode()).isEqualTo(200);
    assertThat(executed.body()).contains("已开始迁移").contains("2 个实例");
    String batchId = engine.getManagementService().createBatchQuery().list().stream()
        .filter(b -> executed.body().contains(b.getId())).findFirst().orElseThrow().getId();
    MigrationBatches.run(engine, batchId);
    assertThat(instance(cases.get(0)).getProcessDefinitionId()).isEqualTo(changed.getId());
    assertThat(EvaluationFixtures.task(engine, cases.get(0).getId(), "Task_Statement")).isNotNull();
    assertThat(EvaluationFixtures.task(engine, cases.get(1).getId(), "Task_ProposeRevocation").getProcessDefinitionId())
        .isEqualTo(changed.getId());
    assertThat(engine.getHistoryService().createUserOperationLogQuery()
        .operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_MIGRATE).userId("admin").count())
        .as("the user operation log names the administrator").isPositive();
  }

  HttpResponse<String> postPage(HttpClient client, String action, String ids, String mappings) throws Exception {
    String form = "action=" + action + "&processKey=revocation&processInstanceIds=" + enc(ids) + "&mappings=" + enc(mappings);
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/migrations"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", baseUrl())
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
