package cn.shaoxing.pilotbase.scoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the plain-Java parts of the scoring capability. */
@Configuration
public class ScoringConfiguration {

  /** Grading through the deployed DMN decision EvaluationGrade. */
  @Bean
  public GradingService gradingService(EngineGradeDecision gradeDecision) {
    return new GradingService(gradeDecision);
  }
}
