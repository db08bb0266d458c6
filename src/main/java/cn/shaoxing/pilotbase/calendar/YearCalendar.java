package cn.shaoxing.pilotbase.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One year of official data as exchanged through the calendar API. */
public record YearCalendar(int year, String source, List<Day> holidays, List<Day> workdays) {

  /** A listed day with its Chinese label (e.g. 春节, 春节调休上班). */
  public record Day(LocalDate date, String label) {}

  /** Chinese messages for everything wrong with this year's data; empty when it may be saved. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (year < 2000 || year > 2100) {
      problems.add("年份必须在2000至2100之间：" + year);
      return problems;
    }
    if (source == null || source.isBlank()) {
      problems.add("必须注明数据来源（国务院办公厅通知文号）");
    } else if (source.length() > 200) {
      problems.add("数据来源不得超过200字");
    }
    Set<LocalDate> seen = new HashSet<>();
    check(holidays, "节假日", seen, Set.of(), problems, false);
    Set<LocalDate> holidayDates = new HashSet<>(seen);
    check(workdays, "调休上班日", seen, holidayDates, problems, true);
    return problems;
  }

  private void check(List<Day> days, String what, Set<LocalDate> seen, Set<LocalDate> holidayDates,
      List<String> problems, boolean mustBeWeekend) {
    if (days == null) {
      problems.add(what + "列表不能为空值（没有时请传空数组）");
      return;
    }
    for (Day d : days) {
      if (d == null || d.date() == null) {
        problems.add(what + "缺少日期");
        continue;
      }
      if (d.date().getYear() != year) {
        problems.add(what + " " + d.date() + " 不属于" + year + "年");
      }
      if (d.label() == null || d.label().isBlank()) {
        problems.add(what + " " + d.date() + " 缺少名称");
      } else if (d.label().length() > 100) {
        problems.add(what + " " + d.date() + " 名称不得超过100字");
      }
      if (holidayDates.contains(d.date())) {
        problems.add("日期 " + d.date() + " 重复出现：不能既是节假日又是调休上班日");
      } else if (!seen.add(d.date())) {
        problems.add("日期 " + d.date() + " 重复出现");
      }
      DayOfWeek dow = d.date().getDayOfWeek();
      if (mustBeWeekend && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
        problems.add("调休上班日 " + d.date() + " 不是周末，无需登记");
      }
    }
  }
}
