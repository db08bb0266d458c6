package cn.shaoxing.pilotbase.objection;

import cn.shaoxing.pilotbase.designation.DesignationSteps;
import cn.shaoxing.pilotbase.evaluation.EvaluationSteps;
import cn.shaoxing.pilotbase.forms.Vars;
import java.util.List;
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

  /** Values of {@code context}, set by the calling start process. */
  public static final String DESIGNATION = "designation";
  public static final String EVALUATION = "evaluation";
  /** Values of consultTarget on objection-verify: who helps verify an objection. */
  public static final String CONSULT_DISTRICT = "district";
  public static final String CONSULT_EXPERT = "expert";

  private final DesignationSteps designation;
  private final EvaluationSteps evaluation;

  public ObjectionSteps(DesignationSteps designation, EvaluationSteps evaluation) {
    this.designation = designation;
    this.evaluation = evaluation;
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
    if (EVALUATION.equals(context(ex))) {
      evaluation.registerObjection(ex);
    } else {
      designation.registerObjection(ex);
    }
    caller.setProcessBusinessKey(ex.getProcessBusinessKey());
  }

  /** candidateGroups of Task_ObjectionConsultation: the base's district when the bureau asks it. */
  public List<String> consultGroups(DelegateExecution ex) {
    return CONSULT_DISTRICT.equals(Vars.str(ex.getVariables(), "consultTarget"))
        ? List.of(Vars.str(ex.getVariables(), "reviewerGroup")) : List.of();
  }

  /**
   * Assignee of Task_ObjectionConsultation: the expert the bureau named, else nobody. One named
   * person, not a candidate: the question is put to that expert, and nobody else may answer it.
   */
  public String consultAssignee(DelegateExecution ex) {
    return CONSULT_EXPERT.equals(Vars.str(ex.getVariables(), "consultTarget"))
        ? Vars.str(ex.getVariables(), "consultExpertId") : null;
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
    if (EVALUATION.equals(context(ex))) {
      evaluation.closeObjection(ex);
    } else {
      designation.closeObjection(ex);
    }
  }

  static String context(DelegateExecution ex) {
    String context = Vars.str(ex.getVariables(), "context");
    if (!DESIGNATION.equals(context) && !EVALUATION.equals(context)) {
      throw new ProcessEngineException("公示异议流程缺少业务类型（context 须为 designation 或 evaluation）");
    }
    return context;
  }
}
