package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.experts.DeclineKind;
import cn.shaoxing.pilotbase.experts.DrawCase;
import cn.shaoxing.pilotbase.experts.DrawResult;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.SealedSubmissions;
import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import cn.shaoxing.pilotbase.register.Designation;
import cn.shaoxing.pilotbase.register.RegisterService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The process adapter of the designation: every service task, listener and expression of the four
 * designation diagrams calls one method here. Each method reads typed variables, calls one domain
 * service and writes variables back; the rules live in the services, the DMN table and the
 * {@code *Rule} classes.
 */
@Component("designationSteps")
public class DesignationSteps {

  static final String ELIGIBILITY_DECISION = "designation-eligibility";

  private final RoundService rounds;
  private final ApplicationService applications;
  private final ObjectionService objections;
  private final ExpertReviewService reviews;
  private final ExpertPoolService experts;
  private final RegisterService register;
  private final OutcomeMails mails;
  private final WorkingDays workingDays;
  private final DecisionService decisionService;
  private final DesignationProperties properties;
  private final SealedSubmissions sealed;
  private final DesignationScoring scoring;
  private final ObjectMapper json = new ObjectMapper();

  public DesignationSteps(RoundService rounds, ApplicationService applications,
      ObjectionService objections, ExpertReviewService reviews, ExpertPoolService experts,
      RegisterService register, OutcomeMails mails, WorkingDays workingDays,
      DecisionService decisionService, DesignationProperties properties, SealedSubmissions sealed,
      DesignationScoring scoring) {
    this.sealed = sealed;
    this.scoring = scoring;
    this.rounds = rounds;
    this.applications = applications;
    this.objections = objections;
    this.reviews = reviews;
    this.experts = experts;
    this.register = register;
    this.mails = mails;
    this.workingDays = workingDays;
    this.decisionService = decisionService;
    this.properties = properties;
  }

  // ---------------------------------------------------------------- round

  public void openRound(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    int year = Vars.num(v, "roundYear").intValue();
    LocalDate deadline = Vars.date(v, "applicationDeadline");
    BigDecimal panel = Vars.num(v, "panelSize");
    int panelSize = panel == null ? properties.defaultPanelSize() : panel.intValue();
    rounds.open(year, deadline, panelSize, ex.getProcessInstanceId(), Vars.str(v, "roundOpenedBy"));
    // the round scores with the bureau's indicator table as it is now (docs/scoring.md)
    ex.setVariable("indicatorTableVersion", scoring.fixTable(year).version());
    ex.setVariable("roundYear", year);
    ex.setVariable("panelSize", panelSize);
    if (!Vars.present(v, "formalCorrectionDays")) {
      ex.setVariable("formalCorrectionDays", properties.defaultCorrectionDays());
    }
    // Applications are accepted up to the end of the deadline day.
    ex.setVariable("applicationDeadlineAt",
        Date.from(deadline.plusDays(1).atStartOfDay(AppClock.ZONE).toInstant()));
    mails.roundOpened(year, deadline, Vars.str(v, "roundNotice"));
  }

  public void closeApplications(DelegateExecution ex) {
    rounds.setStatus(year(ex), RoundStatus.REVIEW);
  }

  /** Task-create listener of the confirmation task: what the districts have done so far. */
  public void summarizeRecommendations(DelegateExecution ex) {
    StringBuilder sb = new StringBuilder();
    for (Application a : applications.ofRound(year(ex))) {
      sb.append(OutcomeMails.reviewerName(a.reviewerGroup())).append("｜").append(a.orgName())
          .append("｜").append(a.status().chineseName());
      if (a.districtRank() != null) {
        sb.append("｜推荐排序 ").append(a.districtRank());
      }
      sb.append('\n');
    }
    ex.setVariable("recommendationSummary", sb.length() == 0 ? "本年度尚无申报。" : sb.toString());
  }

  /** The multi-instance collection of the evaluation call activity (not stored as a variable). */
  public List<String> recommendedIds(Object roundYear) {
    return applications.ofRound(((Number) roundYear).intValue(), ApplicationStatus.RECOMMENDED)
        .stream().map(Application::id).toList();
  }

  public boolean hasRecommendations(DelegateExecution ex) {
    return !recommendedIds(year(ex)).isEmpty();
  }

  public void closeWithoutCandidates(DelegateExecution ex) {
    rounds.setStatus(year(ex), RoundStatus.CLOSED);
  }

