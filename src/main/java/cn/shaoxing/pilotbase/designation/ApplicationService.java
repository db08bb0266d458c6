package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.CONTACT_EMAIL;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CREDIT_CODE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.INDUSTRY_CHAIN;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.ORG_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REVIEWER_GROUP;

import cn.shaoxing.pilotbase.platform.AppClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications of a round and their status; the round collects from here. */
@Service
public class ApplicationService {

  private final JdbcTemplate jdbc;

  public ApplicationService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The organisation data an application carries in the register. */
  public record Filing(
      String applicantUserId,
      String orgName,
      String creditCode,
      String reviewerGroup,
      String industryChain,
      String contactEmail,
      String filingJson) {

    /**
     * The filing of submitted form variables: the organisation data, and the snapshot (JSON) of
     * every application form key that experts and reviewers see ({@link ApplicationForm#allKeys}).
     */
    public static Filing of(Map<String, Object> v, String applicant) {
      Map<String, Object> snapshot = new LinkedHashMap<>();
      for (String key : ApplicationForm.allKeys()) {
        Object o = v.get(key);
        snapshot.put(key, o instanceof Date d ? d.toInstant().toString() : o);
      }
      try {
        return new Filing(applicant, ORG_NAME.of(v), CREDIT_CODE.of(v), REVIEWER_GROUP.of(v),
            INDUSTRY_CHAIN.of(v), CONTACT_EMAIL.of(v), JSON.writeValueAsString(snapshot));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Transactional
  public Application create(int roundYear, String processInstanceId, Filing f) {
    String id = UUID.randomUUID().toString();
    Timestamp now = AppClock.timestamp();
    jdbc.update(
        "INSERT INTO dsg_application (id, round_year, process_instance_id, applicant_user_id,"
            + " org_name, credit_code, reviewer_group, industry_chain, contact_email, status, filing,"
            + " submitted_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        id, roundYear, processInstanceId, f.applicantUserId(), f.orgName(), f.creditCode(),
        f.reviewerGroup(), f.industryChain(), f.contactEmail(), ApplicationStatus.SUBMITTED.name(),
        f.filingJson(), now, now);
    return get(id);
  }

  /** After a correction: the organisation data may have changed. */
  @Transactional
  public void updateFiling(String id, Filing f) {
    jdbc.update(
        "UPDATE dsg_application SET org_name=?, credit_code=?, reviewer_group=?, industry_chain=?,"
            + " contact_email=?, filing=?, updated_at=? WHERE id=?",
        f.orgName(), f.creditCode(), f.reviewerGroup(), f.industryChain(), f.contactEmail(),
        f.filingJson(), AppClock.timestamp(), id);
  }

  /** The submitted form data (JSON) as last filed or corrected. */
  public String filing(String id) {
    return jdbc.queryForObject("SELECT filing FROM dsg_application WHERE id=?", String.class, id);
  }

  /** The snapshot of {@link #filing} as the variables it was filed from. */
  public Map<String, Object> filingVariables(String id) {
    try {
      return JSON.readValue(filing(id), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional
  public void setStatus(String id, ApplicationStatus status) {
    jdbc.update("UPDATE dsg_application SET status=?, updated_at=? WHERE id=?", status.name(),
        AppClock.timestamp(), id);
  }

  @Transactional
  public void setOutcome(String id, ApplicationStatus status, String reason) {
    jdbc.update("UPDATE dsg_application SET status=?, outcome_reason=?, updated_at=? WHERE id=?",
        status.name(), reason, AppClock.timestamp(), id);
  }

  /** The district's recommendation; its rank comes later, in the district's ranking (DistrictRanking). */
  @Transactional
  public void recommend(String id) {
    jdbc.update(
        "UPDATE dsg_application SET status=?, district_rank=NULL, updated_at=? WHERE id=?",
        ApplicationStatus.RECOMMENDED.name(), AppClock.timestamp(), id);
  }

  /** The district's ranking of its recommended applications (application id → rank, 1 = first). */
  @Transactional
  public void rank(Map<String, Integer> ranks) {
    Timestamp now = AppClock.timestamp();
    ranks.forEach((id, rank) -> jdbc.update(
        "UPDATE dsg_application SET district_rank=?, updated_at=? WHERE id=?", rank, now, id));
  }

  @Transactional
  public void evaluated(String id) {
    jdbc.update("UPDATE dsg_application SET status=?, updated_at=? WHERE id=?",
        ApplicationStatus.EVALUATED.name(), AppClock.timestamp(), id);
  }

  /** The round's scoring: final score, the indicator table version used and the working. */
  @Transactional
  public void scored(String id, BigDecimal finalScore, long tableVersion, String working) {
    jdbc.update(
        "UPDATE dsg_application SET final_score=?, table_version=?, score_working=?, updated_at=?"
            + " WHERE id=?", finalScore, tableVersion, working, AppClock.timestamp(), id);
  }

  /** How the final score was computed (Chinese), or null before the round scored. */
  public String scoreWorking(String id) {
    return jdbc.queryForObject("SELECT score_working FROM dsg_application WHERE id=?", String.class, id);
  }

  @Transactional
  public void onsiteFindings(String id, String findings) {
    jdbc.update("UPDATE dsg_application SET onsite_findings=?, updated_at=? WHERE id=?", findings,
        AppClock.timestamp(), id);
  }

  public Application get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("申报不存在：" + id));
  }

  public Optional<Application> find(String id) {
    return jdbc.query("SELECT * FROM dsg_application WHERE id=?", ApplicationService::map, id)
        .stream().findFirst();
  }

  public List<Application> ofRound(int year) {
    return jdbc.query(
        "SELECT * FROM dsg_application WHERE round_year=? ORDER BY reviewer_group, district_rank,"
            + " submitted_at",
        ApplicationService::map, year);
  }

  /** The applications one account filed, newest round first. */
  public List<Application> ofApplicant(String userId) {
    return jdbc.query("SELECT * FROM dsg_application WHERE applicant_user_id=? ORDER BY round_year DESC, submitted_at",
        ApplicationService::map, userId);
  }

  /** The applications filed through one reviewer group (a district or competent unit), newest round first. */
  public List<Application> ofReviewerGroup(String groupId) {
    return jdbc.query("SELECT * FROM dsg_application WHERE reviewer_group=? ORDER BY round_year DESC, district_rank,"
        + " submitted_at", ApplicationService::map, groupId);
  }

  public List<Application> ofRound(int year, ApplicationStatus status) {
    return ofRound(year).stream().filter(a -> a.status() == status).toList();
  }

  /** Other live applications of the same organisation in the round (one per organisation). */
  public List<Application> activeOfOrganisation(int year, String creditCode) {
    return ofRound(year).stream()
        .filter(a -> a.creditCode().equals(creditCode))
        .filter(a -> a.status() != ApplicationStatus.WITHDRAWN
            && a.status() != ApplicationStatus.ABANDONED)
        .toList();
  }


  private static Long tableVersion(ResultSet rs) throws SQLException {
    long v = rs.getLong("table_version");
    return rs.wasNull() ? null : v;
  }

  private static Application map(ResultSet rs, int i) throws SQLException {
    int rank = rs.getInt("district_rank");
    Integer districtRank = rs.wasNull() ? null : rank;
    return new Application(
        rs.getString("id"),
        rs.getInt("round_year"),
        rs.getString("process_instance_id"),
        rs.getString("applicant_user_id"),
        rs.getString("org_name"),
        rs.getString("credit_code"),
        rs.getString("reviewer_group"),
        rs.getString("industry_chain"),
        rs.getString("contact_email"),
        ApplicationStatus.valueOf(rs.getString("status")),
        districtRank,
        rs.getBigDecimal("final_score"),
        rs.getString("onsite_findings"),
        rs.getString("outcome_reason"),
        tableVersion(rs));
  }
}
