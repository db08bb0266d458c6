package cn.shaoxing.pilotbase.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Working-day rules (§四.（四）"公示5个工作日") on the official 2025/2026 data, loaded here from the
 * same Flyway migration text the database gets, so test and production cannot drift apart.
 */
class CalendarDataTest {

  static final CalendarData OFFICIAL = OfficialCalendarFixture.load();

  @Test
  void springFestival2026IsCrossedWithItsMakeUpSaturdays() {
    // Fri 13 Feb 2026 + 1 working day = Sat 14 Feb (make-up working day).
    assertThat(OFFICIAL.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
    // Sat 14 Feb + 1 = Tue 24 Feb: 15–23 Feb is the holiday.
    assertThat(OFFICIAL.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    // Publicity of 5 working days published Thu 12 Feb: 12, 13, 14(Sat make-up), 24, 25 Feb.
    assertThat(OFFICIAL.lastDayOfPeriod(LocalDate.of(2026, 2, 12), 5, true)).isEqualTo(LocalDate.of(2026, 2, 25));
    // Make-up Saturday 28 Feb counts: published Wed 25 Feb → 25, 26, 27, 28(Sat), 2 Mar.
    assertThat(OFFICIAL.lastDayOfPeriod(LocalDate.of(2026, 2, 25), 5, true)).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void nationalDay2026IsCrossed() {
    // Published Tue 29 Sep 2026: 29, 30 Sep, then 1–7 Oct holiday, Sat 10 Oct make-up, 8, 9, 10 Oct.
    assertThat(OFFICIAL.lastDayOfPeriod(LocalDate.of(2026, 9, 29), 5, true)).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sun 20 Sep make-up").isTrue();
    assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2026, 9, 25))).as("Fri 25 Sep Mid-Autumn").isFalse();
  }

  @Test
  void nationalDay2025AndItsMakeUpDays() {
    // Fri 26 Sep 2025, Sun 28 Sep (make-up), Mon 29, Tue 30, then 1–8 Oct off, Thu 9 Oct = day 5;
    // Fri 10 = day 6, Sat 11 Oct (make-up) = day 7.
    assertThat(OFFICIAL.lastDayOfPeriod(LocalDate.of(2025, 9, 26), 5, true)).isEqualTo(LocalDate.of(2025, 10, 9));
    assertThat(OFFICIAL.lastDayOfPeriod(LocalDate.of(2025, 9, 26), 7, true)).isEqualTo(LocalDate.of(2025, 10, 11));
    assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
    assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
    assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2025, 2, 4))).isFalse();
  }

  @Test
  void remindersCountWorkingDaysBackwardsOverHolidays() {
    // 3 working days before Fri 9 Oct 2026: Thu 8 Oct, then 1–7 Oct holiday, Wed 30 Sep, Tue 29 Sep.
    assertThat(OFFICIAL.subtractWorkingDays(LocalDate.of(2026, 10, 9), 3)).isEqualTo(LocalDate.of(2026, 9, 29));
    // 1 working day before Tue 24 Feb 2026 is the make-up Saturday 14 Feb.
    assertThat(OFFICIAL.subtractWorkingDays(LocalDate.of(2026, 2, 24), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
    assertThatThrownBy(() -> OFFICIAL.subtractWorkingDays(LocalDate.of(2026, 1, 5), -1)).hasMessageContaining("不能为负数");
  }

  @Test
  void publicationDayOnANonWorkingDayDoesNotCount() {
    // Published on Sunday 22 Nov 2026: count starts Monday 23 → 23..27 Nov.
    assertThat(OFFICIAL.lastDayOfPeriod(LocalDate.of(2026, 11, 22), 5, true)).isEqualTo(LocalDate.of(2026, 11, 27));
    // Published on a working day but configured not to count it: Wed 25 → 26, 27, 30 Nov, 1, 2 Dec.
    assertThat(OFFICIAL.lastDayOfPeriod(LocalDate.of(2026, 11, 25), 5, false)).isEqualTo(LocalDate.of(2026, 12, 2));
  }

  @Test
  void yearWithoutDataFallsBackToWeekendsOnly() {
    assertThat(OFFICIAL.covers(2027)).isFalse();
    // 1 Jan 2027 is a Friday: without data it is a working day.
    assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(OFFICIAL.addWorkingDays(LocalDate.of(2027, 1, 1), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @Test
  void negativeOrZeroPeriodsAreRefused() {
    assertThatThrownBy(() -> OFFICIAL.addWorkingDays(LocalDate.of(2026, 1, 5), -1)).hasMessageContaining("不能为负数");
    assertThatThrownBy(() -> OFFICIAL.lastDayOfPeriod(LocalDate.of(2026, 1, 5), 0, true)).hasMessageContaining("至少为1个工作日");
  }

  @Test
  void yearCalendarProblemsAreReportedInChinese() {
    var bad = new YearCalendar(2027, "",
        java.util.List.of(new YearCalendar.Day(LocalDate.of(2026, 12, 31), "跨年"), new YearCalendar.Day(LocalDate.of(2027, 2, 6), "")),
        java.util.List.of(new YearCalendar.Day(LocalDate.of(2027, 2, 3), "调休"), new YearCalendar.Day(LocalDate.of(2027, 2, 6), "重复")));
    assertThat(bad.problems())
        .anyMatch(p -> p.contains("数据来源"))
        .anyMatch(p -> p.contains("不属于2027年"))
        .anyMatch(p -> p.contains("缺少名称"))
        .anyMatch(p -> p.contains("不是周末"))
        .anyMatch(p -> p.contains("重复出现"));
    var good = new YearCalendar(2027, "国办发明电〔2026〕X号",
        java.util.List.of(new YearCalendar.Day(LocalDate.of(2027, 1, 1), "元旦")),
        java.util.List.of(new YearCalendar.Day(LocalDate.of(2027, 2, 6), "春节调休上班")));
    assertThat(good.problems()).isEmpty();
  }

  /** Parses V1__calendar.sql's INSERT rows into CalendarData. */
  static final class OfficialCalendarFixture {
    static CalendarData load() {
      try (var in = CalendarDataTest.class.getResourceAsStream("/db/migration/V1__calendar.sql")) {
        String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> workdays = new HashMap<>();
        var m = java.util.regex.Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']+)'").matcher(sql);
        while (m.find()) {
          (m.group(2).equals("HOLIDAY") ? holidays : workdays).put(LocalDate.parse(m.group(1)), m.group(3));
        }
        return new CalendarData(holidays, workdays, Set.of(2025, 2026));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
