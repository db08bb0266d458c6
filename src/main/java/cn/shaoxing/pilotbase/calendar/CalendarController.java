package cn.shaoxing.pilotbase.calendar;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working-day calendar maintenance. Reading is open to any signed-in user; replacing a year's data
 * is for the bureau (and administrators). Authentication: HTTP Basic (Camunda users).
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  private final CalendarRepository repository;
  private final WorkingDays workingDays;
  private final AccessGuard guard;
  private final CalendarUpkeep upkeep;

  public CalendarController(CalendarRepository repository, WorkingDays workingDays, AccessGuard guard,
      CalendarUpkeep upkeep) {
    this.repository = repository;
    this.workingDays = workingDays;
    this.guard = guard;
    this.upkeep = upkeep;
  }

  @GetMapping("/{year}")
  public Map<String, Object> year(@PathVariable int year) {
    guard.current();
    YearCalendar cal = repository.year(year);
    boolean covered = cal.source() != null;
    return Map.of(
        "year", year,
        "hasOfficialData", covered,
        "source", covered ? cal.source() : "",
        "holidays", cal.holidays(),
        "workdays", cal.workdays(),
        "warning", covered ? "" : year + "年尚无官方节假日数据，按仅周末休息计算");
  }

  /** Working-day arithmetic, e.g. {@code /api/calendar/add?from=2026-02-13&days=5}. */
  @GetMapping("/add")
  public Map<String, Object> add(@RequestParam LocalDate from, @RequestParam int days) {
    guard.current();
    if (days < 0 || days > 366) {
      throw new CalendarInputException(List.of("工作日数必须在0至366之间：" + days));
    }
    return Map.of("from", from, "days", days, "result", workingDays.addDays(from, days));
  }

  @PutMapping("/{year}")
  public ResponseEntity<Map<String, Object>> replace(@PathVariable int year, @RequestBody YearCalendar body) {
    String user = guard.requireAny(Role.BUREAU).getUserId();
    if (body.year() != year) {
      throw new CalendarInputException(List.of("请求路径中的年份 " + year + " 与数据中的年份 " + body.year() + " 不一致"));
    }
    List<String> problems = body.problems();
    if (!problems.isEmpty()) {
      throw new CalendarInputException(problems);
    }
    repository.replaceYear(body, user);
    upkeep.stored(year, null, user); // open 补录工作日历 of that year are done with; working days reloaded
    return ResponseEntity.status(HttpStatus.OK).body(year(year));
  }
}
