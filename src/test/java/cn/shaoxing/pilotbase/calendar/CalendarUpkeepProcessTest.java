package cn.shaoxing.pilotbase.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 补录工作日历 (calendar-upkeep) on PostgreSQL with the real engine: the warning raises one upkeep per
 * missing year, the bureau completes it through Tasklist's REST call (submit-form) or starts one for
 * any year, bad data is refused in Chinese with nothing stored, districts may not touch it.
 * Test years 2091–2094 and 2099.
 */
class CalendarUpkeepProcessTest extends IntegrationTest {

  private static final List<Integer> YEARS = List.of(2091, 2092, 2093, 2094, 2099);

  @Autowired WorkingDays workingDays;
  @Autowired MissingCalendarWarning warning;
  @Autowired CalendarUpkeep upkeep;
  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void cleanUp() {
    for (int year : YEARS) {
      for (ProcessInstance pi : upkeep.openUpkeeps(year)) {
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "测试清理", true, true);
      }
      jdbc.update("DELETE FROM cal_special_day WHERE day_date BETWEEN ? AND ?",
          java.sql.Date.valueOf(LocalDate.of(year, 1, 1)), java.sql.Date.valueOf(LocalDate.of(year, 12, 31)));
      jdbc.update("DELETE FROM cal_year WHERE cal_year = ?", year);
    }
    workingDays.reload();
  }

  String variables(Map<String, Object> values) throws Exception {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return json.writeValueAsString(Map.of("variables", vars));
  }

  Map<String, Object> good(int year) {
    return Map.of(
        "calendarSource", "国办发明电〔" + (year - 1) + "〕7号",
        "calendarHolidays", year + "-01-01至" + year + "-01-03 元旦\n\n" + year + "-02-01 测试假日",
        "calendarWorkdays", "");
  }

  int storedYears(int year) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cal_year WHERE cal_year = ?", Integer.class, year);
  }

  List<String> passed(String processInstanceId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .finished().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  @Test
  void aMissingYearRaisesOneUpkeepWhichTheBureauCompletesInTasklist() throws Exception {
    RestClient rest = new RestClient(baseUrl());
    // 2091 has no data: Thu 4 Jan + 2 = Mon 8 Jan (weekends only), and the year is noted as missing.
    assertThat(workingDays.addDays(LocalDate.of(2091, 1, 4), 2)).isEqualTo(LocalDate.of(2091, 1, 8));
    assertThat(workingDays.missingYears()).contains(2091);

    warning.raiseWarnings();
    workingDays.isWorkingDay(LocalDate.of(2091, 3, 1)); // noted again before it is entered
    warning.raiseWarnings(); // idempotent: still one open upkeep for the year

    List<ProcessInstance> open = upkeep.openUpkeeps(2091);
    assertThat(open).hasSize(1);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(open.get(0).getId()).singleResult();
    assertThat(task.getName()).isEqualTo("补录工作日历：2091年节假日安排");
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_EnterCalendar");
    assertThat(task.getDescription()).contains("2091年").contains("仅周末休息");
    assertThat(task.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().taskName("补录工作日历：2091年节假日安排").count()).isOne();
    assertThat(rest.get("/engine-rest/task?nameLike=%25" + "2091" + "%25", "bureau1").body())
        .contains("补录工作日历：2091年节假日安排");
    assertThat(rest.get("/engine-rest/task?nameLike=%25" + "2091" + "%25", "keqiao1").body()).isEqualTo("[]");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notif_outbox WHERE recipient = 'bureau'"
        + " AND subject LIKE '%补录工作日历：2091年%'", Integer.class)).isOne();

    // A district user can neither claim nor complete it.
    assertThat(rest.postJson("/engine-rest/task/" + task.getId() + "/claim", "keqiao1", "{\"userId\":\"keqiao1\"}")
        .statusCode()).isEqualTo(403);
    assertThat(rest.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "keqiao1", variables(good(2091)))
        .statusCode()).isEqualTo(403);

    // Bad data: refused with the Chinese reasons, nothing stored, the task stays.
    var bad = rest.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "bureau1", variables(Map.of(
        "calendarSource", "国办发明电〔2090〕7号",
        "calendarHolidays", "2091-02-30 春节\n2092-01-01 元旦\n2091-01-01 元旦\n2091-01-01 元旦\n元旦 2091-01-02",
        "calendarWorkdays", "2091-01-01 元旦调休上班\n2091-01-09 调休")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("日期“2091-02-30”不存在")
        .contains("不属于2091年")
        .contains("日期 2091-01-01 重复出现")
        .contains("不能既是节假日又是调休上班日")
        .contains("不是周末")
        .contains("格式不正确");
    var noSource = rest.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "bureau1",
        variables(Map.of("calendarSource", " ", "calendarHolidays", "2091-01-01 元旦", "calendarWorkdays", "")));
    assertThat(noSource.statusCode()).isEqualTo(400);
    assertThat(noSource.body()).contains("通知文号");
    assertThat(storedYears(2091)).isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();

    // Good data: stored, the working days use it at once, the warning for 2091 is gone.
    Map<String, Object> data = new LinkedHashMap<>(good(2091));
    data.put("calendarWorkdays", "2091-01-06 元旦调休上班");
    var ok = rest.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "bureau1", variables(data));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);

    assertThat(storedYears(2091)).isOne();
    assertThat(jdbc.queryForObject("SELECT updated_by FROM cal_year WHERE cal_year = 2091", String.class))
        .isEqualTo("bureau1");
    assertThat(workingDays.isWorkingDay(LocalDate.of(2091, 1, 2))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2091, 1, 6))).isTrue();
    // Thu 4 Jan + 2 = Sat 6 Jan, a make-up working day.
    assertThat(workingDays.addDays(LocalDate.of(2091, 1, 4), 2)).isEqualTo(LocalDate.of(2091, 1, 6));
    assertThat(workingDays.missingYears()).doesNotContain(2091);
    assertThat(upkeep.openUpkeeps(2091)).isEmpty();
    assertThat(passed(open.get(0).getId()))
        .contains("StartEvent_CalendarMissing", "Task_EnterCalendar", "Gateway_Entered", "Task_StoreCalendar",
            "EndEvent_Stored");
    assertThat(rest.get("/api/calendar/2091", "keqiao1").body()).contains("元旦调休上班").contains("国办发明电〔2090〕7号");
    warning.raiseWarnings();
    assertThat(upkeep.openUpkeeps(2091)).isEmpty();
  }

  @Test
  void theBureauEntersAnyYearWithTheStartFormAndThatYearsOpenUpkeepIsDoneWith() throws Exception {
    RestClient rest = new RestClient(baseUrl());
    upkeep.raise(2092);
    assertThat(upkeep.openUpkeeps(2092)).hasSize(1);
    String openId = upkeep.openUpkeeps(2092).get(0).getId();
    String start = "/engine-rest/process-definition/key/calendar-upkeep/submit-form";
    Map<String, Object> data = new LinkedHashMap<>(good(2092));
    data.put("calendarYear", 2092);
    data.put("calendarWorkdays", "2092-01-05 元旦调休上班");

    // Districts may not start it; bad data starts nothing.
    assertThat(rest.postJson(start, "keqiao1", variables(data)).statusCode()).isEqualTo(403);
    Map<String, Object> wrong = new LinkedHashMap<>(data);
    wrong.put("calendarWorkdays", "2092-01-07 调休");
    var bad = rest.postJson(start, "bureau1", variables(wrong));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("调休上班日 2092-01-07 不是周末");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("calendar-upkeep")
        .processInstanceBusinessKey("2092").count()).isOne(); // only the warning's
    assertThat(storedYears(2092)).isZero();

    var ok = rest.postJson(start, "bureau1", variables(data));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    String id = json.readTree(ok.body()).path("id").asText();

    assertThat(storedYears(2092)).isOne();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2092, 1, 3))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2092, 1, 5))).isTrue();
    assertThat(passed(id)).contains("StartEvent_Bureau", "Gateway_Entered", "Task_StoreCalendar", "EndEvent_Stored")
        .doesNotContain("Task_EnterCalendar");
    // The warning's upkeep of 2092 is done with (its task would only enter the same data again).
    assertThat(upkeep.openUpkeeps(2092)).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(openId)
        .singleResult().getDeleteReason()).contains("2092年工作日历已由bureau1录入");
  }

  @Test
  void enteringAYearThroughTheApiEndsItsOpenUpkeep() {
    upkeep.raise(2093);
    assertThat(upkeep.raise(2093)).isFalse();
    assertThat(upkeep.openUpkeeps(2093)).hasSize(1);
    var ok = new RestClient(baseUrl()).putJson("/api/calendar/2093", "bureau1", """
        {"year": 2093, "source": "国办发明电〔2092〕1号",
         "holidays": [{"date": "2093-01-01", "label": "元旦"}], "workdays": []}""");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(upkeep.openUpkeeps(2093)).isEmpty();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2093, 1, 1))).isFalse();
  }

  @Test
  void aYearEnteredOnAnotherNodeRaisesNoUpkeepHere() {
    // Another node stored 2094 (this node's cache does not have it yet).
    jdbc.update("INSERT INTO cal_year (cal_year, source, updated_by) VALUES (2094, '国办发明电〔2093〕2号', 'bureau2')");
    jdbc.update("INSERT INTO cal_special_day (day_date, kind, label) VALUES (DATE '2094-01-01', 'HOLIDAY', '元旦')");
    assertThat(upkeep.raise(2094)).isFalse();
    assertThat(upkeep.openUpkeeps(2094)).isEmpty();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2094, 1, 1))).isFalse(); // read again while looking
  }

  @Test
  void twoNodesWarningAtTheSameMomentStartOneUpkeep() throws Exception {
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Boolean>> raised = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        raised.add(nodes.submit(() -> {
          together.await(10, java.util.concurrent.TimeUnit.SECONDS);
          return upkeep.raise(2099);
        }));
      }
      List<Boolean> results = new java.util.ArrayList<>();
      for (var f : raised) {
        results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(results).containsExactlyInAnyOrder(true, false);
      assertThat(upkeep.openUpkeeps(2099)).hasSize(1);
    } finally {
      nodes.shutdownNow();
    }
  }
}
