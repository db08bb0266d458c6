package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.experts.DrawCase;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * One recommended application through the bureau's review: formal review with at most one
 * correction, the expert panel's reviews and the on-site check.
 */
@Service
public class ApplicationReview {

  private final ApplicationService applications;
  private final ExpertReviewService reviews;
  private final DesignationScoring scoring;
  private final OutcomeMails mails;
  private final WorkingDays workingDays;
  private final DesignationProperties properties;

  public ApplicationReview(ApplicationService applications, ExpertReviewService reviews,
      DesignationScoring scoring, OutcomeMails mails, WorkingDays workingDays,
      DesignationProperties properties) {
    this.applications = applications;
    this.reviews = reviews;
    this.scoring = scoring;
    this.mails = mails;
    this.workingDays = workingDays;
    this.properties = properties;
  }

  /** What the reviewers' forms show: the filed variables, and the experts' scoring guide. */
  public record Case(Application application, Map<String, Object> filing, String scoringGuide) {}

  /** What the panel's reviews ask for next: an on-site check, and who leads it. */
  public record Panel(boolean onsiteRequested, String leader) {}

  /** The review starts with the formal review. */
  public Case open(String id) {
    Case c = new Case(applications.get(id), applications.filingVariables(id), scoring.guide(id));
    applications.setStatus(id, ApplicationStatus.FORMAL_REVIEW);
    return c;
  }

  /** Returned for correction within {@code days} working days (default: the configured one); the due date. */
  public Date returnForCorrection(String id, Integer days) {
    applications.setStatus(id, ApplicationStatus.FORMAL_RETURNED);
    return workingDays.dueIn(correctionDays(days));
  }

  public void corrected(String id) {
    applications.setStatus(id, ApplicationStatus.FORMAL_REVIEW);
  }

  /** The formal review's reason when the correction did not come in time. */
  public String correctionOverdueReason(Integer days) {
    return "未在规定期限（" + correctionDays(days) + "个工作日内）补正材料";
  }

  /** Failed the formal review: recorded with its reason, and the applicant is told. */
  public void formalFailed(String id, String reason) {
    applications.setOutcome(id, ApplicationStatus.FORMAL_FAILED, "形式审查未通过：" + reason);
    mails.formalFailed(applications.get(id), reason);
  }

  /** The case of the expert panel's draw. */
  public DrawCase drawCase(String id) {
    Application a = applications.get(id);
    return new DrawCase(a.id(), a.orgName(), a.creditCode(), a.industryChain());
  }

  /** The panel is drawn: the application is in expert review; the case of the draw. */
  public DrawCase toExperts(String id) {
    applications.setStatus(id, ApplicationStatus.EXPERT_REVIEW);
    return drawCase(id);
  }

  /** One expert's review (its revealed sealed submission), scored with the round's table. */
  public void saveExpertReview(String id, int year, String expert, Map<String, Object> form) {
    reviews.save(id, expert, form, scoring.tableOf(year));
  }

  /**
   * The panel is done. The score itself needs the whole cohort of the round (ratio to the best),
   * so it is computed when the proposed list is prepared ({@link ProposedList#candidates}).
   */
  public Panel panelDone(String id) {
    List<ExpertReviewService.Review> all = reviews.reviews(id);
    applications.evaluated(id);
    return new Panel(all.stream().anyMatch(ExpertReviewService.Review::onsiteRequested),
        all.get(0).expertUserId());
  }

  public void onsiteChecked(String id, boolean consistent, String findings) {
    applications.onsiteFindings(id, (consistent ? "与申报材料相符" : "与申报材料不符") + "：" + findings);
  }

  private int correctionDays(Integer days) {
    return days == null ? properties.defaultCorrectionDays() : days;
  }
}
