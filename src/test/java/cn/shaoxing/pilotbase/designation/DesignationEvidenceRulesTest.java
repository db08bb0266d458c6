package cn.shaoxing.pilotbase.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.forms.DeployedForm;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/**
 * Required evidence of the designation (docs/evidence.md): the start and the correction need a file
 * for each of the six conditions, the on-site check its report, and the formal review may tick
 * 条件（N）材料齐全 only when condN has a file. Messages as the person reads them.
 */
class DesignationEvidenceRulesTest {

  EvidenceService evidence = mock(EvidenceService.class);
  IdentityService identity = mock(IdentityService.class);
  DesignationEvidenceRules rules = new DesignationEvidenceRules(evidence, identity);

  /** What {@link EvidenceService#missing} answers: the labels of the required slots not in {@code present}. */
  void present(String caseRef, String... slots) {
    when(evidence.missing(eq(caseRef), any())).thenAnswer(inv -> {
      List<Slot> required = inv.getArgument(1);
      return required.stream().filter(s -> !List.of(slots).contains(s.slot())).map(Slot::label).toList();
    });
    for (String s : slots) {
      when(evidence.hasFile(caseRef, s)).thenReturn(true);
    }
  }

  @Test
  void anApplicationWithoutTheFilesOfTwoConditionsIsRefusedNamingThem() {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("applicant1", List.of("applicant")));
    present("draft/application/applicant1", "cond1", "cond3", "cond4", "cond6");
    Map<String, Object> v = DesignationTestSupport.application("某公司", DesignationTestSupport.code(1),
        "districtKeqiao", "biomedicine");
    assertThat(DeployedForm.messages(ApplicationForm.START_FORM_ID, v, rules.applicationStartEvidenceRule()))
        .containsExactly("缺少佐证材料：条件（二）中试场地及设备、条件（五）中试服务业绩");
  }

  @Test
  void anApplicationWithAllSixConditionsPasses() {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("applicant1", List.of("applicant")));
    present("draft/application/applicant1", "cond1", "cond2", "cond3", "cond4", "cond5", "cond6");
    Map<String, Object> v = DesignationTestSupport.application("某公司", DesignationTestSupport.code(1),
        "districtKeqiao", "biomedicine");
    assertThat(DeployedForm.messages(ApplicationForm.START_FORM_ID, v, rules.applicationStartEvidenceRule())).isEmpty();
  }

  @Test
  void aCorrectionChecksTheApplicationsOwnFiles() {
    present("application/A1", "cond1", "cond2", "cond3", "cond4", "cond5");
    Map<String, Object> v = DesignationTestSupport.application("某公司", DesignationTestSupport.code(1),
        "districtKeqiao", "biomedicine");
    v.put("applicationId", "A1");
    assertThat(DeployedForm.messages(ApplicationForm.CORRECTION_FORM_ID, v, rules.applicationCorrectionEvidenceRule()))
        .containsExactly("缺少佐证材料：条件（六）安全环保设施及措施");
  }

  @Test
  void theFormalReviewTicksOnlyConditionsWithAFile() {
    present("application/A1", "cond1", "cond2", "cond3", "cond5", "cond6");
    Map<String, Object> v = new HashMap<>(DesignationTestSupport.formalPass());
    v.put("applicationId", "A1");
    assertThat(DeployedForm.messages("designation-formal-review", v, rules.formalReviewEvidenceRule()))
        .containsExactly("条件（四）管理制度及收费标准没有上传佐证材料，不能勾选为材料齐全");
    v.put("materialCond4", false);
    v.put("formalDecision", "return");
    v.put("formalComments", "请补充条件（四）的材料");
    v.put("correctionDays", 5L);
    assertThat(DeployedForm.messages("designation-formal-review", v, rules.formalReviewEvidenceRule())).isEmpty();
  }

  @Test
  void theOnSiteCheckNeedsItsReport() {
    present("application/A1", "onsitePhotos");
    Map<String, Object> v = new HashMap<>(Map.of("onsiteDate", "2031-04-01", "onsiteConsistent", "consistent",
        "onsiteFindings", "场地设备与申报一致", "applicationId", "A1"));
    assertThat(DeployedForm.messages("designation-onsite-check", v, rules.designationOnsiteEvidenceRule()))
        .containsExactly("缺少佐证材料：现场核查报告");
  }

  @Test
  void aCompletedCorrectionSealsTheApplicantsFiles() {
    rules.applicationCorrectionSeal().submitted(Map.of("applicationId", "A1"));
    verify(evidence).seal("application/A1", List.of("cond*", "ind_*"));
    rules.designationOnsiteCheckSeal().submitted(Map.of("applicationId", "A2"));
    verify(evidence).seal(eq("application/A2"), eq(List.of("onsite*")));
  }
}
