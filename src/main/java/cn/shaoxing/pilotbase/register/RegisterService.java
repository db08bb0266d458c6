package cn.shaoxing.pilotbase.register;

import cn.shaoxing.pilotbase.platform.AppClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of designated bases (§四.（四）). Every designated base carries the unified name
 * {@link #UNIFIED_NAME}. Evaluation and revocation add history through {@link #recordEvent} and
 * {@link #revoke}.
 */
@Service
public class RegisterService {

  /** §四.（四）: 中试基地名称统一采用“绍兴市科技成果转化中试基地”. */
  public static final String UNIFIED_NAME = "绍兴市科技成果转化中试基地";

  public static final String EVENT_DESIGNATED = "DESIGNATED";
  public static final String EVENT_REVOKED = "REVOKED";

  private final JdbcTemplate jdbc;

  public RegisterService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Enters a base into the register. Refused when the organisation already holds an active
   * designation.
   */
  @Transactional
  public DesignatedBase designate(Designation d) {
    if (findActiveByCreditCode(d.creditCode()).isPresent()) {
      throw new IllegalStateException("该单位已是有效的市级中试基地：" + d.creditCode());
    }
    String id = UUID.randomUUID().toString();
    Instant now = AppClock.now().toInstant();
    jdbc.update(
        "INSERT INTO reg_base (id, base_name, org_name, credit_code, industry_chain, reviewer_group,"
            + " designation_year, document_number, document_date, status, source_application,"
            + " designated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        id,
        UNIFIED_NAME,
        d.orgName(),
        d.creditCode(),
        d.industryChain(),
        d.reviewerGroup(),
        d.designationYear(),
        d.documentNumber(),
        java.sql.Date.valueOf(d.documentDate()),
        BaseStatus.ACTIVE.name(),
        d.sourceApplication(),
        Timestamp.from(now));
    recordEvent(id, EVENT_DESIGNATED, d.documentDate(), d.documentNumber(),
        d.designationYear() + "年度评定");
    return findById(id).orElseThrow();
  }

  /** Cancels a designation (annex §三). */
  @Transactional
  public void revoke(String baseId, String reason, String documentNumber, LocalDate date) {
    int n =
        jdbc.update(
            "UPDATE reg_base SET status=?, revoked_at=?, revocation_reason=? WHERE id=? AND status=?",
            BaseStatus.REVOKED.name(),
            AppClock.timestamp(),
            reason,
            baseId,
            BaseStatus.ACTIVE.name());
    if (n != 1) {
      throw new IllegalStateException("基地不存在或已撤销：" + baseId);
    }
    recordEvent(baseId, EVENT_REVOKED, date, documentNumber, reason);
  }

  public void recordEvent(
      String baseId, String type, LocalDate date, String documentNumber, String note) {
    jdbc.update(
        "INSERT INTO reg_base_event (id, base_id, event_type, event_date, document_number, note,"
            + " recorded_at) VALUES (?,?,?,?,?,?,?)",
        UUID.randomUUID().toString(),
        baseId,
        type,
        java.sql.Date.valueOf(date),
        documentNumber,
        note,
        AppClock.timestamp());
  }

  public List<DesignatedBase> list() {
    return jdbc.query(
        "SELECT * FROM reg_base ORDER BY designation_year, org_name", RegisterService::map);
  }

  public List<DesignatedBase> listByStatus(BaseStatus status) {
    return jdbc.query(
        "SELECT * FROM reg_base WHERE status=? ORDER BY designation_year, org_name",
        RegisterService::map,
        status.name());
  }

  public List<DesignatedBase> listByYear(int year) {
    return jdbc.query(
        "SELECT * FROM reg_base WHERE designation_year=? ORDER BY org_name",
        RegisterService::map,
        year);
  }

  public Optional<DesignatedBase> findById(String id) {
    return jdbc.query("SELECT * FROM reg_base WHERE id=?", RegisterService::map, id).stream()
        .findFirst();
  }

  /** All designations of an organisation, newest first (a revoked base may be designated again). */
  public List<DesignatedBase> findByCreditCode(String creditCode) {
    return jdbc.query(
        "SELECT * FROM reg_base WHERE credit_code=? ORDER BY designated_at DESC",
        RegisterService::map,
        creditCode);
  }

  public Optional<DesignatedBase> findActiveByCreditCode(String creditCode) {
    return findByCreditCode(creditCode).stream()
        .filter(b -> b.status() == BaseStatus.ACTIVE)
        .findFirst();
  }

  public List<DesignatedBase> findByOrgName(String orgName) {
    return jdbc.query(
        "SELECT * FROM reg_base WHERE org_name=? ORDER BY designated_at DESC",
        RegisterService::map,
        orgName);
  }

  public List<BaseEvent> history(String baseId) {
    return jdbc.query(
        "SELECT * FROM reg_base_event WHERE base_id=? ORDER BY recorded_at, event_date",
        (rs, i) ->
            new BaseEvent(
                rs.getString("id"),
                rs.getString("base_id"),
                rs.getString("event_type"),
                rs.getDate("event_date").toLocalDate(),
                rs.getString("document_number"),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant()),
        baseId);
  }

  private static DesignatedBase map(ResultSet rs, int i) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new DesignatedBase(
        rs.getString("id"),
        rs.getString("base_name"),
        rs.getString("org_name"),
        rs.getString("credit_code"),
        rs.getString("industry_chain"),
        rs.getString("reviewer_group"),
        rs.getInt("designation_year"),
        rs.getString("document_number"),
        rs.getDate("document_date").toLocalDate(),
        BaseStatus.valueOf(rs.getString("status")),
        rs.getString("source_application"),
        rs.getTimestamp("designated_at").toInstant(),
        revoked == null ? null : revoked.toInstant(),
        rs.getString("revocation_reason"));
  }
}
