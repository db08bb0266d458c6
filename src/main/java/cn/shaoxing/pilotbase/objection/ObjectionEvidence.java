package cn.shaoxing.pilotbase.objection;

import cn.shaoxing.pilotbase.evidence.Drafts;
import cn.shaoxing.pilotbase.evidence.EvidenceCase;
import cn.shaoxing.pilotbase.evidence.OpenTasks;
import cn.shaoxing.pilotbase.evidence.Slot;
import cn.shaoxing.pilotbase.evidence.Viewer;
import cn.shaoxing.pilotbase.identity.Role;
import java.util.List;
import java.util.Map;

/**
 * The evidence of an objection ({@code objection/{objectionId}}, designation or evaluation): the
 * objector's material, uploaded by the bureau (on the start form as {@code draft/objection}, or while
 * the objection is open), and what the consulted district or expert adds during its consultation.
 * Besides the bureau and the party committee, only whoever holds the objection's verification or
 * consultation task now reads it (the objector may be anonymous: nobody else learns of the material).
 * Each domain finds its own objections ({@code designation.DesignationObjectionEvidence},
 * {@code evaluation.EvaluationObjectionEvidence}) and builds this case.
 */
public final class ObjectionEvidence implements EvidenceCase {

  public static final String KIND = "objection";
  static final String VERIFY_STEP = "Task_VerifyObjection";
  static final String CONSULT_STEP = "Task_ObjectionConsultation";

  private final String objectionId;
  private final String title;
  private final boolean open;
  private final OpenTasks tasks;

  public ObjectionEvidence(String objectionId, String title, boolean open, OpenTasks tasks) {
    this.objectionId = objectionId;
    this.title = title;
    this.open = open;
    this.tasks = tasks;
  }

  public static String caseRef(String objectionId) {
    return KIND + "/" + objectionId;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public List<Slot> slots() {
    return List.of(Slot.optional(Drafts.OBJECTION_EVIDENCE, "异议材料"),
        Slot.optional(Drafts.CONSULT_EVIDENCE, "协助核实材料"));
  }

  @Override
  public boolean mayRead(Viewer v) {
    return tasks.holds(v, vars(), VERIFY_STEP, CONSULT_STEP);
  }

  @Override
  public boolean mayUpload(Viewer v, String slot) {
    if (Drafts.OBJECTION_EVIDENCE.equals(slot)) {
      return v.is(Role.BUREAU);
    }
    return Drafts.CONSULT_EVIDENCE.equals(slot) && tasks.holds(v, vars(), CONSULT_STEP);
  }

  @Override
  public boolean closed() {
    return !open;
  }

  private Map<String, String> vars() {
    return Map.of(ObjectionVariables.OBJECTION_ID.name(), objectionId);
  }
}