  /**
   * Before the bureau compiles the proposed list: scores the applications that completed the expert
   * review as one cohort with the round's indicator table (once), and offers them as checklist
   * options in descending order of score.
   */
  public void prepareProposedList(DelegateExecution ex) {
    int year = year(ex);
    List<Map<String, Object>> options = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (Application a : scoring.scoreRound(year)) {
      if (a.status() == ApplicationStatus.PROPOSED || a.status() == ApplicationStatus.NOT_CHOSEN) {
        applications.setOutcome(a.id(), ApplicationStatus.EVALUATED, null);
      }
      String label = a.orgName() + "（" + OutcomeMails.reviewerName(a.reviewerGroup()) + "，"
          + IndustryChain.label(a.industryChain()) + "）综合得分 " + a.finalScore();
      options.add(Map.of("label", label, "value", a.id()));
      summary.append(label);
      if (a.onsiteFindings() != null) {
        summary.append("；现场核查：").append(a.onsiteFindings());
      }
      summary.append('\n');
    }
    ex.setVariable("candidateOptions", jsonValue(options));
    ex.setVariable("candidateSummary", summary.length() == 0 ? "无评审完成的申报。"
        : summary.append("（按市科技局评分指标表第").append(scoring.tableOf(year).version())
            .append("版计分，得分由高到低排列）").toString());
    rounds.setStatus(year, RoundStatus.REVIEW);
  }

  public void recordProposedList(DelegateExecution ex) {
    int year = year(ex);
    Set<String> proposed = new LinkedHashSet<>(Vars.strings(ex.getVariables(), "proposedApplications"));
    String note = Vars.str(ex.getVariables(), "proposalNote");
    for (Application a : applications.ofRound(year, ApplicationStatus.EVALUATED)) {
      if (proposed.contains(a.id())) {
        applications.setOutcome(a.id(), ApplicationStatus.PROPOSED, null);
      } else {
        applications.setOutcome(a.id(), ApplicationStatus.NOT_CHOSEN,
            "专家评审综合得分 " + a.finalScore() + " 分，未列入拟评定名单"
                + (note == null ? "" : "（" + note + "）"));
      }
    }
    rounds.setStatus(year, RoundStatus.PARTY_REVIEW);
  }

  public void startPublicity(DelegateExecution ex) {
    Date start = AppClock.now();
    Date end = workingDays.publicityEnd(start, properties.publicityDays());
    rounds.startPublicity(year(ex), start, end, Vars.str(ex.getVariables(), "objectionContact"));
    ex.setVariable("publicityStart", start);
    ex.setVariable("publicityEndAt", end);
  }

  public void recordPublication(DelegateExecution ex) {
    int year = year(ex);
    String docNumber = Vars.str(ex.getVariables(), "documentNumber");
    LocalDate docDate = Vars.date(ex.getVariables(), "documentDate");
    for (Application a : applications.ofRound(year)) {
      if (a.status() == ApplicationStatus.PROPOSED) {
        register.designate(new Designation(a.orgName(), a.creditCode(), a.industryChain(),
            a.reviewerGroup(), year, docNumber, docDate, a.id()));
        applications.setOutcome(a.id(), ApplicationStatus.DESIGNATED, null);
        mails.designated(a, docNumber, docDate);
      } else if (a.status() != ApplicationStatus.WITHDRAWN) {
        mails.notDesignated(a, docNumber);
      }
    }
    rounds.published(year, docNumber, docDate);
  }

  // ---------------------------------------------------------------- application

  public void registerApplication(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    LocalDate today = AppClock.today();
    Round round = rounds.openForApplications(today)
        .orElseThrow(() -> new ProcessEngineException("当前没有开放申报的年度评选，或申报已截止"));
    String applicant = Vars.str(v, "applicantUserId");
    Application a = applications.create(round.year(), ex.getProcessInstanceId(), filing(v, applicant));
    ex.setVariable("applicationId", a.id());
    ex.setVariable("roundYear", round.year());
    ex.setVariable("withdrawConfirm", false);
    ex.setProcessBusinessKey(round.year() + "-" + a.creditCode());
  }

  /** Evaluates the eligibility table (§三) and keeps the reasons for the applicant. */
  public void checkEligibility(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    Map<String, Object> facts = new HashMap<>();
    for (String d : ApplicationForm.DECLARATIONS) {
      facts.put(d, Vars.isTrue(v, d));
    }
    LocalDate registered = Vars.date(v, ApplicationForm.REGISTRATION_DATE);
    facts.put("monthsOperating", monthsBetween(registered, AppClock.today()));
    facts.put("alreadyDesignated",
        register.findActiveByCreditCode(Vars.str(v, ApplicationForm.CREDIT_CODE)).isPresent());
    List<String> reasons = decisionService.evaluateDecisionByKey(ELIGIBILITY_DECISION)
        .variables(facts).evaluate().collectEntries("reason");
    boolean eligible = reasons.isEmpty();
    ex.setVariable("eligible", eligible);
    ex.setVariable("ineligibilityText", String.join("\n", reasons));
    String id = Vars.str(v, "applicationId");
    if (eligible) {
      applications.setOutcome(id, ApplicationStatus.IN_DISTRICT_REVIEW, null);
    } else {
      applications.setOutcome(id, ApplicationStatus.INELIGIBLE, String.join("；", reasons));
    }
  }

