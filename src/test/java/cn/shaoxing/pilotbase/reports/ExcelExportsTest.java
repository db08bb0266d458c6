package cn.shaoxing.pilotbase.reports;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.expertScores;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.formalPass;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.recommend;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.designation.Application;
import cn.shaoxing.pilotbase.designation.ApplicationService;
import cn.shaoxing.pilotbase.designation.ApplicationStatus;
import cn.shaoxing.pilotbase.evaluation.EvaluationService;
import cn.shaoxing.pilotbase.evaluation.Participation;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import cn.shaoxing.pilotbase.support.WebappLogin;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Excel exports (issue 12 item 2) downloaded over HTTP as each role and opened with POI, on
 * data made by real rounds and cycles. Years 2110–2119: round 2110 (a few applications through
 * expert review), round 2111 (300 applications), cycle 2113, cycles 2114 (two in one year).
 */
class ExcelExportsTest extends IntegrationTest {

  static final String FORMULA = "=1+1";

  @Autowired ApplicationService applications;
  @Autowired ApplicantAccountService accounts;
  @Autowired EvidenceService evidence;
  @Autowired ExpertPoolService experts;
  @Autowired RegisterService register;
  @Autowired EvaluationService evaluations;
  @Autowired BaseAccounts baseAccounts;
  @Autowired JdbcTemplate jdbc;

  TaskService tasks;
  RestClient rest;
  final DataFormatter formatter = new DataFormatter();

  @BeforeEach
  void setUp() {
    tasks = engine.getTaskService();
    rest = new RestClient(baseUrl());
    DesignationTestSupport.seedExperts(experts);
  }

  // ------------------------------------------------------------------ a round's applications

