package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Revocation of a designation (annex §三): cases, the base's statement, the decision, and the
 * register entry. Also answers, for a new application, whether the organisation was once revoked
 * for false materials (the district reviewers are warned).
 */
@Service
public class RevocationService {

  public static final String PROCESS_KEY = "revocation";

  /** One case. */
  public record RevocationCase(String id, String baseId, String creditCode, RevocationCause cause,
      String causeDetails, String status, String documentNumber, LocalDate documentDate) {}

  private final JdbcTemplate jdbc;
  private final RegisterService register;

  public RevocationService(JdbcTemplate jdbc, RegisterService register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  public String open(DesignatedBase base, RevocationCause cause, String details, String evidence,
      String sourceCycleId, String processInstanceId) {
    if (openCase(base.id()).isPresent()) {
      throw new IllegalStateException("该基地已有进行中的撤销程序：" + base.orgName());
    }
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO rev_case (id, base_id, credit_code, cause, cause_details, evidence_refs,"
        + " source_cycle_id, status, process_instance_id, opened_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        id, base.id(), base.creditCode(), cause.name(), details, evidence, sourceCycleId, "OPEN",
        processInstanceId, AppClock.timestamp());
    return id;
  }

  public Optional<RevocationCase> openCase(String baseId) {
    return cases("SELECT * FROM rev_case WHERE base_id=? AND status='OPEN'", baseId).stream()
        .findFirst();
  }

  public Optional<RevocationCase> find(String caseId) {
    return cases("SELECT * FROM rev_case WHERE id=?", caseId).stream().findFirst();
  }

  public List<RevocationCase> ofBase(String baseId) {
    return cases("SELECT * FROM rev_case WHERE base_id=? ORDER BY opened_at", baseId);
  }

  public void recordStatement(String caseId, String statement) {
    jdbc.update("UPDATE rev_case SET statement=? WHERE id=?", statement, caseId);
  }

  public void recordProposal(String caseId, String reason) {
    jdbc.update("UPDATE rev_case SET proposal_reason=? WHERE id=?", reason, caseId);
  }

  public void close(String caseId, String note) {
    jdbc.update("UPDATE rev_case SET status='DROPPED', decision_note=?, closed_at=? WHERE id=?",
        note, AppClock.timestamp(), caseId);
  }

  /** The decision is published: the register marks the base revoked with cause and date. */
  public void revoke(String caseId, String decisionNote, String documentNumber, LocalDate date) {
    RevocationCase c = find(caseId).orElseThrow();
    register.revoke(c.baseId(), "撤销评定：" + c.cause().chineseName() + "。" + c.causeDetails(),
        documentNumber, date);
    jdbc.update("UPDATE rev_case SET status='REVOKED', decision_note=?, document_number=?,"
        + " document_date=?, closed_at=? WHERE id=?", decisionNote, documentNumber,
        java.sql.Date.valueOf(date), AppClock.timestamp(), caseId);
  }

  /**
   * The warning shown to district reviewers when an organisation applies again: empty unless it
   * was revoked for false materials or serious dishonesty.
   */
  public String integrityWarning(String creditCode) {
    StringBuilder sb = new StringBuilder();
    for (RevocationCase c : cases("SELECT * FROM rev_case WHERE credit_code=? AND status='REVOKED'"
        + " ORDER BY opened_at", creditCode)) {
      if (c.cause().flagsReapplication()) {
        sb.append("注意：该单位曾因").append(c.cause().chineseName()).append("被撤销市级中试基地评定（文号")
            .append(c.documentNumber()).append("，").append(c.documentDate()).append("）。事由：")
            .append(c.causeDetails()).append("。请重点审核材料真实性。\n");
      }
    }
    return sb.toString();
  }

  private List<RevocationCase> cases(String sql, Object... args) {
    return jdbc.query(sql, (rs, i) -> {
      java.sql.Date d = rs.getDate("document_date");
      return new RevocationCase(rs.getString("id"), rs.getString("base_id"),
          rs.getString("credit_code"), RevocationCause.valueOf(rs.getString("cause")),
          rs.getString("cause_details"), rs.getString("status"), rs.getString("document_number"),
          d == null ? null : d.toLocalDate());
    }, args);
  }

}
