package cn.shaoxing.pilotbase.revocation;

import static cn.shaoxing.pilotbase.revocation.RevocationVariables.CASE_ID;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.forms.SubmissionListener;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The files of a revocation case are sealed with their step: the start form's when the case is
 * registered ({@link RevocationSteps#registerCase}), the base's statement material when it submits
 * its statement, the bureau's further grounds when it submits its proposal.
 */
@Configuration(proxyBeanMethods = false)
public class RevocationEvidenceSeals {

  private final EvidenceService evidence;

  public RevocationEvidenceSeals(EvidenceService evidence) {
    this.evidence = evidence;
  }

  @Bean
  public SubmissionListener statementSeal() {
    return seal("revocation-statement", Drafts.STATEMENT_EVIDENCE);
  }

  @Bean
  public SubmissionListener proposalSeal() {
    return seal("revocation-proposal", Drafts.REVOCATION_EVIDENCE);
  }

  private SubmissionListener seal(String formId, String slot) {
    return SubmissionListener.of(formId, v -> {
      String id = CASE_ID.of(v);
      if (id != null) {
        evidence.seal(RevocationEvidence.caseRef(id), List.of(slot));
      }
    });
  }
}
