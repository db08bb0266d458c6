package cn.shaoxing.pilotbase.benchmark;

import cn.shaoxing.pilotbase.identity.DemoUsers;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The roles at work, as Tasklist submits for them: each task is submitted through the form
 * service ({@code submit-form}, so the platform's form validation runs) by the user who holds it
 * (its assignee, or a demo user of a candidate group), with that user's authorizations. Each click
 * is timed; the bulk work it leaves to the job executor is then run and timed separately.
 */
final class RoleClicks {

  private final ProcessEngine engine;
  private final Measurements measured;

  RoleClicks(ProcessEngine engine, Measurements measured) {
    this.engine = engine;
    this.measured = measured;
  }

  /** Submits the task's form as its holder; the click is timed under the task's name. */
  void complete(Task task, Map<String, Object> vars) {
    Actor actor = holder(task);
    as(actor.user(), actor.groups(), task.getName(), () -> {
      engine.getFormService().submitTaskForm(task.getId(), vars);
      return null;
    });
  }

  /** A timed action of a user (e.g. starting a case), then the bulk work it left. */
  <T> T as(String user, List<String> groups, String step, Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user, groups);
    T result;
    long start = System.nanoTime();
    try {
      result = action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    measured.click(step, System.nanoTime() - start);
    settle(step);
    return result;
  }

  /** Runs what the job executor would (timers excluded) and books its time to a phase. */
  void settle(String phase) {
    long start = System.nanoTime();
    if (AsyncSteps.settle(engine) > 0) {
      measured.bulk(phase, System.nanoTime() - start);
    }
  }

  record Actor(String user, List<String> groups) {}

  Actor holder(Task task) {
    if (task.getAssignee() != null) {
      return new Actor(task.getAssignee(), groupsOf(task.getAssignee()));
    }
    for (IdentityLink l : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null) {
        return new Actor(l.getUserId(), groupsOf(l.getUserId()));
      }
    }
    for (IdentityLink l : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null) {
        String user = DemoUsers.ALL.stream().filter(u -> u.role().groupId().equals(l.getGroupId()))
            .map(DemoUsers.DemoUser::id).findFirst()
            .orElseThrow(() -> new IllegalStateException("no demo user in group " + l.getGroupId()));
        return new Actor(user, groupsOf(user));
      }
    }
    throw new IllegalStateException("nobody holds task " + task.getName());
  }

  List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList();
  }
}
