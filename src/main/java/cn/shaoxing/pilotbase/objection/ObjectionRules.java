package cn.shaoxing.pilotbase.objection;

import static cn.shaoxing.pilotbase.objection.ObjectionVariables.*;

import cn.shaoxing.pilotbase.objection.ObjectionVariables.ConsultTarget;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.Context;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.VerifyAction;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
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
      boolean evaluation = CONTEXT.of(v) == Context.EVALUATION;
      VerifyAction action = VERIFY_ACTION.of(v);
      if (action == null) {
        return; // required, one of consult/upheld/dismissed: objection-verify.form
      }
      if (CORRECTED_GRADE.present(v)) {
        if (!evaluation) {
          e.add(CORRECTED_GRADE.name(), "只有绩效评价结果的异议可以调整档次");
        } else if (action == VerifyAction.CONSULT) {
          e.add(CORRECTED_GRADE.name(), "协助核实期间不能调整档次");
        } else if (action != VerifyAction.UPHELD) {
          e.add(CORRECTED_GRADE.name(), "异议不成立时不能调整档次");
        }
      }
      if (action == VerifyAction.CONSULT) {
        ConsultTarget target = CONSULT_TARGET.of(v);
        if (target == ConsultTarget.DISTRICT) {
          if (!REVIEWER_GROUP.present(v)) {
            e.add(CONSULT_TARGET.name(), "该单位未登记所在区、县（市）科技部门，请改为征求专家意见");
          }
        } else if (target == ConsultTarget.EXPERT) {
          String expert = CONSULT_EXPERT_ID.of(v);
          if (expert == null) {
            e.add(CONSULT_EXPERT_ID.name(), "请专家协助核实时须填写专家账号");
          } else if (experts.find(expert).filter(x -> x.active()).isEmpty()) {
            e.add(CONSULT_EXPERT_ID.name(), "专家库中没有账号为 " + expert + " 的在册专家");
          } else if (CREDIT_CODE.present(v)
              && experts.hasConflict(expert, CREDIT_CODE.of(v))) {
            e.add(CONSULT_EXPERT_ID.name(), "专家 " + expert + " 已申报与被异议单位存在利益冲突，不能请其协助核实");
          }
        } else {
          e.add(CONSULT_TARGET.name(), "请选择协助核实方：所在区、县（市）科技部门或专家");
        }
        if (!CONSULT_QUESTION.present(v)) {
          e.add(CONSULT_QUESTION.name(), "请写明需协助核实的问题");
        }
        return;
      }
      if (!REASON.present(v)) {
        e.add(REASON.name(), "作出结论时须填写处理结论及理由");
      }
    });
  }
}
