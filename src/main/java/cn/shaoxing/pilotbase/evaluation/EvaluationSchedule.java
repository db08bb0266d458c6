package cn.shaoxing.pilotbase.evaluation;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The timer of evaluation-schedule (Camunda 7 allows no timer start next to the bureau's none
 * start in one process, so the timer lives in its own small process that calls evaluation-cycle).
 */
@Component("evaluationSchedule")
public class EvaluationSchedule {

  private final EvaluationProperties properties;

  public EvaluationSchedule(EvaluationProperties properties) {
    this.properties = properties;
  }

  /** ISO 8601 repeating interval, read when the process is deployed. */
  public String timerCycle() {
    return properties.timerCycle();
  }

  /** The cycle the timer opens: named after the current year, with the configured defaults. */
  public void prepare(DelegateExecution ex) {
    int year = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")).getYear();
    ex.setVariable("cycleName", year + "年度绩效评价");
    ex.setVariable("cycleYear", (long) year);
    ex.setVariable("scoringMode", properties.scoringMode());
    ex.setVariable("panelSize", (long) properties.panelSize());
    ex.setVariable("selfEvaluationDays", (long) properties.selfEvaluationDays());
  }
}
