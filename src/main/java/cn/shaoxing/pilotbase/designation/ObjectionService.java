package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.platform.AppClock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Objections raised during publicity (§四.（四）) and their outcome. */
@Service
public class ObjectionService {

  public static final String OPEN = "OPEN";
  public static final String UPHELD = "UPHELD";
  public static final String DISMISSED = "DISMISSED";

  /** What the bureau registers. Anonymous objections are kept but flagged. */
  public record Objection(
      String objectorName,
      String objectorContact,
      boolean anonymous,
      String content,
      String evidence,
      String registeredBy) {}

  private final JdbcTemplate jdbc;
  private final ApplicationService applications;

  public ObjectionService(JdbcTemplate jdbc, ApplicationService applications) {
    this.jdbc = jdbc;
    this.applications = applications;
  }

  @Transactional
  public String register(int roundYear, String applicationId, Objection o) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO dsg_objection (id, round_year, application_id, objector_name, objector_contact,"
            + " anonymous, content, evidence, status, registered_by, registered_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        id, roundYear, applicationId, o.objectorName(), o.objectorContact(), o.anonymous(),
        o.content(), o.evidence(), OPEN, o.registeredBy(), AppClock.timestamp());
    return id;
  }

  /** Closes an objection; an upheld one takes the base off the proposed list. */
  @Transactional
  public void close(String objectionId, boolean upheld, String reason) {
    jdbc.update(
        "UPDATE dsg_objection SET status=?, outcome_reason=?, closed_at=? WHERE id=? AND status=?",
        upheld ? UPHELD : DISMISSED, reason, AppClock.timestamp(), objectionId, OPEN);
    if (upheld) {
      String applicationId =
          jdbc.queryForObject(
              "SELECT application_id FROM dsg_objection WHERE id=?", String.class, objectionId);
      applications.setOutcome(applicationId, ApplicationStatus.OBJECTION_UPHELD,
          "公示期间异议经核实成立：" + reason);
    }
  }

  public int countOpen(int roundYear) {
    Integer n = jdbc.queryForObject(
        "SELECT COUNT(*) FROM dsg_objection WHERE round_year=? AND status=?", Integer.class,
        roundYear, OPEN);
    return n == null ? 0 : n;
  }

  public List<String> statuses(String applicationId) {
    return jdbc.queryForList(
        "SELECT status FROM dsg_objection WHERE application_id=? ORDER BY registered_at",
        String.class, applicationId);
  }

  /** The application an objection is against, if the objection is a designation objection. */
  public Optional<String> applicationOf(String objectionId) {
    return jdbc.queryForList("SELECT application_id FROM dsg_objection WHERE id=?", String.class, objectionId)
        .stream().findFirst();
  }

  public String status(String objectionId) {
    return jdbc.queryForObject("SELECT status FROM dsg_objection WHERE id=?", String.class,
        objectionId);
  }

}
