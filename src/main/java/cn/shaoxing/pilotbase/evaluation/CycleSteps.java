package cn.shaoxing.pilotbase.evaluation;

import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.COHORT_SIZE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_ID;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_NAME;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_YEAR;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.DOCUMENT_DATE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.DOCUMENT_NUMBER;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.GRADES;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.GRADE_OVERVIEW;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.PUBLICITY_END_AT;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.REVOCATION_CANDIDATES;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.REVOCATION_COUNT;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SCORING_MODE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SELF_EVALUATION_DAYS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_DESCRIPTION;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_EXCELLENT;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_OPTIONS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_PENDING;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_REASON;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_SEATS;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.PANEL_SIZE;

import cn.shaoxing.pilotbase.evaluation.EvaluationService.RevocationCandidate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of evaluation-cycle: each method reads typed variables ({@link
 * EvaluationVariables}), calls one service ({@link CycleService}, {@link EvaluationService}) and
 * writes typed variables back. The per-base steps are {@link BaseEvaluationSteps}'.
 */
@Component("cycleSteps")
public class CycleSteps {

  private final CycleService cycles;
  private final EvaluationService evaluations;

  public CycleSteps(CycleService cycles, EvaluationService evaluations) {
    this.cycles = cycles;
    this.evaluations = evaluations;
  }

  /** Opens the cycle, from the bureau's start form or from the timer (then with the defaults). */
  public void openCycle(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    CycleService.Opened o = cycles.open(CYCLE_NAME.present(v) ? CYCLE_NAME.of(v) : null,
        CYCLE_YEAR.of(v), SCORING_MODE.present(v) ? SCORING_MODE.of(v) : null,
        SELF_EVALUATION_DAYS.of(v), PANEL_SIZE.of(v), ex.getProcessInstanceId());
    CYCLE_ID.set(ex, o.cycle().id());
    CYCLE_NAME.set(ex, o.name());
    CYCLE_YEAR.set(ex, o.year());
    SCORING_MODE.set(ex, o.mode());
    SELF_EVALUATION_DAYS.set(ex, o.selfEvaluationDays());
    PANEL_SIZE.set(ex, o.panelSize());
    COHORT_SIZE.set(ex, o.cohortSize());
    ex.setProcessBusinessKey(o.name());
  }

  /** The multi-instance collection of the per-base evaluations: base ids. */
  public List<String> cohort(Object cycleId) {
    return evaluations.cohortIds(String.valueOf(cycleId));
  }

  /** Scores the cohort together and forms the grades (ranking, quota, tie at the cut-off). */
  public void formGrades(DelegateExecution ex) {
    CycleService.Grades g = cycles.formGrades(CYCLE_ID.of(ex));
    TIE_PENDING.set(ex, g.tiePending());
    TIE_DESCRIPTION.set(ex, g.tieDescription());
    TIE_OPTIONS.set(ex, g.tieOptions());
    TIE_SEATS.set(ex, g.tieSeats());
    GRADE_OVERVIEW.set(ex, g.overview());
    GRADES.set(ex, g.table());
  }

  public void applyTieDecision(DelegateExecution ex) {
    GRADES.set(ex, cycles.applyTieDecision(CYCLE_ID.of(ex), TIE_EXCELLENT.of(ex),
        TIE_REASON.of(ex)));
  }

  public void submitToParty(DelegateExecution ex) {
    evaluations.setCycleStatus(CYCLE_ID.of(ex), CycleStatus.PARTY_REVIEW);
  }

  public void startPublicity(DelegateExecution ex) {
    PUBLICITY_END_AT.set(ex, cycles.startPublicity(CYCLE_ID.of(ex)));
  }

  /** Publication: grades into the register's history, mails, and the bases to revoke. */
  public void recordPublication(DelegateExecution ex) {
    List<RevocationCandidate> revoke = cycles.publish(CYCLE_ID.of(ex), CYCLE_NAME.of(ex),
        DOCUMENT_NUMBER.of(ex), DOCUMENT_DATE.of(ex));
    REVOCATION_COUNT.set(ex, revoke.size());
    REVOCATION_CANDIDATES.set(ex, cycles.candidatesValue(revoke));
  }

  /** The multi-instance collection of the automatic revocations: base ids. */
  public List<String> revocationBaseIds(DelegateExecution ex) {
    return cycles.candidates(REVOCATION_CANDIDATES.of(ex)).stream()
        .map(RevocationCandidate::baseId).toList();
  }

  /** Starts the revocation of one base (annex §三.（三）), run by the process, not the user. */
  public void startRevocation(DelegateExecution ex, String baseId) {
    RevocationCandidate c = cycles.candidates(REVOCATION_CANDIDATES.of(ex)).stream()
        .filter(r -> r.baseId().equals(baseId)).findFirst().orElseThrow();
    cycles.startRevocation(c, CYCLE_ID.of(ex), CYCLE_NAME.of(ex), DOCUMENT_NUMBER.of(ex));
  }
}
