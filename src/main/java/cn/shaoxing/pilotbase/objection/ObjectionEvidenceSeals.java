package cn.shaoxing.pilotbase.objection;

import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTION_ID;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.forms.SubmissionListener;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The files of an objection are sealed with the step they were uploaded for: those of the start form
 * when it is registered ({@link ObjectionSteps#register}), the consulted party's when it answers, the
 * bureau's when it concludes the verification.
 */
@Configuration(proxyBeanMethods = false)
public class ObjectionEvidenceSeals {

  private final EvidenceService evidence;

  public ObjectionEvidenceSeals(EvidenceService evidence) {
    this.evidence = evidence;
  }

  @Bean
  public SubmissionListener objectionConsultSeal() {
    return seal("objection-consult", Drafts.CONSULT_EVIDENCE);
  }

  @Bean
  public SubmissionListener objectionVerifySeal() {
    return seal("objection-verify", Drafts.OBJECTION_EVIDENCE);
  }

  private SubmissionListener seal(String formId, String slot) {
    return SubmissionListener.of(formId, v -> {
      String id = OBJECTION_ID.of(v);
      if (id != null) {
        evidence.seal(ObjectionEvidence.caseRef(id), List.of(slot));
      }
    });
  }
}
