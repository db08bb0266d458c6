package cn.shaoxing.pilotbase.revocation;

import static cn.shaoxing.pilotbase.revocation.RevocationVariables.AUTOMATIC;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.BASE_CREDIT_CODE;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.BASE_ID;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.BASE_USER;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.CASE_ID;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.CAUSE;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.CAUSE_DETAILS;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.CAUSE_LABEL;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.DOCUMENT_DATE;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.DOCUMENT_NUMBER;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.EVIDENCE_REFS;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.ORG_NAME;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.PARTY_COMMENTS;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.PARTY_DECISION;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.PROPOSAL_REASON;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.REVIEWER_GROUP;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.SOURCE_CYCLE_ID;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.STARTED_BY;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.STATEMENT;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.STATEMENT_DUE;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.revocation.RevocationCases.Registered;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of the revocation process: each method reads typed variables ({@link
 * RevocationVariables}), calls one service ({@link RevocationCases}, {@link RevocationService})
 * and writes typed variables back.
 */
@Component("revocationSteps")
public class RevocationSteps {

  private final RevocationCases cases;
  private final RevocationService revocations;
  private final EvidenceService evidence;

  public RevocationSteps(RevocationCases cases, RevocationService revocations, EvidenceService evidence) {
    this.cases = cases;
    this.revocations = revocations;
    this.evidence = evidence;
  }

  public void registerCase(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String code = BASE_CREDIT_CODE.of(v);
    RevocationCause cause = CAUSE.of(v);
    Registered r = cases.register(code, cause, CAUSE_DETAILS.of(v), EVIDENCE_REFS.of(v),
        SOURCE_CYCLE_ID.of(v), ex.getProcessInstanceId());
    CASE_ID.set(ex, r.caseId());
    BASE_ID.set(ex, r.base().id());
    ORG_NAME.set(ex, r.base().orgName());
    REVIEWER_GROUP.set(ex, r.base().reviewerGroup());
    BASE_USER.set(ex, r.baseUser());
    CAUSE_LABEL.set(ex, cause.chineseName());
    STATEMENT_DUE.set(ex, r.statementDue());
    if (!AUTOMATIC.present(v)) {
      AUTOMATIC.set(ex, false);
    }
    ex.setProcessBusinessKey(code + "-撤销");
    // the start form's files (draft/revocation of the bureau user who started it), sealed with it
    evidence.attachDrafts(STARTED_BY.of(v), Drafts.REVOCATION, RevocationEvidence.caseRef(r.caseId()));
  }

  public void recordStatement(DelegateExecution ex) {
    revocations.recordStatement(CASE_ID.of(ex), STATEMENT.of(ex));
  }

  public void recordNoStatement(DelegateExecution ex) {
    STATEMENT.set(ex, "逾期未陈述申辩");
    revocations.recordStatement(CASE_ID.of(ex), "逾期未陈述申辩，视为放弃");
  }

  public void recordProposal(DelegateExecution ex) {
    revocations.recordProposal(CASE_ID.of(ex), PROPOSAL_REASON.of(ex));
  }

  public void closeWithoutRevocation(DelegateExecution ex) {
    cases.closeWithoutRevocation(CASE_ID.of(ex), PARTY_DECISION.of(ex), PARTY_COMMENTS.of(ex),
        PROPOSAL_REASON.of(ex), BASE_USER.of(ex), ORG_NAME.of(ex));
  }

  public void recordRevocation(DelegateExecution ex) {
    cases.revoke(CASE_ID.of(ex), PARTY_COMMENTS.of(ex), DOCUMENT_NUMBER.of(ex),
        DOCUMENT_DATE.of(ex), BASE_USER.of(ex), REVIEWER_GROUP.of(ex), ORG_NAME.of(ex),
        CAUSE_LABEL.of(ex));
  }
}
