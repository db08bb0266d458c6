package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.calendar.CalendarUpkeep;
import cn.shaoxing.pilotbase.calendar.WorkingDays;
import java.time.LocalDate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 item 4 in a real Chromium: bureau1 finds 补录工作日历 for a missing year in 本组待办, fills
 * the form, is refused in Chinese for a make-up day that is no weekend, corrects it and completes;
 * then enters another year from Tasklist's start menu. Screenshots:
 * target/screenshots/CalendarUpkeepBrowserTest/. Years 2097 and 2098.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarUpkeepBrowserTest extends BrowserWalk {

  @RegisterExtension static final Browser browser = new Browser();

  @Override
  Browser browser() {
    return browser;
  }

  static final String SOURCE = "通知文号（如 国办发明电〔2026〕7号）";
  static final String HOLIDAYS = "放假日期（每行一天或一段：日期 名称，如“2027-01-01 元旦”“2027-02-15至2027-02-23 春节”）";
  static final String WORKDAYS = "调休上班日期（周六或周日，每行一天：日期 名称，如“2027-02-14 春节调休上班”；没有可不填）";

  @Autowired CalendarUpkeep upkeep;
  @Autowired WorkingDays workingDays;
  @Autowired JdbcTemplate jdbc;

  @AfterAll
  void cleanUp() {
    for (int year : new int[] {2097, 2098}) {
      upkeep.openUpkeeps(year).forEach(pi ->
          engine.getRuntimeService().deleteProcessInstance(pi.getId(), "测试清理", true, true));
      jdbc.update("DELETE FROM cal_special_day WHERE EXTRACT(YEAR FROM day_date) = ?", year);
      jdbc.update("DELETE FROM cal_year WHERE cal_year = ?", year);
    }
    workingDays.reload();
  }

  @Test
  @Order(1)
  void theBureauCompletesTheUpkeepOfAMissingYearAfterAChineseRefusal() {
    tasklist = new Tasklist(browser, baseUrl());
    upkeep.raise(2097);
    Task task = engine.getTaskService().createTaskQuery()
        .processInstanceId(upkeep.openUpkeeps(2097).get(0).getId()).singleResult();

    tasklist.login("bureau1");
    FormJs form = openGroupTask("bureau1", task);
    assertThat(tasklist.openTaskName()).isEqualTo("补录工作日历：2097年节假日安排");
    assertThat(form.value("年份")).isEqualTo("2097");
    tasklist.claim();
    // 2097-01-01 is a Tuesday; Sat 5 Jan 2097 is the make-up day, Mon 7 Jan is not a weekend
    tasklist.taskForm()
        .text(SOURCE, "国办发明电〔2096〕7号")
        .text(HOLIDAYS, "2097-01-01 元旦\n2097-02-11至2097-02-17 春节")
        .text(WORKDAYS, "2097-01-07 春节调休上班");
    browser.shot("补录工作日历-填写节假日与调休");
    assertThatThrownBy(() -> tasklist.complete()).hasMessageContaining("调休上班日 2097-01-07 不是周末");
    browser.shot("补录工作日历-调休日期不是周末被拒绝");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_year WHERE cal_year = 2097", Integer.class)).isZero();

    tasklist.dismissNotifications();
    tasklist.taskForm().text(WORKDAYS, "2097-01-05 元旦调休上班");
    tasklist.complete();
    browser.shot("补录工作日历-完成后");

    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT source FROM cal_year WHERE cal_year = 2097", String.class))
        .isEqualTo("国办发明电〔2096〕7号");
    assertThat(workingDays.isWorkingDay(LocalDate.of(2097, 2, 13))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2097, 1, 5))).isTrue();
  }

  @Test
  @Order(2)
  void theBureauEntersAnotherYearFromTheStartMenu() {
    tasklist.login("bureau1");
    FormJs start = tasklist.startProcess("补录工作日历");
    start.text("年份", 2098)
        .text(SOURCE, "国办发明电〔2097〕3号")
        .text(HOLIDAYS, "2098-01-01 元旦\n2098-10-01至2098-10-07 国庆节")
        .text(WORKDAYS, "2098-09-27 国庆节调休上班");
    browser.shot("补录工作日历-启动表单录入另一年度");
    tasklist.submitStartForm();

    assertThat(jdbc.queryForObject("SELECT source FROM cal_year WHERE cal_year = 2098", String.class))
        .isEqualTo("国办发明电〔2097〕3号");
    assertThat(workingDays.isWorkingDay(LocalDate.of(2098, 10, 3))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2098, 9, 27))).isTrue();
  }
}
