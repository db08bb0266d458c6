package cn.shaoxing.pilotbase.revocation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a district reviewer gets an application to review (designation's Task_DistrictReview), sets
 * {@code integrityWarning} on it: non-empty when the organisation was once revoked for false
 * materials or serious dishonesty (annex §三.（二）). The district review form shows it.
 */
@Component
public class IntegrityWarningListener {

  static final String DISTRICT_REVIEW_TASK = "Task_DistrictReview";
  static final String APPLICATION_PROCESS = "designation-application";

  private final RevocationService revocations;

  public IntegrityWarningListener(RevocationService revocations) {
    this.revocations = revocations;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onCreate(DelegateTask task) {
    if (!DISTRICT_REVIEW_TASK.equals(task.getTaskDefinitionKey())
        || !task.getProcessDefinitionId().startsWith(APPLICATION_PROCESS + ":")) {
      return;
    }
    Object code = task.getVariable("creditCode");
    String warning = code == null ? "" : revocations.integrityWarning(code.toString());
    task.getExecution().setVariable("integrityWarning", warning);
  }

  /** Name kept for readers searching for the TaskListener event. */
  static final String EVENT = TaskListener.EVENTNAME_CREATE;
}
