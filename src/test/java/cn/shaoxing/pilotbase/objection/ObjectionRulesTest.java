package cn.shaoxing.pilotbase.objection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.DeployedForm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared objection forms as a user meets them: the deployed .form first, then the Java rule (ADR 0008). */
class ObjectionRulesTest {

  ObjectionRules rules = new ObjectionRules(mock(ExpertPoolService.class));

  @Test
  void verificationChecksTheFormThenWhomToConsult() {
    String form = "objection-verify";
    assertThat(DeployedForm.messages(form, Map.of(), rules.objectionVerifyRule()))
        .containsExactly("「处理方式」为必填项");
    assertThat(DeployedForm.messages(form, Map.of("verifyAction", "consult", "consultTarget", "expert",
        "consultExpertId", "nobody", "consultQuestion", "问".repeat(2001)), rules.objectionVerifyRule()))
        .containsExactly("「需核实的问题」不得超过2000字（当前2001字）");
    assertThat(DeployedForm.messages(form, Map.of("verifyAction", "consult", "consultTarget", "expert",
        "consultExpertId", "nobody", "consultQuestion", "是否属实"), rules.objectionVerifyRule()))
        .containsExactly("专家库中没有账号为 nobody 的在册专家");
    assertThat(DeployedForm.messages(form, Map.of("context", "designation", "verifyAction", "upheld",
        "correctedGrade", "GOOD"), rules.objectionVerifyRule())).containsExactlyInAnyOrder(
        "只有绩效评价结果的异议可以调整档次", "作出结论时须填写处理结论及理由");
  }

  @Test
  void aConsultationNeedsAnOpinionWithinTheFormsLength() {
    assertThat(DeployedForm.messages("objection-consult", Map.of())).containsExactly("「核实意见」为必填项");
    assertThat(DeployedForm.messages("objection-consult", Map.of("consultOpinion", "见".repeat(2001))))
        .containsExactly("「核实意见」不得超过2000字（当前2001字）");
  }
}
