package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.notification.MailAttachment;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.Designation;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The milestones of a round that involve more than the round itself: opening (the indicator table
 * is fixed, everybody is told), publicity (its end in working days) and publication (the register,
 * the outcome mails).
 */
@Service
public class RoundLifecycle {

  private final RoundService rounds;
  private final ApplicationService applications;
  private final DesignationScoring scoring;
  private final RegisterService register;
  private final OutcomeMails mails;
  private final WorkingDays workingDays;
  private final DesignationProperties properties;
  private final DesignationDocuments documents;

  public RoundLifecycle(RoundService rounds, ApplicationService applications,
      DesignationScoring scoring, RegisterService register, OutcomeMails mails,
      WorkingDays workingDays, DesignationProperties properties, DesignationDocuments documents) {
    this.rounds = rounds;
    this.applications = applications;
    this.scoring = scoring;
    this.register = register;
    this.mails = mails;
    this.workingDays = workingDays;
    this.properties = properties;
    this.documents = documents;
  }

  /** The round as opened: its panel size, indicator table version and end of applications. */
  public record Opened(int panelSize, long indicatorTableVersion, Date applicationsEndAt) {}

  /** A publicity period: from now to the end of the last working day of the period. */
  public record Publicity(Date start, Date end) {}

  /**
   * Opens the round of a year (panel size: the configured default unless given), fixes the
   * bureau's indicator table as it is now for its scoring (docs/scoring.md) and announces it.
   */
  public Opened open(int year, LocalDate deadline, Integer panelSize, String processInstanceId,
      String openedBy, String notice) {
    int size = panelSize == null ? properties.defaultPanelSize() : panelSize;
    rounds.open(year, deadline, size, processInstanceId, openedBy);
    long version = scoring.fixTable(year).version();
    mails.roundOpened(year, deadline, notice);
    // applications are accepted up to the end of the deadline day
    return new Opened(size, version, AppClock.startOf(deadline.plusDays(1)));
  }

  public Publicity startPublicity(int year, String objectionContact) {
    Date start = AppClock.now();
    Date end = workingDays.publicityEnd(start, properties.publicityDays());
    rounds.startPublicity(year, start, end, objectionContact);
    documents.publicityNotice(year, AppClock.dateOf(start),
        AppClock.dateOf(end).minusDays(1), properties.publicityDays(),
        objectionContact, applications.ofRound(year, ApplicationStatus.PROPOSED));
    return new Publicity(start, end);
  }

  /**
   * The document is out: proposed applications become designated bases in the register and are
   * told so; every other applicant (except those who withdrew) is told the outcome and its reason.
   */
  public void publish(int year, String documentNumber, LocalDate documentDate) {
    List<Application> all = applications.ofRound(year);
    MailAttachment notice = documents.designationNotice(year, documentNumber, documentDate,
        all.stream().filter(a -> a.status() == ApplicationStatus.PROPOSED).toList()).asAttachment();
    for (Application a : all) {
      if (a.status() == ApplicationStatus.PROPOSED) {
        register.designate(new Designation(a.orgName(), a.creditCode(), a.industryChain(),
            a.reviewerGroup(), year, documentNumber, documentDate, a.id()));
        applications.setOutcome(a.id(), ApplicationStatus.DESIGNATED, null);
        mails.designated(a, documentNumber, documentDate, notice);
      } else if (a.status() != ApplicationStatus.WITHDRAWN) {
        mails.notDesignated(a, documentNumber,
            documents.outcomeLetter(a, documentNumber, documentDate).asAttachment());
      }
    }
    rounds.published(year, documentNumber, documentDate);
  }
}
