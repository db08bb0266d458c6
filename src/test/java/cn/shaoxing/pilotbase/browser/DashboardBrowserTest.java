package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.Designation;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.GradedCycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bureau's dashboard in Chromium (issue 12 item 3): bureau1 signs in to Tasklist and opens
 * /dashboard; each of the five charts was drawn by ECharts (an instance on its container, a canvas
 * in it) from the same numbers as its table view, and the browser console has no error (a CSP
 * refusal or a script error would be one). keqiao1 (a district) is refused in Chinese. Data of
 * 2127–2129 (a graded cycle of 2129, bases of 2127–2128). Screenshots:
 * target/screenshots/DashboardBrowserTest/ and the whole page as target/screenshots/dashboard.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends BrowserWalk {

  @RegisterExtension static final Browser browser = new Browser();

  static final List<String> CHARTS = List.of("chart-progress", "chart-chain", "chart-district", "chart-grades", "chart-work");

  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired ExpertPoolService experts;
  @Autowired EvidenceService evidence;
  @Autowired JdbcTemplate jdbc;

  GradedCycle.Result cycle;

  @Override
  Browser browser() {
    return browser;
  }

  @BeforeAll
  void openTasklist() {
    tasklist = new Tasklist(browser, baseUrl());
  }

  /** A graded cycle of 2129 (its bases of 2128) and three bases of 2127–2128 (inside a test: coverage runs). */
  private void data() throws Exception {
    cycle = GradedCycle.toGradeReview(engine, jdbc, register, baseAccounts, experts, evidence,
        "2129年度绩效评价（看板浏览器测试）", 2129, 2_129_000, 2, 1, 3, 0);
    designate("看板浏览器测试集成电路有限公司", 1, "integratedCircuits", "districtYuecheng", 2127);
    designate("看板浏览器测试生物医药有限公司", 2, "biomedicine", "unitEducation", 2127);
    designate("看板浏览器测试高端装备有限公司", 3, "highEndEquipment", "districtKeqiao", 2128);
  }

  @Test
  @Order(1)
  void bureauSeesEveryChartDrawnFromItsTableNumbers() throws Exception {
    data();
    try {
      walk();
    } finally {
      engine.getRuntimeService().deleteProcessInstance(cycle.cycle().getId(), "看板浏览器测试结束");
    }
  }

  private void walk() throws IOException {
    tasklist.login("bureau1");
    browser.driver().manage().logs().get(LogType.BROWSER); // start from an empty console
    browser.open(baseUrl() + "/dashboard");
    browser.visible(By.id("chart-work"));
    for (String id : CHARTS) {
      browser.waitFor(id + " 已绘制", d -> Boolean.TRUE.equals(browser.js(
          "var el = document.getElementById(arguments[0]);"
              + " return !!(window.echarts && echarts.getInstanceByDom(el) && el.querySelector('canvas'));", id)));
      WebElement chart = browser.driver().findElement(By.id(id));
      assertThat(chart.getAttribute("role")).isEqualTo("img");
      assertThat(chart.getAttribute("aria-label")).as(id).isNotBlank();
      assertThat(chart.getSize().getHeight()).as(id).isGreaterThan(200);
    }

    // progress: bars and line from the table's columns, the goal line at 20
    List<List<String>> progress = rows("table-progress");
    assertThat(progress).isNotEmpty();
    assertThat(series("chart-progress")).containsExactly(column(progress, 1), column(progress, 2), column(progress, 3));
    assertThat(axis("chart-progress", "xAxis")).isEqualTo(column(progress, 0));
    assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('chart-progress')).getOption()"
        + ".series[2].markLine.data[0].yAxis")).isEqualTo(20L);
    assertThat(column(progress, 0)).contains("2127年", "2128年");

    // chains: the three key chains first, marked in the chart and in the table
    List<List<String>> chains = rows("table-chain");
    assertThat(series("chart-chain")).containsExactly(column(chains, 1));
    assertThat(column(chains, 0).subList(0, 3)).containsExactly("★ 集成电路（重点）", "★ 生物医药（重点）", "★ 新材料（重点）");
    assertThat(axis("chart-chain", "xAxis").subList(0, 3)).containsExactly("★集成电路", "★生物医药", "★新材料");
    assertThat(column(chains, 1).subList(0, 3)).allMatch(n -> Integer.parseInt(n) >= 1);

    List<List<String>> districts = rows("table-district");
    assertThat(series("chart-district")).containsExactly(column(districts, 1));
    assertThat(axis("chart-district", "yAxis")).isEqualTo(column(districts, 0));
    assertThat(districts).anySatisfy(r -> assertThat(r).containsExactly("越城区科技局", "1"));

    // grades: one stacked series per grade, one bar per cycle; this walk's cycle with its proposed grades
    List<List<String>> grades = rows("table-grades");
    List<List<String>> gradeSeries = series("chart-grades");
    assertThat(gradeSeries).hasSize(5);
    for (int g = 0; g < 5; g++) {
      assertThat(gradeSeries.get(g)).as("档次 %d", g).isEqualTo(column(grades, 2 + g));
    }
    List<String> mine = grades.stream().filter(r -> r.get(0).equals("2129年度绩效评价（看板浏览器测试）")).findFirst().orElseThrow();
    assertThat(mine.get(1)).isEqualTo("评定中");
    assertThat(mine.get(7)).isEqualTo("4");
    List<String> labels = List.of("优秀", "良好", "合格", "不合格", "未参加");
    for (int g = 0; g < 5; g++) {
      assertThat(Long.parseLong(mine.get(2 + g))).as(labels.get(g)).isEqualTo(cycle.grades().getOrDefault(labels.get(g), 0L));
    }

    // open work: the bureau's grade review of this walk's cycle is open; no optional withdrawal counted
    List<List<String>> work = rows("table-work");
    assertThat(series("chart-work")).containsExactly(column(work, 2), column(work, 3));
    assertThat(work).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("中试基地绩效评价（两年一次）", "研究形成评价结果档次"));
    assertThat(column(work, 1)).doesNotContain("撤回申报（可选，区县审核前）");

    // every export linked
    List<String> links = browser.driver().findElements(By.cssSelector("#exports a")).stream()
        .map(a -> a.getAttribute("href").replace(baseUrl(), "")).toList();
    assertThat(links).contains("/exports/register.xlsx", "/dashboard/register.csv",
        "/exports/cycles/" + cycle.cycleId() + "/scores.xlsx");

    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.driver().manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertThat(errors).as("浏览器控制台").isEmpty();

    browser.shot("工作看板");
    wholePage(Path.of("target", "screenshots", "dashboard.png"));
  }

  @Test
  @Order(2)
  void aDistrictIsRefusedInChinese() {
    tasklist.login("keqiao1");
    browser.open(baseUrl() + "/dashboard");
    browser.waitFor("拒绝页面", d -> browser.bodyText().contains("无权查看"));
    assertThat(browser.bodyText()).contains("仅市科技局、党组和系统管理员可查看工作看板");
    assertThat(browser.driver().findElements(By.id("chart-progress"))).isEmpty();
    browser.shot("区县无权查看");
  }

  /** The body rows of a table view, cell texts (header cell first). */
  @SuppressWarnings("unchecked")
  private List<List<String>> rows(String tableId) {
    return (List<List<String>>) browser.js("return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'))"
        + ".map(function (tr) { return Array.from(tr.cells).map(function (c) { return c.textContent.trim(); }); });", tableId);
  }

  private static List<String> column(List<List<String>> rows, int i) {
    return rows.stream().map(r -> r.get(i)).toList();
  }

  /** Each series' data of a drawn chart, as text (the value of an object item). */
  @SuppressWarnings("unchecked")
  private List<List<String>> series(String chartId) {
    return (List<List<String>>) browser.js("var o = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();"
        + " return o.series.map(function (s) { return s.data.map(function (d) {"
        + " return String(d !== null && typeof d === 'object' ? d.value : d); }); });", chartId);
  }

  @SuppressWarnings("unchecked")
  private List<String> axis(String chartId, String axis) {
    return (List<String>) browser.js("return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption()"
        + "[arguments[1]][0].data.map(String);", chartId, axis);
  }

  /** The whole page in one picture: the window grown to the page's height for the shot. */
  private void wholePage(Path target) throws IOException {
    var window = browser.driver().manage().window();
    Dimension before = window.getSize();
    long height = (Long) browser.js("return document.documentElement.scrollHeight;");
    window.setSize(new Dimension(before.getWidth(), (int) Math.min(height + 200, 6000)));
    browser.js("Array.from(document.querySelectorAll('.chart')).forEach(function (el) {"
        + " echarts.getInstanceByDom(el).resize(); }); window.scrollTo(0, 0);");
    Path shot = browser.shot("工作看板（整页）");
    window.setSize(before);
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private void designate(String org, int n, String chain, String group, int year) {
    register.designate(new Designation(org, DesignationTestSupport.code(2_127_000 + n), chain, group, year,
        "绍市科发〔" + year + "〕2号", LocalDate.of(year, 11, 20), null));
  }
}
