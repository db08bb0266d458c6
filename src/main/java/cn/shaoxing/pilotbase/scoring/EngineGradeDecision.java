package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed decision {@value #DECISION_KEY} (latest version, so a table redeployed
 * from the Modeler takes effect) through the engine's DecisionService. Grading is a system
 * computation: it runs without the caller's authentication, so no user needs a grant on the
 * decision definition.
 */
@Component
public class EngineGradeDecision implements GradeDecision {

  private final ProcessEngine processEngine;

  public EngineGradeDecision(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @Override
  public Grade gradeFor(BigDecimal totalScore) {
    IdentityService identity = processEngine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      String grade = processEngine.getDecisionService()
          .evaluateDecisionTableByKey(DECISION_KEY)
          .variables(Variables.createVariables()
              .putValue(INPUT_TOTAL_SCORE, totalScore.doubleValue()))
          .evaluate()
          .getSingleResult()
          .getEntry(OUTPUT_GRADE);
      return Grade.fromChinese(grade);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
