package cn.shaoxing.pilotbase.support;

import cn.shaoxing.pilotbase.evaluation.EvaluationForm;
import cn.shaoxing.pilotbase.experts.Expert;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.Designation;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fixtures shared by the evaluation and revocation tests. */
public final class EvaluationFixtures {


  private EvaluationFixtures() {}

  public static Date at(String isoLocal) {
    return Date.from(LocalDateTime.parse(isoLocal).atZone(cn.shaoxing.pilotbase.platform.AppClock.ZONE).toInstant());
  }

  public static String code(long n) {
    return String.format("9133069%011d", n);
  }

  /**
   * The register holds bases of other test classes (one shared database): set them aside so a
   * cycle covers exactly this test's bases.
   */
  public static void isolateRegister(JdbcTemplate jdbc) {
    jdbc.update("UPDATE reg_base SET status='REVOKED', revocation_reason='测试隔离' WHERE status='ACTIVE'");
  }

  public static DesignatedBase base(RegisterService register, BaseAccounts baseAccounts,
      String org, String code, String group, LocalDate designated, String user) {
    DesignatedBase b = register.designate(new Designation(org, code, "newMaterials", group,
        designated.getYear(), "绍市科发〔" + designated.getYear() + "〕1号", designated, null));
    baseAccounts.setAccount(b.id(), user);
    return b;
  }

  public static void seedExperts(ExpertPoolService pool) {
    for (int i = 1; i <= 6; i++) {
      pool.save(new Expert("expert" + i, "专家" + i, "浙江某大学" + i, code(990 + i),
          List.of("newMaterials"), "expert" + i + "@example.cn", "1380000000" + i, true));
    }
  }

  /** A complete self-evaluation: k ranks the base (1 best); k = 0 is a weak base. */
  public static Map<String, Object> selfEvaluation(int k) {
    Map<String, Object> v = new HashMap<>();
    boolean weak = k == 0;
    v.put("fig_siteArea", weak ? 100L : 5000L);
    v.put("fig_equipmentValue", weak ? 100.0 : 3000.0);
    v.put("fig_graduateStaff", weak ? 2L : 50L);
    for (int y = 1; y <= 2; y++) {
      v.put("fig_rdSpend_y" + y, weak ? 10.0 : 500.0);
      v.put("fig_serviceProjects_y" + y, weak ? 1L : 30L);
      v.put("fig_serviceIncome_y" + y, weak ? 50.0 : 2000.0 - 100 * k);
      v.put("fig_landedProjects_y" + y, weak ? 0L : 10L);
      v.put("fig_landedBenefit_y" + y, weak ? 0.0 : 5000.0 - 500 * k);
    }
    for (String i : EvaluationForm.ALL) {
      v.put(EvaluationForm.evidence(i), "https://files.example.cn/ev/" + i);
    }
    v.put("selfReport", "本评价期内中试服务情况良好。");
    v.put("declarationTruthful", true);
    return v;
  }

  public static Map<String, Object> sheet(double qualitative, boolean onsite) {
    Map<String, Object> v = new HashMap<>();
    v.put("participation", "accept");
    v.put("mark_managementRules", qualitative);
    v.put("mark_qualifications", qualitative);
    v.put("mark_socialBenefit", 0.0);
    v.put("requestOnSite", onsite);
    v.put("scorerOpinion", "材料真实，服务成效明显。");
    return v;
  }

  public static Map<String, Object> confirm() {
    return Map.of("auditDecision", "confirm", "auditOpinion", "经核查，材料真实。");
  }

  public static ProcessInstance baseInstance(ProcessEngine engine, String cycleId, String baseId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("evaluation-base").variableValueEquals("cycleId", cycleId)
        .variableValueEquals("baseId", baseId).singleResult();
  }

  public static Task task(ProcessEngine engine, String processInstanceId, String key) {
    List<Task> l = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).list();
    return l.isEmpty() ? null : l.get(0);
  }

  public static void fireTimer(ProcessEngine engine, String processInstanceId, String activityId,
      Date now) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).timers().singleResult();
    if (job == null) {
      throw new AssertionError("no timer " + activityId);
    }
    if (job.getDuedate().after(now)) {
      throw new AssertionError("timer " + activityId + " due " + job.getDuedate() + " after " + now);
    }
    engine.getManagementService().executeJob(job.getId());
    AsyncSteps.settle(engine);
  }
}
