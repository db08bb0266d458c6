package cn.shaoxing.pilotbase.benchmark;

import static cn.shaoxing.pilotbase.support.EvaluationFixtures.confirm;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.selfEvaluation;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.designation.Application;
import cn.shaoxing.pilotbase.designation.ApplicationService;
import cn.shaoxing.pilotbase.designation.ApplicationStatus;
import cn.shaoxing.pilotbase.evaluation.EvaluationService;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.identity.DemoUsers;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.ApplicationClassPath;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import cn.shaoxing.pilotbase.support.TestInfrastructure;
import cn.shaoxing.pilotbase.support.WebappLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of the platform at a chosen scale (docs/performance.md): a designation round and an
 * evaluation cycle driven as the roles would (each task submitted through its form by the user
 * who holds it), Tasklist's queries over many open tasks, and a cold start of the embedded default.
 * Every click is compared with a bare user task (no form, no listener of ours) completed in the
 * same engine during the same run.
 *
 * <p>In the default test run this is a smoke run (a few cases, results under target/benchmark);
 * {@code mvn -B -Pbenchmark test} runs it at 100× Shaoxing's scale on PostgreSQL and on H2 and
 * writes docs/performance.md ({@link Scale}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearAtScaleBenchmark extends IntegrationTest {

  static final Scale SCALE = Scale.fromSystemProperties();
  static final Measurements MEASURED = new Measurements();
  static final String BARE = "Task_Bare";
  static final String[] DISTRICTS = DesignationTestSupport.DISTRICTS;

  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired EvaluationService evaluations;
  @Autowired ExpertPoolService experts;
  @Autowired EvidenceService evidence;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicantAccountService accounts;
  @Autowired ApplicationService applications;

  RoleClicks roles;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    roles = new RoleClicks(engine, MEASURED);
    EvaluationFixtures.seedExperts(experts);
  }

  // ------------------------------------------------------------------ the baseline

  /**
   * A process of bare user tasks for a candidate group: no form, no listener of ours. Completing
   * the first creates the second, as most of the platform's clicks create the next step's task.
   */
  Deployment deployBare() {
    BpmnModelInstance bare = Bpmn.createExecutableProcess("benchmark-bare").name("基准：空白用户任务")
        .camundaHistoryTimeToLive(1).startEvent().userTask(BARE).name("空白任务")
        .camundaCandidateGroups("${group}").userTask("Task_BareNext").name("空白任务（下一步）")
        .camundaCandidateGroups("${group}").endEvent().done();
    return engine.getRepositoryService().createDeployment().name("benchmark-bare")
        .addModelInstance("benchmark-bare.bpmn", bare).deploy();
  }

  /** The baseline's share of the run: bare clicks on a deployment of their own, removed after. */
  void bareBaseline() {
    Deployment d = deployBare();
    bareClicks(SCALE.bareTasks());
    engine.getRepositoryService().deleteDeployment(d.getId(), true);
  }

  /** Completes n bare tasks as a district user, each click timed as {@link #BARE}. */
  void bareClicks(int n) {
    for (int i = 0; i < n; i++) {
      String pi = engine.getRuntimeService().startProcessInstanceByKey("benchmark-bare",
          Map.of("group", "districtKeqiao")).getId();
      Task t = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
      engine.getIdentityService().setAuthentication("keqiao1", List.of("districtKeqiao"));
      long start = System.nanoTime();
      try {
        engine.getTaskService().complete(t.getId());
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      MEASURED.click(BARE, System.nanoTime() - start);
    }
  }

  @Test
  @Order(1)
  void bareUserTaskBefore() {
    bareBaseline();
  }

  // ------------------------------------------------------------------ the designation round

  @Test
  @Order(2)
  void designationRound() throws Exception {
    int year = SCALE.roundYear();
    ClockUtil.setCurrentTime(DesignationTestSupport.at(year + "-03-02T09:00"));
    DesignationTestSupport.seedExperts(experts);
    long start = System.nanoTime();
    ProcessInstance round = roles.as("bureau1", List.of("bureau"), "启动年度评选（开始表单）",
        () -> engine.getFormService().submitStartForm(definition("designation-round"), Map.of(
            "roundYear", (long) year, "applicationDeadline", year + "-03-31", "panelSize", 3L,
            "formalCorrectionDays", 5L, "roundNotice", year + "年度评选通知（性能基准）")));

    // every organisation files, its district recommends it
    for (int n = 1; n <= SCALE.applications(); n++) {
      String district = DISTRICTS[n % DISTRICTS.length];
      String code = DesignationTestSupport.code((year % 100) * 10_000L + n);
      String org = String.format("基准申报中试单位%04d有限公司", n);
      String account = DesignationTestSupport.account(accounts, "bench" + year % 100 + "n" + n, code, org, district);
      EvidenceFixtures.applicationDrafts(evidence, account);
      Map<String, Object> filing = DesignationTestSupport.application(org, code, district, "biomedicine");
      ProcessInstance application = roles.as(account, List.of("applicant"), "提交申报（开始表单）",
          () -> engine.getFormService().submitStartForm(definition("designation-application"), filing));
      roles.complete(task(application.getId(), "Task_DistrictReview"), DesignationTestSupport.recommend());
    }
    fire(round, "Timer_ApplicationDeadline");
    for (Task ranking : DesignationTestSupport.rankingTasks(engine.getTaskService(), round.getId())) {
      roles.complete(ranking, DesignationTestSupport.rankedAsOffered(engine.getTaskService(), ranking.getId()));
    }
    roles.complete(task(round.getId(), "Task_ConfirmRecommendations"), Map.of("recommendationsConfirmed", true));

    List<String> evaluationsOfRound = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(round.getId()).list().stream().map(ProcessInstance::getId).toList();
    assertThat(evaluationsOfRound).hasSize(SCALE.applications());
    for (String ev : evaluationsOfRound) {
      roles.complete(task(ev, "Task_FormalReview"), DesignationTestSupport.formalPass());
    }
    for (String ev : evaluationsOfRound) {
      for (Task review : engine.getTaskService().createTaskQuery().processInstanceId(ev)
          .taskDefinitionKey("Task_ExpertReview").list()) {
        roles.complete(review, DesignationTestSupport.expertScores(0.8, false));
      }
    }
    List<String> proposed = applications.ofRound(year, ApplicationStatus.EVALUATED).stream()
        .map(Application::id).toList();
    assertThat(proposed).hasSize(SCALE.applications());
    roles.complete(task(round.getId(), "Task_CompileProposedList"), Map.of("proposedApplications",
        SpinValues.jsonValue(json.writeValueAsString(proposed)).create()));
    roles.complete(task(round.getId(), "Task_PartyCommitteeReview"),
        Map.of("partyDecision", "approve", "meetingDate", AppClock.today().toString()));
    roles.complete(task(round.getId(), "Task_PublishPublicityNotice"),
        Map.of("objectionContact", "0575-85000000，kjj@sx.gov.cn"));
    fire(round, "Timer_PublicityEnd");
    roles.complete(task(round.getId(), "Task_PublishDesignation"), Map.of("documentNumber",
        "绍市科发〔" + year + "〕80号", "documentDate", AppClock.today().toString()));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(round.getId())
        .singleResult().getEndTime()).as("round ended").isNotNull();
    assertThat(register.listByYear(year)).hasSize(SCALE.applications());
    MEASURED.fact("round.applications", SCALE.applications());
    MEASURED.fact("round.wallSeconds", (System.nanoTime() - start) / 1e9);
  }

  // ------------------------------------------------------------------ the evaluation cycle

  @Test
  @Order(3)
  void evaluationCycle() throws Exception {
    ClockUtil.setCurrentTime(EvaluationFixtures.at(SCALE.cycleYear() + "-06-01T09:00"));
    EvaluationFixtures.isolateRegister(jdbc);
    List<DesignatedBase> bases = new ArrayList<>();
    for (int i = 1; i <= SCALE.bases(); i++) {
      bases.add(EvaluationFixtures.base(register, baseAccounts, String.format("基准评价中试基地%04d有限公司", i),
          EvaluationFixtures.code(810_000 + i), DISTRICTS[i % DISTRICTS.length],
          LocalDate.of(SCALE.cycleYear() - 2, 1, 10), "benchbase" + i));
    }
    long start = System.nanoTime();
    ProcessInstance cycle = roles.as("bureau1", List.of("bureau"), "启动绩效评价（开始表单）",
        () -> engine.getFormService().submitStartForm(definition("evaluation-cycle"), Map.of(
            "cycleName", SCALE.cycleYear() + "年度绩效评价（性能基准）", "cycleYear", (long) SCALE.cycleYear(),
            "scoringMode", "thirdParty", "panelSize", 3L, "selfEvaluationDays", 20L)));
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    assertThat(evaluations.cohortIds(cycleId)).hasSize(SCALE.bases());

    for (int i = 0; i < bases.size(); i++) {
      String pi = EvaluationFixtures.baseInstance(engine, cycleId, bases.get(i).id()).getId();
      Task self = task(pi, "Task_SelfEvaluation");
      EvidenceFixtures.forTask(evidence, engine, jdbc, self);
      roles.complete(self, selfEvaluation(1 + i % 10));
      roles.complete(task(pi, "Task_DistrictAudit"), confirm());
      Map<String, Object> sheet = sheet(5.0 - (i % 5), false);
      sheet.remove("participation");   // the third party's form has no 参与/回避 choice
      roles.complete(task(pi, "Task_ThirdPartyScoring"), sheet);
    }
    Task tie = task(cycle.getId(), "Task_DecideTie");
    if (tie != null) {
      int seats = ((Number) engine.getRuntimeService().getVariable(cycle.getId(), "tieSeats")).intValue();
      JsonNode options = json.readTree(engine.getRuntimeService().getVariable(cycle.getId(), "tieOptions").toString());
      List<String> chosen = new ArrayList<>();
      for (int k = 0; k < seats; k++) {
        chosen.add(options.get(k).path("value").asText());
      }
      roles.complete(tie, Map.of("tieExcellent", chosen, "tieReason", "服务本市主导产业企业更多"));
    }
    roles.complete(task(cycle.getId(), "Task_ReviewGrades"), Map.of("gradesConfirmed", true));
    roles.complete(task(cycle.getId(), "Task_PartyApproval"), Map.of("partyDecision", "approve",
        "meetingDate", AppClock.today().toString()));
    fire(cycle, "Timer_PublicityEnd");
    roles.complete(task(cycle.getId(), "Task_PublishResults"), Map.of("documentNumber",
        "绍市科发〔" + SCALE.cycleYear() + "〕90号", "documentDate", AppClock.today().toString()));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(cycle.getId())
        .singleResult().getEndTime()).as("cycle ended").isNotNull();
    assertThat(evaluations.participations(cycleId)).hasSize(SCALE.bases()).allMatch(p -> p.grade() != null);
    MEASURED.fact("cycle.bases", SCALE.bases());
    MEASURED.fact("cycle.wallSeconds", (System.nanoTime() - start) / 1e9);
  }

  // ------------------------------------------------------------------ the baseline again

  @Test
  @Order(4)
  void bareUserTaskAfter() {
    bareBaseline();
  }

  // ------------------------------------------------------------------ Tasklist at scale

  @Test
  @Order(5)
  void tasklistOverManyOpenTasks() throws Exception {
    // the open tasks stay: deleting thousands of instances with their history is an administrator's
    // rare cleanup, slow on a large history and not what is measured here (the run's JVM and
    // database end with it)
    deployBare();
    long opened = engine.getTaskService().createTaskQuery().count();
    for (int i = opened < SCALE.openTasks() ? (int) opened : SCALE.openTasks(); i < SCALE.openTasks(); i++) {
      engine.getRuntimeService().startProcessInstanceByKey("benchmark-bare",
          Map.of("group", i % 10 == 9 ? "bureau" : DISTRICTS[i % DISTRICTS.length]));
    }
    long open = engine.getTaskService().createTaskQuery().count();
    MEASURED.fact("tasklist.openTasks", open);
    RestClient rest = new RestClient(baseUrl());
    HttpResponse<String> filters = rest.get("/engine-rest/filter?name="
        + URLEncoder.encode("本组待办", StandardCharsets.UTF_8), "keqiao1");
    assertThat(filters.statusCode()).isEqualTo(200);
    String filter = json.readTree(filters.body()).get(0).path("id").asText();
    String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
    String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    String count = "/engine-rest/filter/" + filter + "/count";
    long visible = json.readTree(rest.get(count, "keqiao1").body()).path("count").asLong();
    MEASURED.fact("tasklist.visibleToDistrictUser", visible);
    assertThat(visible).isPositive();
    for (int i = 0; i < 20; i++) {   // warm-up
      rest.postJson(list, "keqiao1", sorting);
      rest.get(count, "keqiao1");
    }
    List<Long> listTimes = new ArrayList<>();
    List<Long> countTimes = new ArrayList<>();
    for (int i = 0; i < SCALE.queries(); i++) {
      long t0 = System.nanoTime();
      assertThat(rest.postJson(list, "keqiao1", sorting).statusCode()).isEqualTo(200);
      long t1 = System.nanoTime();
      assertThat(rest.get(count, "keqiao1").statusCode()).isEqualTo(200);
      long t2 = System.nanoTime();
      listTimes.add(t1 - t0);
      countTimes.add(t2 - t1);
    }
    MEASURED.fact("tasklist.listP95Ms", Measurements.percentile(listTimes, 95));
    MEASURED.fact("tasklist.listMedianMs", Measurements.median(listTimes));
    MEASURED.fact("tasklist.countP95Ms", Measurements.percentile(countTimes, 95));
    MEASURED.fact("tasklist.countMedianMs", Measurements.median(countTimes));
  }

  // ------------------------------------------------------------------ cold start

  /**
   * The embedded default (H2 file database, demo users) started as an operator would, in its own
   * JVM limited to 512 MB: seconds until bureau1's Tasklist login succeeds.
   */
  @Test
  @Order(6)
  void coldStartToFirstTasklistLogin() throws Exception {
    if (!SCALE.coldStart()) {
      return;
    }
    Path dir = Files.createTempDirectory("pilotbase-coldstart");
    int port = TestInfrastructure.freePort();
    Path log = Path.of("target", "benchmark", "coldstart.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Dfile.encoding=UTF-8", "-cp", ApplicationClassPath.get(),
        "cn.shaoxing.pilotbase.PilotBaseApplication", "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--logging.file.name=" + dir.resolve("log.json"))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("SPRING_PROFILES_ACTIVE");
    long start = System.nanoTime();
    Process node = pb.start();
    try {
      double seconds = -1;
      while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(180) && node.isAlive()) {
        try {
          // as a browser: fetch Tasklist (CSRF cookie), post the login form
          WebappLogin.as("http://localhost:" + port, "bureau1");
          seconds = (System.nanoTime() - start) / 1e9;
          break;
        } catch (Exception | AssertionError notYet) {
          Thread.sleep(200);
        }
      }
      assertThat(seconds).as("cold start to a Tasklist login (log: %s)", log).isPositive();
      MEASURED.fact("coldStart.seconds", seconds);
      MEASURED.fact("coldStart.maxHeapMb", 512);
    } finally {
      node.destroy();
      if (!node.waitFor(20, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
      org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
    }
  }

  /** The largest heap in use after a garbage collection (the live data), sampled while the run goes. */
  static final java.util.concurrent.atomic.AtomicLong LIVE_MAX = new java.util.concurrent.atomic.AtomicLong();

  static {
    Thread sampler = new Thread(() -> {
      while (true) {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
            live += pool.getCollectionUsage().getUsed();
          }
        }
        LIVE_MAX.accumulateAndGet(live, Math::max);
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  @AfterAll
  static void report() throws Exception {
    MEASURED.fact("heap.maxMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    MEASURED.fact("heap.liveMaxMb", LIVE_MAX.get() / (1024 * 1024));
    PerformanceReport.write(SCALE, MEASURED);
  }

  // ------------------------------------------------------------------ helpers

  String definition(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult().getId();
  }

  Task task(String processInstanceId, String key) {
    return EvaluationFixtures.task(engine, processInstanceId, key);
  }

  /** The clock moves to the timer's due date; the timer fires (the job executor's work). */
  void fire(ProcessInstance pi, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).timers().singleResult();
    assertThat(job).as("timer %s", activityId).isNotNull();
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
    long start = System.nanoTime();
    engine.getManagementService().executeJob(job.getId());
    MEASURED.bulk(activityId, System.nanoTime() - start);
    roles.settle(activityId);
  }

  static File target() {
    return new File("target", "benchmark");
  }
}