  public void updateApplication(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String id = Vars.str(v, "applicationId");
    Application before = applications.get(id);
    applications.updateFiling(id, filing(v, before.applicantUserId()));
    ex.setVariable("withdrawConfirm", false);
  }

  public void recordAbandoned(DelegateExecution ex) {
    applications.setStatus(Vars.str(ex.getVariables(), "applicationId"), ApplicationStatus.ABANDONED);
  }

  public void recordWithdrawal(DelegateExecution ex) {
    applications.setOutcome(Vars.str(ex.getVariables(), "applicationId"),
        ApplicationStatus.WITHDRAWN, Vars.str(ex.getVariables(), "withdrawReason"));
  }

  public void recordReturn(DelegateExecution ex) {
    ex.setVariable("returnComments", Vars.str(ex.getVariables(), "districtComments"));
    applications.setStatus(Vars.str(ex.getVariables(), "applicationId"), ApplicationStatus.RETURNED);
  }

  public void recordDistrictRejection(DelegateExecution ex) {
    String id = Vars.str(ex.getVariables(), "applicationId");
    String reason = Vars.str(ex.getVariables(), "districtComments");
    applications.setOutcome(id, ApplicationStatus.DISTRICT_REJECTED, "区县/归口单位未予推荐：" + reason);
    mails.districtRejected(applications.get(id), reason);
  }

  public void recordRecommendation(DelegateExecution ex) {
    applications.recommend(Vars.str(ex.getVariables(), "applicationId"),
        Vars.num(ex.getVariables(), "districtRank").intValue());
  }

  // ---------------------------------------------------------------- evaluation (per application)

  public void loadApplication(DelegateExecution ex) {
    String id = Vars.str(ex.getVariables(), "applicationId");
    Application a = applications.get(id);
    Map<String, Object> filing = readFiling(applications.filing(id));
    for (Map.Entry<String, Object> e : filing.entrySet()) {
      ex.setVariable(e.getKey(), e.getValue());
    }
    ex.setVariable("applicantUserId", a.applicantUserId());
    ex.setVariable("districtRank", a.districtRank());
    ex.setVariable("industryChainLabel", IndustryChain.label(a.industryChain()));
    ex.setVariable("reviewerName", OutcomeMails.reviewerName(a.reviewerGroup()));
    ex.setVariable("formalReturned", false);
    ex.setVariable("scoringGuide", scoring.guide(id));
    ex.setProcessBusinessKey(a.roundYear() + "-" + a.creditCode());
    applications.setStatus(id, ApplicationStatus.FORMAL_REVIEW);
  }

  public void recordFormalReturn(DelegateExecution ex) {
    BigDecimal days = Vars.num(ex.getVariables(), "correctionDays");
    int n = days == null ? properties.defaultCorrectionDays() : days.intValue();
    ex.setVariable("formalReturned", true);
    ex.setVariable("correctionDue", workingDays.dueIn(n));
    applications.setStatus(Vars.str(ex.getVariables(), "applicationId"),
        ApplicationStatus.FORMAL_RETURNED);
  }

  public void recordFormalCorrection(DelegateExecution ex) {
    applications.setStatus(Vars.str(ex.getVariables(), "applicationId"),
        ApplicationStatus.FORMAL_REVIEW);
  }

  public void recordFormalFailure(DelegateExecution ex) {
    String id = Vars.str(ex.getVariables(), "applicationId");
    String reason = Vars.str(ex.getVariables(), "formalComments");
    applications.setOutcome(id, ApplicationStatus.FORMAL_FAILED, "形式审查未通过：" + reason);
    mails.formalFailed(applications.get(id), reason);
  }

  public void recordCorrectionOverdue(DelegateExecution ex) {
    BigDecimal days = Vars.num(ex.getVariables(), "correctionDays");
    ex.setVariable("formalComments", "未在规定期限（" + (days == null ? properties.defaultCorrectionDays() : days.intValue())
        + "个工作日内）补正材料");
    recordFormalFailure(ex);
  }

