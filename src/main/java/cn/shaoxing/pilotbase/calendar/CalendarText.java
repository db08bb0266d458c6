package cn.shaoxing.pilotbase.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year's calendar as a person types it into the 补录工作日历 form: one line per day, date first and
 * then the name ({@code 2027-01-01 元旦}), or a range of days with one name
 * ({@code 2027-02-15至2027-02-23 春节}, also with {@code ~}). Turns the text into a
 * {@link YearCalendar}; whether that may be saved is decided by {@link YearCalendar#problems()},
 * the same rules as the API's.
 */
public final class CalendarText {

  /** The longest range one line may stand for (the longest official holiday is 9 days). */
  static final int MAX_RANGE_DAYS = 31;

  private static final String DATE = "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})";
  private static final Pattern LINE = Pattern.compile(
      "^" + DATE + "(?:\\s*(?:至|到|~|～|—|--)\\s*" + DATE + ")?(?:[\\s\\u3000]+(.*))?$");

  /** The calendar read from the form's texts, and what could not be read. */
  public record Result(YearCalendar calendar, List<String> problems) {

    /** Reading problems first, then the calendar rules' (duplicates, year, weekends, source). */
    public List<String> allProblems() {
      List<String> all = new ArrayList<>(problems);
      all.addAll(calendar.problems());
      return all;
    }
  }

  private CalendarText() {}

  public static Result read(int year, String source, String holidays, String workdays) {
    List<String> problems = new ArrayList<>();
    List<YearCalendar.Day> h = days(holidays, "节假日", problems);
    List<YearCalendar.Day> w = days(workdays, "调休上班日", problems);
    String s = source == null ? null : source.trim();
    return new Result(new YearCalendar(year, s, h, w), problems);
  }

  /** The days listed in {@code text}, one line per day or range; blank lines are skipped. */
  static List<YearCalendar.Day> days(String text, String what, List<String> problems) {
    List<YearCalendar.Day> days = new ArrayList<>();
    if (text == null) {
      return days;
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip().replace('\u3000', ' ');
      if (line.isEmpty()) {
        continue;
      }
      String where = what + "第" + (i + 1) + "行“" + abbreviate(line) + "”";
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        problems.add(where + "格式不正确，应为“2027-01-01 元旦”或“2027-02-15至2027-02-23 春节”");
        continue;
      }
      LocalDate from = date(m, 1, where, problems);
      LocalDate to = m.group(4) == null ? from : date(m, 4, where, problems);
      if (from == null || to == null) {
        continue;
      }
      String label = m.group(7) == null ? "" : m.group(7).strip();
      if (to.isBefore(from)) {
        problems.add(where + "的结束日期早于开始日期");
        continue;
      }
      if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
        problems.add(where + "的日期范围超过" + MAX_RANGE_DAYS + "天，请检查");
        continue;
      }
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        days.add(new YearCalendar.Day(d, label));
      }
    }
    return days;
  }

  private static LocalDate date(Matcher m, int group, String where, List<String> problems) {
    String text = m.group(group) + "-" + m.group(group + 1) + "-" + m.group(group + 2);
    try {
      return LocalDate.of(Integer.parseInt(m.group(group)), Integer.parseInt(m.group(group + 1)),
          Integer.parseInt(m.group(group + 2)));
    } catch (DateTimeException e) {
      problems.add(where + "中的日期“" + text + "”不存在");
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
