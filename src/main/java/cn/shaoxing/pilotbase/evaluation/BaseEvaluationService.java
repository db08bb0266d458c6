package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.evaluation.EvaluationVariables.OnsiteVerdict;
import cn.shaoxing.pilotbase.experts.DrawCase;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.ExpertSheet;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;

/**
 * The per-base steps of evaluation-base behind {@link BaseEvaluationSteps}: who fills the
 * self-evaluation, its deadline, reminder, extension and absence, the expert draw's case, the
 * panel leader and the on-site findings.
 */
@Service
public class BaseEvaluationService {

  /** The base as the per-base process shows it. */
  public record BaseCase(String baseUser, DesignatedBase base, String reviewerName) {}

  /** The self-evaluation's deadline and the day its reminder is sent. */
  public record Deadline(Date due, Date reminderAt) {}

  private final EvaluationService evaluations;
  private final RegisterService register;
  private final BaseAccounts baseAccounts;
  private final EvaluationMails mails;
  private final WorkingDays workingDays;
  private final EvaluationProperties properties;

  public BaseEvaluationService(EvaluationService evaluations, RegisterService register,
      BaseAccounts baseAccounts, EvaluationMails mails, WorkingDays workingDays,
      EvaluationProperties properties) {
    this.evaluations = evaluations;
    this.register = register;
    this.baseAccounts = baseAccounts;
    this.mails = mails;
    this.workingDays = workingDays;
    this.properties = properties;
  }

  /** The base and the account that fills its self-evaluation (none: the process cannot go on). */
  public BaseCase load(String baseId) {
    DesignatedBase b = register.findById(baseId).orElseThrow();
    String user = baseAccounts.accountOf(baseId).orElseThrow(() ->
        new ProcessEngineException("基地“" + b.orgName() + "”没有登记填报账号"));
    return new BaseCase(user, b, Role.byGroupId(b.reviewerGroup()).map(Role::chineseName)
        .orElse(b.reviewerGroup()));
  }

  /** A deadline {@code days} working days from today, the reminder some working days before. */
  public Deadline deadlineIn(int days) {
    return deadline(workingDays.dueIn(days));
  }

  /** After a return for correction: the deadline, but at least the correction days from today. */
  public Deadline deadlineAfterReturn(Date due) {
    Date correction = workingDays.dueIn(properties.correctionDays());
    return deadline(due.after(correction) ? due : correction);
  }

  private Deadline deadline(Date due) {
    return new Deadline(due, workingDays.workingDaysBefore(due, properties.reminderDaysBefore()));
  }

  public void remind(String baseUser, String cycleName, String orgName, Date due) {
    mails.selfEvaluationReminder(baseUser, cycleName, orgName, AppClock.dateOf(due));
  }

  /** The one extension: the new deadline, and the base is told. */
  public Deadline extend(String baseUser, int days) {
    mails.extensionGranted(baseUser, days);
    return deadlineIn(days);
  }

  /** No self-evaluation: recorded as 未参加 (excused or not), and the base is told. */
  public void recordAbsent(String cycleId, String baseId, boolean excused, String reason,
      String baseUser, String cycleName, String orgName) {
    evaluations.markAbsent(cycleId, baseId, excused, reason);
    mails.absent(baseUser, cycleName, orgName, excused);
  }

  /** The expert draw's case: the participation (one per base and cycle, fits exp_draw.case_ref). */
  public DrawCase drawCase(String cycleId, String baseId) {
    DesignatedBase b = register.findById(baseId).orElseThrow();
    return new DrawCase(evaluations.participation(cycleId, baseId).id(), b.orgName(),
        b.creditCode(), b.industryChain());
  }

  /**
   * The panel leader: the expert whose sheet came first (as in the designation round); it is not
   * kept in a process variable, so no expert learns another's name during the review.
   */
  public List<String> panelLeader(String cycleId, String baseId) {
    return evaluations.sheets(cycleId, baseId).stream().map(ExpertSheet::expertId).findFirst()
        .map(List::of).orElse(List.of());
  }

  public void recordOnSite(String cycleId, String baseId, OnsiteVerdict verdict, String findings) {
    evaluations.saveOnsiteFindings(cycleId, baseId,
        (verdict == OnsiteVerdict.CONSISTENT ? "与自评材料相符" : "与自评材料不符") + "：" + findings);
  }
}
