package cn.shaoxing.pilotbase.evidence;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Whether a person holds an open task of a case now (assigned, or offered to it or its groups):
 * "uploads only while its step is open". Asked of the engine without the asker's authorizations
 * (the question is ours, the answer is yes or no).
 */
@Component
public class OpenTasks {

  private final TaskService tasks;
  private final IdentityService identity;

  public OpenTasks(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /**
   * True when {@code viewer} has an open task with one of {@code taskKeys} in a process instance
   * whose variables equal {@code processVariables}.
   */
  public boolean holds(Viewer viewer, Map<String, String> processVariables, String... taskKeys) {
    return count(viewer, processVariables, taskKeys) > 0;
  }

  private long count(Viewer viewer, Map<String, String> processVariables, String... taskKeys) {
    Authentication saved = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      TaskQuery q = tasks.createTaskQuery().active().taskDefinitionKeyIn(taskKeys);
      processVariables.forEach(q::processVariableValueEquals);
      TaskQuery anyOf = q.or().taskAssignee(viewer.userId()).taskCandidateUser(viewer.userId());
      if (!viewer.groups().isEmpty()) {
        anyOf = anyOf.taskCandidateGroupIn(viewer.groupList());
      }
      return anyOf.endOr().count();
    } finally {
      if (saved != null) {
        identity.setAuthentication(saved);
      }
    }
  }
}
