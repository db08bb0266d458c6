package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ROUND_YEAR;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.ANONYMOUS_FLAG;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CONTENT;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CREDIT_CODE;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.EVIDENCE;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTION_ID;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTOR_ANONYMOUS;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTOR_CONTACT;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTOR_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.ORG_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REASON;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REGISTERED_BY;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REVIEWER_GROUP;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.VERIFY_ACTION;

import cn.shaoxing.pilotbase.objection.ObjectionDomain;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.Context;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.VerifyAction;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Objections to a round's proposed list under publicity (processes/objection.bpmn, context designation). */
@Component
public class DesignationObjections implements ObjectionDomain {

  private final RoundService rounds;
  private final ApplicationService applications;
  private final ObjectionService objections;

  public DesignationObjections(RoundService rounds, ApplicationService applications,
      ObjectionService objections) {
    this.rounds = rounds;
    this.applications = applications;
    this.objections = objections;
  }

  @Override
  public Context context() {
    return Context.DESIGNATION;
  }

  @Override
  public void register(DelegateExecution ex) {
    String code = CREDIT_CODE.of(ex);
    Application target = underPublicity(code)
        .orElseThrow(() -> new ProcessEngineException("公示名单中没有统一社会信用代码为 " + code + " 的单位"));
    boolean anonymous = OBJECTOR_ANONYMOUS.isTrue(ex);
    String id = objections.register(target.roundYear(), target.id(), new ObjectionService.Objection(
        OBJECTOR_NAME.of(ex), OBJECTOR_CONTACT.of(ex), anonymous, CONTENT.of(ex), EVIDENCE.of(ex),
        REGISTERED_BY.of(ex)));
    OBJECTION_ID.set(ex, id);
    ROUND_YEAR.set(ex, target.roundYear());
    APPLICATION_ID.set(ex, target.id());
    ORG_NAME.set(ex, target.orgName());
    REVIEWER_GROUP.set(ex, target.reviewerGroup());
    ANONYMOUS_FLAG.set(ex, anonymous ? "匿名异议（已登记，需特别核实）" : "实名异议");
    ex.setProcessBusinessKey(target.roundYear() + "-" + target.creditCode() + "-异议");
  }

  @Override
  public void close(DelegateExecution ex) {
    objections.close(OBJECTION_ID.of(ex), VERIFY_ACTION.of(ex) == VerifyAction.UPHELD, REASON.of(ex));
  }

  /** The proposed application of a round under publicity with this credit code. */
  Optional<Application> underPublicity(String creditCode) {
    return rounds.inStatus(RoundStatus.PUBLICITY).stream()
        .flatMap(r -> applications.ofRound(r.year(), ApplicationStatus.PROPOSED).stream())
        .filter(a -> a.creditCode().equals(creditCode))
        .findFirst();
  }
}
