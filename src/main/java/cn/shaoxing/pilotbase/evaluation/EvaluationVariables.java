package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.forms.ProcessVariables;
import cn.shaoxing.pilotbase.forms.Variable;
import cn.shaoxing.pilotbase.objection.ObjectionVariables;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * The variables of the evaluation processes, declared once. The expert panel's variables
 * (expert, panelSize, participation, …) are {@code experts.ExpertPanels}'; orgName, reviewerGroup
 * and cycleName are {@link ObjectionVariables}' (evaluation-objection passes them on) and only
 * referred to here, not declared again.
 */
@ProcessVariables({"evaluation-schedule", "evaluation-cycle", "evaluation-base", "evaluation-objection"})
public final class EvaluationVariables {

  private EvaluationVariables() {}

  // ---------------------------------------------------------------- shared by the four processes
  public static final Variable<String> CYCLE_ID = Variable.text("cycleId");
  /** The base of a per-base instance (the cycle's multi-instance element variable). */
  public static final Variable<String> BASE_ID = Variable.text("baseId");
  public static final Variable<String> CYCLE_NAME = ObjectionVariables.CYCLE_NAME;
  public static final Variable<String> ORG_NAME = ObjectionVariables.ORG_NAME;
  public static final Variable<String> REVIEWER_GROUP = ObjectionVariables.REVIEWER_GROUP;

  // ---------------------------------------------------------------- evaluation-schedule
  /** Set by the timer's preparation: the year has a cycle already, the start is skipped. */
  public static final Variable<Boolean> CYCLE_ALREADY_OPEN = Variable.flag("cycleAlreadyOpen");

  // ---------------------------------------------------------------- evaluation-cycle
  // start form evaluation-cycle-start (also set by the timer)
  public static final Variable<Integer> CYCLE_YEAR = Variable.integer("cycleYear");
  public static final Variable<ScoringMode> SCORING_MODE = Variable.choice("scoringMode", ScoringMode.class);
  public static final Variable<Integer> SELF_EVALUATION_DAYS = Variable.integer("selfEvaluationDays");
  public static final Variable<String> CYCLE_OPENED_BY = Variable.text("cycleOpenedBy");
  public static final Variable<Integer> COHORT_SIZE = Variable.integer("cohortSize");
  // grades, tie at the cut-off (evaluation-tie-decision), review (evaluation-grades-review)
  public static final Variable<Boolean> TIE_PENDING = Variable.flag("tiePending");
  public static final Variable<String> TIE_DESCRIPTION = Variable.text("tieDescription");
  public static final Variable<Object> TIE_OPTIONS = Variable.value("tieOptions");
  public static final Variable<Integer> TIE_SEATS = Variable.integer("tieSeats");
  public static final Variable<List<String>> TIE_EXCELLENT = Variable.strings("tieExcellent");
  public static final Variable<String> TIE_REASON = Variable.text("tieReason");
  /** The quota in one sentence: counts and a percentage (bounded, whatever the cohort's size). */
  public static final Variable<String> GRADE_OVERVIEW = Variable.text("gradeOverview");
  /**
   * The grade table, one row per base (Spin JSON, a form table): nothing that grows with the cohort
   * is kept in a String variable (4,000 characters on PostgreSQL).
   */
  public static final Variable<Object> GRADES = Variable.value("grades");
  public static final Variable<Boolean> GRADES_CONFIRMED = Variable.flag("gradesConfirmed");
  public static final Variable<String> REVIEW_NOTE = Variable.text("reviewNote");
  // evaluation-party-approval
  public static final Variable<LocalDate> MEETING_DATE = Variable.date("meetingDate");
  public static final Variable<PartyDecision> PARTY_DECISION =
      Variable.choice("partyDecision", PartyDecision.class);
  public static final Variable<String> PARTY_COMMENTS = Variable.text("partyComments");
  // publicity and publication (evaluation-publication)
  public static final Variable<Date> PUBLICITY_END_AT = Variable.instant("publicityEndAt");
  public static final Variable<String> DOCUMENT_NUMBER = Variable.text("documentNumber");
  public static final Variable<LocalDate> DOCUMENT_DATE = Variable.date("documentDate");
  // automatic revocations after publication
  public static final Variable<Integer> REVOCATION_COUNT = Variable.integer("revocationCount");
  public static final Variable<Object> REVOCATION_CANDIDATES = Variable.value("revocationCandidates");
  /** The multi-instance element variable of the revocation starts. */
  public static final Variable<String> REVOCATION_BASE_ID = Variable.text("revocationBaseId");

