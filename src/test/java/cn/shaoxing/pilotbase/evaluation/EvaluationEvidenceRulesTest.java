package cn.shaoxing.pilotbase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.forms.DeployedForm;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Required evidence of a self-evaluation (docs/evidence.md): a file for each indicator with a figure,
 * for 管理服务制度 and 相关资质, for 社会经济效益 only when the bonus is claimed; the on-site report.
 */
class EvaluationEvidenceRulesTest {

  static final String REF = "evaluation/P1";

  EvidenceService evidence = mock(EvidenceService.class);
  EvaluationService evaluations = mock(EvaluationService.class);
  EvaluationEvidenceRules rules = new EvaluationEvidenceRules(evidence, evaluations);

  @BeforeEach
  void participation() {
    when(evaluations.participation("C1", "B1")).thenReturn(new Participation("P1", "C1", "B1",
        ParticipationStatus.values()[0], null, null, null, null, null, null, null, null, null, null));
  }

  void present(String... slots) {
    when(evidence.missing(eq(REF), any())).thenAnswer(inv -> {
      List<Slot> required = inv.getArgument(1);
      return required.stream().filter(s -> !List.of(slots).contains(s.slot())).map(Slot::label).toList();
    });
  }

  Map<String, Object> filing(int k) {
    Map<String, Object> v = EvaluationFixtures.selfEvaluation(k);
    v.put("cycleId", "C1");
    v.put("baseId", "B1");
    return v;
  }

  @Test
  void eachFigureTheQualitativeIndicatorsAndAClaimedBonusNeedAFile() {
    present("ind_siteArea", "ind_equipmentValue", "ind_graduateStaff", "ind_rdSpend", "ind_serviceProjects",
        "ind_serviceIncome", "ind_landedProjects", "ind_landedBenefit");
    assertThat(DeployedForm.messages("evaluation-self-evaluation", filing(1), rules.selfEvaluationEvidenceRule()))
        .containsExactly("缺少佐证材料：指标：相关管理服务制度情况、指标：相关资质情况、指标：社会经济效益");
  }

  @Test
  void figuresOfZeroAndAnUnclaimedBonusNeedNoFile() {
    // the weak base (k = 0) files 0 landed projects and 0 benefit, and here claims no bonus
    present("ind_siteArea", "ind_equipmentValue", "ind_graduateStaff", "ind_rdSpend", "ind_serviceProjects",
        "ind_serviceIncome", "ind_managementRules", "ind_qualifications");
    Map<String, Object> v = filing(0);
    v.remove("ev_socialBenefit");
    assertThat(DeployedForm.messages("evaluation-self-evaluation", v, rules.selfEvaluationEvidenceRule())).isEmpty();
  }

  @Test
  void theOnSiteCheckNeedsItsReportAndSealsItsFiles() {
    present("onsitePhotos");
    Map<String, Object> v = new java.util.HashMap<>(Map.of("onsiteConsistent", "consistent",
        "onsiteFindings", "场地设备与自评一致", "cycleId", "C1", "baseId", "B1"));
    assertThat(DeployedForm.messages("evaluation-onsite-check", v, rules.evaluationOnsiteEvidenceRule()))
        .containsExactly("缺少佐证材料：现场核查报告");
    rules.evaluationOnsiteCheckSeal().submitted(v);
    verify(evidence).seal(REF, List.of("onsite*"));
    rules.selfEvaluationSeal().submitted(v);
    verify(evidence).seal(REF, List.of("ind_*"));
  }
}
