package cn.shaoxing.pilotbase.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The calendar on the real database and engine: BPMN timers, task due dates, the bureau's API. */
class WorkingDaysIntegrationTest extends IntegrationTest {

  @Autowired WorkingDays workingDays;
  @Autowired MissingCalendarWarning warning;
  @Autowired JdbcTemplate jdbc;

  private Deployment deployment;

  @AfterEach
  void cleanUp() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
    jdbc.update("DELETE FROM cal_special_day WHERE day_date >= DATE '2029-01-01' AND day_date <= DATE '2029-12-31'");
    jdbc.update("DELETE FROM cal_year WHERE cal_year = 2029");
    workingDays.reload();
  }

  static Date at(LocalDateTime t) {
    return Date.from(t.atZone(cn.shaoxing.pilotbase.platform.AppClock.ZONE).toInstant());
  }

  @Test
  void publicityTimerRunsFiveWorkingDaysAcrossNationalDay() {
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/working-day-timer-probe.bpmn").deploy();
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 9, 29, 9, 30)));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
        "Process_TestPublicityTimer", Map.of("publicityStart", at(LocalDateTime.of(2026, 9, 29, 9, 30))));

    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    // 29, 30 Sep, 8, 9, 10 Oct (Sat make-up) → ends at 00:00 on 11 Oct.
    assertThat(timer.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 11, 0, 0)));

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 10, 10, 23, 59)));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 10, 11, 0, 0, 1)));
    Job due = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
    engine.getManagementService().executeJob(due.getId());

    Task publish = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(publish.getName()).isEqualTo("发文公布");
    // Created Sun 11 Oct 2026: 5 working days = 12..16 Oct, due at the end of Fri 16 Oct.
    assertThat(publish.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 10, 16, 23, 59, 59)));
  }

  @Test
  void dueDatesCrossTheSpringFestival() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 2, 12, 15, 0)));
    // 13 Feb, 14 Feb (Sat make-up), 24, 25, 26 Feb.
    assertThat(workingDays.dueIn(5)).isEqualTo(at(LocalDateTime.of(2026, 2, 26, 23, 59, 59)));
    assertThat(workingDays.publicityEnd(at(LocalDateTime.of(2026, 2, 12, 15, 0)), 5))
        .isEqualTo(at(LocalDateTime.of(2026, 2, 26, 0, 0)));
  }

  @Test
  void yearWithoutDataFallsBackToWeekendsAndWarnsTheBureauInTasklist() {
    // 2028 has no data: Mon 31 Jan 2028 + 1 = Tue 1 Feb (real Spring Festival unknown → weekdays only).
    assertThat(workingDays.addDays(LocalDate.of(2028, 1, 31), 1)).isEqualTo(LocalDate.of(2028, 2, 1));
    assertThat(workingDays.missingYears()).contains(2028);

    warning.raiseWarnings();
    warning.raiseWarnings(); // idempotent: one task per missing year

    String tasks = new RestClient(baseUrl()).get("/engine-rest/task?nameLike=%25" + "2028" + "%25", "bureau1").body();
    assertThat(tasks).contains("补录工作日历：2028年节假日安排").contains("仅周末休息");
    assertThat(engine.getTaskService().createTaskQuery().taskName("补录工作日历：2028年节假日安排").count()).isEqualTo(1);
    assertThat(new RestClient(baseUrl()).get("/engine-rest/task?nameLike=%25" + "2028" + "%25", "keqiao1").body())
        .isEqualTo("[]");
    assertThat(jdbc.queryForObject(
        "SELECT COUNT(*) FROM notif_outbox WHERE recipient = 'bureau' AND subject LIKE '%2028%'", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void bureauReplacesAYearThroughTheApiAndOthersMayNot() {
    RestClient rest = new RestClient(baseUrl());
    String body = """
        {"year": 2029, "source": "测试通知",
         "holidays": [{"date": "2029-01-01", "label": "元旦"}],
         "workdays": [{"date": "2029-02-03", "label": "春节调休上班"}]}""";
    assertThat(rest.putJson("/api/calendar/2029", "keqiao1", body).statusCode()).isEqualTo(403);
    assertThat(rest.putJson("/api/calendar/2029", null, body).statusCode()).isEqualTo(401);

    var bad = rest.putJson("/api/calendar/2029", "bureau1",
        body.replace("2029-02-03", "2029-02-05").replace("2029-01-01", "2030-01-01"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("CALENDAR_INVALID").contains("不是周末").contains("不属于2029年");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_year WHERE cal_year = 2029", Integer.class)).isZero();

    assertThat(rest.putJson("/api/calendar/2029", "bureau1", "{not json").statusCode()).isEqualTo(400);

    var ok = rest.putJson("/api/calendar/2029", "bureau1", body);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"hasOfficialData\":true");
    assertThat(workingDays.isWorkingDay(LocalDate.of(2029, 1, 1))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2029, 2, 3))).isTrue();
    assertThat(rest.get("/api/calendar/2029", "keqiao1").body()).contains("春节调休上班");
    assertThat(rest.get("/api/calendar/add?from=2028-12-29&days=2", "keqiao1").body()).contains("\"result\":\"2029-01-03\""); // Fri 29 Dec + 2, skipping Mon 1 Jan 2029
  }
}
