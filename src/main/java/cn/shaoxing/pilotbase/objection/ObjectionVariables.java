package cn.shaoxing.pilotbase.objection;

import cn.shaoxing.pilotbase.forms.ProcessVariables;
import cn.shaoxing.pilotbase.forms.Variable;

/**
 * The variables of the objection processes: the shared {@code objection} process and its two
 * callers, which register an objection in their own domain ({@link ObjectionDomain}).
 */
@ProcessVariables({"objection", "designation-objection", "evaluation-objection"})
public final class ObjectionVariables {

  private ObjectionVariables() {}

  /** Set by the calling start process: which domain the objection belongs to. */
  public static final Variable<Context> CONTEXT = Variable.choice("context", Context.class);
  public static final Variable<String> OBJECTION_ID = Variable.text("objectionId");
  public static final Variable<String> REGISTERED_BY = Variable.text("objectionRegisteredBy");
  // the start forms (designation-objection-start, evaluation-objection-start)
  public static final Variable<String> CREDIT_CODE = Variable.text("objectionCreditCode");
  public static final Variable<String> OBJECTOR_NAME = Variable.text("objectorName");
  public static final Variable<String> OBJECTOR_CONTACT = Variable.text("objectorContact");
  public static final Variable<Boolean> OBJECTOR_ANONYMOUS = Variable.flag("objectorAnonymous");
  public static final Variable<String> CONTENT = Variable.text("objectionContent");
  public static final Variable<String> EVIDENCE = Variable.text("objectionEvidence");
  // what the registering domain sets for the bureau's and the consulted party's forms
  public static final Variable<String> ORG_NAME = Variable.text("orgName");
  public static final Variable<String> REVIEWER_GROUP = Variable.text("reviewerGroup");
  public static final Variable<String> ANONYMOUS_FLAG = Variable.text("anonymousFlag");
  public static final Variable<String> CYCLE_NAME = Variable.text("cycleName");
  public static final Variable<String> CURRENT_GRADE = Variable.text("currentGrade");
  // objection-verify, objection-consult
  public static final Variable<VerifyAction> VERIFY_ACTION =
      Variable.choice("verifyAction", VerifyAction.class);
  public static final Variable<ConsultTarget> CONSULT_TARGET =
      Variable.choice("consultTarget", ConsultTarget.class);
  public static final Variable<String> CONSULT_EXPERT_ID = Variable.text("consultExpertId");
  public static final Variable<String> CONSULT_QUESTION = Variable.text("consultQuestion");
  public static final Variable<String> CONSULT_OPINION = Variable.text("consultOpinion");
  public static final Variable<String> REASON = Variable.text("objectionReason");
  public static final Variable<String> CORRECTED_GRADE = Variable.text("correctedGrade");

  /** Values of {@link #CONTEXT}. */
  public enum Context implements Variable.Choice {
    DESIGNATION, EVALUATION
  }

  /** Options of verifyAction on objection-verify. */
  public enum VerifyAction implements Variable.Choice {
    CONSULT, UPHELD, DISMISSED
  }

  /** Options of consultTarget on objection-verify: who helps verify an objection. */
  public enum ConsultTarget implements Variable.Choice {
    DISTRICT, EXPERT
  }
}
