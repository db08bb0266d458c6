package cn.shaoxing.pilotbase.calendar;

import cn.shaoxing.pilotbase.platform.AppClock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns the bureau in its Tasklist when the calendar had to fall back to weekends only: one open
 * 补录工作日历 (process calendar-upkeep, {@link CalendarUpkeep}) per missing year, with the form to
 * enter the holidays. Also checks the current and next year at startup so the gap is seen before a
 * deadline depends on it.
 */
@Component
public class MissingCalendarWarning {

  /** Name of the standalone warning tasks of earlier versions (no form), replaced by the process. */
  static final String LEGACY_TASK_PREFIX = "补录工作日历：";

  private static final Logger LOG = LoggerFactory.getLogger(MissingCalendarWarning.class);

  private final WorkingDays workingDays;
  private final CalendarUpkeep upkeep;
  private final TaskService taskService;

  public MissingCalendarWarning(WorkingDays workingDays, CalendarUpkeep upkeep, TaskService taskService) {
    this.workingDays = workingDays;
    this.upkeep = upkeep;
    this.taskService = taskService;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void checkAtStartup() {
    int year = AppClock.today().getYear();
    workingDays.isWorkingDay(java.time.LocalDate.of(year, 1, 1));
    workingDays.isWorkingDay(java.time.LocalDate.of(year + 1, 1, 1));
    raiseWarnings();
  }

  /** Starts the bureau's upkeep for each missing year that has none open yet (idempotent). */
  @Scheduled(fixedDelayString = "${pilotbase.calendar.warning-interval-ms:60000}", initialDelay = 30000)
  public void raiseWarnings() {
    for (int year : workingDays.missingYears()) {
      try {
        if (!upkeep.raise(year)) {
          workingDays.acknowledgeMissingYear(year);
          continue;
        }
      } catch (RuntimeException e) {
        // a warning never stops the application; the next run tries again
        LOG.warn("未能为{}年发起“补录工作日历”任务，稍后重试：{}", year, e.toString());
        continue;
      }
      for (Task legacy : taskService.createTaskQuery()
          .taskName(LEGACY_TASK_PREFIX + year + "年节假日安排").list()) {
        if (legacy.getProcessInstanceId() == null) {
          taskService.deleteTask(legacy.getId(), "由“补录工作日历”流程代替");
        }
      }
      workingDays.acknowledgeMissingYear(year);
    }
  }
}
