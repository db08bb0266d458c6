package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICANT_USER_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DISTRICT_COMMENTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ELIGIBLE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.INELIGIBILITY_TEXT;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.RETURN_COMMENTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ROUND_YEAR;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.WITHDRAW_CONFIRM;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.WITHDRAW_REASON;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of processes/designation-application.bpmn (ADR 0007): each method reads typed
 * variables ({@link DesignationVariables}), calls one service and writes typed variables back.
 */
@Component("applicationSteps")
public class ApplicationSteps {

  private final ApplicationIntake intake;
  private final ApplicationService applications;
  private final EvidenceService evidence;
  private final DistrictRanking ranking;

  public ApplicationSteps(ApplicationIntake intake, ApplicationService applications, EvidenceService evidence,
      DistrictRanking ranking) {
    this.intake = intake;
    this.applications = applications;
    this.evidence = evidence;
    this.ranking = ranking;
  }

  public void registerApplication(DelegateExecution ex) {
    Application a = intake.register(ex.getProcessInstanceId(), ex.getVariables(),
        APPLICANT_USER_ID.of(ex));
    APPLICATION_ID.set(ex, a.id());
    ROUND_YEAR.set(ex, a.roundYear());
    WITHDRAW_CONFIRM.set(ex, false);
    ex.setProcessBusinessKey(a.roundYear() + "-" + a.creditCode());
    // the start form's files (draft/application) belong to the new application, sealed with it
    evidence.attachDrafts(a.applicantUserId(), Drafts.APPLICATION, DesignationEvidence.caseRef(a.id()));
  }

  /** Evaluates the eligibility table (§三) and keeps the reasons for the applicant. */
  public void checkEligibility(DelegateExecution ex) {
    List<String> reasons = intake.checkEligibility(APPLICATION_ID.of(ex), ex.getVariables());
    ELIGIBLE.set(ex, reasons.isEmpty());
    INELIGIBILITY_TEXT.set(ex, String.join("\n", reasons));
  }

  public void updateApplication(DelegateExecution ex) {
    intake.correct(APPLICATION_ID.of(ex), ex.getVariables());
    WITHDRAW_CONFIRM.set(ex, false);
  }

  public void recordAbandoned(DelegateExecution ex) {
    applications.setStatus(APPLICATION_ID.of(ex), ApplicationStatus.ABANDONED);
  }

  public void recordWithdrawal(DelegateExecution ex) {
    applications.setOutcome(APPLICATION_ID.of(ex), ApplicationStatus.WITHDRAWN,
        WITHDRAW_REASON.of(ex));
  }

  public void recordReturn(DelegateExecution ex) {
    RETURN_COMMENTS.set(ex, DISTRICT_COMMENTS.of(ex));
    applications.setStatus(APPLICATION_ID.of(ex), ApplicationStatus.RETURNED);
  }

  public void recordDistrictRejection(DelegateExecution ex) {
    intake.rejectedByDistrict(APPLICATION_ID.of(ex), DISTRICT_COMMENTS.of(ex));
  }

  /**
   * Recommended without a rank: the district ranks all its recommendations in one task of the round
   * after the deadline ({@link DistrictRanking}); an open ranking task is offered the new list.
   */
  public void recordRecommendation(DelegateExecution ex) {
    Application a = applications.get(APPLICATION_ID.of(ex));
    applications.recommend(a.id());
    ranking.refresh(ex.getProcessEngineServices(), a.roundYear(), a.reviewerGroup());
  }
}
