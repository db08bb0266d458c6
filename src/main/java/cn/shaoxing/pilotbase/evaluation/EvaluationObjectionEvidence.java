package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.evidence.EvidenceCase;
import cn.shaoxing.pilotbase.evidence.EvidenceCases;
import cn.shaoxing.pilotbase.evidence.OpenTasks;
import cn.shaoxing.pilotbase.objection.ObjectionEvidence;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code objection/{id}} for objections against an evaluation cycle's results ({@code eva_objection}). */
@Component
public class EvaluationObjectionEvidence implements EvidenceCases {

  private final EvaluationService evaluations;
  private final RegisterService register;
  private final OpenTasks tasks;

  public EvaluationObjectionEvidence(EvaluationService evaluations, RegisterService register, OpenTasks tasks) {
    this.evaluations = evaluations;
    this.register = register;
    this.tasks = tasks;
  }

  @Override
  public String kind() {
    return ObjectionEvidence.KIND;
  }

  @Override
  public Optional<EvidenceCase> find(String id) {
    return evaluations.findObjection(id).map(o -> new ObjectionEvidence(id,
        "评价结果异议：" + register.findById(o.baseId()).map(DesignatedBase::orgName).orElse(o.baseId()),
        o.open(), tasks));
  }
}
