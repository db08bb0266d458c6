package cn.shaoxing.pilotbase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.DeployedForm;
import cn.shaoxing.pilotbase.scoring.ScoringConfigService;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The evaluation forms as a user meets them: the deployed .form first, then the Java rule (ADR 0008). */
class EvaluationRulesTest {

  EvaluationService evaluations = mock(EvaluationService.class);
  EvaluationRules rules = new EvaluationRules(evaluations, mock(ScoringConfigService.class),
      mock(ExpertPoolService.class));

  @Test
  void cycleStartModeAndYearAreTheFormsTheNameIsJavas() {
    String form = "evaluation-cycle-start";
    assertThat(DeployedForm.messages(form, Map.of("cycleName", "2031年度绩效评价", "cycleYear", 2031.5,
        "scoringMode", "lottery"), rules.cycleStartRule())).containsExactlyInAnyOrder(
        "「评价年度」必须为整数", "「评价方式」的取值“lottery”不在可选项中");
    assertThat(DeployedForm.messages(form, Map.of("cycleName", "绩效评价", "cycleYear", 2031L,
        "scoringMode", "experts"), rules.cycleStartRule()))
        .containsExactly("评价周期名称应包含评价年度（如 2031年度绩效评价）");
    when(evaluations.findCycleByNameForStart("2031年度绩效评价")).thenReturn(Optional.of(mock(Cycle.class)));
    assertThat(DeployedForm.messages(form, Map.of("cycleName", "2031年度绩效评价", "cycleYear", 2031L,
        "scoringMode", "experts"), rules.cycleStartRule()))
        .containsExactly("评价周期“2031年度绩效评价”已经开启，不能重复启动");
  }

  @Test
  void theDistrictAuditIsCheckedByItsFormAlone() {
    assertThat(DeployedForm.messages("evaluation-district-audit", Map.of("auditDecision", "maybe")))
        .containsExactlyInAnyOrder("「审核结论」的取值“maybe”不在可选项中", "「审核意见」为必填项");
    assertThat(DeployedForm.messages("evaluation-district-audit",
        Map.of("auditDecision", "confirm", "auditOpinion", "属实"))).isEmpty();
  }

  @Test
  void anExtensionNeedsItsDaysWithinTheFormsLimits() {
    String form = "evaluation-extension-decision";
    assertThat(DeployedForm.messages(form, Map.of("extensionDecision", "extend"), rules.extensionDecisionRule()))
        .containsExactly("准予延期须填写1～20个工作日");
    assertThat(DeployedForm.messages(form, Map.of("extensionDecision", "extend", "extensionDays", 21L),
        rules.extensionDecisionRule())).containsExactly("「延期工作日数」不能大于20");
    assertThat(DeployedForm.messages(form, Map.of("extensionDecision", "extend", "extensionDays", 5L,
        "extensionUsed", true), rules.extensionDecisionRule())).containsExactly("已延期过一次，不能再次延期");
    assertThat(DeployedForm.messages(form, Map.of("extensionDecision", "absent", "absenceExcused", true),
        rules.extensionDecisionRule())).containsExactly("认定理由正当时须说明理由");
    assertThat(DeployedForm.messages(form, Map.of(), rules.extensionDecisionRule()))
        .containsExactly("「处理决定」为必填项");
  }
}
