package cn.shaoxing.pilotbase.calendar;

import cn.shaoxing.pilotbase.forms.ProcessVariables;
import cn.shaoxing.pilotbase.forms.Variable;

/** The variables of the calendar-upkeep process (补录工作日历), declared once. */
@ProcessVariables({CalendarUpkeep.PROCESS})
public final class CalendarVariables {

  private CalendarVariables() {}

  /** The year whose holidays are entered: set by the missing-calendar warning, or the start form's field. */
  public static final Variable<Integer> CALENDAR_YEAR = Variable.integer("calendarYear");
  // forms calendar-upkeep and calendar-upkeep-start
  /** The State Council notice the data comes from, e.g. 国办发明电〔2026〕7号. */
  public static final Variable<String> CALENDAR_SOURCE = Variable.text("calendarSource");
  /** One line per holiday or range of holidays: {@code 2027-01-01 元旦} ({@link CalendarText}). */
  public static final Variable<String> CALENDAR_HOLIDAYS = Variable.text("calendarHolidays");
  /** One line per make-up working day (调休上班). */
  public static final Variable<String> CALENDAR_WORKDAYS = Variable.text("calendarWorkdays");
}
