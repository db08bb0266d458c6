package cn.shaoxing.pilotbase.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces the holiday table (tables cal_special_day and cal_year, Flyway V1). */
@Repository
public class CalendarRepository {

  private final JdbcTemplate jdbc;

  public CalendarRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public CalendarData load() {
    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    Map<LocalDate, String> workdays = new LinkedHashMap<>();
    jdbc.query(
        "SELECT day_date, kind, label FROM cal_special_day ORDER BY day_date",
        rs -> {
          LocalDate day = rs.getDate(1).toLocalDate();
          if ("HOLIDAY".equals(rs.getString(2))) {
            holidays.put(day, rs.getString(3));
          } else {
            workdays.put(day, rs.getString(3));
          }
        });
    Set<Integer> years = new HashSet<>(jdbc.queryForList("SELECT cal_year FROM cal_year", Integer.class));
    return new CalendarData(holidays, workdays, years);
  }

  public YearCalendar year(int year) {
    List<YearCalendar.Day> holidays = days(year, "HOLIDAY");
    List<YearCalendar.Day> workdays = days(year, "WORKDAY");
    List<String> source = jdbc.queryForList("SELECT source FROM cal_year WHERE cal_year = ?", String.class, year);
    return new YearCalendar(year, source.isEmpty() ? null : source.get(0), holidays, workdays);
  }

  private List<YearCalendar.Day> days(int year, String kind) {
    return jdbc.query(
        "SELECT day_date, label FROM cal_special_day WHERE kind = ? AND day_date BETWEEN ? AND ? ORDER BY day_date",
        (rs, i) -> new YearCalendar.Day(rs.getDate(1).toLocalDate(), rs.getString(2)),
        kind,
        Date.valueOf(LocalDate.of(year, 1, 1)),
        Date.valueOf(LocalDate.of(year, 12, 31)));
  }

  /** Replaces all data of one year in one transaction. */
  @Transactional
  public void replaceYear(YearCalendar cal, String user) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    jdbc.update(
        "DELETE FROM cal_special_day WHERE day_date BETWEEN ? AND ?",
        Date.valueOf(LocalDate.of(cal.year(), 1, 1)),
        Date.valueOf(LocalDate.of(cal.year(), 12, 31)));
    jdbc.update("DELETE FROM cal_year WHERE cal_year = ?", cal.year());
    jdbc.update(
        "INSERT INTO cal_year (cal_year, source, updated_by, updated_at) VALUES (?, ?, ?, ?)",
        cal.year(), cal.source(), user, now);
    insert(cal.holidays(), "HOLIDAY", user, now);
    insert(cal.workdays(), "WORKDAY", user, now);
  }

  private void insert(List<YearCalendar.Day> days, String kind, String user, Timestamp now) {
    for (YearCalendar.Day d : days) {
      jdbc.update(
          "INSERT INTO cal_special_day (day_date, kind, label, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
          Date.valueOf(d.date()), kind, d.label(), user, now);
    }
  }
}
