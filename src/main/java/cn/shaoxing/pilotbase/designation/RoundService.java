package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.platform.NamedLocks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Annual rounds: one per year (§四.（一）), with their stage, publicity period and document. */
@Service
public class RoundService {

  /** Lock (pb_lock) under which a round start checks its year and inserts the round. */
  static final String START_LOCK = "designation-round-start";

  private final JdbcTemplate jdbc;
  private final NamedLocks locks;

  public RoundService(JdbcTemplate jdbc, NamedLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  /**
   * The round of a year as seen by a start that is about to open it: takes the round-start lock
   * first (held until the start's transaction ends), so of two starts for the same year at the same
   * moment the second waits and then finds the first one's round.
   */
  @Transactional
  public Optional<Round> findForStart(int year) {
    locks.lock(START_LOCK);
    return find(year);
  }

  /**
   * Opens the round of a year; refused when that year already has one. The primary key on the year
   * is the last guard (e.g. a start that bypassed the start form's check).
   */
  @Transactional
  public Round open(int year, LocalDate deadline, int panelSize, String processInstanceId,
      String openedBy) {
    if (findForStart(year).isPresent()) {
      throw new DuplicateRoundException(year);
    }
    try {
      jdbc.update(
          "INSERT INTO dsg_round (round_year, process_instance_id, application_deadline, status,"
              + " panel_size, opened_by, opened_at) VALUES (?,?,?,?,?,?,?)",
          year, processInstanceId, java.sql.Date.valueOf(deadline), RoundStatus.OPEN.name(),
          panelSize, openedBy, AppClock.timestamp());
    } catch (DuplicateKeyException e) {
      throw new DuplicateRoundException(year);
    }
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
      super(year + "年度评选已经开启，每年只能开展一次评选");
    }
  }

  static Instant instant(Date d) {
    return d.toInstant();
  }
}
