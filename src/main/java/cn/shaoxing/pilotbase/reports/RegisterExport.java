package cn.shaoxing.pilotbase.reports;

import static cn.shaoxing.pilotbase.reports.ReportRows.date;
import static cn.shaoxing.pilotbase.reports.ReportRows.dayOf;
import static cn.shaoxing.pilotbase.reports.ReportRows.reviewer;

import cn.shaoxing.pilotbase.evaluation.EvaluationService;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 中试基地名录 as .xlsx: sheet 名录 (one row per designation, revoked ones included) and sheet 历史
 * (every event of the register: designation, evaluation grade, revocation, with its date).
 */
@Service
public class RegisterExport {

  static final Sheets.Column[] BASES = {
    new Sheets.Column("基地名称", 30), new Sheets.Column("依托单位", 34),
    new Sheets.Column("统一社会信用代码", 22), new Sheets.Column("产业链", 12),
    new Sheets.Column("推荐单位", 26), new Sheets.Column("评定年度", 10),
    new Sheets.Column("文号", 24), new Sheets.Column("发文日期", 12), new Sheets.Column("状态", 8),
    new Sheets.Column("撤销日期", 12), new Sheets.Column("撤销原因", 40)};

  static final Sheets.Column[] HISTORY = {
    new Sheets.Column("依托单位", 34), new Sheets.Column("统一社会信用代码", 22),
    new Sheets.Column("事项", 10), new Sheets.Column("日期", 12), new Sheets.Column("文号", 24),
    new Sheets.Column("说明", 60)};

  private final ReportRows rows;

  public RegisterExport(ReportRows rows) {
    this.rows = rows;
  }

  /** Writes the whole register; returns the number of designations written. */
  @Transactional(readOnly = true)
  public int write(OutputStream out) throws IOException {
    try (Sheets book = new Sheets()) {
      Sheets.Table bases = book.table("名录", BASES);
      rows.each("SELECT b.*, r.revoked_on FROM reg_base b LEFT JOIN (SELECT base_id, MAX(event_date)"
          + " AS revoked_on FROM reg_base_event WHERE event_type=? GROUP BY base_id) r ON r.base_id = b.id"
          + " ORDER BY b.designation_year, b.org_name, b.id", rs -> {
            boolean active = BaseStatus.ACTIVE.name().equals(rs.getString("status"));
            LocalDate revoked = date(rs, "revoked_on");
            bases.line().text(rs.getString("base_name")).text(rs.getString("org_name"))
                .text(rs.getString("credit_code")).text(IndustryChain.label(rs.getString("industry_chain")))
                .text(reviewer(rs.getString("reviewer_group"))).whole(rs.getInt("designation_year"))
                .text(rs.getString("document_number")).date(date(rs, "document_date"))
                .text(active ? "有效" : "已撤销")
                .date(active ? null : revoked != null ? revoked : dayOf(rs, "revoked_at"))
                .text(rs.getString("revocation_reason"));
          }, RegisterService.EVENT_REVOKED);
      Sheets.Table history = book.table("历史", HISTORY);
      rows.each("SELECT b.org_name, b.credit_code, e.event_type, e.event_date, e.document_number, e.note"
          + " FROM reg_base_event e JOIN reg_base b ON b.id = e.base_id"
          + " ORDER BY b.designation_year, b.org_name, b.id, e.event_date, e.recorded_at", rs ->
          history.line().text(rs.getString("org_name")).text(rs.getString("credit_code"))
              .text(event(rs.getString("event_type"))).date(date(rs, "event_date"))
              .text(rs.getString("document_number")).text(rs.getString("note")));
      book.write(out);
      return bases.rows();
    }
  }

  /** The register's event types in Chinese (绩效评价 is written by the evaluation cycle). */
  static String event(String type) {
    return switch (type) {
      case RegisterService.EVENT_DESIGNATED -> "评定";
      case RegisterService.EVENT_REVOKED -> "撤销";
      case EvaluationService.EVENT_EVALUATED -> "绩效评价";
      default -> type;
    };
  }
}