  public void drawPanel(DelegateExecution ex) {
    String id = Vars.str(ex.getVariables(), "applicationId");
    int size = Vars.num(ex.getVariables(), "panelSize").intValue();
    DrawResult r = experts.drawPanel(drawCase(id), size);
    ex.setVariable("panelDrawId", r.drawId());
    ex.setVariable("panelDrawSeed", r.seed());
    applications.setStatus(id, ApplicationStatus.EXPERT_REVIEW);
  }

  /** The multi-instance collection of the expert review: the initial draw of the case. */
  public List<String> panelOf(Object applicationId) {
    return experts.draws(String.valueOf(applicationId)).stream()
        .filter(d -> d.chosen().size() > 0)
        .findFirst().orElseThrow().chosen();
  }

  /**
   * Start listener inside each expert's review: declares the form's fields local to that expert's
   * instance, so no expert's scores are visible from another expert's task.
   */
  public void prepareExpertScope(DelegateExecution ex) {
    Map<String, Object> local = new LinkedHashMap<>();
    for (String key : DesignationRules.EXPERT_FIELDS) {
      local.put(key, null);
    }
    local.put(SealedSubmissions.REFERENCE, null);
    ex.setVariablesLocal(local);
  }

  /** An expert declined: record it (a conflict also as declared conflict) and draw a replacement. */
  public void redrawExpert(DelegateExecution ex) {
    Map<String, Object> v = sealed.reveal(ex);
    String id = Vars.str(v, "applicationId");
    String declining = Vars.str(v, "expert");
    DeclineKind kind = "declineConflict".equals(Vars.str(v, "participation"))
        ? DeclineKind.CONFLICT : DeclineKind.UNAVAILABLE;
    List<String> everDrawn = experts.draws(id).stream().flatMap(d -> d.chosen().stream()).toList();
    DrawResult r = experts.declineAndRedraw(drawCase(id), declining, kind,
        Vars.str(v, "declineReason"), everDrawn);
    ex.setVariable("expert", r.chosen().get(0));
    prepareExpertScope(ex);
  }

  public void recordExpertReview(DelegateExecution ex) {
    Map<String, Object> v = sealed.reveal(ex);
    reviews.save(Vars.str(v, "applicationId"), Vars.str(v, "expert"), v,
        scoring.tableOf(Vars.num(v, "roundYear").intValue()));
  }

  public void aggregateScores(DelegateExecution ex) {
    String id = Vars.str(ex.getVariables(), "applicationId");
    List<ExpertReviewService.Review> all = reviews.reviews(id);
    // the score itself needs the whole cohort of the round (ratio to the best): prepareProposedList
    applications.evaluated(id);
    ex.setVariable("onsiteRequested", all.stream().anyMatch(ExpertReviewService.Review::onsiteRequested));
    ex.setVariable("panelLeader", all.get(0).expertUserId());
  }

  public void recordOnSiteFindings(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String verdict = "consistent".equals(Vars.str(v, "onsiteConsistent")) ? "与申报材料相符" : "与申报材料不符";
    applications.onsiteFindings(Vars.str(v, "applicationId"),
        verdict + "：" + Vars.str(v, "onsiteFindings"));
  }

  // ---------------------------------------------------------------- helpers

  private DrawCase drawCase(String applicationId) {
    Application a = applications.get(applicationId);
    return new DrawCase(a.id(), a.orgName(), a.creditCode(), a.industryChain());
  }

  private ApplicationService.Filing filing(Map<String, Object> v, String applicant) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    for (String key : ApplicationForm.allKeys()) {
      Object o = v.get(key);
      snapshot.put(key, o instanceof Date d ? d.toInstant().toString() : o);
    }
    try {
      return new ApplicationService.Filing(applicant, Vars.str(v, ApplicationForm.ORG_NAME),
          Vars.str(v, ApplicationForm.CREDIT_CODE), Vars.str(v, ApplicationForm.REVIEWER_GROUP),
          Vars.str(v, ApplicationForm.INDUSTRY_CHAIN), Vars.str(v, ApplicationForm.CONTACT_EMAIL),
          json.writeValueAsString(snapshot));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> readFiling(String s) {
    try {
      return json.readValue(s, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object jsonValue(Object o) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(o)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static int monthsBetween(LocalDate from, LocalDate to) {
    if (from == null || from.isAfter(to)) {
      return 0;
    }
    return (int) Period.between(from, to).toTotalMonths();
  }


  private static int year(DelegateExecution ex) {
    return Vars.num(ex.getVariables(), "roundYear").intValue();
  }

}
