package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.identity.DemoUsers;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda's webapps for a browser set to Chinese (issue 13 items 1 and 5): Tasklist's relative dates
 * in Chinese (「15天后」 rather than "in 15 days"), Cockpit's dashboard and a process instance view
 * and Admin in Chinese, none with the "migrate to Camunda 8" banner, the footer's time zone
 * Asia/Shanghai, and the Chinese 403 page a bureau user gets for Admin. Round year 2082.
 * Screenshots: target/screenshots/ChineseWebappsBrowserTest/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChineseWebappsBrowserTest extends BrowserWalk {

  @RegisterExtension static final Browser browser = new Browser();

  static final int YEAR = 2082;

  @Override
  Browser browser() {
    return browser;
  }

  @BeforeAll
  void openTasklist() {
    tasklist = new Tasklist(browser, baseUrl());
  }

  @Test
  @Order(1)
  void tasklistShowsChineseRelativeDates() {
    Task task = engine.getTaskService().newTask();
    task.setName("中文日期检查（" + YEAR + "浏览器测试）");
    task.setAssignee("bureau1");
    task.setDueDate(Date.from(Instant.now().plus(Duration.ofDays(15)).plus(Duration.ofHours(2))));
    engine.getTaskService().saveTask(task);
    try {
      tasklist.login("bureau1");
      List<Tasklist.TaskRow> rows = tasklist.chooseFilter("我的待办");
      assertThat(rows).extracting(Tasklist.TaskRow::id).contains(task.getId());
      String dates = browser.waitFor("任务的日期", d -> d.findElements(By.cssSelector("[cam-tasks] li.task")).stream()
          .filter(li -> li.getText().contains(task.getName()))
          .map(li -> li.findElement(By.cssSelector(".dates")).getText())
          .filter(t -> t.contains("天后")).findFirst().orElse(null));
      assertThat(dates).contains("到期").contains("15天后").contains("创建").containsPattern("几秒前|\\d+分钟前")
          .doesNotContain(" in ").doesNotContain("ago").doesNotContain("days");
      // moment's global locale follows the labels (scripts/chinese-dates.js), so every am-time-ago draws Chinese
      assertThat(browser.js("return angular.element(document.querySelector('.ng-scope')).injector().get('moment').locale()"))
          .isEqualTo("zh");
      assertNoMigrationBanner();
      assertThat(browser.visible(By.id("footer-timezone")).getText()).contains("时区").contains("Asia/Shanghai");
      browser.shot("任务列表中文相对日期");
    } finally {
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }

  @Test
  @Order(2)
  void cockpitDashboardAndAProcessInstanceInChinese() {
    ProcessInstance round = DesignationTestSupport.openRound(engine, YEAR, 3);
    AsyncSteps.settle(engine);
    try {
      Cockpit cockpit = new Cockpit(browser, baseUrl()).login("admin", DemoUsers.PASSWORD);
      browser.open(cockpit.url() + "#/dashboard");
      browser.waitFor("Cockpit 中文仪表盘", d -> browser.bodyText().contains("运行中的流程实例"));
      assertThat(browser.bodyText()).contains("未解决的故障", "流程", "部署")
          .doesNotContain("Running Process Instances").doesNotContain("Open Incidents");
      assertNoMigrationBanner();
      browser.shot("Cockpit仪表盘");

      browser.open(cockpit.url() + "#/process-instance/" + round.getId() + "/runtime");
      assertThat(cockpit.drawnElementIds()).contains("Task_OpenRound");
      browser.waitFor("流程实例视图的中文标签", d -> browser.bodyText().contains("实例ID："));
      assertThat(browser.bodyText()).contains("业务键：", "变量", "故障")
          .doesNotContain("Instance ID:").doesNotContain("Variables");
      browser.waitFor("变量表", d -> !d.findElements(By.cssSelector("table.cam-table > thead td.actions")).isEmpty());
      assertThat(browser.js("return getComputedStyle(document.querySelector('table.cam-table > thead td.actions'),"
          + " '::before').content")).isEqualTo("\"操作\"");
      assertNoMigrationBanner();
      browser.shot("Cockpit流程实例视图");
    } finally {
      engine.getRuntimeService().deleteProcessInstance(round.getId(), "中文界面浏览器测试结束");
    }
  }

  @Test
  @Order(3)
  void adminInChinese() {
    browser.open(baseUrl() + "/camunda/app/admin/default/#/users");
    // signed in as admin through Cockpit above: the session covers every webapp
    browser.waitFor("管理台中文用户列表", d -> browser.bodyText().contains("用户"));
    browser.waitFor("用户列表", d -> browser.bodyText().contains("bureau1"));
    assertThat(browser.bodyText()).contains("分组", "租户", "授权").doesNotContain("Authorizations").doesNotContain("Groups");
    assertNoMigrationBanner();
    browser.shot("管理台用户列表");

    browser.open(baseUrl() + "/camunda/app/welcome/default/#/welcome");
    browser.waitFor("欢迎页", d -> browser.bodyText().contains("任务列表"));
    assertNoMigrationBanner();
    browser.shot("欢迎页");
  }

  @Test
  @Order(4)
  void aBureauUserOpeningAdminGetsTheChinese403Page() {
    tasklist.login("bureau1");
    browser.open(baseUrl() + "/camunda/app/admin/default/");
    browser.waitFor("403 页面", d -> browser.bodyText().contains("无权访问此页面"));
    String text = browser.bodyText();
    assertThat(text).contains("管理台（Admin）仅限系统管理员使用", "返回任务列表")
        .doesNotContain("Whitelabel").doesNotContain("Forbidden").doesNotContain("Exception");
    browser.shot("市科技局打开管理台_403");
    browser.click(browser.visible(By.id("back-to-tasklist")));
    browser.waitFor("回到任务列表", d -> !d.findElements(By.cssSelector(".task-filters")).isEmpty());
  }

  private void assertNoMigrationBanner() {
    List<WebElement> banners = browser.driver().findElements(By.cssSelector(".ce-eol-banner"));
    assertThat(banners).allSatisfy(b -> assertThat(b.isDisplayed()).as("迁移横幅").isFalse());
    assertThat(browser.bodyText()).doesNotContain("Camunda 8").doesNotContain("migrate");
  }
}
