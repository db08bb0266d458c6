package cn.shaoxing.pilotbase.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/** Evaluates {@code processes/evaluation-grade.dmn} from the classpath with a standalone DMN engine. */
public final class DmnFileGradeDecision implements GradeDecision {

  public static final String RESOURCE = "processes/evaluation-grade.dmn";

  private final DmnEngine engine;
  private final DmnDecision decision;

  public DmnFileGradeDecision() {
    this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource not found: " + RESOURCE);
      }
      this.decision = engine.parseDecision(DECISION_KEY, in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public Grade gradeFor(BigDecimal totalScore) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
        Variables.createVariables().putValue(INPUT_TOTAL_SCORE, totalScore.doubleValue()));
    return Grade.fromChinese(result.getSingleResult().getEntry(OUTPUT_GRADE));
  }
}
