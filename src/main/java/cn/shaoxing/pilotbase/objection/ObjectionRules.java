package cn.shaoxing.pilotbase.objection;

import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.Vars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Server-side checks of the shared objection forms (objection-verify, objection-consult). */
@Configuration(proxyBeanMethods = false)
public class ObjectionRules {

  private final ExpertPoolService experts;

  public ObjectionRules(ExpertPoolService experts) {
    this.experts = experts;
  }

  /**
   * The bureau either asks for help (the base's district, or a named active expert of the pool
   * without a declared conflict with the unit objected to) with a question, or concludes with its
   * reasons. Only an evaluation objection may correct a grade, and only when upheld.
   */
  @Bean
  public CompletionRule objectionVerifyRule() {
    return new FormRule("objection-verify", (v, e) -> {
      boolean evaluation = ObjectionSteps.EVALUATION.equals(Vars.str(v, "context"));
      String action = Vars.str(v, "verifyAction");
      if (action == null) {
        return; // required, one of consult/upheld/dismissed: objection-verify.form
      }
      if (Vars.present(v, "correctedGrade")) {
        if (!evaluation) {
          e.add("correctedGrade", "只有绩效评价结果的异议可以调整档次");
        } else if ("consult".equals(action)) {
          e.add("correctedGrade", "协助核实期间不能调整档次");
        } else if (!"upheld".equals(action)) {
          e.add("correctedGrade", "异议不成立时不能调整档次");
        }
      }
      if ("consult".equals(action)) {
        String target = Vars.str(v, "consultTarget");
        if (ObjectionSteps.CONSULT_DISTRICT.equals(target)) {
          if (!Vars.present(v, "reviewerGroup")) {
            e.add("consultTarget", "该单位未登记所在区、县（市）科技部门，请改为征求专家意见");
          }
        } else if (ObjectionSteps.CONSULT_EXPERT.equals(target)) {
          String expert = Vars.str(v, "consultExpertId");
          if (expert == null) {
            e.add("consultExpertId", "请专家协助核实时须填写专家账号");
          } else if (experts.find(expert).filter(x -> x.active()).isEmpty()) {
            e.add("consultExpertId", "专家库中没有账号为 " + expert + " 的在册专家");
          } else if (Vars.present(v, "objectionCreditCode")
              && experts.hasConflict(expert, Vars.str(v, "objectionCreditCode"))) {
            e.add("consultExpertId", "专家 " + expert + " 已申报与被异议单位存在利益冲突，不能请其协助核实");
          }
        } else {
          e.add("consultTarget", "请选择协助核实方：所在区、县（市）科技部门或专家");
        }
        if (!Vars.present(v, "consultQuestion")) {
          e.add("consultQuestion", "请写明需协助核实的问题");
        }
        return;
      }
      if (!Vars.present(v, "objectionReason")) {
        e.add("objectionReason", "作出结论时须填写处理结论及理由");
      }
    });
  }
}
