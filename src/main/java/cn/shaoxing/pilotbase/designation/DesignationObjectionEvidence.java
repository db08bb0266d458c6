package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.evidence.EvidenceCase;
import cn.shaoxing.pilotbase.evidence.EvidenceCases;
import cn.shaoxing.pilotbase.evidence.OpenTasks;
import cn.shaoxing.pilotbase.objection.ObjectionEvidence;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code objection/{id}} for objections against a designation's proposed list ({@code dsg_objection}). */
@Component
public class DesignationObjectionEvidence implements EvidenceCases {

  private final ObjectionService objections;
  private final ApplicationService applications;
  private final OpenTasks tasks;

  public DesignationObjectionEvidence(ObjectionService objections, ApplicationService applications, OpenTasks tasks) {
    this.objections = objections;
    this.applications = applications;
    this.tasks = tasks;
  }

  @Override
  public String kind() {
    return ObjectionEvidence.KIND;
  }

  @Override
  public Optional<EvidenceCase> find(String id) {
    return objections.applicationOf(id).map(appId -> new ObjectionEvidence(id,
        "公示异议：" + applications.find(appId).map(Application::orgName).orElse(appId),
        ObjectionService.OPEN.equals(objections.status(id)), tasks));
  }
}
