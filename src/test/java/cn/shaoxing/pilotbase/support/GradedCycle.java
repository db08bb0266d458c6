package cn.shaoxing.pilotbase.support;

import static cn.shaoxing.pilotbase.support.EvaluationFixtures.confirm;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.selfEvaluation;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.sheet;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real evaluation cycle driven through the process to the bureau's grade review (third-party
 * scoring, the tie decided when there is one), started at the step after the start form (whose
 * year field stops at 2100, below the years some test classes own): the register is isolated first (the cohort is every
 * active base), then {@code scores.length} bases of {@code year - 1} are evaluated, base i with
 * self-evaluation level {@code scores[i]} (0 = weak). The grades the process proposed are read from
 * its {@code grades} variable (Chinese grade names), independently of the evaluation tables.
 */
public final class GradedCycle {

  /** The running cycle, its id and the proposed grade of each base by Chinese name. */
  public record Result(ProcessInstance cycle, String cycleId, List<DesignatedBase> bases, Map<String, Long> grades) {}

  private GradedCycle() {}

  public static Result toGradeReview(ProcessEngine engine, JdbcTemplate jdbc, RegisterService register,
      BaseAccounts accounts, ExpertPoolService experts, EvidenceService evidence, String name, int year,
      long codeOffset, int... scores) throws Exception {
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
    ClockUtil.setCurrentTime(EvaluationFixtures.at(year + "-06-01T09:00"));
    List<DesignatedBase> bases = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      bases.add(EvaluationFixtures.base(register, accounts, String.format("%s参评基地%02d有限公司", name, i + 1),
          EvaluationFixtures.code(codeOffset + i), "districtZhuji", LocalDate.of(year - 1, 1, 10),
          "grd" + year + "b" + (i + 1)));
    }
    // the bureau's start form admits years up to 2100 only; the tests of years beyond start the
    // real process at its first step after the form (as an operator's process instance modification)
    ProcessInstance cycle = engine.getRuntimeService().createProcessInstanceByKey("evaluation-cycle")
        .setVariables(Map.of("cycleName", name, "cycleYear", (long) year, "scoringMode", "thirdParty",
            "panelSize", 3L, "selfEvaluationDays", 20L, "cycleOpenedBy", "bureau1"))
        .startBeforeActivity("Task_OpenCycle")
        .execute();
    AsyncSteps.settle(engine);
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    for (int i = 0; i < bases.size(); i++) {
      String pi = EvaluationFixtures.baseInstance(engine, cycleId, bases.get(i).id()).getId();
      complete(engine, jdbc, evidence, pi, "Task_SelfEvaluation", selfEvaluation(scores[i]));
      complete(engine, jdbc, evidence, pi, "Task_DistrictAudit", confirm());
      complete(engine, jdbc, evidence, pi, "Task_ThirdPartyScoring", sheet(scores[i] == 0 ? 0.0 : 5.0 - i, false));
    }
    ObjectMapper json = new ObjectMapper();
    if (EvaluationFixtures.task(engine, cycle.getId(), "Task_DecideTie") != null) {
      int seats = ((Number) engine.getRuntimeService().getVariable(cycle.getId(), "tieSeats")).intValue();
      JsonNode options = json.readTree(engine.getRuntimeService().getVariable(cycle.getId(), "tieOptions").toString());
      List<String> chosen = new ArrayList<>();
      for (int k = 0; k < seats; k++) {
        chosen.add(options.get(k).path("value").asText());
      }
      complete(engine, jdbc, evidence, cycle.getId(), "Task_DecideTie",
          Map.of("tieExcellent", chosen, "tieReason", "服务本市主导产业企业更多"));
    }
    if (EvaluationFixtures.task(engine, cycle.getId(), "Task_ReviewGrades") == null) {
      throw new AssertionError("评价周期未到达审核评价档次环节");
    }
    Map<String, Long> grades = new LinkedHashMap<>();
    for (JsonNode row : json.readTree(engine.getRuntimeService().getVariable(cycle.getId(), "grades").toString())) {
      grades.merge(row.path("grade").asText(), 1L, Long::sum);
    }
    return new Result(cycle, cycleId, bases, grades);
  }

  private static void complete(ProcessEngine engine, JdbcTemplate jdbc, EvidenceService evidence,
      String processInstanceId, String key, Map<String, Object> vars) {
    Task t = EvaluationFixtures.task(engine, processInstanceId, key);
    if (t == null) {
      throw new AssertionError("没有待办任务 " + key);
    }
    EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }
}
