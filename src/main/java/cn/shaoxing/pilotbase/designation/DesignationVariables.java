package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.forms.ProcessVariables;
import cn.shaoxing.pilotbase.objection.ObjectionVariables;
import cn.shaoxing.pilotbase.forms.Variable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * The variables of the designation processes, each declared once: what the adapters set, what the
 * diagrams compare and the form keys the Java reads. Declared elsewhere and used from there: the
 * expert panel's variables ({@code experts.ExpertPanels}: expert, panelSize, panelDrawId,
 * panelDrawSeed, participation, declineReason) and the objection's ({@code objection.ObjectionVariables},
 * among them orgName and reviewerGroup). The application form's keys are named in
 * {@link ApplicationForm}; the variables below that are application form keys refer to it.
 */
@ProcessVariables({"designation-round", "designation-application", "designation-evaluation",
    "designation-objection"})
public final class DesignationVariables {

  private DesignationVariables() {}

  // ------------------------------------------------------------ shared by the four processes
  public static final Variable<Integer> ROUND_YEAR = Variable.integer("roundYear");
  /** The round's multi-instance element; carried into the evaluation and the objection. */
  public static final Variable<String> APPLICATION_ID = Variable.text("applicationId");

  // ------------------------------------------------------------ designation-round
  public static final Variable<String> ROUND_OPENED_BY = Variable.text("roundOpenedBy");
  public static final Variable<LocalDate> APPLICATION_DEADLINE = Variable.date("applicationDeadline");
  public static final Variable<Date> APPLICATION_DEADLINE_AT = Variable.instant("applicationDeadlineAt");
  public static final Variable<Integer> FORMAL_CORRECTION_DAYS = Variable.integer("formalCorrectionDays");
  public static final Variable<String> ROUND_NOTICE = Variable.text("roundNotice");
  public static final Variable<Object> INDICATOR_TABLE_VERSION = Variable.value("indicatorTableVersion");
  /**
   * What the districts did, one row per application (Spin JSON, a form table): nothing that grows
   * with the round is kept in a String variable (4,000 characters on PostgreSQL).
   */
  public static final Variable<Object> RECOMMENDATIONS = Variable.value("recommendations");
  /**
   * The multi-instance element of 区县择优推荐排序 (a district or competent unit's group): the same
   * variable as the application's reviewer group ({@code objection.ObjectionVariables}).
   */
  public static final Variable<String> REVIEWER_GROUP = ObjectionVariables.REVIEWER_GROUP;
  /**
   * What 区县择优推荐排序 offers (task-local, Spin JSON): the group's recommended applications as
   * options (value: applicationId, label: orgName), shown in a table and chosen from in the taglist.
   */
  public static final Variable<Object> RANKING_OPTIONS = Variable.value(DistrictRanking.OPTIONS);
  /**
   * The district's ranking (designation-district-ranking, a taglist): the group's recommended
   * application ids in the order chosen, the first ranked 1; task-local, starts empty.
   */
  public static final Variable<List<String>> DISTRICT_RANKING = Variable.strings(DistrictRanking.VARIABLE);
  public static final Variable<Boolean> RECOMMENDATIONS_CONFIRMED =
      Variable.flag("recommendationsConfirmed");
  /** The checklist options of the proposed list (Spin JSON). */
  public static final Variable<Object> CANDIDATE_OPTIONS = Variable.value("candidateOptions");
  /** The scored candidates, one row per application, best first (Spin JSON, a form table). */
  public static final Variable<Object> CANDIDATES = Variable.value("candidates");
  public static final Variable<List<String>> PROPOSED_APPLICATIONS =
      Variable.strings("proposedApplications");
  public static final Variable<String> PROPOSAL_NOTE = Variable.text("proposalNote");
  public static final Variable<PartyDecision> PARTY_DECISION =
      Variable.choice("partyDecision", PartyDecision.class);
  public static final Variable<String> PARTY_COMMENTS = Variable.text("partyComments");
  public static final Variable<LocalDate> MEETING_DATE = Variable.date("meetingDate");
  public static final Variable<String> OBJECTION_CONTACT = Variable.text("objectionContact");
  public static final Variable<Date> PUBLICITY_START = Variable.instant("publicityStart");
  public static final Variable<Date> PUBLICITY_END_AT = Variable.instant("publicityEndAt");
  public static final Variable<String> DOCUMENT_NUMBER = Variable.text("documentNumber");
  public static final Variable<LocalDate> DOCUMENT_DATE = Variable.date("documentDate");

