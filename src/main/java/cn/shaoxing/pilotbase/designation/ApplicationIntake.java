package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.CREDIT_CODE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.REGISTRATION_DATE;

import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;

/**
 * An application from its filing to the district's recommendation: registered in the round open
 * today, checked against the eligibility table (§三, DMN), corrected, withdrawn, recommended or
 * rejected by the district.
 */
@Service
public class ApplicationIntake {

  static final String ELIGIBILITY_DECISION = "designation-eligibility";

  private final RoundService rounds;
  private final ApplicationService applications;
  private final RegisterService register;
  private final OutcomeMails mails;
  private final DesignationDocuments documents;
  private final DecisionService decisionService;

  public ApplicationIntake(RoundService rounds, ApplicationService applications,
      RegisterService register, OutcomeMails mails, DecisionService decisionService,
      DesignationDocuments documents) {
    this.rounds = rounds;
    this.applications = applications;
    this.register = register;
    this.mails = mails;
    this.documents = documents;
    this.decisionService = decisionService;
  }

  /** Files the submitted start form in the round open for applications today. */
  public Application register(String processInstanceId, Map<String, Object> form, String applicant) {
    Round round = rounds.openForApplications(AppClock.today())
        .orElseThrow(() -> new ProcessEngineException("当前没有开放申报的年度评选，或申报已截止"));
    return applications.create(round.year(), processInstanceId,
        ApplicationService.Filing.of(form, applicant));
  }

  /** Files a correction in place of the filing before; the applicant stays who filed it. */
  public void correct(String id, Map<String, Object> form) {
    applications.updateFiling(id, ApplicationService.Filing.of(form, applications.get(id).applicantUserId()));
  }

  /**
   * Evaluates the eligibility table on the declarations, the months since registration and the
   * register, and records the outcome; returns the reasons of ineligibility (empty: eligible).
   */
  public List<String> checkEligibility(String id, Map<String, Object> form) {
    Map<String, Object> facts = new HashMap<>();
    for (String d : ApplicationForm.DECLARATIONS) {
      facts.put(d, Vars.isTrue(form, d));
    }
    facts.put("monthsOperating", monthsBetween(REGISTRATION_DATE.of(form), AppClock.today()));
    facts.put("alreadyDesignated",
        register.findActiveByCreditCode(CREDIT_CODE.of(form)).isPresent());
    List<String> reasons = decisionService.evaluateDecisionByKey(ELIGIBILITY_DECISION)
        .variables(facts).evaluate().collectEntries("reason");
    if (reasons.isEmpty()) {
      applications.setOutcome(id, ApplicationStatus.IN_DISTRICT_REVIEW, null);
    } else {
      applications.setOutcome(id, ApplicationStatus.INELIGIBLE, String.join("；", reasons));
    }
    return reasons;
  }

  /** The district did not recommend: recorded with its reason, and the applicant is told. */
  public void rejectedByDistrict(String id, String reason) {
    applications.setOutcome(id, ApplicationStatus.DISTRICT_REJECTED, "区县/归口单位未予推荐：" + reason);
    Application a = applications.get(id);
    mails.districtRejected(a, reason, documents.outcomeLetter(a, null, AppClock.today()).asAttachment());
  }

  static int monthsBetween(LocalDate from, LocalDate to) {
    if (from == null || from.isAfter(to)) {
      return 0;
    }
    return (int) Period.between(from, to).toTotalMonths();
  }
}
