package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;

/**
 * The grade a total earns before the 优秀 quota: decision {@value #DECISION_KEY} of {@code
 * processes/evaluation-grade.dmn}. Two implementations evaluate the same file: {@link
 * EngineGradeDecision} through the process engine's DecisionService (what the platform runs, the
 * latest deployed version), {@link DmnFileGradeDecision} with a standalone DMN engine (unit tests).
 */
public interface GradeDecision {

  String DECISION_KEY = "EvaluationGrade";
  String INPUT_TOTAL_SCORE = "totalScore";
  String OUTPUT_GRADE = "grade";

  Grade gradeFor(BigDecimal totalScore);
}
