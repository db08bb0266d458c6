package cn.shaoxing.pilotbase.calendar;

import cn.shaoxing.pilotbase.platform.AppClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar as the bean {@code workingDays}, for BPMN expressions such as
 * {@code camunda:dueDate="${workingDays.dueIn(5)}"} or
 * {@code <timeDate>${workingDays.publicityEnd(publicityStart, 5)}</timeDate>}. "Now" follows
 * Camunda's clock ({@code platform.AppClock}, over {@code ClockUtil}), so tests can move time. All dates are in Asia/Shanghai.
 */
@Component("workingDays")
public class WorkingDays {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDays.class);

  private final CalendarRepository repository;
  private final boolean publicationDayCounts;
  private final Set<Integer> missingYears = ConcurrentHashMap.newKeySet();
  private volatile CalendarData data;

  public WorkingDays(
      CalendarRepository repository,
      @Value("${pilotbase.calendar.publication-day-counts:true}") boolean publicationDayCounts) {
    this.repository = repository;
    this.publicationDayCounts = publicationDayCounts;
  }


  public boolean isWorkingDay(LocalDate day) {
    CalendarData d = data();
    noteCoverage(d, day, day);
    return d.isWorkingDay(day);
  }

  /** Due date for a task: end of the n-th working day after today. */
  public Date dueIn(int n) {
    return endOfDay(addDays(AppClock.today(), n));
  }

  /** End of the n-th working day after the day of {@code from}. */
  public Date add(Date from, int n) {
    return endOfDay(addDays(toLocalDate(from), n));
  }

  /** 09:00 on the n-th working day before the day of {@code deadline}, e.g. for a reminder. */
  public Date workingDaysBefore(Date deadline, int n) {
    CalendarData d = data();
    LocalDate day = toLocalDate(deadline);
    LocalDate result = d.subtractWorkingDays(day, n);
    noteCoverage(d, result, day);
    return Date.from(ZonedDateTime.of(result, LocalTime.of(9, 0), AppClock.ZONE).toInstant());
  }

  /** The n-th working day after {@code from}. */
  public LocalDate addDays(LocalDate from, int n) {
    CalendarData d = data();
    LocalDate result = d.addWorkingDays(from, n);
    noteCoverage(d, from, result);
    return result;
  }

  /**
   * The instant a publicity period of n working days that starts on {@code start} ends: 00:00 of
   * the day after its last working day. The start day counts as day 1 when it is a working day
   * (configurable: {@code pilotbase.calendar.publication-day-counts}).
   */
  public Date publicityEnd(Date start, int n) {
    LocalDate last = lastDayOfPeriod(toLocalDate(start), n);
    return Date.from(last.plusDays(1).atStartOfDay(AppClock.ZONE).toInstant());
  }

  /** The last working day of a period of n working days starting on {@code start}. */
  public LocalDate lastDayOfPeriod(LocalDate start, int n) {
    CalendarData d = data();
    LocalDate last = d.lastDayOfPeriod(start, n, publicationDayCounts);
    noteCoverage(d, start, last);
    return last;
  }

  /** Years that were needed but have no official data (weekends-only fallback was used). */
  public Set<Integer> missingYears() {
    return Set.copyOf(missingYears);
  }

  void acknowledgeMissingYear(int year) {
    missingYears.remove(year);
  }

  /** Reloads the table after the bureau changed it. */
  public void reload() {
    data = repository.load();
    missingYears.removeIf(data::covers);
  }

  private CalendarData data() {
    CalendarData d = data;
    if (d == null) {
      synchronized (this) {
        if (data == null) {
          data = repository.load();
        }
        d = data;
      }
    }
    return d;
  }

  private void noteCoverage(CalendarData d, LocalDate from, LocalDate to) {
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      if (!d.covers(y) && missingYears.add(y)) {
        LOG.warn("工作日历缺少{}年官方节假日数据，暂按仅周末休息计算，请市科技局尽快补录", y);
      }
    }
  }

  private static LocalDate toLocalDate(Date date) {
    return date.toInstant().atZone(AppClock.ZONE).toLocalDate();
  }

  private static Date endOfDay(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, LocalTime.of(23, 59, 59), AppClock.ZONE).toInstant());
  }
}
