package cn.shaoxing.pilotbase.calendar;

import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_HOLIDAYS;
import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_SOURCE;
import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_WORKDAYS;
import static cn.shaoxing.pilotbase.calendar.CalendarVariables.CALENDAR_YEAR;

import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.ValidationErrors;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Server-side checks of the 补录工作日历 forms: the texts are read by {@link CalendarText} and the
 * result checked by the same rules as the API ({@link YearCalendar#problems()}), messages in Chinese.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarRules {

  public static final String TASK_FORM = "calendar-upkeep";
  public static final String START_FORM = "calendar-upkeep-start";

  @Bean
  public CompletionRule calendarUpkeepRule() {
    return new FormRule(TASK_FORM, CalendarRules::check);
  }

  @Bean
  public CompletionRule calendarUpkeepStartRule() {
    return new FormRule(START_FORM, CalendarRules::check);
  }

  static void check(Map<String, Object> v, ValidationErrors e) {
    Integer year = CALENDAR_YEAR.of(v);
    if (year == null) {
      e.add(CALENDAR_YEAR.name(), "请填写年份");
      return;
    }
    CalendarText.Result read = CalendarText.read(year, CALENDAR_SOURCE.of(v), CALENDAR_HOLIDAYS.of(v),
        CALENDAR_WORKDAYS.of(v));
    for (String p : read.allProblems()) {
      e.add(field(p), p);
    }
  }

  private static String field(String problem) {
    if (problem.startsWith("年份")) {
      return CALENDAR_YEAR.name();
    }
    if (problem.contains("数据来源")) {
      return CALENDAR_SOURCE.name();
    }
    return problem.startsWith("调休上班日") ? CALENDAR_WORKDAYS.name() : CALENDAR_HOLIDAYS.name();
  }
}
