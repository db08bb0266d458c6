package cn.shaoxing.pilotbase.calendar;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.notification.NotificationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns the bureau in its Tasklist when the calendar had to fall back to weekends only: one
 * standalone task per missing year, for the bureau group. Also checks the current and next year at
 * startup so the gap is seen before a deadline depends on it.
 */
@Component
public class MissingCalendarWarning {

  static final String TASK_NAME_PREFIX = "补录工作日历：";

  private final WorkingDays workingDays;
  private final TaskService taskService;
  private final NotificationService notifications;

  public MissingCalendarWarning(
      WorkingDays workingDays, TaskService taskService, NotificationService notifications) {
    this.workingDays = workingDays;
    this.taskService = taskService;
    this.notifications = notifications;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void checkAtStartup() {
    int year = AppClock.today().getYear();
    workingDays.isWorkingDay(java.time.LocalDate.of(year, 1, 1));
    workingDays.isWorkingDay(java.time.LocalDate.of(year + 1, 1, 1));
    raiseWarnings();
  }

  /** Creates the bureau's warning task for each missing year that has none yet. */
  @Scheduled(fixedDelayString = "${pilotbase.calendar.warning-interval-ms:60000}", initialDelay = 30000)
  public void raiseWarnings() {
    for (int year : workingDays.missingYears()) {
      String name = TASK_NAME_PREFIX + year + "年节假日安排";
      boolean exists = taskService.createTaskQuery().taskName(name).count() > 0;
      if (!exists) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setDescription(
            "工作日历缺少" + year + "年国务院办公厅公布的节假日和调休安排，涉及该年度的期限（如公示5个工作日）"
                + "暂按“仅周末休息”计算，可能不准确。请通过“工作日历维护”接口（PUT /api/calendar/" + year
                + "）录入节假日与调休上班日后完成本任务。");
        task.setPriority(80);
        task.setDueDate(workingDays.dueIn(5));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), Role.BUREAU.groupId());
        notifications.notifyGroup(Role.BUREAU.groupId(), "【中试基地平台】" + name, task.getDescription());
      }
      workingDays.acknowledgeMissingYear(year);
    }
  }
}
