package cn.shaoxing.pilotbase.support;

import cn.shaoxing.pilotbase.designation.ApplicationForm;
import cn.shaoxing.pilotbase.experts.Expert;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.ApplicantAccount;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.organisation.CreditCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid form data and fixtures for designation tests. */
public final class DesignationTestSupport {


  private static final ObjectMapper JSON = new ObjectMapper();

  /** The seven districts' groups (越城区 … 滨海新区), in the order of {@link Role}. */
  public static final String[] DISTRICTS = java.util.Arrays.stream(Role.values())
      .filter(r -> r.kind() == Role.Kind.DISTRICT).map(Role::groupId).toArray(String[]::new);

  private DesignationTestSupport() {}

  public static Date at(String isoLocal) {
    return Date.from(LocalDateTime.parse(isoLocal).atZone(cn.shaoxing.pilotbase.platform.AppClock.ZONE).toInstant());
  }

  public static String code(long n) {
    return CreditCode.withCheckDigit(String.format("9133060%010d", n));
  }

  /**
   * The applicant account bound to an organisation of a test (an account files only for its own
   * organisation): opened on first use, kept by the shared database afterwards.
   */
  public static String account(ApplicantAccountService accounts, String userId, String code, String org,
      String reviewerGroup) {
    return accounts.findByUser(userId).map(ApplicantAccount::userId).orElseGet(() -> accounts.open(
        new ApplicantAccountService.NewAccount(userId, "联系人", null, userId + "@example.cn", "Test-Pass-2031",
            code, org, reviewerGroup), "test").userId());
  }

  /** A complete, eligible application. */
  public static Map<String, Object> application(String org, String code, String reviewerGroup, String chain) {
    Map<String, Object> v = new HashMap<>();
    v.put("orgName", org);
    v.put("creditCode", code);
    v.put("registrationDate", "2018-05-20");
    v.put("reviewerGroup", reviewerGroup);
    v.put("industryChain", chain);
    v.put("contactName", "张工");
    v.put("contactPhone", "0575-88000000");
    v.put("contactEmail", "contact@example.cn");
    for (String d : ApplicationForm.DECLARATIONS) {
      v.put(d, true);
    }
    v.put("hostedUnit", false);
    v.put("independentAccounts", false);
    v.put("facilitiesDescription", "中试车间3000平方米，配套检测中心");
    v.put("evidenceRefs", "https://files.example.cn/evidence/1");
    v.put("declarationTruthful", true);
    v.put("siteArea", 3000L);
    v.put("equipmentValue", 2500.5);
    v.put("graduateStaff", 40L);
    v.put("rdSpend", 800L);
    v.put("serviceProjects", 30L);
    v.put("serviceIncome", 1200L);
    v.put("landedProjects", 12L);
    v.put("landedBenefit", 5000L);
    return v;
  }

  /**
   * An accepting expert's review: the marks of the indicators the table has experts score
   * (相关管理服务制度情况, 相关资质情况: {@code each} × 5 points), no bonus, no adjustment of the
   * points the rules compute from the filed figures.
   */
  public static Map<String, Object> expertScores(double each, boolean onsite) {
    Map<String, Object> v = new HashMap<>();
    v.put("participation", "accept");
    double mark = Math.round(500 * each) / 100.0;
    v.put("mark_managementRules", mark);
    v.put("mark_qualifications", mark);
    for (int i = 1; i <= 6; i++) {
      v.put("condOpinion" + i, "met");
    }
    v.put("recommendation", "recommend");
    v.put("expertOpinion", "材料真实，中试能力较强。");
    v.put("requestOnSite", onsite);
    return v;
  }

  public static void seedExperts(ExpertPoolService pool) {
    String[] chains = {"biomedicine", "newMaterials", "integratedCircuits", "biomedicine",
        "newMaterials", "highEndEquipment"};
    for (int i = 1; i <= 6; i++) {
      pool.save(new Expert("expert" + i, "专家" + i, "浙江某大学" + i, code(900 + i),
          List.of(chains[i - 1]), "expert" + i + "@example.cn", "1380000000" + i, true));
    }
  }

  /** The district review's recommendation (the rank is given later, in the district's ranking). */
  public static Map<String, Object> recommend() {
    return Map.of("districtDecision", "recommend",
        "checkAuthentic", true, "checkComplete", true, "checkConform", true,
        "districtComments", "材料真实完整，同意推荐");
  }

