package cn.shaoxing.pilotbase.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The official holiday table as plain data, and the working-day rules over it. A date is a working
 * day when it is a weekday that is not a holiday, or a weekend day listed as a make-up working day
 * (调休). For a year without data, only weekends are days off.
 *
 * @param holidays days off that would otherwise be weekdays (or any listed holiday)
 * @param makeUpWorkdays weekend days that are working days
 * @param coveredYears years whose official data is present
 */
public record CalendarData(
    Map<LocalDate, String> holidays, Map<LocalDate, String> makeUpWorkdays, Set<Integer> coveredYears) {

  public CalendarData {
    holidays = Map.copyOf(holidays);
    makeUpWorkdays = Map.copyOf(makeUpWorkdays);
    coveredYears = Set.copyOf(coveredYears);
  }

  public boolean covers(int year) {
    return coveredYears.contains(year);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (makeUpWorkdays.containsKey(day)) {
      return true;
    }
    if (holidays.containsKey(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The n-th working day strictly after {@code from} (n ≥ 0; n = 0 returns {@code from}). */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("工作日数不能为负数：" + n);
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The n-th working day strictly before {@code from} (n ≥ 0; n = 0 returns {@code from}). */
  public LocalDate subtractWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("工作日数不能为负数：" + n);
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The last day of a period of {@code n} working days starting on {@code start}. The start day is
   * day 1 when it is a working day and {@code startDayCounts}; otherwise counting starts with the
   * next working day.
   */
  public LocalDate lastDayOfPeriod(LocalDate start, int n, boolean startDayCounts) {
    if (n < 1) {
      throw new IllegalArgumentException("期限至少为1个工作日：" + n);
    }
    if (startDayCounts && isWorkingDay(start)) {
      return addWorkingDays(start, n - 1);
    }
    return addWorkingDays(start, n);
  }
}
