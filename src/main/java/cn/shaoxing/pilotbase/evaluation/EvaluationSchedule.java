package cn.shaoxing.pilotbase.evaluation;

import org.springframework.stereotype.Component;

/** Read by the timer start event of evaluation-cycle when the process is deployed. */
@Component("evaluationSchedule")
public class EvaluationSchedule {

  private final EvaluationProperties properties;

  public EvaluationSchedule(EvaluationProperties properties) {
    this.properties = properties;
  }

  public String timerCycle() {
    return properties.timerCycle();
  }
}
