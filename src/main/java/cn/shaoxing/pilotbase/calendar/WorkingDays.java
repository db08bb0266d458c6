package cn.shaoxing.pilotbase.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * PLACEHOLDER (designation branch only) for the lead's working-day calendar on main, with the same
 * contract; weekends only. Replaced by main's class when main is merged.
 */
@Component("workingDays")
public class WorkingDays {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public boolean isWorkingDay(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  public Date dueIn(int n) {
    return add(ClockUtil.getCurrentTime(), n);
  }

  public Date add(Date from, int n) {
    LocalDate d = from.toInstant().atZone(ZONE).toLocalDate();
    int left = n;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return Date.from(d.plusDays(1).atStartOfDay(ZONE).minusNanos(1_000_000).toInstant());
  }

  public Date publicityEnd(Date start, int n) {
    LocalDate d = start.toInstant().atZone(ZONE).toLocalDate();
    int left = n;
    if (isWorkingDay(d)) {
      left--;
    }
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return Date.from(d.plusDays(1).atStartOfDay(ZONE).toInstant());
  }
}
