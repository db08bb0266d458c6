package cn.shaoxing.pilotbase.reports;

import static cn.shaoxing.pilotbase.reports.ReportRows.dayOf;
import static cn.shaoxing.pilotbase.reports.ReportRows.integer;

import cn.shaoxing.pilotbase.designation.ApplicationStatus;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A designation round's applications as .xlsx, one row each: district rank and conclusion, formal
 * review, the experts' scores with their names (the downloading roles may see who scored, ADR 0030)
 * and the aggregate, on-site check, outcome and reason. Read in one ordered pass: an application's
 * expert reviews follow it, so a row is written as soon as the next application begins.
 */
@Service
public class ApplicationsExport {

  static final Sheets.Column[] COLUMNS = {
    new Sheets.Column("依托单位", 34), new Sheets.Column("统一社会信用代码", 22),
    new Sheets.Column("产业链", 12), new Sheets.Column("推荐单位", 26), new Sheets.Column("提交日期", 12),
    new Sheets.Column("区县推荐排序", 14), new Sheets.Column("区县审核结论", 16),
    new Sheets.Column("形式审查结果", 14), new Sheets.Column("评审专家评分", 36),
    new Sheets.Column("专家评审汇总分", 16), new Sheets.Column("现场核查", 36), new Sheets.Column("结果", 18),
    new Sheets.Column("理由", 50)};

  private final ReportRows rows;

  public ApplicationsExport(ReportRows rows) {
    this.rows = rows;
  }

  /** Writes the applications of the round of {@code year}; returns the number of rows. */
  @Transactional(readOnly = true)
  public int write(int year, OutputStream out) throws IOException {
    try (Sheets book = new Sheets()) {
      Sheets.Table table = book.table(year + "年度申报", COLUMNS);
      Pending pending = new Pending(table);
      rows.each("SELECT a.id, a.org_name, a.credit_code, a.industry_chain, a.reviewer_group, a.submitted_at,"
          + " a.district_rank, a.status, a.final_score, a.onsite_findings, a.outcome_reason,"
          + " r.expert_user_id, e.name AS expert_name, r.total AS expert_total"
          + " FROM dsg_application a LEFT JOIN dsg_expert_review r ON r.application_id = a.id"
          + " LEFT JOIN exp_expert e ON e.user_id = r.expert_user_id WHERE a.round_year = ?"
          + " ORDER BY a.reviewer_group, a.district_rank NULLS LAST, a.org_name, a.id, r.submitted_at,"
          + " r.expert_user_id", pending::add, year);
      pending.flush();
      book.write(out);
      return table.rows();
    }
  }

  /** One application as read from its first row. */
  private record Application(String id, String orgName, String creditCode, String chain, String reviewer,
      LocalDate submitted, Integer rank, ApplicationStatus status, BigDecimal finalScore, String onsite,
      String reason) {

    static Application of(ResultSet rs) throws SQLException {
      return new Application(rs.getString("id"), rs.getString("org_name"), rs.getString("credit_code"),
          IndustryChain.label(rs.getString("industry_chain")), ReportRows.reviewer(rs.getString("reviewer_group")),
          dayOf(rs, "submitted_at"), integer(rs, "district_rank"),
          ApplicationStatus.valueOf(rs.getString("status")), rs.getBigDecimal("final_score"),
          rs.getString("onsite_findings"), rs.getString("outcome_reason"));
    }
  }

  /** The application being read, with the expert reviews seen so far. */
  private static final class Pending {
    private final Sheets.Table table;
    private Application current;
    private final List<String> experts = new ArrayList<>();

    Pending(Sheets.Table table) {
      this.table = table;
    }

    void add(ResultSet rs) throws SQLException {
      if (current == null || !current.id().equals(rs.getString("id"))) {
        flush();
        current = Application.of(rs);
      }
      String expert = rs.getString("expert_user_id");
      if (expert != null) {
        String name = rs.getString("expert_name");
        BigDecimal total = rs.getBigDecimal("expert_total");
        experts.add((name == null ? expert : name) + " "
            + (total == null ? "（未计分）" : total.setScale(2, RoundingMode.HALF_UP).toPlainString()));
      }
    }

    void flush() {
      if (current == null) {
        return;
      }
      Application a = current;
      table.line().text(a.orgName()).text(a.creditCode()).text(a.chain()).text(a.reviewer())
          .date(a.submitted()).whole(a.rank()).text(ApplicationStages.district(a.status(), a.rank()))
          .text(ApplicationStages.formalReview(a.status())).text(String.join("；", experts))
          .score(a.finalScore()).text(a.onsite()).text(a.status().chineseName()).text(a.reason());
      current = null;
      experts.clear();
    }
  }
}
