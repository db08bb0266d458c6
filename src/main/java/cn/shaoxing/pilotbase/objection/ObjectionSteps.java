package cn.shaoxing.pilotbase.objection;

import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CONSULT_EXPERT_ID;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CONSULT_TARGET;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.CONTEXT;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTION_ID;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REGISTERED_BY;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REVIEWER_GROUP;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.ConsultTarget;
import cn.shaoxing.pilotbase.objection.ObjectionVariables.Context;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of the shared objection process (processes/objection.bpmn), called by
 * designation-objection (a designation round's publicity) and evaluation-objection (an evaluation
 * cycle's publicity). The variable {@code context} set by the caller selects the domain: the
 * objection is registered and closed by that domain's adapter, exactly as before the merge; who
 * helps verify is one rule for both (docs/adr/0010-designation-round.md, 0020-evaluation-cycle.md).
 */
@Component("objectionSteps")
public class ObjectionSteps {

  private final Map<Context, ObjectionDomain> domains = new EnumMap<>(Context.class);

  private final EvidenceService evidence;

  public ObjectionSteps(List<ObjectionDomain> domains, EvidenceService evidence) {
    domains.forEach(d -> this.domains.put(d.context(), d));
    this.evidence = evidence;
  }

  /**
   * Task_RegisterObjection: the domain records the objection; the caller gets the same key. Only a
   * call from designation-objection / evaluation-objection may start it: their start forms are
   * checked (SubmissionGate, the start rules) and set the initiator; a direct start of this process
   * (it has no start form) would bypass both.
   */
  public void register(DelegateExecution ex) {
    DelegateExecution caller = ex.getProcessInstance().getSuperExecution();
    if (caller == null) {
      throw new ProcessEngineException("公示异议须通过“登记公示异议”（评定或绩效评价）启动，不能直接启动共用的异议处理流程");
    }
    domain(ex).register(ex);
    caller.setProcessBusinessKey(ex.getProcessBusinessKey());
    // the start form's files (draft/objection of the bureau user who registered it), sealed with it
    evidence.attachDrafts(REGISTERED_BY.of(ex), Drafts.OBJECTION, ObjectionEvidence.caseRef(OBJECTION_ID.of(ex)));
  }

  /** candidateGroups of Task_ObjectionConsultation: the base's district when the bureau asks it. */
  public List<String> consultGroups(DelegateExecution ex) {
    return CONSULT_TARGET.of(ex) == ConsultTarget.DISTRICT ? List.of(REVIEWER_GROUP.of(ex)) : List.of();
  }

  /**
   * Assignee of Task_ObjectionConsultation: the expert the bureau named, else nobody. One named
   * person, not a candidate: the question is put to that expert, and nobody else may answer it.
   */
  public String consultAssignee(DelegateExecution ex) {
    return CONSULT_TARGET.of(ex) == ConsultTarget.EXPERT ? CONSULT_EXPERT_ID.of(ex) : null;
  }

  /**
   * Start listener of Task_ObjectionConsultation: somebody must be named. The consulted district
   * or expert sees the task and its form, not the whole case (docs/adr/0030-need-to-know.md).
   */
  public void openConsultation(DelegateExecution ex) {
    if (consultGroups(ex).isEmpty() && consultAssignee(ex) == null) {
      throw new ProcessEngineException("未指定协助核实异议的区、县（市）科技部门或专家");
    }
  }

  /** Task_CloseObjection: the domain closes the objection (designation: upheld leaves the list; evaluation: grade correction). */
  public void close(DelegateExecution ex) {
    domain(ex).close(ex);
  }

  private ObjectionDomain domain(DelegateExecution ex) {
    Context context = CONTEXT.of(ex);
    if (context == null || !domains.containsKey(context)) {
      throw new ProcessEngineException("公示异议流程缺少业务类型（context 须为 designation 或 evaluation）");
    }
    return domains.get(context);
  }
}
