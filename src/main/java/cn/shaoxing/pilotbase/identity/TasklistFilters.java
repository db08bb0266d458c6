package cn.shaoxing.pilotbase.identity;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Tasklist filters, in Chinese, and which roles see them. Without filters Tasklist shows "No filter
 * available". A completed task is no longer a task, so "已办" is served by the history page
 * (README), not by a filter.
 */
public final class TasklistFilters {

  /** A filter: name, how it narrows a task query, Tasklist priority (order), roles that may read it. */
  public record FilterDef(
      String name, UnaryOperator<TaskQuery> query, int priority, String description, List<Role> roles) {}

  private static final List<Role> STAFF =
      Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN).toList();

  public static final List<FilterDef> ALL =
      List.of(
          new FilterDef(
              "我的待办",
              q -> q.taskAssigneeExpression("${currentUser()}"),
              -10,
              "已认领或直接分派给我的任务",
              STAFF),
          new FilterDef(
              "本组待办",
              q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
              -5,
              "本单位（本组）尚未认领的任务，认领后进入“我的待办”",
              STAFF),
          new FilterDef(
              "三日内到期",
              q -> q.taskCandidateGroupInExpression("${currentUserGroups()}")
                  .includeAssignedTasks()
                  .dueBeforeExpression("${dateTime().plusDays(3)}"),
              0,
              "本组（含已认领）三日内到期或已逾期的任务",
              STAFF),
          new FilterDef(
              "全部待办（市科技局监控）",
              q -> q,
              10,
              "全市所有在办任务，供市科技局跟踪进度",
              List.of(Role.BUREAU)));

  private TasklistFilters() {}
}
