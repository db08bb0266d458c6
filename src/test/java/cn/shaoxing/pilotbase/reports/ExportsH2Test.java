package cn.shaoxing.pilotbase.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.evaluation.Cycle;
import cn.shaoxing.pilotbase.evaluation.CycleStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.Designation;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.JdbcScoringRepository;
import cn.shaoxing.pilotbase.scoring.ScoringConfigService;
import cn.shaoxing.pilotbase.support.MigratedH2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exports' queries on H2, the embedded default's database (the Spring tests run on
 * PostgreSQL): one base with its history, one application with an expert review, one cycle.
 */
class ExportsH2Test {

  @Test
  void theExportsReadTheEmbeddedDefaultsDatabase() throws Exception {
    DataSource ds = MigratedH2.create("exports", "");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    ReportRows rows = new ReportRows(ds);
    RegisterService register = new RegisterService(jdbc);
    DesignatedBase base = register.designate(new Designation("=1+1", "913306020000000001", "biomedicine",
        "districtKeqiao", 2110, "绍市科发〔2110〕1号", LocalDate.of(2110, 5, 1), null));
    register.revoke(base.id(), "不再提供中试服务", "绍市科发〔2110〕9号", LocalDate.of(2110, 9, 1));

    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO dsg_round (round_year, application_deadline, status, panel_size, opened_at)"
        + " VALUES (2110, DATE '2110-03-31', 'REVIEW', 3, ?)", now);
    for (String id : new String[] {"a1", "a2"}) {
      jdbc.update("INSERT INTO dsg_application (id, round_year, applicant_user_id, org_name, credit_code,"
          + " reviewer_group, industry_chain, status, district_rank, filing, submitted_at, updated_at)"
          + " VALUES (?, 2110, 'u', ?, '913306020000000002', 'districtKeqiao', 'biomedicine', 'EXPERT_REVIEW', ?,"
          + " '{}', ?, ?)", id, "单位" + id, id.equals("a1") ? 1 : null, now, now);
    }
    jdbc.update("INSERT INTO exp_expert (user_id, name, organisation, specialities, active)"
        + " VALUES ('e1', '王专家', '某大学', 'biomedicine', TRUE)");
    jdbc.update("INSERT INTO dsg_expert_review (id, application_id, expert_user_id, indicator_scores, bonus, total,"
        + " conditions_met, recommend, opinion, onsite_requested, submitted_at)"
        + " VALUES ('r1', 'a1', 'e1', '{}', 0, 80.5, TRUE, TRUE, '同意', FALSE, ?)", now);
    jdbc.update("INSERT INTO eva_cycle (id, cycle_name, cycle_year, status, scoring_mode, opened_at)"
        + " VALUES ('c1', '2112年度绩效评价', 2112, 'GRADING', 'experts', ?)", now);
    jdbc.update("INSERT INTO eva_participation (id, cycle_id, base_id, status, total_score, score_rank, grade, working)"
        + " VALUES ('p1', 'c1', ?, 'SCORED', 77.25, 1, 'GOOD', '总分：77.25分')", base.id());

    try (XSSFWorkbook book = open(out -> new RegisterExport(rows).write(out))) {
      assertThat(book.getSheet("名录").getLastRowNum()).isEqualTo(1);
      assertThat(book.getSheet("名录").getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=1+1");
      assertThat(book.getSheet("历史").getLastRowNum()).isEqualTo(2);
    }
    try (XSSFWorkbook book = open(out -> new ApplicationsExport(rows).write(2110, out))) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
      assertThat(book.getSheetAt(0).getRow(1).getCell(8).getStringCellValue()).isEqualTo("王专家 80.50");
      assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).as("no rank: last").isEqualTo("单位a2");
    }
    Cycle cycle = new Cycle("c1", "2112年度绩效评价", 2112, CycleStatus.GRADING, "experts", null, null, null, null, null);
    ScoringConfigService scoring = new ScoringConfigService(new JdbcScoringRepository(jdbc));
    try (XSSFWorkbook book = open(out -> new CycleScoresExport(rows, scoring).write(cycle, out))) {
      assertThat(book.getSheet("评价得分").getLastRowNum()).isEqualTo(1);
      assertThat(book.getSheet("计算过程").getRow(1).getCell(5).getStringCellValue()).isEqualTo("总分：77.25分");
      assertThat(book.getSheet("评价档次").getRow(1).getCell(3).getStringCellValue()).isEqualTo("良好");
    }
  }

  static XSSFWorkbook open(Exports.Writer writer) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }
}
