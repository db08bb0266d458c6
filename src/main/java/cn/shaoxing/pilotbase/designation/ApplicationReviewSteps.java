package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICANT_USER_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CORRECTION_DAYS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CORRECTION_DUE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DISTRICT_RANK;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.FORMAL_COMMENTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.FORMAL_RETURNED;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.INDUSTRY_CHAIN_LABEL;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ONSITE_CONSISTENT;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ONSITE_FINDINGS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ONSITE_REQUESTED;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PANEL_LEADER;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.REVIEWER_NAME;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ROUND_YEAR;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.SCORING_GUIDE;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.EXPERT;

import cn.shaoxing.pilotbase.designation.DesignationVariables.OnsiteConsistent;
import cn.shaoxing.pilotbase.experts.ExpertPanels;
import cn.shaoxing.pilotbase.forms.SealedSubmissions;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of processes/designation-evaluation.bpmn, the review of one recommended
 * application (ADR 0007): each method reads typed variables ({@link DesignationVariables}), calls
 * one service and writes typed variables back. The expert panel is the shared {@link ExpertPanels}.
 */
@Component("applicationReviewSteps")
public class ApplicationReviewSteps {

  private final ApplicationReview review;
  private final ExpertPanels panels;
  private final SealedSubmissions sealed;

  public ApplicationReviewSteps(ApplicationReview review, ExpertPanels panels,
      SealedSubmissions sealed) {
    this.review = review;
    this.panels = panels;
    this.sealed = sealed;
  }

  /** Copies the filing into the case, with what the reviewers' forms show beside it. */
  public void loadApplication(DelegateExecution ex) {
    ApplicationReview.Case c = review.open(APPLICATION_ID.of(ex));
    Application a = c.application();
    ex.setVariables(c.filing());
    APPLICANT_USER_ID.set(ex, a.applicantUserId());
    DISTRICT_RANK.set(ex, a.districtRank());
    INDUSTRY_CHAIN_LABEL.set(ex, IndustryChain.label(a.industryChain()));
    REVIEWER_NAME.set(ex, OutcomeMails.reviewerName(a.reviewerGroup()));
    FORMAL_RETURNED.set(ex, false);
    SCORING_GUIDE.set(ex, c.scoringGuide());
    ex.setProcessBusinessKey(a.roundYear() + "-" + a.creditCode());
  }

  public void recordFormalReturn(DelegateExecution ex) {
    CORRECTION_DUE.set(ex, review.returnForCorrection(APPLICATION_ID.of(ex), CORRECTION_DAYS.of(ex)));
    FORMAL_RETURNED.set(ex, true);
  }

  public void recordFormalCorrection(DelegateExecution ex) {
    review.corrected(APPLICATION_ID.of(ex));
  }

  public void recordFormalFailure(DelegateExecution ex) {
    review.formalFailed(APPLICATION_ID.of(ex), FORMAL_COMMENTS.of(ex));
  }

  public void recordCorrectionOverdue(DelegateExecution ex) {
    String reason = review.correctionOverdueReason(CORRECTION_DAYS.of(ex));
    FORMAL_COMMENTS.set(ex, reason);
    review.formalFailed(APPLICATION_ID.of(ex), reason);
  }

  public void drawPanel(DelegateExecution ex) {
    panels.draw(ex, review.toExperts(APPLICATION_ID.of(ex)));
  }

  /** The multi-instance collection of the expert review: the initial draw of the case. */
  public List<String> panelOf(Object applicationId) {
    return panels.panelOf(String.valueOf(applicationId));
  }

  /** Start listener inside each expert's review: that expert's form fields in its own scope. */
  public void prepareExpertScope(DelegateExecution ex) {
    panels.openScope(ex, DesignationRules.EXPERT_FIELDS);
  }

  /** An expert declined: record it (a conflict also as declared conflict) and draw a replacement. */
  public void redrawExpert(DelegateExecution ex) {
    Map<String, Object> v = sealed.reveal(ex);
    panels.redraw(ex, v, review.drawCase(APPLICATION_ID.of(v)), DesignationRules.EXPERT_FIELDS);
  }

  public void recordExpertReview(DelegateExecution ex) {
    Map<String, Object> v = sealed.reveal(ex);
    review.saveExpertReview(APPLICATION_ID.of(v), ROUND_YEAR.of(v), EXPERT.of(v), v);
  }

  public void aggregateScores(DelegateExecution ex) {
    ApplicationReview.Panel p = review.panelDone(APPLICATION_ID.of(ex));
    ONSITE_REQUESTED.set(ex, p.onsiteRequested());
    PANEL_LEADER.set(ex, p.leader());
  }

  public void recordOnSiteFindings(DelegateExecution ex) {
    review.onsiteChecked(APPLICATION_ID.of(ex),
        ONSITE_CONSISTENT.of(ex) == OnsiteConsistent.CONSISTENT, ONSITE_FINDINGS.of(ex));
  }
}
