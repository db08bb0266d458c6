package cn.shaoxing.pilotbase.evaluation;

import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_ALREADY_OPEN;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_NAME;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_YEAR;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SCORING_MODE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SELF_EVALUATION_DAYS;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.PANEL_SIZE;

import cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ScoringMode;
import cn.shaoxing.pilotbase.platform.AppClock;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The timer of evaluation-schedule (Camunda 7 allows no timer start next to the bureau's none
 * start in one process, so the timer lives in its own small process that calls evaluation-cycle).
 */
@Component("evaluationSchedule")
public class EvaluationSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationSchedule.class);

  private final EvaluationProperties properties;
  /** Looked up when the timer fires: the timer's expression is read while the engine is built. */
  private final ObjectProvider<EvaluationService> evaluations;

  public EvaluationSchedule(EvaluationProperties properties, ObjectProvider<EvaluationService> evaluations) {
    this.properties = properties;
    this.evaluations = evaluations;
  }

  /** ISO 8601 repeating interval, read when the process is deployed. */
  public String timerCycle() {
    return properties.timerCycle();
  }

  /**
   * The cycle the timer opens: named after the current year, with the configured defaults; skipped
   * (with a log line) when the year has a cycle already.
   */
  public void prepare(DelegateExecution ex) {
    int year = AppClock.today().getYear();
    CYCLE_NAME.set(ex, year + "年度绩效评价");
    CYCLE_YEAR.set(ex, year);
    SCORING_MODE.set(ex, ScoringMode.of(properties.scoringMode()));
    PANEL_SIZE.set(ex, properties.panelSize());
    SELF_EVALUATION_DAYS.set(ex, properties.selfEvaluationDays());
    // Under the cycle-start lock (held until this transaction ends): a cycle the bureau opened for
    // this year, earlier or at this very moment, makes the timer's start superfluous.
    List<Cycle> existing = evaluations.getObject().cyclesOfYearForStart(year);
    CYCLE_ALREADY_OPEN.set(ex, !existing.isEmpty());
    if (!existing.isEmpty()) {
      LOG.info("{}年度已有绩效评价周期（{}），定时启动跳过", year,
          existing.stream().map(Cycle::name).collect(Collectors.joining("、")));
    }
  }
}
