package cn.shaoxing.pilotbase.evaluation;

import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.BASE_ID;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_ID;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CONTENT;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CORRECTED_GRADE;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CREDIT_CODE;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CURRENT_GRADE;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CYCLE_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTION_ID;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTOR_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.ORG_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REASON;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REVIEWER_GROUP;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.VERIFY_ACTION;

import cn.shaoxing.pilotbase.objection.ObjectionDomain;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.Context;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.VerifyAction;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.Grade;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Objections to an evaluation cycle's grades under publicity (processes/objection.bpmn, context
 * evaluation); an upheld objection may correct the base's grade. The cycle and base are passed to
 * the objection process ({@link EvaluationVariables#CYCLE_ID}, {@link EvaluationVariables#BASE_ID})
 * so the domain knows them at closing.
 */
@Component
public class EvaluationObjections implements ObjectionDomain {

  private final EvaluationService evaluations;
  private final RegisterService register;

  public EvaluationObjections(EvaluationService evaluations, RegisterService register) {
    this.evaluations = evaluations;
    this.register = register;
  }

  @Override
  public Context context() {
    return Context.EVALUATION;
  }

  @Override
  public void register(DelegateExecution ex) {
    String code = CREDIT_CODE.of(ex);
    Cycle cycle = evaluations.cyclesInStatus(CycleStatus.PUBLICITY).stream()
        .filter(c -> baseInCycle(c, code) != null)
        .findFirst()
        .orElseThrow(() -> new ProcessEngineException("公示中的绩效评价结果没有统一社会信用代码为 " + code + " 的基地"));
    DesignatedBase base = baseInCycle(cycle, code);
    OBJECTION_ID.set(ex, evaluations.registerObjection(cycle.id(), base.id(), OBJECTOR_NAME.of(ex),
        CONTENT.of(ex)));
    CYCLE_ID.set(ex, cycle.id());
    CYCLE_NAME.set(ex, cycle.name());
    BASE_ID.set(ex, base.id());
    ORG_NAME.set(ex, base.orgName());
    REVIEWER_GROUP.set(ex, base.reviewerGroup());
    CURRENT_GRADE.set(ex, Grade.valueOf(evaluations.participation(cycle.id(), base.id()).grade())
        .chineseName());
    ex.setProcessBusinessKey(cycle.name() + "-" + code + "-异议");
  }

  @Override
  public void close(DelegateExecution ex) {
    boolean upheld = VERIFY_ACTION.of(ex) == VerifyAction.UPHELD;
    Grade corrected = upheld && CORRECTED_GRADE.present(ex.getVariables())
        ? Grade.valueOf(CORRECTED_GRADE.of(ex)) : null;
    evaluations.closeObjection(OBJECTION_ID.of(ex), upheld, REASON.of(ex), corrected);
    if (corrected != null) {
      evaluations.correctGrade(CYCLE_ID.of(ex), BASE_ID.of(ex), corrected, REASON.of(ex));
    }
  }

  private DesignatedBase baseInCycle(Cycle cycle, String creditCode) {
    return evaluations.participations(cycle.id()).stream()
        .map(p -> register.findById(p.baseId()).orElseThrow())
        .filter(b -> b.creditCode().equals(creditCode)).findFirst().orElse(null);
  }
}
