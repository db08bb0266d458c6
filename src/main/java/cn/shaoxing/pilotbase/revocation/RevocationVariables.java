package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.forms.ProcessVariables;
import cn.shaoxing.pilotbase.forms.Variable;
import java.time.LocalDate;
import java.util.Date;

/** The variables of the revocation process, declared once. */
@ProcessVariables({"revocation"})
public final class RevocationVariables {

  private RevocationVariables() {}

  // start form revocation-start (or the evaluation cycle's automatic start)
  public static final Variable<String> BASE_CREDIT_CODE = Variable.text("baseCreditCode");
  public static final Variable<RevocationCause> CAUSE = Variable.choice("cause", RevocationCause.class);
  public static final Variable<String> CAUSE_DETAILS = Variable.text("causeDetails");
  public static final Variable<String> EVIDENCE_REFS = Variable.text("evidenceRefs");
  /** Set by an automatic start: the evaluation cycle whose published grades led to it. */
  public static final Variable<String> SOURCE_CYCLE_ID = Variable.text("sourceCycleId");
  /** Whether the evaluation cycle started the case (not the bureau). */
  public static final Variable<Boolean> AUTOMATIC = Variable.flag("automatic");
  public static final Variable<String> STARTED_BY = Variable.text("revocationStartedBy");
  // set when the case is registered
  public static final Variable<String> CASE_ID = Variable.text("revocationCaseId");
  public static final Variable<String> BASE_ID = Variable.text("baseId");
  public static final Variable<String> ORG_NAME = Variable.text("orgName");
  public static final Variable<String> REVIEWER_GROUP = Variable.text("reviewerGroup");
  public static final Variable<String> BASE_USER = Variable.text("baseUser");
  public static final Variable<String> CAUSE_LABEL = Variable.text("causeLabel");
  public static final Variable<Date> STATEMENT_DUE = Variable.instant("statementDue");
  // revocation-statement
  public static final Variable<StatementKind> STATEMENT_KIND =
      Variable.choice("statementKind", StatementKind.class);
  public static final Variable<String> STATEMENT = Variable.text("statement");
  public static final Variable<String> STATEMENT_EVIDENCE = Variable.text("statementEvidence");
  // revocation-proposal
  public static final Variable<Proposal> PROPOSAL = Variable.choice("proposal", Proposal.class);
  public static final Variable<String> PROPOSAL_REASON = Variable.text("proposalReason");
  // revocation-party-decision
  public static final Variable<LocalDate> MEETING_DATE = Variable.date("meetingDate");
  public static final Variable<PartyDecision> PARTY_DECISION =
      Variable.choice("partyDecision", PartyDecision.class);
  public static final Variable<String> PARTY_COMMENTS = Variable.text("partyComments");
  // revocation-publication
  public static final Variable<String> DOCUMENT_NUMBER = Variable.text("documentNumber");
  public static final Variable<LocalDate> DOCUMENT_DATE = Variable.date("documentDate");

  /** Options of statementKind on revocation-statement. */
  public enum StatementKind implements Variable.Choice {
    CONTEST, ACCEPT
  }

  /** Options of proposal on revocation-proposal. */
  public enum Proposal implements Variable.Choice {
    REVOKE, DROP
  }

  /** Options of partyDecision on revocation-party-decision. */
  public enum PartyDecision implements Variable.Choice {
    REVOKE, REJECT, SEND_BACK
  }
}
