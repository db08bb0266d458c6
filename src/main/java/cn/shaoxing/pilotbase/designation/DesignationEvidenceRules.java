package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICANT_USER_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.FORMAL_DECISION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.materialCond;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.SubmissionListener;
import cn.shaoxing.pilotbase.forms.ValidationErrors;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evidence of a designation application (docs/evidence.md): required files at the start (the
 * applicant's draft) and at each correction (cond1 … cond6), the on-site report, the formal review's
 * ticks only for conditions with a file; and the files of a step sealed when the step is completed.
 */
@Configuration(proxyBeanMethods = false)
public class DesignationEvidenceRules {

  /** Slots the applicant files (sealed when the correction or formal correction is submitted). */
  static final List<String> FILING_SLOTS = List.of("cond*", "ind_*");
  static final List<String> ONSITE_SLOTS = List.of("onsite*");

  private final EvidenceService evidence;
  private final IdentityService identity;

  public DesignationEvidenceRules(EvidenceService evidence, IdentityService identity) {
    this.evidence = evidence;
    this.identity = identity;
  }

  // ------------------------------------------------------------------ required files

  @Bean
  public CompletionRule applicationStartEvidenceRule() {
    return new FormRule(ApplicationForm.START_FORM_ID, (v, e) -> {
      String user = currentUser();
      if (user == null) {
        user = APPLICANT_USER_ID.of(v);
      }
      if (user != null) {
        refuseMissing(Drafts.ref(Drafts.APPLICATION, user), DesignationEvidence.conditions(), e);
      }
    });
  }

  @Bean
  public CompletionRule applicationCorrectionEvidenceRule() {
    return new FormRule(ApplicationForm.CORRECTION_FORM_ID, (v, e) -> {
      String id = APPLICATION_ID.of(v);
      if (id != null) {
        refuseMissing(DesignationEvidence.caseRef(id), DesignationEvidence.conditions(), e);
      }
    });
  }

  @Bean
  public CompletionRule designationOnsiteEvidenceRule() {
    return new FormRule("designation-onsite-check", (v, e) -> {
      String id = APPLICATION_ID.of(v);
      if (id != null) {
        refuseMissing(DesignationEvidence.caseRef(id),
            List.of(Slot.required(DesignationEvidence.ONSITE_REPORT, "现场核查报告")), e);
      }
    });
  }

  /** 条件（N）材料齐全 may be ticked only when condN has at least one file. */
  @Bean
  public CompletionRule formalReviewEvidenceRule() {
    return new FormRule("designation-formal-review", (v, e) -> {
      String id = APPLICATION_ID.of(v);
      if (id == null || FORMAL_DECISION.of(v) == null) {
        return;
      }
      String ref = DesignationEvidence.caseRef(id);
      for (int i = 1; i <= 6; i++) {
        if (materialCond(i).isTrue(v) && !evidence.hasFile(ref, DesignationEvidence.cond(i))) {
          e.add(materialCond(i).name(), DesignationEvidence.CONDITION_LABELS.get(i - 1)
              + "没有上传佐证材料，不能勾选为材料齐全");
        }
      }
    });
  }

  private void refuseMissing(String caseRef, List<Slot> required, ValidationErrors e) {
    List<String> missing = evidence.missing(caseRef, required);
    if (!missing.isEmpty()) {
      e.add("evidence", EvidenceService.missingMessage(missing));
    }
  }

  // ------------------------------------------------------------------ sealing

  @Bean
  public SubmissionListener applicationCorrectionSeal() {
    return sealOn(ApplicationForm.CORRECTION_FORM_ID, FILING_SLOTS);
  }

  @Bean
  public SubmissionListener formalCorrectionSeal() {
    return sealOn("designation-formal-correction", FILING_SLOTS);
  }

  @Bean
  public SubmissionListener designationOnsiteCheckSeal() {
    return sealOn("designation-onsite-check", ONSITE_SLOTS);
  }

  private SubmissionListener sealOn(String formId, List<String> slots) {
    return SubmissionListener.of(formId, v -> {
      String id = APPLICATION_ID.of(v);
      if (id != null) {
        evidence.seal(DesignationEvidence.caseRef(id), slots);
      }
    });
  }

  private String currentUser() {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