  // ------------------------------------------------------------ designation-application
  /** The start event's initiator. */
  public static final Variable<String> APPLICANT_USER_ID = Variable.text("applicantUserId");
  public static final Variable<String> CREDIT_CODE = Variable.text(ApplicationForm.CREDIT_CODE);
  public static final Variable<LocalDate> REGISTRATION_DATE =
      Variable.date(ApplicationForm.REGISTRATION_DATE);
  public static final Variable<String> INDUSTRY_CHAIN = Variable.text(ApplicationForm.INDUSTRY_CHAIN);
  public static final Variable<String> CONTACT_EMAIL = Variable.text(ApplicationForm.CONTACT_EMAIL);
  public static final Variable<Boolean> HOSTED_UNIT = Variable.flag(ApplicationForm.HOSTED_UNIT);
  public static final Variable<Boolean> DECLARATION_TRUTHFUL =
      Variable.flag(ApplicationForm.DECLARATION_TRUTHFUL);
  public static final Variable<BigDecimal> SERVICE_PROJECTS = Variable.number("serviceProjects");
  public static final Variable<BigDecimal> LANDED_PROJECTS = Variable.number("landedProjects");
  public static final Variable<Boolean> ELIGIBLE = Variable.flag("eligible");
  public static final Variable<String> INELIGIBILITY_TEXT = Variable.text("ineligibilityText");
  public static final Variable<IneligibleAction> INELIGIBLE_ACTION =
      Variable.choice("ineligibleAction", IneligibleAction.class);
  public static final Variable<Boolean> WITHDRAW_CONFIRM = Variable.flag("withdrawConfirm");
  public static final Variable<String> WITHDRAW_REASON = Variable.text("withdrawReason");
  public static final Variable<DistrictDecision> DISTRICT_DECISION =
      Variable.choice("districtDecision", DistrictDecision.class);
  public static final Variable<Integer> DISTRICT_RANK = Variable.integer("districtRank");
  public static final Variable<String> DISTRICT_COMMENTS = Variable.text("districtComments");
  public static final Variable<Boolean> CHECK_AUTHENTIC = Variable.flag("checkAuthentic");
  public static final Variable<Boolean> CHECK_COMPLETE = Variable.flag("checkComplete");
  public static final Variable<Boolean> CHECK_CONFORM = Variable.flag("checkConform");
  /** The district's comments shown to the applicant on the correction form. */
  public static final Variable<String> RETURN_COMMENTS = Variable.text("returnComments");

  // ------------------------------------------------------------ designation-evaluation
  public static final Variable<String> INDUSTRY_CHAIN_LABEL = Variable.text("industryChainLabel");
  public static final Variable<String> REVIEWER_NAME = Variable.text("reviewerName");
  public static final Variable<String> SCORING_GUIDE = Variable.text("scoringGuide");
  public static final Variable<FormalDecision> FORMAL_DECISION =
      Variable.choice("formalDecision", FormalDecision.class);
  public static final Variable<String> FORMAL_COMMENTS = Variable.text("formalComments");
  public static final Variable<Boolean> FORMAL_RETURNED = Variable.flag("formalReturned");
  public static final Variable<Integer> CORRECTION_DAYS = Variable.integer("correctionDays");
  public static final Variable<Date> CORRECTION_DUE = Variable.instant("correctionDue");
  public static final Variable<Boolean> MATERIAL_INDICATORS = Variable.flag("materialIndicators");
  public static final Variable<Recommendation> RECOMMENDATION =
      Variable.choice("recommendation", Recommendation.class);
  public static final Variable<String> EXPERT_OPINION = Variable.text("expertOpinion");
  public static final Variable<Boolean> REQUEST_ON_SITE = Variable.flag("requestOnSite");
  public static final Variable<Boolean> ONSITE_REQUESTED = Variable.flag("onsiteRequested");
  public static final Variable<String> PANEL_LEADER = Variable.text("panelLeader");
  public static final Variable<LocalDate> ONSITE_DATE = Variable.date("onsiteDate");
  public static final Variable<OnsiteConsistent> ONSITE_CONSISTENT =
      Variable.choice("onsiteConsistent", OnsiteConsistent.class);
  public static final Variable<String> ONSITE_FINDINGS = Variable.text("onsiteFindings");

  /** The formal review's check of the material for condition {@code i} (1–6) of §三. */
  public static Variable<Boolean> materialCond(int i) {
    return Variable.flag("materialCond" + i);
  }

  /** The expert's opinion on condition {@code i} (1–6) of §三. */
  public static Variable<ConditionOpinion> condOpinion(int i) {
    return Variable.choice("condOpinion" + i, ConditionOpinion.class);
  }

  // ------------------------------------------------------------ choice values (value: the name in
  // lower camel case, Variable.Choice)

  /** Options of partyDecision on designation-party-review. */
  public enum PartyDecision implements Variable.Choice { APPROVE, SEND_BACK }

  /** Options of ineligibleAction on designation-ineligible-notice. */
  public enum IneligibleAction implements Variable.Choice { CORRECT, ABANDON }

  /** Options of districtDecision on designation-district-review. */
  public enum DistrictDecision implements Variable.Choice { RECOMMEND, RETURN, REJECT }

  /** Options of formalDecision on designation-formal-review. */
  public enum FormalDecision implements Variable.Choice { PASS, RETURN, FAIL }

  /** Options of onsiteConsistent on designation-onsite-check. */
  public enum OnsiteConsistent implements Variable.Choice { CONSISTENT, INCONSISTENT }

  /** Options of recommendation on designation-expert-review. */
  public enum Recommendation implements Variable.Choice { RECOMMEND, NOT_RECOMMEND }

  /** Options of condOpinion1 … 6 on designation-expert-review. */
  public enum ConditionOpinion implements Variable.Choice { MET, NOT_MET }
}