  // ---------------------------------------------------------------- evaluation-base
  /**
   * The base's row in this cycle ({@code eva_participation.id}), set when the base is loaded: the
   * evidence case {@code evaluation/{participationId}} the forms' evidence iframe shows (docs/evidence.md).
   */
  public static final Variable<String> PARTICIPATION_ID = Variable.text("participationId");
  public static final Variable<String> BASE_USER = Variable.text("baseUser");
  public static final Variable<String> CREDIT_CODE = Variable.text("creditCode");
  public static final Variable<String> REVIEWER_NAME = Variable.text("reviewerName");
  // self-evaluation deadline, reminder and extension (evaluation-extension-decision)
  public static final Variable<Date> SELF_EVALUATION_DUE = Variable.instant("selfEvaluationDue");
  public static final Variable<Date> SELF_EVALUATION_REMINDER_AT =
      Variable.instant("selfEvaluationReminderAt");
  public static final Variable<Boolean> EXTENSION_USED = Variable.flag("extensionUsed");
  public static final Variable<ExtensionDecision> EXTENSION_DECISION =
      Variable.choice("extensionDecision", ExtensionDecision.class);
  public static final Variable<Integer> EXTENSION_DAYS = Variable.integer("extensionDays");
  public static final Variable<Boolean> ABSENCE_EXCUSED = Variable.flag("absenceExcused");
  public static final Variable<String> ABSENCE_REASON = Variable.text("absenceReason");
  // evaluation-self-evaluation (the figures' keys: EvaluationForm), evaluation-district-audit
  public static final Variable<String> RETURN_COMMENTS = Variable.text("returnComments");
  public static final Variable<Boolean> DECLARATION_TRUTHFUL = Variable.flag(EvaluationForm.DECLARATION);
  public static final Variable<AuditDecision> AUDIT_DECISION =
      Variable.choice("auditDecision", AuditDecision.class);
  public static final Variable<String> AUDIT_OPINION = Variable.text("auditOpinion");
  // scoring sheets (the indicator keys: scoring.ExpertSheetForm) and the on-site check
  public static final Variable<Boolean> REQUEST_ON_SITE = Variable.flag("requestOnSite");
  public static final Variable<String> SCORER_OPINION = Variable.text("scorerOpinion");
  public static final Variable<OnsiteVerdict> ONSITE_CONSISTENT =
      Variable.choice("onsiteConsistent", OnsiteVerdict.class);
  public static final Variable<String> ONSITE_FINDINGS = Variable.text("onsiteFindings");

  /** Who scores a cycle (option values of scoringMode). */
  public enum ScoringMode implements Variable.Choice {
    EXPERTS, THIRD_PARTY;

    /** The mode of a configured value ({@code pilotbase.evaluation.scoring-mode}). */
    public static ScoringMode of(String value) {
      return Arrays.stream(values()).filter(m -> m.value().equals(value)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("未知的评分方式：" + value));
    }
  }

  /** Options of partyDecision on evaluation-party-approval. */
  public enum PartyDecision implements Variable.Choice {
    APPROVE, SEND_BACK
  }

  /** Options of extensionDecision on evaluation-extension-decision. */
  public enum ExtensionDecision implements Variable.Choice {
    EXTEND, ABSENT
  }

  /** Options of auditDecision on evaluation-district-audit. */
  public enum AuditDecision implements Variable.Choice {
    CONFIRM, RETURN
  }

  /** Options of onsiteConsistent on evaluation-onsite-check. */
  public enum OnsiteVerdict implements Variable.Choice {
    CONSISTENT, INCONSISTENT
  }
}