  /** What a ranking task offers (task-local {@code rankingOptions}: value = applicationId, label = orgName). */
  public static List<Map<String, Object>> rankingOptions(TaskService tasks, String taskId) {
    Object value = tasks.getVariableLocal(taskId, "rankingOptions");
    try {
      return JSON.readValue(String.valueOf(value), new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The application ids a ranking task offers, in the order offered. */
  public static List<String> offeredIds(TaskService tasks, String taskId) {
    return rankingOptions(tasks, taskId).stream().map(o -> (String) o.get("value")).toList();
  }

  /** The submission of a ranking: the application ids in order (Spin JSON, as Tasklist sends a taglist). */
  public static Map<String, Object> ranking(List<String> ids) {
    try {
      return Map.of("districtRanking", SpinValues.jsonValue(JSON.writeValueAsString(ids)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The offered applications ranked 1..n in the order offered. */
  public static Map<String, Object> rankedAsOffered(TaskService tasks, String taskId) {
    return ranking(offeredIds(tasks, taskId));
  }

  /** The ranking tasks (区县择优推荐排序) open in a round, one per reviewer group. */
  public static List<Task> rankingTasks(TaskService tasks, String roundProcessInstanceId) {
    return tasks.createTaskQuery().processInstanceId(roundProcessInstanceId)
        .taskDefinitionKey("Task_RankRecommendations").list();
  }

  /**
   * Every district and competent unit ranks its recommendations in the order offered, submitted as
   * Tasklist does (a form submission sets the task's own {@code districtRanking}; a bare
   * {@code complete} would set an execution variable the task-local list hides, and is refused).
   */
  public static void rankAll(ProcessEngine engine, String roundProcessInstanceId) {
    TaskService tasks = engine.getTaskService();
    for (Task t : rankingTasks(tasks, roundProcessInstanceId)) {
      engine.getFormService().submitTaskForm(t.getId(), rankedAsOffered(tasks, t.getId()));
    }
  }

  public static Map<String, Object> formalPass() {
    Map<String, Object> v = new HashMap<>();
    for (int i = 1; i <= 6; i++) {
      v.put("materialCond" + i, true);
    }
    v.put("materialIndicators", true);
    v.put("formalDecision", "pass");
    return v;
  }

  // ------------------------------------------------------------------ driving a round (issue 12 tests)

  /** Opens the round of {@code year} as the bureau on 3 March (applications until 31 March). */
  public static ProcessInstance openRound(ProcessEngine engine, int year, int panelSize) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at(year + "-03-03T09:00"));
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-round", Map.of(
          "roundYear", (long) year, "applicationDeadline", year + "-03-31", "panelSize", (long) panelSize,
          "formalCorrectionDays", 5L, "roundNotice", year + "年度评选通知"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** {@code user} files {@code vars} with its draft evidence, as Tasklist's start form does. */
  public static ProcessInstance file(ProcessEngine engine, cn.shaoxing.pilotbase.evidence.EvidenceService evidence,
      String user, Map<String, Object> vars) {
    EvidenceFixtures.applicationDrafts(evidence, user);
    engine.getIdentityService().setAuthentication(user, List.of("applicant"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-application", vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Completes the open task {@code key} of an instance and runs what follows. */
  public static void complete(ProcessEngine engine, String processInstanceId, String key, Map<String, Object> vars) {
    Task t = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
    if (t == null) {
      throw new AssertionError("no open task " + key + " in " + processInstanceId);
    }
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  /** The deadline of the round of {@code year} passes, the districts rank, the bureau confirms. */
  public static void closeApplications(ProcessEngine engine, ProcessInstance round, int year) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at(year + "-04-01T09:00"));
    var job = engine.getManagementService().createJobQuery().processInstanceId(round.getId()).timers()
        .singleResult();
    engine.getManagementService().executeJob(job.getId());
    AsyncSteps.settle(engine);
    rankAll(engine, round.getId());
    complete(engine, round.getId(), "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
  }

  /** The review (designation-evaluation) of an application, once the round started it. */
  public static String reviewOf(ProcessEngine engine, String applicationId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-evaluation")
        .variableValueEquals("applicationId", applicationId).singleResult().getId();
  }
}
