package cn.shaoxing.pilotbase.designation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Annual rounds: one per year (§四.（一）), with their stage, publicity period and document. */
@Service
public class RoundService {

  private final JdbcTemplate jdbc;

  public RoundService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens the round of a year; refused when that year already has one. */
  @Transactional
  public Round open(int year, LocalDate deadline, int panelSize, String processInstanceId,
      String openedBy) {
    if (find(year).isPresent()) {
      throw new DuplicateRoundException(year);
    }
    jdbc.update(
        "INSERT INTO dsg_round (round_year, process_instance_id, application_deadline, status,"
            + " panel_size, opened_by, opened_at) VALUES (?,?,?,?,?,?,?)",
        year, processInstanceId, java.sql.Date.valueOf(deadline), RoundStatus.OPEN.name(),
        panelSize, openedBy, now());
    return find(year).orElseThrow();
  }

  public Optional<Round> find(int year) {
    return jdbc.query("SELECT * FROM dsg_round WHERE round_year=?", RoundService::map, year)
        .stream().findFirst();
  }

  public List<Round> list() {
    return jdbc.query("SELECT * FROM dsg_round ORDER BY round_year DESC", RoundService::map);
  }

  /** The round accepting applications today, if any (status OPEN and deadline not passed). */
  public Optional<Round> openForApplications(LocalDate today) {
    return jdbc.query(
            "SELECT * FROM dsg_round WHERE status=? AND application_deadline>=? ORDER BY round_year",
            RoundService::map, RoundStatus.OPEN.name(), java.sql.Date.valueOf(today))
        .stream().findFirst();
  }

  public List<Round> inStatus(RoundStatus status) {
    return jdbc.query("SELECT * FROM dsg_round WHERE status=? ORDER BY round_year",
        RoundService::map, status.name());
  }

  @Transactional
  public void setStatus(int year, RoundStatus status) {
    jdbc.update("UPDATE dsg_round SET status=? WHERE round_year=?", status.name(), year);
  }

  @Transactional
  public void startPublicity(int year, Date start, Date end, String objectionContact) {
    jdbc.update(
        "UPDATE dsg_round SET status=?, publicity_start=?, publicity_end=?, objection_contact=?"
            + " WHERE round_year=?",
        RoundStatus.PUBLICITY.name(), new Timestamp(start.getTime()), new Timestamp(end.getTime()),
        objectionContact, year);
  }

  @Transactional
  public void published(int year, String documentNumber, LocalDate documentDate) {
    jdbc.update(
        "UPDATE dsg_round SET status=?, document_number=?, document_date=? WHERE round_year=?",
        RoundStatus.PUBLISHED.name(), documentNumber, java.sql.Date.valueOf(documentDate), year);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Round map(ResultSet rs, int i) throws SQLException {
    Timestamp ps = rs.getTimestamp("publicity_start");
    Timestamp pe = rs.getTimestamp("publicity_end");
    java.sql.Date dd = rs.getDate("document_date");
    return new Round(
        rs.getInt("round_year"),
        rs.getString("process_instance_id"),
        rs.getDate("application_deadline").toLocalDate(),
        RoundStatus.valueOf(rs.getString("status")),
        rs.getInt("panel_size"),
        ps == null ? null : ps.toInstant(),
        pe == null ? null : pe.toInstant(),
        rs.getString("objection_contact"),
        rs.getString("document_number"),
        dd == null ? null : dd.toLocalDate());
  }

  /** A second round for the same year. */
  public static class DuplicateRoundException extends RuntimeException {
    public DuplicateRoundException(int year) {
      super(year + "年度评选已开启，每年只能开展一次评选");
    }
  }

  static Instant instant(Date d) {
    return d.toInstant();
  }
}
