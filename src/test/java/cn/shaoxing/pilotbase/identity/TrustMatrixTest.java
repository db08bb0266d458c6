package cn.shaoxing.pilotbase.identity;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.expertScores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue "Trust": what every role can read and do through the REST API that every signed-in person
 * has, on PostgreSQL, with a designation round in expert review: case K (account trust47k, 柯桥区)
 * where one expert has submitted its sealed review and the others are still reviewing, and case Y
 * (account trust47y, 越城区). A data-driven matrix (role × case × endpoint × read/write) plus one test
 * per attack of the issue, each reproducing the attack and showing it refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustMatrixTest extends IntegrationTest {

  static final String SECRET = "机密评审意见甲7391";
  /** A score only expert A gave (on 中试场地面积, 0–5 points). */
  static final double SECRET_SCORE = 3.37;
  static final int YEAR = 2047;

  /** Applicant accounts bound to the two organisations (accounts file only for their own). */
  static final String OWNER_K = "trust47k";
  static final String OWNER_Y = "trust47y";
  static final String OWNER_PASSWORD = "Test-Pass-2031";

  @Autowired ExpertPoolService experts;
  @Autowired ApplicantAccountService accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;

  private final ObjectMapper json = new ObjectMapper();
  private RestClient rest;
  private String caseK;
  private String caseY;
  private String expertA;       // submitted its review of K
  private String expertB;       // still reviewing K
  private String expertC;       // still reviewing K
  private String openTaskB;
  private String scheduleJob;
  private final List<String> people = new ArrayList<>(List.of(OWNER_K, OWNER_Y, "applicant1", "applicant2", "applicant3",
      "keqiao1", "yuecheng1", "third1", "party1", "bureau1", "bureau2"));

  /** Built once, inside the first test (process coverage records only inside a test method). */
  @BeforeEach
  void roundInExpertReview() throws Exception {
    if (caseK != null) {
      return;
    }
    rest = new RestClient(baseUrl()) {
      @Override
      public HttpResponse<String> send(HttpRequest.Builder b, String user) {
        return super.send(b, OWNER_K.equals(user) || OWNER_Y.equals(user) ? user + ":" + OWNER_PASSWORD : user);
      }
    };
    DesignationTestSupport.seedExperts(experts);
    DesignationTestSupport.account(accounts, OWNER_K, code(47001), "柯桥保密测试中试有限公司", "districtKeqiao");
    DesignationTestSupport.account(accounts, OWNER_Y, code(47002), "越城保密测试中试有限公司", "districtYuecheng");
    for (int i = 1; i <= 6; i++) {
      people.add("expert" + i);
    }
    ClockUtil.setCurrentTime(at(YEAR + "-03-03T09:00"));
    try {
      var rt = engine.getRuntimeService();
      var ids = engine.getIdentityService();
      ids.setAuthentication("bureau1", List.of("bureau"));
      ProcessInstance round = rt.startProcessInstanceByKey("designation-round", Map.of(
          "roundYear", (long) YEAR, "applicationDeadline", YEAR + "-03-31", "panelSize", 3L,
          "formalCorrectionDays", 5L, "roundNotice", YEAR + "年度评选通知"));
      cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, OWNER_K);
      cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, OWNER_Y);
      ids.setAuthentication(OWNER_K, List.of("applicant"));
      ProcessInstance k = rt.startProcessInstanceByKey("designation-application",
          application("柯桥保密测试中试有限公司", code(47001), "districtKeqiao", "newMaterials"));
      ids.setAuthentication(OWNER_Y, List.of("applicant"));
      ProcessInstance y = rt.startProcessInstanceByKey("designation-application",
          application("越城保密测试中试有限公司", code(47002), "districtYuecheng", "biomedicine"));
      ids.clearAuthentication();
      complete(k.getId(), "Task_DistrictReview", DesignationTestSupport.recommend());
      complete(y.getId(), "Task_DistrictReview", DesignationTestSupport.recommend());
      ClockUtil.setCurrentTime(at(YEAR + "-04-01T09:00"));
      Job deadline = engine.getManagementService().createJobQuery().processInstanceId(round.getId()).timers().singleResult();
      engine.getManagementService().executeJob(deadline.getId());
      AsyncSteps.settle(engine);
      cn.shaoxing.pilotbase.support.DesignationTestSupport.rankAll(engine, round.getId());
      complete(round.getId(), "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
      caseK = evaluationOf(k.getId());
      caseY = evaluationOf(y.getId());
      complete(caseK, "Task_FormalReview", DesignationTestSupport.formalPass());
      complete(caseY, "Task_FormalReview", DesignationTestSupport.formalPass());
      List<Task> panel = engine.getTaskService().createTaskQuery().processInstanceId(caseK)
          .taskDefinitionKey("Task_ExpertReview").orderByTaskAssignee().asc().list();
      assertThat(panel).hasSize(3);
      expertA = panel.get(0).getAssignee();
      expertB = panel.get(1).getAssignee();
      expertC = panel.get(2).getAssignee();
      openTaskB = panel.get(1).getId();
      // expert A submits its review through the REST API, as Tasklist does
      Map<String, Object> review = expertScores(0.8, false);
      review.put("expertOpinion", SECRET);
      review.put("mark_qualifications", SECRET_SCORE); // a sealed EXPERT mark
      var r = rest.postJson("/engine-rest/task/" + panel.get(0).getId() + "/submit-form", expertA, variables(review));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    } finally {
      ClockUtil.reset();
      engine.getIdentityService().clearAuthentication();
    }
    scheduleJob = engine.getManagementService().createJobQuery().processDefinitionKey("evaluation-schedule")
        .timers().list().get(0).getId();
  }

  // ------------------------------------------------------------------ the matrix

  enum Kind {
    /** Whole-instance data: the bureau's only. */
    INSTANCE,
    /** Task-centred data: each person its own, never anybody else's name. */
    OWN,
    /** Sealed reviews: bureau and party committee all, an expert its own, nobody else. */
    REVIEWS
  }

  record Endpoint(String name, Kind kind, Function<String, String> path) {}

  private final List<Endpoint> reads = List.of(
      new Endpoint("instance", Kind.INSTANCE, pi -> "/engine-rest/process-instance/" + pi),
      new Endpoint("instance list", Kind.INSTANCE, pi -> "/engine-rest/process-instance?processInstanceIds=" + pi),
      new Endpoint("runtime variables", Kind.INSTANCE, pi -> "/engine-rest/variable-instance?processInstanceIdIn=" + pi),
      new Endpoint("instance variables", Kind.INSTANCE, pi -> "/engine-rest/process-instance/" + pi + "/variables"),
      new Endpoint("history variables", Kind.INSTANCE, pi -> "/engine-rest/history/variable-instance?processInstanceId=" + pi),
      new Endpoint("history detail", Kind.INSTANCE, pi -> "/engine-rest/history/detail?processInstanceId=" + pi),
      new Endpoint("history instance", Kind.INSTANCE, pi -> "/engine-rest/history/process-instance?processInstanceId=" + pi),
      new Endpoint("history activities", Kind.INSTANCE, pi -> "/engine-rest/history/activity-instance?processInstanceId=" + pi),
      new Endpoint("executions", Kind.INSTANCE, pi -> "/engine-rest/execution?processInstanceId=" + pi),
      new Endpoint("jobs", Kind.INSTANCE, pi -> "/engine-rest/job?processInstanceId=" + pi),
      new Endpoint("incidents", Kind.INSTANCE, pi -> "/engine-rest/incident?processInstanceId=" + pi),
      new Endpoint("activity tree", Kind.INSTANCE, pi -> "/engine-rest/process-instance/" + pi + "/activity-instances"),
      new Endpoint("tasks", Kind.OWN, pi -> "/engine-rest/task?processInstanceId=" + pi),
      new Endpoint("history tasks", Kind.OWN, pi -> "/engine-rest/history/task?processInstanceId=" + pi),
      new Endpoint("identity link log", Kind.OWN, pi -> "/engine-rest/history/identity-link-log?processDefinitionKey=designation-evaluation"),
      new Endpoint("sealed reviews", Kind.REVIEWS, pi -> "/api/reviews/" + pi));

  /** Our own API and the engine's deployments: who may read them (case-independent). */
  private record Api(String name, String path, List<String> roles) {}

  private final List<Api> apis = List.of(
      new Api("deployments", "/engine-rest/deployment", List.of("bureau")),
      new Api("dashboard data", "/api/dashboard", List.of("bureau", "party")),
      new Api("register export (download)", "/api/register.csv", List.of("bureau", "party")),
      new Api("expert pool", "/api/experts", List.of("bureau")),
      new Api("applicant accounts", "/api/applicant-accounts", List.of("bureau", "district")),
      new Api("indicator table", "/api/scoring/indicators", List.of("bureau", "party", "district", "expert", "applicant", "third")));

  private static String roleOf(String user) {
    if (user.startsWith("bureau")) {
      return "bureau";
    }
    if (user.startsWith("party")) {
      return "party";
    }
    if (user.startsWith("expert")) {
      return "expert";
    }
    if (user.startsWith("third")) {
      return "third";
    }
    if (user.equals("keqiao1") || user.equals("yuecheng1")) {
      return "district";
    }
    return "applicant";
  }

  private List<String> users() {
    List<String> out = new ArrayList<>(List.of(OWNER_K, OWNER_Y, "keqiao1", "yuecheng1", "third1",
        "party1", "bureau1"));
    out.addAll(List.of(expertA, expertB, outsider()));
    return out;
  }

  /** An expert not on K's panel. */
  private String outsider() {
    for (int i = 1; i <= 6; i++) {
      String e = "expert" + i;
      if (!List.of(expertA, expertB, expertC).contains(e)) {
        return e;
      }
    }
    throw new IllegalStateException();
  }

  @Test
  @Order(1)
  void authorizationMatrixReadsAndWrites() throws Exception {
    List<String> failures = new ArrayList<>();
    int cells = 0;
    for (String user : users()) {
      for (String pi : List.of(caseK, caseY)) {
        for (Endpoint e : reads) {
          cells++;
          HttpResponse<String> r = rest.get(e.path().apply(pi), user);
          String verdict = judgeRead(user, pi, e, r);
          if (verdict != null) {
            failures.add(user + " × " + (pi.equals(caseK) ? "K" : "Y") + " × " + e.name() + ": " + verdict
                + " [" + r.statusCode() + "] " + abbreviate(r.body()));
          }
        }
      }
      for (Api api : apis) {
        cells++;
        HttpResponse<String> r = rest.get(api.path(), user);
        boolean allowed = api.roles().contains(roleOf(user));
        boolean got = r.statusCode() == 200 && !r.body().equals("[]");
        if (allowed != got) {
          failures.add(user + " × " + api.name() + ": expected " + (allowed ? "allowed" : "refused")
              + " [" + r.statusCode() + "] " + abbreviate(r.body()));
        }
      }
      for (Map.Entry<String, HttpRequest.Builder> w : writes(user).entrySet()) {
        cells++;
        HttpResponse<String> r = rest.send(w.getValue(), user);
        if (r.statusCode() != 403) {
          failures.add(user + " × write " + w.getKey() + ": expected 403 [" + r.statusCode() + "] " + abbreviate(r.body()));
        } else if (!r.body().contains("仅限系统管理员")) {
          failures.add(user + " × write " + w.getKey() + ": no Chinese reason: " + abbreviate(r.body()));
        }
      }
    }
    assertThat(cells).isGreaterThanOrEqualTo(200);
    assertThat(failures).as(cells + " cells").isEmpty();
    // and the refused writes changed nothing
    Task b = engine.getTaskService().createTaskQuery().taskId(openTaskB).singleResult();
    assertThat(b.getAssignee()).isEqualTo(expertB);
    assertThat(engine.getRuntimeService().getVariable(caseK, "hack")).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseK).count()).isOne();
    Job job = engine.getManagementService().createJobQuery().jobId(scheduleJob).singleResult();
    assertThat(job.getRetries()).as("a refused execute uses up no retry").isEqualTo(5);   // failedJobRetryTimeCycle: 4 waits, 5 tries (ADR 0017)
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
  }

  @Test
  @Order(8)
  void eachPersonSeesItsOwnCasesInTheCuratedView() {
    String owner = rest.get("/api/my/cases", OWNER_K).body();
    assertThat(owner).contains("柯桥保密测试中试有限公司").contains("专家评审中")
        .doesNotContain("越城保密测试中试有限公司").doesNotContain(SECRET).doesNotContain(expertA);
    String district = rest.get("/api/my/cases", "keqiao1").body();
    assertThat(district).contains("柯桥保密测试中试有限公司").doesNotContain("越城保密测试中试有限公司");
    assertThat(rest.get("/api/my/cases", "yuecheng1").body()).contains("越城保密测试中试有限公司")
        .doesNotContain("柯桥保密测试中试有限公司");
    assertThat(rest.get("/api/my/cases", expertB).body()).isEqualTo("[]");
    assertThat(rest.get("/api/my/cases", null).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(7)
  void administratorsOperateAndTheirOperationsAreAudited() {
    var r = rest.postJson("/engine-rest/process-instance/" + caseK + "/variables", "admin",
        "{\"modifications\":{\"operatorNote\":{\"value\":\"运维核对\"}}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createUserOperationLogQuery().userId("admin")
        .processInstanceId(caseK).operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE)
        .count()).isPositive();
    engine.getRuntimeService().removeVariable(caseK, "operatorNote");
  }

  /** null when the response is what the rules say, else what is wrong. */
  private String judgeRead(String user, String pi, Endpoint e, HttpResponse<String> r) {
    boolean bureau = user.startsWith("bureau");
    String body = r.body();
    switch (e.kind()) {
      case INSTANCE -> {
        if (bureau) {
          return r.statusCode() == 200 && (body.contains(pi) || e.name().contains("variables") || e.name().equals("jobs")
              || e.name().equals("incidents")) ? null : "bureau should read it";
        }
        return r.statusCode() >= 400 || !body.contains(pi) && !body.contains("机密") ? null : "leaks the instance";
      }
      case OWN -> {
        if (bureau) {
          return r.statusCode() == 200 ? null : "bureau should read it";
        }
        for (String other : people) {
          if (!other.equals(user) && body.matches("(?s).*\"" + other + "\".*")) {
            return "shows another person: " + other;
          }
        }
        return r.statusCode() < 500 ? null : "server error";
      }
      case REVIEWS -> {
        boolean all = bureau || user.equals("party1");
        boolean expert = user.startsWith("expert");
        if (!all && !expert) {
          return r.statusCode() == 403 ? null : "should be refused";
        }
        if (r.statusCode() != 200) {
          return "should be readable";
        }
        boolean ownSecret = user.equals(expertA) && pi.equals(caseK);
        boolean seesSecret = body.contains(SECRET);
        if (all && pi.equals(caseK)) {
          return seesSecret ? null : "bureau/party should read the review";
        }
        return seesSecret == ownSecret ? null : "wrong review visibility";
      }
      default -> throw new IllegalStateException();
    }
  }

  private Map<String, HttpRequest.Builder> writes(String user) {
    Map<String, HttpRequest.Builder> w = new LinkedHashMap<>();
    w.put("set instance variable", post("/engine-rest/process-instance/" + caseK + "/variables",
        "{\"modifications\":{\"hack\":{\"value\":1}}}"));
    w.put("execute job", post("/engine-rest/job/" + scheduleJob + "/execute", ""));
    w.put("set job retries", put("/engine-rest/job/" + scheduleJob + "/retries", "{\"retries\":0}"));
    w.put("modify instance", post("/engine-rest/process-instance/" + caseK + "/modification",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_ExpertReview\"}]}"));
    w.put("set task variable", put("/engine-rest/task/" + openTaskB + "/variables/expert", "{\"value\":\"expert2\"}"));
    w.put("assign task", post("/engine-rest/task/" + openTaskB + "/assignee", "{\"userId\":\"" + user + "\"}"));
    w.put("add candidate", post("/engine-rest/task/" + openTaskB + "/identity-links",
        "{\"userId\":\"" + user + "\",\"type\":\"candidate\"}"));
    w.put("correlate message", post("/engine-rest/message", "{\"messageName\":\"x\",\"processInstanceId\":\"" + caseK + "\"}"));
    w.put("delete instance", HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/process-instance/" + caseK)).DELETE());
    w.put("deploy", HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=X")
        .POST(HttpRequest.BodyPublishers.ofString("--X\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n--X--\r\n")));
    return w;
  }

  // ------------------------------------------------------------------ item 1: blind review

  @Test
  @Order(2)
  void whileReviewsAreOpenNobodyLearnsAnotherExpertsScoreOpinionOrName() {
    // the sealed values are nowhere in the engine's tables, runtime or history
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE text_ LIKE ?", Integer.class,
          "%" + SECRET + "%");
      assertThat(n).as(table).isZero();
    }
    Integer opinions = jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_varinst WHERE name_ = 'expertOpinion'"
        + " AND proc_inst_id_ = ? AND text_ IS NOT NULL", Integer.class, caseK);
    assertThat(opinions).isZero();
    List<String> probes = new ArrayList<>();
    reads.forEach(e -> probes.add(e.path().apply(caseK)));
    probes.add("/engine-rest/task/" + openTaskB + "/variables");
    probes.add("/engine-rest/task/" + openTaskB + "/form-variables");
    probes.add("/engine-rest/history/variable-instance?variableName=expertOpinion");
    probes.add("/engine-rest/history/variable-instance?variableName=expert");
    probes.add("/engine-rest/history/detail?variableName=expertOpinion");
    probes.add("/camunda/api/engine/engine/default/history/task?processInstanceId=" + caseK);
    for (String user : List.of(expertB, expertC, OWNER_K, "keqiao1", "third1", outsider())) {
      List<String> secretsOf = new ArrayList<>(List.of(SECRET, expertA));
      for (String e : List.of(expertB, expertC)) {
        if (!e.equals(user)) {
          secretsOf.add(e);
        }
      }
      for (String path : probes) {
        HttpResponse<String> r = rest.get(path, user);
        for (String secret : secretsOf) {
          assertThat(r.body()).as(user + " GET " + path).doesNotContain("\"" + secret + "\"").doesNotContain(SECRET)
              .doesNotContain(String.valueOf(SECRET_SCORE));
        }
      }
    }
    // the bureau reads every review, the submitting expert its own
    assertThat(rest.get("/api/reviews/" + caseK, "bureau1").body()).contains(SECRET).contains(expertA);
    assertThat(rest.get("/api/reviews/" + caseK, expertA).body()).contains(SECRET);
    assertThat(rest.get("/api/reviews/" + caseK, expertB).body()).isEqualTo("[]");
  }

  // ------------------------------------------------------------------ item 2: forged submissions

  @Test
  @Order(3)
  void aSubmissionCarriesOnlyWhatItsFormDeclares() {
    int sealedBefore = sealedCount(caseK);
    Map<String, Object> forged = expertScores(0.9, false);
    forged.put("expert", "expert2");
    forged.put("applicationId", "another-application");
    var r = rest.postJson("/engine-rest/task/" + openTaskB + "/submit-form", expertB, variables(forged));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("没有可填写的字段“expert”").contains("applicationId");
    // complete answers the same 400 (it is a form submission too), not a 500
    var c = rest.postJson("/engine-rest/task/" + openTaskB + "/complete", expertB, variables(forged));
    assertThat(c.statusCode()).as(c.body()).isEqualTo(400);
    // an undeclared byte array and an oversized text in a declared field
    var bytes = rest.postJson("/engine-rest/task/" + openTaskB + "/submit-form", expertB,
        "{\"variables\":{\"blob\":{\"type\":\"Bytes\",\"value\":\"" + "QUFB".repeat(50_000) + "\"}}}");
    assertThat(bytes.statusCode()).as(bytes.body()).isEqualTo(400);
    Map<String, Object> longText = expertScores(0.9, false);
    longText.put("expertOpinion", "长".repeat(100_000));
    var big = rest.postJson("/engine-rest/task/" + openTaskB + "/submit-form", expertB, variables(longText));
    assertThat(big.statusCode()).as(big.body()).isIn(400, 413);
    // deeply nested JSON
    var deep = rest.postJson("/engine-rest/task/" + openTaskB + "/submit-form", expertB,
        "{\"variables\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    assertThat(deep.statusCode()).isEqualTo(400);
    assertThat(deep.body()).contains("嵌套层级过深");
    // a claim in somebody else's name (who would then hold the task and could complete it)
    var claim = rest.postJson("/engine-rest/task/" + openTaskB + "/claim", expertB, "{\"userId\":\"applicant1\"}");
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(claim.body()).contains("只能以本人名义认领");
    // nothing changed
    assertThat(engine.getTaskService().createTaskQuery().taskId(openTaskB).singleResult().getAssignee()).isEqualTo(expertB);
    assertThat(engine.getTaskService().createTaskQuery().taskId(openTaskB).count()).isOne();
    assertThat(sealedCount(caseK)).isEqualTo(sealedBefore);
  }

  @Test
  @Order(4)
  void anApplicantCannotFileInAnotherAccountsName() {
    ClockUtil.setCurrentTime(at(YEAR + "-03-10T09:00"));
    try {
      long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-application").count();
      // its own organisation, but filed as owned by another account
      Map<String, Object> v = application("柯桥保密测试中试有限公司", code(47001), "districtKeqiao", "newMaterials");
      v.put("applicantUserId", OWNER_Y);
      String def = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("designation-application").latestVersion().singleResult().getId();
      for (String op : List.of("submit-form", "start")) {
        var r = rest.postJson("/engine-rest/process-definition/" + def + "/" + op, OWNER_K, variables(v));
        assertThat(r.statusCode()).as(op + " " + r.body()).isEqualTo(400);
        assertThat(r.body()).contains("applicantUserId");
      }
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-application").count())
          .isEqualTo(before);
    } finally {
      ClockUtil.reset();
    }
  }

  // ------------------------------------------------------------------ item 3: expressions

  @Test
  @Order(5)
  void aDeployedExpressionReachesOnlyTheProcessBeans() {
    for (String expression : List.of("${jdbcTemplate.queryForList('SELECT 1')}",
        "${identityService.createUserQuery().list()}",
        "${execution.getProcessEngineServices().getIdentityService()}",
        "${execution.processEngine.identityService}",
        "${''.getClass().forName('java.lang.Runtime')}")) {
      var model = Bpmn.createExecutableProcess("Process_Sandbox").camundaHistoryTimeToLive(1)
          .startEvent().serviceTask().camundaExpression(expression).endEvent().done();
      var d = engine.getRepositoryService().createDeployment().addModelInstance("sandbox.bpmn", model).deploy();
      try {
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("Process_Sandbox"))
            .as(expression).isInstanceOf(ProcessEngineException.class);
      } finally {
        engine.getRepositoryService().deleteDeployment(d.getId(), true);
      }
    }
    // the process beans themselves still work
    var model = Bpmn.createExecutableProcess("Process_Sandbox").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask().camundaExpression("${execution.setVariable('due', workingDays.dueIn(5))}")
        .userTask("Wait").endEvent().done();
    var d = engine.getRepositoryService().createDeployment().addModelInstance("sandbox.bpmn", model).deploy();
    try {
      var pi = engine.getRuntimeService().startProcessInstanceByKey("Process_Sandbox");
      assertThat(engine.getRuntimeService().getVariable(pi.getId(), "due")).isNotNull();
    } finally {
      engine.getRepositoryService().deleteDeployment(d.getId(), true);
    }
  }

  // ------------------------------------------------------------------ Tasklist's own copy of the API

  @Test
  @Order(6)
  void tasklistsSessionApiIsHeldToTheSameRules() throws Exception {
    var cookies = new java.net.CookieManager();
    var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    var login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + expertB + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String api = baseUrl() + "/camunda/api/engine/engine/default/";
    var tasksOfB = http.send(HttpRequest.newBuilder(URI.create(api + "task?processInstanceId=" + caseK)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasksOfB.body()).contains(openTaskB).doesNotContain("\"" + expertA + "\"");
    var history = http.send(HttpRequest.newBuilder(URI.create(api + "history/variable-instance?processInstanceId=" + caseK))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(history.statusCode()).isEqualTo(403);
    assertThat(history.body()).doesNotContain(SECRET).doesNotContain("\"" + expertA + "\"");
    var execute = http.send(HttpRequest.newBuilder(URI.create(api + "job/" + scheduleJob + "/execute"))
        .header("X-XSRF-TOKEN", xsrf(cookies)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(execute.statusCode()).as(execute.body()).isEqualTo(403);
    Map<String, Object> forged = expertScores(0.9, false);
    forged.put("expert", "expert2");
    var submit = http.send(HttpRequest.newBuilder(URI.create(api + "task/" + openTaskB + "/submit-form"))
        .header("X-XSRF-TOKEN", xsrf(cookies)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(variables(forged))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
    assertThat(submit.body()).contains("没有可填写的字段“expert”");
    assertThat(engine.getManagementService().createJobQuery().jobId(scheduleJob).singleResult().getRetries()).isEqualTo(5);
    assertThat(engine.getTaskService().createTaskQuery().taskId(openTaskB).count()).isOne();
  }

  private static String xsrf(java.net.CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  @Order(9)
  void aTaskSubmittedTwiceCompletesOnceAndTheSecondGetsAClearMessage() throws Exception {
    // every review of case Y is submitted twice at the same moment (two browser tabs), so the race
    // is run several times: whichever way it goes, one completes and the other gets a clear answer
    String body = variables(expertScores(0.7, false));
    for (Task taskY : engine.getTaskService().createTaskQuery().processInstanceId(caseY)
        .taskDefinitionKey("Task_ExpertReview").list()) {
      String user = taskY.getAssignee();
      var first = CompletableFuture.supplyAsync(() ->
          rest.postJson("/engine-rest/task/" + taskY.getId() + "/submit-form", user, body));
      var second = CompletableFuture.supplyAsync(() ->
          rest.postJson("/engine-rest/task/" + taskY.getId() + "/complete", user, body));
      List<Integer> codes = List.of(first.get().statusCode(), second.get().statusCode());
      assertThat(codes).as(first.get().body() + " / " + second.get().body()).containsOnlyOnce(204);
      var loser = first.get().statusCode() == 204 ? second.get() : first.get();
      assertThat(loser.statusCode()).as(loser.body()).isIn(404, 409);
      assertThat(loser.body()).contains("已经办理完毕").doesNotContain("Exception");
      var again = rest.postJson("/engine-rest/task/" + taskY.getId() + "/submit-form", user, body);
      assertThat(again.statusCode()).isEqualTo(404);
      assertThat(again.body()).contains("请刷新任务列表");
      // the review that won is stored once, sealed
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM frm_sealed_submission WHERE task_id=?", Integer.class,
          taskY.getId())).isOne();
    }
  }

  // ------------------------------------------------------------------ helpers

  private int sealedCount(String pi) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM frm_sealed_submission WHERE process_instance_id=?",
        Integer.class, pi);
    return n == null ? 0 : n;
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder put(String path, String body) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body));
  }

  private String variables(Map<String, Object> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    try {
      return json.writeValueAsString(Map.of("variables", vars));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void complete(String pi, String key, Map<String, Object> vars) {
    Task t = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(t).as(key).isNotNull();
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  private String evaluationOf(String applicationInstance) {
    String appId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(applicationInstance).variableName("applicationId").singleResult().getValue();
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-evaluation")
        .variableValueEquals("applicationId", appId).singleResult().getId();
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