  @Test
  void aRoundsApplicationsShowRanksReviewsExpertScoresAndOutcomes() throws Exception {
    int year = 2110;
    ProcessInstance round = openRound(year);
    ProcessInstance formula = file(year, 1, FORMULA, "districtYuecheng", true);
    ProcessInstance strong = file(year, 2, "越城生物中试有限公司", "districtYuecheng", true);
    ProcessInstance failing = file(year, 3, "柯桥材料中试中心", "districtKeqiao", true);
    ProcessInstance rejected = file(year, 4, "上虞化工中试有限公司", "districtShangyu", false);
    complete(rejected, "Task_DistrictReview", Map.of("districtDecision", "reject", "districtComments", "中试服务业绩不足"));
    closeApplications(round, year);
    for (ProcessInstance p : List.of(formula, strong)) {
      ProcessInstance ev = evaluationOf(p);
      complete(ev, "Task_FormalReview", formalPass());
      for (Task t : tasks.createTaskQuery().processInstanceId(ev.getId()).taskDefinitionKey("Task_ExpertReview").list()) {
        complete(ev, t, expertScores(p == formula ? 0.6 : 0.9, false));
      }
    }
    complete(evaluationOf(failing), "Task_FormalReview", Map.of("formalDecision", "fail", "formalComments", "缺少审计报告"));
    assertThat(tasks.createTaskQuery().processInstanceId(round.getId()).taskDefinitionKey("Task_CompileProposedList")
        .count()).as("the round scored its cohort").isEqualTo(1);

    byte[] file = download(WebappLogin.as(baseUrl(), "bureau1"), "/exports/rounds/" + year + "/applications.xlsx");
    try (XSSFWorkbook book = open(file)) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(headers(sheet)).containsExactly("依托单位", "统一社会信用代码", "产业链", "推荐单位", "提交日期",
          "区县推荐排序", "区县审核结论", "形式审查结果", "评审专家评分", "专家评审汇总分", "现场核查", "结果", "理由");
      assertFrozenBoldHeader(book, sheet);
      assertThat(sheet.getLastRowNum()).isEqualTo(applications.ofRound(year).size()).isEqualTo(4);

      Row f = row(sheet, 0, "'" + FORMULA);
      assertThat(f.getCell(0).getCellType()).isEqualTo(CellType.STRING);
      Application fa = applications.get(appId(formula));
      assertThat(f.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(f.getCell(5).getNumericCellValue()).isEqualTo(fa.districtRank().doubleValue());
      assertThat(text(f, 6)).isEqualTo("推荐（第" + fa.districtRank() + "名）");
      assertThat(text(f, 7)).isEqualTo("通过");
      assertThat(f.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(f.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.00");
      assertThat(BigDecimal.valueOf(f.getCell(9).getNumericCellValue())).isEqualByComparingTo(fa.finalScore());
      assertThat(text(f, 11)).isEqualTo(ApplicationStatus.EVALUATED.chineseName());
      assertThat(DateUtil.isCellDateFormatted(f.getCell(4))).isTrue();
      assertThat(f.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(year, 3, 3));
      // the bureau may see who scored (ADR 0030): the pool's names, one per submitted review
      List<String> panel = jdbc.queryForList("SELECT e.name FROM dsg_expert_review r JOIN exp_expert e"
          + " ON e.user_id = r.expert_user_id WHERE r.application_id = ?", String.class, fa.id());
      assertThat(panel).hasSize(3);
      assertThat(text(f, 8).split("；")).hasSize(3);
      assertThat(text(f, 8)).contains(panel).doesNotContain("expert");

      Row s = row(sheet, 0, "越城生物中试有限公司");
      assertThat(s.getCell(9).getNumericCellValue()).isGreaterThan(f.getCell(9).getNumericCellValue());
      Row fail = row(sheet, 0, "柯桥材料中试中心");
      assertThat(text(fail, 7)).isEqualTo("不通过");
      assertThat(text(fail, 11)).isEqualTo("形式审查未通过");
      assertThat(text(fail, 12)).contains("缺少审计报告");
      assertThat(fail.getCell(9).getCellType()).isEqualTo(CellType.BLANK);
      Row rej = row(sheet, 0, "上虞化工中试有限公司");
      assertThat(text(rej, 6)).isEqualTo("不予推荐");
      assertThat(text(rej, 7)).isEmpty();
      assertThat(text(rej, 12)).contains("中试服务业绩不足");
      assertThat(rej.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
    }

    // the same file for programs, as the party committee and as an administrator
    HttpResponse<byte[]> api = rest.getBytes("/api/exports/rounds/" + year + "/applications.xlsx", "party1");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
    assertThat(api.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment").contains("filename*=UTF-8''"));
    try (XSSFWorkbook book = open(api.body())) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(4);
    }
    assertThat(rest.getBytes("/api/exports/rounds/" + year + "/applications.xlsx", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void aRoundOf300ApplicationsIsExportedRowByRow() throws Exception {
    int year = 2111;
    int count = 300;
    ProcessInstance round = openRound(year);
    String[] districts = DesignationTestSupport.DISTRICTS;
    for (int n = 1; n <= count; n++) {
      file(year, n, "规模导出中试单位" + n + "有限公司", districts[n % districts.length], true);
    }
    fireTimer(round, at(year + "-04-01T09:00"));
    DesignationTestSupport.rankAll(engine, round.getId());
    AsyncSteps.settle(engine);

    long start = System.nanoTime();
    HttpResponse<byte[]> r = rest.getBytes("/api/exports/rounds/" + year + "/applications.xlsx", "bureau2");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = open(r.body())) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(count);
      List<String> orgs = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        orgs.add(text(sheet.getRow(i), 0));
        assertThat(sheet.getRow(i).getCell(5).getCellType()).as("rank of row %d", i).isEqualTo(CellType.NUMERIC);
      }
      assertThat(orgs).doesNotHaveDuplicates().allMatch(o -> o.startsWith("规模导出中试单位"));
    }
    System.out.printf("ExcelExportsTest: %d applications exported in %d ms (%d bytes)%n", count, millis,
        r.body().length);
  }

  // ------------------------------------------------------------------ the register

  @Test
  void theRegisterListsEveryBaseAndItsHistoryWithDates() throws Exception {
    LocalDate designated = LocalDate.of(2112, 5, 20);
    DesignatedBase formula = EvaluationFixtures.base(register, baseAccounts, FORMULA, EvaluationFixtures.code(2_112_001),
        "districtZhuji", designated, "xlsxbase1");
    DesignatedBase revoked = EvaluationFixtures.base(register, baseAccounts, "诸暨撤销测试中试有限公司",
        EvaluationFixtures.code(2_112_002), "districtZhuji", designated, "xlsxbase2");
    register.revoke(revoked.id(), "发生重大安全事故", "绍市科发〔2112〕9号", LocalDate.of(2112, 9, 1));

    byte[] file = download(WebappLogin.as(baseUrl(), "party1"), "/exports/register.xlsx");
    try (XSSFWorkbook book = open(file)) {
      Sheet bases = book.getSheet("名录");
      assertThat(headers(bases)).containsExactly("基地名称", "依托单位", "统一社会信用代码", "产业链", "推荐单位",
          "评定年度", "文号", "发文日期", "状态", "撤销日期", "撤销原因");
      assertFrozenBoldHeader(book, bases);
      assertThat(bases.getLastRowNum()).isEqualTo(count("SELECT COUNT(*) FROM reg_base"));
      Row f = row(bases, 2, formula.creditCode());
      assertThat(f.getCell(1).getCellType()).isEqualTo(CellType.STRING);
      assertThat(f.getCell(1).getStringCellValue()).isEqualTo("'" + FORMULA);
      assertThat(text(f, 0)).isEqualTo(RegisterService.UNIFIED_NAME);
      assertThat(text(f, 4)).isEqualTo("诸暨市科技局");
      assertThat(f.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(f.getCell(5).getNumericCellValue()).isEqualTo(2112);
      assertThat(DateUtil.isCellDateFormatted(f.getCell(7))).isTrue();
      assertThat(f.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(designated);
      Row r = row(bases, 2, revoked.creditCode());
      assertThat(text(r, 8)).isEqualTo("已撤销");
      assertThat(r.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2112, 9, 1));
      assertThat(text(r, 10)).isEqualTo("发生重大安全事故");

      Sheet history = book.getSheet("历史");
      assertThat(headers(history)).containsExactly("依托单位", "统一社会信用代码", "事项", "日期", "文号", "说明");
      assertFrozenBoldHeader(book, history);
      assertThat(history.getLastRowNum()).isEqualTo(count("SELECT COUNT(*) FROM reg_base_event"));
      List<String> events = new ArrayList<>();
      for (Row h : history) {
        if (h.getRowNum() > 0 && revoked.creditCode().equals(text(h, 1))) {
          events.add(text(h, 2) + " " + h.getCell(3).getLocalDateTimeCellValue().toLocalDate() + " " + text(h, 4));
        }
      }
      assertThat(events).containsExactly("评定 2112-05-20 绍市科发〔2112〕1号", "撤销 2112-09-01 绍市科发〔2112〕9号");
    }
  }

  // ------------------------------------------------------------------ a cycle's scores

  @Test
  void aCyclesScoresShowEachIndicatorItsWorkingWithExpertNamesAndTheGrades() throws Exception {
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2113-03-02T09:00"));
    List<DesignatedBase> bases = new ArrayList<>();
    String[] names = {FORMULA, "越城评价导出中试有限公司", "柯桥评价导出中试中心"};
    for (int i = 0; i < names.length; i++) {
      bases.add(EvaluationFixtures.base(register, baseAccounts, names[i], EvaluationFixtures.code(2_113_001 + i),
          "districtYuecheng", LocalDate.of(2111, 3, 1), "xlsxcycle" + i));
    }
    ProcessInstance cycle = as("bureau1", "bureau", () -> engine.getRuntimeService().startProcessInstanceByKey(
        "evaluation-cycle", Map.of("cycleName", "2113年度绩效评价", "cycleYear", 2113L, "scoringMode", "experts",
            "panelSize", 3L, "selfEvaluationDays", 20L)));
    AsyncSteps.settle(engine);
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    for (int i = 0; i < bases.size(); i++) {
      ProcessInstance pi = EvaluationFixtures.baseInstance(engine, cycleId, bases.get(i).id());
      complete(pi, "Task_SelfEvaluation", EvaluationFixtures.selfEvaluation(i + 1));
      complete(pi, "Task_DistrictAudit", EvaluationFixtures.confirm());
      for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ExpertScoring").list()) {
        engine.getFormService().submitTaskForm(t.getId(), EvaluationFixtures.sheet(5.0 - i, false));
        AsyncSteps.settle(engine);
      }
    }
    assertThat(tasks.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey("Task_ReviewGrades").count())
        .as("graded").isEqualTo(1);

    byte[] file = download(WebappLogin.as(baseUrl(), "bureau2"), "/exports/cycles/2113/scores.xlsx");
    try (XSSFWorkbook book = open(file)) {
      Sheet scores = book.getSheet("评价得分");
      List<String> headers = headers(scores);
      assertThat(headers).hasSize(4 + 11 + 6).startsWith("依托单位", "统一社会信用代码", "推荐单位", "参评状态")
          .contains("中试服务收入（20分）", "社会经济效益（10分）").endsWith("基础得分", "加分", "总分", "排名", "评价档次", "说明");
      assertFrozenBoldHeader(book, scores);
      assertThat(scores.getLastRowNum()).isEqualTo(3);
      for (DesignatedBase b : bases) {
        Participation p = evaluations.participation(cycleId, b.id());
        Row row = row(scores, 1, b.creditCode());
        double sum = 0;
        for (int c = 4; c < 4 + 10; c++) {
          assertThat(row.getCell(c).getCellType()).as(headers.get(c)).isEqualTo(CellType.NUMERIC);
          assertThat(row.getCell(c).getCellStyle().getDataFormatString()).isEqualTo("0.00");
          sum += row.getCell(c).getNumericCellValue();
        }
        assertThat(sum).as("the 100-point indicators add up to 基础得分").isCloseTo(row.getCell(15).getNumericCellValue(),
            org.assertj.core.data.Offset.offset(0.011));
        assertThat(BigDecimal.valueOf(row.getCell(17).getNumericCellValue())).isEqualByComparingTo(p.total());
        assertThat(row.getCell(18).getNumericCellValue()).isEqualTo(p.rank().doubleValue());
        assertThat(text(row, 19)).isEqualTo(cn.shaoxing.pilotbase.scoring.Grade.valueOf(p.grade()).chineseName());
      }
      assertThat(row(scores, 1, bases.get(0).creditCode()).getCell(0).getStringCellValue()).isEqualTo("'" + FORMULA);

      Sheet working = book.getSheet("计算过程");
      assertThat(headers(working)).containsExactly("依托单位", "指标", "满分", "填报数据", "单位", "计算过程", "得分");
      assertFrozenBoldHeader(book, working);
      assertThat(working.getLastRowNum()).isEqualTo(3 * 11);
      Row income = null;
      Row rules = null;
      for (Row r : working) {
        if (r.getRowNum() > 0 && text(r, 0).equals(names[1])) {
          income = text(r, 1).equals("中试服务收入") ? r : income;
          rules = text(r, 1).equals("相关管理服务制度情况") ? r : rules;
        }
      }
      assertThat(income).isNotNull();
      assertThat(income.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(text(income, 4)).isEqualTo("万元");
      assertThat(text(income, 5)).startsWith("规则：线性").contains("计算：", "汇总：");
      // the marks of a qualitative indicator carry the names of the pool's experts, not their accounts
      List<String> scorers = jdbc.queryForList("SELECT e.name FROM eva_sheet s JOIN exp_expert e ON e.user_id = s.scorer_id"
          + " WHERE s.cycle_id = ? AND s.base_id = ?", String.class, cycleId, bases.get(1).id());
      assertThat(scorers).hasSize(3);
      assertThat(text(rules, 5)).contains("专家评分：").contains(scorers).doesNotContain("expert");
      assertThat(rules.getCell(6).getNumericCellValue()).isEqualTo(4.0);

      Sheet grades = book.getSheet("评价档次");
      assertThat(headers(grades)).containsExactly("排名", "依托单位", "总分", "评价档次", "说明");
      assertThat(grades.getLastRowNum()).isEqualTo(3);
      assertThat(grades.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1);
      assertThat(text(grades.getRow(1), 1)).isEqualTo("'" + FORMULA);
    }

    // the cycle is also found by its id, for programs; a base scored before the scores were kept
    // per indicator (migration V115) shows its total and its whole working
    jdbc.update("UPDATE eva_participation SET score_json = NULL WHERE cycle_id = ? AND base_id = ?", cycleId,
        bases.get(2).id());
    HttpResponse<byte[]> byId = rest.getBytes("/api/exports/cycles/" + cycleId + "/scores.xlsx", "admin");
    assertThat(byId.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = open(byId.body())) {
      Row old = row(book.getSheet("评价得分"), 1, bases.get(2).creditCode());
      assertThat(old.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(BigDecimal.valueOf(old.getCell(17).getNumericCellValue()))
          .isEqualByComparingTo(evaluations.participation(cycleId, bases.get(2).id()).total());
      Sheet working = book.getSheet("计算过程");
      assertThat(working.getLastRowNum()).isEqualTo(2 * 11 + 1);
      Row whole = row(working, 1, "（全部指标）");
      assertThat(text(whole, 0)).isEqualTo(names[2]);
      assertThat(text(whole, 5)).isEqualTo(evaluations.participation(cycleId, bases.get(2).id()).working());
    }
  }

  @Test
  void aYearWithTwoCyclesAsksForTheCyclesId() throws Exception {
    EvaluationFixtures.isolateRegister(jdbc);
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2114-03-02T09:00"));
    List<String> ids = new ArrayList<>();
    for (String name : List.of("2114年度绩效评价", "2114年度绩效评价（补充）")) {
      ProcessInstance c = as("bureau1", "bureau", () -> engine.getRuntimeService().startProcessInstanceByKey(
          "evaluation-cycle", Map.of("cycleName", name, "cycleYear", 2114L, "scoringMode", "experts",
              "panelSize", 3L, "selfEvaluationDays", 20L)));
      AsyncSteps.settle(engine);
      ids.add(evaluations.findCycleByName(name).orElseThrow().id());
    }
    HttpResponse<String> ambiguous = rest.get("/api/exports/cycles/2114/scores.xlsx", "bureau1");
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(ambiguous.body()).contains("2114年度有2个评价周期").contains(ids);
    HttpResponse<byte[]> empty = rest.getBytes("/api/exports/cycles/" + ids.get(1) + "/scores.xlsx", "bureau1");
    assertThat(empty.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = open(empty.body())) {
      assertThat(book.getSheet("评价得分").getLastRowNum()).isZero();
      assertThat(headers(book.getSheet("评价档次"))).startsWith("排名");
    }
  }

  // ------------------------------------------------------------------ who may download

  @Test
  void onlyTheBureauThePartyCommitteeAndAdministratorsMayDownload() throws Exception {
    List<String> paths = List.of("/exports/register.xlsx", "/exports/rounds/2110/applications.xlsx",
        "/exports/cycles/2113/scores.xlsx");
    for (String user : List.of("keqiao1", "econ1", "applicant1", "expert1", "third1")) {
      HttpClient session = WebappLogin.as(baseUrl(), user);
      for (String path : paths) {
        HttpResponse<String> page = get(session, path);
        assertThat(page.statusCode()).as("%s %s", user, path).isEqualTo(403);
        assertThat(page.body()).contains("无权导出");
        assertThat(rest.get("/api" + path, user).statusCode()).as("%s /api%s", user, path).isEqualTo(403);
      }
    }
    HttpResponse<String> anonymous = get(HttpClient.newHttpClient(), "/exports/register.xlsx");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("#/login"));
    assertThat(rest.get("/api/exports/register.xlsx", null).statusCode()).isEqualTo(401);
    assertThat(rest.getBytes("/api/exports/register.xlsx", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownOrMalformedYearIsAnsweredInChinese() throws Exception {
    HttpClient bureau = WebappLogin.as(baseUrl(), "bureau1");
    HttpResponse<String> noRound = get(bureau, "/exports/rounds/2119/applications.xlsx");
    assertThat(noRound.statusCode()).isEqualTo(404);
    assertThat(noRound.body()).isEqualTo("未找到2119年度的评定批次");
    HttpResponse<String> malformed = get(bureau, "/exports/rounds/20x9/applications.xlsx");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("年度应为四位数字");
    HttpResponse<String> noCycle = rest.get("/api/exports/cycles/2118/scores.xlsx", "party1");
    assertThat(noCycle.statusCode()).isEqualTo(404);
    assertThat(noCycle.body()).contains("未找到2118年度的评价周期");
    assertThat(rest.get("/api/exports/cycles/no-such-cycle/scores.xlsx", "party1").statusCode()).isEqualTo(404);
    assertThat(rest.get("/api/exports/rounds/2119/applications.xlsx", "bureau1").body()).contains("未找到2119年度的评定批次");
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance openRound(int year) {
    ClockUtil.setCurrentTime(at(year + "-03-03T09:00"));
    return as("bureau1", "bureau", () -> engine.getRuntimeService().startProcessInstanceByKey("designation-round",
        Map.of("roundYear", (long) year, "applicationDeadline", year + "-03-31", "panelSize", 3L,
            "formalCorrectionDays", 5L, "roundNotice", year + "年度评选通知")));
  }

  /** Organisation {@code n} of the year files through its own account; its district may recommend it. */
  ProcessInstance file(int year, int n, String org, String district, boolean recommended) {
    String code = DesignationTestSupport.code((year % 1000) * 1000L + n);
    String account = DesignationTestSupport.account(accounts, "xlsx" + year % 1000 + "n" + n, code, org, district);
    EvidenceFixtures.applicationDrafts(evidence, account);
    Map<String, Object> filing = new HashMap<>(application(org, code, district, "biomedicine"));
    ProcessInstance p = as(account, "applicant",
        () -> engine.getRuntimeService().startProcessInstanceByKey("designation-application", filing));
    if (recommended) {
      complete(p, "Task_DistrictReview", recommend());
    }
    return p;
  }

  void closeApplications(ProcessInstance round, int year) {
    fireTimer(round, at(year + "-04-01T09:00"));
    DesignationTestSupport.rankAll(engine, round.getId());
    AsyncSteps.settle(engine);
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
  }

  void fireTimer(ProcessInstance pi, java.util.Date now) {
    ClockUtil.setCurrentTime(now);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    engine.getManagementService().executeJob(job.getId());
    AsyncSteps.settle(engine);
  }

  String appId(ProcessInstance application) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(application.getId()).variableName("applicationId").singleResult().getValue();
  }

  ProcessInstance evaluationOf(ProcessInstance application) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-evaluation")
        .variableValueEquals("applicationId", appId(application)).singleResult();
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    assertThat(t).as("task %s", key).isNotNull();
    complete(pi, t, vars);
  }

  void complete(ProcessInstance pi, Task t, Map<String, Object> vars) {
    EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    tasks.complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  <T> T as(String user, String group, Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  byte[] download(HttpClient session, String path) throws Exception {
    HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return r.body();
  }

  static XSSFWorkbook open(byte[] xlsx) throws Exception {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }

  static List<String> headers(Sheet sheet) {
    List<String> h = new ArrayList<>();
    sheet.getRow(0).forEach(c -> h.add(c.getStringCellValue()));
    return h;
  }

  static void assertFrozenBoldHeader(XSSFWorkbook book, Sheet sheet) {
    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
    for (Cell c : sheet.getRow(0)) {
      assertThat(book.getFontAt(c.getCellStyle().getFontIndex()).getBold()).isTrue();
      assertThat(sheet.getColumnWidth(c.getColumnIndex())).isGreaterThanOrEqualTo(8 * 256);
    }
  }

  /** The one data row whose column {@code column} reads {@code value}. */
  Row row(Sheet sheet, int column, String value) {
    List<Row> found = new ArrayList<>();
    for (Row r : sheet) {
      if (r.getRowNum() > 0 && value.equals(text(r, column))) {
        found.add(r);
      }
    }
    assertThat(found).as("rows with %s", value).hasSize(1);
    return found.get(0);
  }

  String text(Row r, int column) {
    Cell c = r.getCell(column);
    return c == null ? "" : formatter.formatCellValue(c);
  }

  int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
