package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.recommend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 区县择优推荐排序 (issue 11, item 3) on PostgreSQL through the REST API as the district's own
 * users would submit it: one task per district after the deadline, refused while the district
 * still reviews an application, refused for a wrong set (an application left out, so a rank
 * missing), an application twice (a rank given twice), a foreign application, a value that is no
 * list or an undeclared variable (400, in Chinese, nothing changed), invisible to another district,
 * and the ranks 1..n stored on success in the order chosen. Round year 2064 (see DesignationRoundProcessTest for the others).
 */
class DistrictRankingRestTest extends IntegrationTest {

  static final int YEAR = 2064;

  @Autowired ApplicationService applications;
  @Autowired ApplicantAccountService accounts;
  @Autowired EvidenceService evidence;

  TaskService tasks;
  RestClient rest;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    tasks = engine.getTaskService();
    rest = new RestClient(baseUrl());
  }

  @Test
  void aDistrictRanksAllItsRecommendationsInOneValidatedTask() throws Exception {
    ClockUtil.setCurrentTime(at(YEAR + "-03-03T09:00"));
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance round;
    try {
      round = engine.getRuntimeService().startProcessInstanceByKey("designation-round", Map.of(
          "roundYear", (long) YEAR, "applicationDeadline", YEAR + "-03-31", "panelSize", 3L,
          "formalCorrectionDays", 5L, "roundNotice", YEAR + "年度评选通知"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // 柯桥: three recommended, one still under review at the deadline; 越城: one recommended.
    ProcessInstance k1 = file(1, "柯桥排序一号中试有限公司", "districtKeqiao");
    ProcessInstance k2 = file(2, "柯桥排序二号中试有限公司", "districtKeqiao");
    ProcessInstance k3 = file(3, "柯桥排序三号中试有限公司", "districtKeqiao");
    ProcessInstance k4 = file(4, "柯桥排序四号中试有限公司", "districtKeqiao");
    ProcessInstance y1 = file(5, "越城排序中试有限公司", "districtYuecheng");
    for (ProcessInstance p : List.of(k1, k2, k3, y1)) {
      tasks.complete(review(p).getId(), recommend());
    }
    fire(round, at(YEAR + "-04-01T09:00"));
    assertThat(round).isWaitingAt("Task_RankRecommendations");
    Task keqiao = rankingOf(round, "districtKeqiao");
    Task yuecheng = rankingOf(round, "districtYuecheng");
    assertThat(keqiao.getName()).isEqualTo("区县择优推荐排序");
    assertThat(keqiao.getDueDate()).isNotNull();
    String k1Id = appId(k1), k2Id = appId(k2), k3Id = appId(k3), k4Id = appId(k4), y1Id = appId(y1);

    // The district sees exactly its three recommended applications, in one list.
    HttpResponse<String> vars = rest.get("/engine-rest/task/" + keqiao.getId() + "/form-variables?deserializeValues=false", "keqiao1");
    assertThat(vars.statusCode()).as(vars.body()).isEqualTo(200);
    assertThat(vars.body()).contains(k1Id, k2Id, k3Id, "柯桥排序一号中试有限公司").doesNotContain(k4Id, y1Id);
    assertThat(DesignationTestSupport.offeredIds(tasks, keqiao.getId())).containsExactlyInAnyOrder(k1Id, k2Id, k3Id);

    // Another district neither sees nor completes the task.
    assertThat(rest.get("/engine-rest/task?taskDefinitionKey=Task_RankRecommendations", "yuecheng1").body())
        .contains(yuecheng.getId()).doesNotContain(keqiao.getId());
    HttpResponse<String> foreign = submit(keqiao, "yuecheng1", List.of(k1Id, k2Id, k3Id));
    assertThat(foreign.statusCode()).as(foreign.body()).isIn(403, 404);
    assertUnranked(k1Id, k2Id, k3Id);

    // While 柯桥's fourth application is under review the ranking is refused, naming it.
    HttpResponse<String> pending = submit(keqiao, "keqiao1", List.of(k1Id, k2Id, k3Id));
    assertThat(pending.statusCode()).as(pending.body()).isEqualTo(400);
    assertThat(pending.body()).contains("本地区尚有1份申报未完成审核", "柯桥排序四号中试有限公司", "区县审核中");
    tasks.complete(review(k4).getId(), recommend());
    // the open ranking task now offers the fourth application too
    assertThat(DesignationTestSupport.offeredIds(tasks, keqiao.getId())).containsExactlyInAnyOrder(k1Id, k2Id, k3Id, k4Id);

    // Wrong set, a rank left out, an application twice, a foreign application, a value that is no
    // list, an undeclared variable or the offered list itself: 400 in Chinese, nothing changes.
    assertRefused(keqiao, List.of(k1Id, k2Id, k3Id), "推荐顺序中缺少本地区推荐的申报：柯桥排序四号中试有限公司");
    assertRefused(keqiao, List.of(), "推荐顺序中缺少本地区推荐的申报", "排序为1至4");
    assertRefused(keqiao, List.of(k1Id, k2Id, k1Id, k3Id), "“柯桥排序一号中试有限公司”在推荐顺序中出现了多次（第3位）",
        "缺少本地区推荐的申报：柯桥排序四号中试有限公司");
    assertRefused(keqiao, List.of(k1Id, k2Id, k3Id, k4Id, y1Id), "第5位的申报（" + y1Id + "）不是本地区本年度已推荐的申报");
    assertRefused(keqiao, List.of(k1Id, k2Id, k3Id, "ffffffff-0000-0000-0000-000000000000"), "第4位的申报",
        "不是本地区本年度已推荐的申报");
    HttpResponse<String> text = rest.postJson("/engine-rest/task/" + keqiao.getId() + "/submit-form", "keqiao1",
        json.writeValueAsString(Map.of("variables", Map.of("districtRanking",
            Map.of("value", String.join(",", k1Id, k2Id, k3Id, k4Id))))));
    assertThat(text.statusCode()).as(text.body()).isEqualTo(400);
    assertThat(text.body()).contains("必须为列表");
    for (String undeclaredKey : List.of("districtRank", "rankingOptions")) {
      Map<String, Object> undeclared = new LinkedHashMap<>(body(List.of(k1Id, k2Id, k3Id, k4Id)));
      undeclared.put(undeclaredKey, Map.of("value", "[]", "type", "Json"));
      HttpResponse<String> r = rest.postJson("/engine-rest/task/" + keqiao.getId() + "/submit-form", "keqiao1",
          json.writeValueAsString(Map.of("variables", undeclared)));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.body()).contains("没有可填写的字段“" + undeclaredKey + "”");
    }
    assertUnranked(k1Id, k2Id, k3Id, k4Id);
    assertThat(tasks.createTaskQuery().taskId(keqiao.getId()).count()).isEqualTo(1);

    // A valid ranking: the ranks land on the applications in the same transaction.
    assertThat(DesignationTestSupport.offeredIds(tasks, keqiao.getId())).hasSize(4);
    HttpResponse<String> ok = submit(keqiao, "keqiao1", List.of(k3Id, k1Id, k4Id, k2Id));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(applications.get(k3Id).districtRank()).isEqualTo(1);
    assertThat(applications.get(k1Id).districtRank()).isEqualTo(2);
    assertThat(applications.get(k4Id).districtRank()).isEqualTo(3);
    assertThat(applications.get(k2Id).districtRank()).isEqualTo(4);
    assertThat(round).isWaitingAt("Task_RankRecommendations");
    HttpResponse<String> y = submit(yuecheng, "yuecheng1", List.of(y1Id));
    assertThat(y.statusCode()).as(y.body()).isEqualTo(204);
    assertThat(applications.get(y1Id).districtRank()).isEqualTo(1);

    // The bureau's table shows the districts' ranks.
    assertThat(round).isWaitingAt("Task_ConfirmRecommendations");
    String table = engine.getRuntimeService().getVariable(round.getId(), "recommendations").toString();
    assertThat(json.readTree(table).findValuesAsText("rank")).containsExactlyInAnyOrder("1", "2", "3", "4", "1");
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance file(int n, String org, String group) {
    String code = code((YEAR % 100) * 1000L + n);
    String account = DesignationTestSupport.account(accounts, "rank" + YEAR % 100 + "n" + n, code, org, group);
    EvidenceFixtures.applicationDrafts(evidence, account);
    engine.getIdentityService().setAuthentication(account, List.of("applicant"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-application",
          application(org, code, group, "newMaterials"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task review(ProcessInstance application) {
    return tasks.createTaskQuery().processInstanceId(application.getId())
        .taskDefinitionKey("Task_DistrictReview").singleResult();
  }

  String appId(ProcessInstance application) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(application.getId()).variableName("applicationId").singleResult().getValue();
  }

  Task rankingOf(ProcessInstance round, String group) {
    return tasks.createTaskQuery().processInstanceId(round.getId()).taskDefinitionKey("Task_RankRecommendations")
        .taskCandidateGroup(group).singleResult();
  }

  void fire(ProcessInstance pi, java.util.Date now) {
    ClockUtil.setCurrentTime(now);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  /** The variables as Tasklist posts a taglist: a Json variable. */
  Map<String, Object> body(List<String> ids) throws Exception {
    return Map.of("districtRanking", Map.of("value", json.writeValueAsString(ids), "type", "Json"));
  }

  HttpResponse<String> submit(Task task, String user, List<String> ids) throws Exception {
    return rest.postJson("/engine-rest/task/" + task.getId() + "/submit-form", user,
        json.writeValueAsString(Map.of("variables", body(ids))));
  }

  void assertRefused(Task task, List<String> ids, String... messages) throws Exception {
    HttpResponse<String> r = submit(task, "keqiao1", ids);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains(messages);
  }

  void assertUnranked(String... ids) {
    for (String id : ids) {
      assertThat(applications.get(id).districtRank()).as(id).isNull();
    }
  }
}
