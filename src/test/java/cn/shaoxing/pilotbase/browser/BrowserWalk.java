package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the browser walks share: the personal filters, the operator's way of firing a timer, the
 * check that a user sees only its own tasks, and stopping after a failed step. Each walk keeps its
 * own {@link Browser} (one Chromium and one failure state per walk).
 */
abstract class BrowserWalk extends IntegrationTest {

  static final List<String> PERSONAL_FILTERS = List.of("我的待办", "本组待办", "三日内到期");

  Tasklist tasklist;
  RestClient rest;

  /** The walk's browser (its static {@code @RegisterExtension} field). */
  abstract Browser browser();

  @BeforeEach
  void stopAfterAFailedStep() {
    Assumptions.assumeFalse(browser().hasFailed(), "前面的步骤已失败，后续步骤不再执行");
  }

  /** Opens a task from the current list; a walk may retry where Tasklist re-renders. */
  FormJs open(String taskId) {
    return tasklist.openTask(taskId);
  }

  /** Chooses 本组待办 and opens the given task from the list. */
  FormJs openGroupTask(String user, Task t) {
    assertThat(t).as("待办任务").isNotNull();
    List<Tasklist.TaskRow> rows = tasklist.chooseFilter("本组待办");
    assertThat(rows).as("%s 的本组待办", user).extracting(Tasklist.TaskRow::id).contains(t.getId());
    return open(t.getId());
  }

  HistoricProcessInstance history(String id) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /**
   * Walks the personal filters of the logged-in user and checks every listed task is assigned to
   * the user or offered to one of the user's groups, and that 我的待办 lists exactly the user's
   * assigned tasks.
   */
  void assertOnlyOwnTasks(String user) {
    Set<String> groups = new HashSet<>();
    engine.getIdentityService().createGroupQuery().groupMember(user).list().forEach(g -> groups.add(g.getId()));
    for (String filter : PERSONAL_FILTERS) {
      for (Tasklist.TaskRow row : tasklist.chooseFilter(filter)) {
        Task t = engine.getTaskService().createTaskQuery().taskId(row.id()).singleResult();
        if (t == null) {
          continue; // completed meanwhile
        }
        boolean own = user.equals(t.getAssignee());
        for (IdentityLink l : engine.getTaskService().getIdentityLinksForTask(t.getId())) {
          own |= "candidate".equals(l.getType()) && (user.equals(l.getUserId()) || groups.contains(l.getGroupId()));
        }
        assertThat(own).as("%s 在“%s”看到不属于自己的任务 %s（%s）", user, filter, t.getName(), t.getId()).isTrue();
      }
    }
    long assigned = engine.getTaskService().createTaskQuery().taskAssignee(user).count();
    assertThat(tasklist.chooseFilter("我的待办")).as("%s 的我的待办", user).hasSize((int) Math.min(assigned, 15));
  }

  /**
   * What an operator does in Cockpit/REST when a timer must fire now (the job executor is off in
   * tests): as the administrator (operations are administrators' rights), find the instance's single timer job at that activity, move its due date
   * to now and execute it.
   */
  void operatorFiresTimer(String processInstanceId, String activityId) {
    HttpResponse<String> jobs = rest.get("/engine-rest/job?timers=true&processInstanceId=" + processInstanceId
        + "&activityId=" + activityId, "admin");
    assertThat(jobs.statusCode()).as(jobs.body()).isEqualTo(200);
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(jobs.body());
    assertThat(m.find()).as("%s 的定时器作业：%s", activityId, jobs.body()).isTrue();
    String jobId = m.group(1);
    assertThat(m.find()).as("只有一个定时器作业：%s", jobs.body()).isFalse();
    var job = engine.getManagementService().createJobQuery().jobId(jobId).singleResult();
    assertThat(engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId()).isEqualTo(activityId);
    String now = OffsetDateTime.now(cn.shaoxing.pilotbase.platform.AppClock.ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    HttpResponse<String> due = rest.putJson("/engine-rest/job/" + jobId + "/duedate", "admin",
        "{\"duedate\":\"" + now + "\"}");
    assertThat(due.statusCode()).as(due.body()).isEqualTo(204);
    HttpResponse<String> run = rest.postJson("/engine-rest/job/" + jobId + "/execute", "admin", "");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(204);
  }
}
