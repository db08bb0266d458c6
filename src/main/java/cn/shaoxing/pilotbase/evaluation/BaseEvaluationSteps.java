package cn.shaoxing.pilotbase.evaluation;

import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ABSENCE_EXCUSED;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ABSENCE_REASON;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.AUDIT_OPINION;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.BASE_ID;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.BASE_USER;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CREDIT_CODE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_ID;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_NAME;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.EXTENSION_DAYS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.EXTENSION_USED;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ONSITE_CONSISTENT;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ONSITE_FINDINGS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ORG_NAME;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.PARTICIPATION_ID;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.REQUEST_ON_SITE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.RETURN_COMMENTS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.REVIEWER_GROUP;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.REVIEWER_NAME;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SCORER_OPINION;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SCORING_MODE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SELF_EVALUATION_DAYS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SELF_EVALUATION_DUE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.SELF_EVALUATION_REMINDER_AT;

import cn.shaoxing.pilotbase.evaluation.BaseEvaluationService.BaseCase;
import cn.shaoxing.pilotbase.evaluation.BaseEvaluationService.Deadline;
import cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ScoringMode;
import cn.shaoxing.pilotbase.experts.ExpertPanels;
import cn.shaoxing.pilotbase.forms.SealedSubmissions;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of evaluation-base (one base in a cycle): each method reads typed variables
 * ({@link EvaluationVariables}, {@link ExpertPanels}), calls one service ({@link
 * BaseEvaluationService}, {@link EvaluationService}, {@link ExpertPanels}) and writes typed
 * variables back.
 */
@Component("baseEvaluationSteps")
public class BaseEvaluationSteps {

  private final BaseEvaluationService bases;
  private final EvaluationService evaluations;
  private final ExpertPanels panels;
  private final SealedSubmissions sealed;

  public BaseEvaluationSteps(BaseEvaluationService bases, EvaluationService evaluations,
      ExpertPanels panels, SealedSubmissions sealed) {
    this.bases = bases;
    this.evaluations = evaluations;
    this.panels = panels;
    this.sealed = sealed;
  }

  public void loadBase(DelegateExecution ex) {
    BaseCase c = bases.load(BASE_ID.of(ex));
    PARTICIPATION_ID.set(ex, evaluations.participation(CYCLE_ID.of(ex), BASE_ID.of(ex)).id());
    BASE_USER.set(ex, c.baseUser());
    ORG_NAME.set(ex, c.base().orgName());
    CREDIT_CODE.set(ex, c.base().creditCode());
    REVIEWER_GROUP.set(ex, c.base().reviewerGroup());
    REVIEWER_NAME.set(ex, c.reviewerName());
    EXTENSION_USED.set(ex, false);
    RETURN_COMMENTS.set(ex, "");
    setDeadline(ex, bases.deadlineIn(SELF_EVALUATION_DAYS.of(ex)));
    ex.setProcessBusinessKey(CYCLE_NAME.of(ex) + "-" + c.base().creditCode());
  }

  public void sendReminder(DelegateExecution ex) {
    bases.remind(BASE_USER.of(ex), CYCLE_NAME.of(ex), ORG_NAME.of(ex), SELF_EVALUATION_DUE.of(ex));
  }

  public void grantExtension(DelegateExecution ex) {
    EXTENSION_USED.set(ex, true);
    setDeadline(ex, bases.extend(BASE_USER.of(ex), EXTENSION_DAYS.of(ex)));
  }

  public void recordAbsent(DelegateExecution ex) {
    bases.recordAbsent(CYCLE_ID.of(ex), BASE_ID.of(ex), ABSENCE_EXCUSED.isTrue(ex),
        ABSENCE_REASON.of(ex), BASE_USER.of(ex), CYCLE_NAME.of(ex), ORG_NAME.of(ex));
  }

  public void recordSelfEvaluation(DelegateExecution ex) {
    evaluations.saveFiling(CYCLE_ID.of(ex), BASE_ID.of(ex), ex.getVariables());
  }

  public void recordAuditReturn(DelegateExecution ex) {
    evaluations.saveAuditOpinion(CYCLE_ID.of(ex), BASE_ID.of(ex), ParticipationStatus.RETURNED,
        AUDIT_OPINION.of(ex));
    RETURN_COMMENTS.set(ex, AUDIT_OPINION.of(ex));
    setDeadline(ex, bases.deadlineAfterReturn(SELF_EVALUATION_DUE.of(ex)));
  }

  public void recordAudit(DelegateExecution ex) {
    evaluations.saveAuditOpinion(CYCLE_ID.of(ex), BASE_ID.of(ex), ParticipationStatus.AUDITED,
        AUDIT_OPINION.of(ex));
  }

  public void drawPanel(DelegateExecution ex) {
    panels.draw(ex, bases.drawCase(CYCLE_ID.of(ex), BASE_ID.of(ex)));
  }

  /** The multi-instance collection of the expert scoring: the initial draw of the case. */
  public List<String> panelOf(DelegateExecution ex) {
    return panels.panelOf(bases.drawCase(CYCLE_ID.of(ex), BASE_ID.of(ex)).caseRef());
  }

  /** Each expert's form fields are local to that expert's instance: no expert sees another's. */
  public void prepareExpertScope(DelegateExecution ex) {
    panels.openScope(ex, EvaluationForm.scoringKeys());
  }

  public void redrawExpert(DelegateExecution ex) {
    panels.redraw(ex, sealed.reveal(ex), bases.drawCase(CYCLE_ID.of(ex), BASE_ID.of(ex)),
        EvaluationForm.scoringKeys());
  }

  public void recordSheet(DelegateExecution ex, String scorerId) {
    Map<String, Object> v = sealed.reveal(ex);
    // the form's keys depend on the annex's indicators and units only, not on the rules
    evaluations.saveSheet(CYCLE_ID.of(ex), BASE_ID.of(v),
        ExpertSheetForm.sheet(scorerId, scorerId, v, DefaultIndicatorTable.table()),
        REQUEST_ON_SITE.isTrue(v), SCORER_OPINION.of(v));
  }

  public boolean onsiteRequested(DelegateExecution ex) {
    return evaluations.onsiteRequested(CYCLE_ID.of(ex), BASE_ID.of(ex));
  }

  /** candidateUsers of the on-site check: the panel leader when experts score. */
  public List<String> onsiteUsers(DelegateExecution ex) {
    return SCORING_MODE.of(ex) == ScoringMode.EXPERTS
        ? bases.panelLeader(CYCLE_ID.of(ex), BASE_ID.of(ex)) : List.of();
  }

  /** candidateGroups of the on-site check: the third party when it scores. */
  public List<String> onsiteGroups(DelegateExecution ex) {
    return SCORING_MODE.of(ex) == ScoringMode.THIRD_PARTY
        ? List.of(Role.THIRD_PARTY.groupId()) : List.of();
  }

  public void recordOnSite(DelegateExecution ex) {
    bases.recordOnSite(CYCLE_ID.of(ex), BASE_ID.of(ex), ONSITE_CONSISTENT.of(ex),
        ONSITE_FINDINGS.of(ex));
  }

  public void markScored(DelegateExecution ex) {
    evaluations.setStatus(CYCLE_ID.of(ex), BASE_ID.of(ex), ParticipationStatus.SCORED);
  }

  private static void setDeadline(DelegateExecution ex, Deadline d) {
    SELF_EVALUATION_DUE.set(ex, d.due());
    SELF_EVALUATION_REMINDER_AT.set(ex, d.reminderAt());
  }
}
