package cn.shaoxing.pilotbase.calendar;

import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_HOLIDAYS;
import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_SOURCE;
import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_WORKDAYS;
import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_YEAR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What calendar-upkeep.bpmn calls: its one automatic step, thin over {@link CalendarUpkeep}. */
@Component("calendarUpkeepSteps")
public class CalendarUpkeepSteps {

  private final CalendarUpkeep upkeep;

  public CalendarUpkeepSteps(CalendarUpkeep upkeep) {
    this.upkeep = upkeep;
  }

  /** Task_StoreCalendar: the entered year replaces what was stored for it. */
  public void store(DelegateExecution execution) {
    upkeep.store(CALENDAR_YEAR.of(execution), CALENDAR_SOURCE.of(execution), CALENDAR_HOLIDAYS.of(execution),
        CALENDAR_WORKDAYS.of(execution), execution.getProcessInstanceId());
  }
}
