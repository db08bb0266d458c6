package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.designation.DesignationIndicators.Indicator;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores each expert's independent review and aggregates the panel's totals. */
@Service
public class ExpertReviewService {

  /** One submitted review. */
  public record Review(String expertUserId, BigDecimal total, boolean conditionsMet,
      boolean recommend, boolean onsiteRequested) {}

  private final JdbcTemplate jdbc;
  private final DesignationProperties properties;

  public ExpertReviewService(JdbcTemplate jdbc, DesignationProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Total of one expert's form: indicator scores plus bonus. */
  public static BigDecimal total(Map<String, Object> form) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Indicator i : DesignationIndicators.INDICATORS) {
      BigDecimal s = Vars.num(form, i.scoreField());
      sum = sum.add(s == null ? BigDecimal.ZERO : s);
    }
    BigDecimal bonus = Vars.num(form, DesignationIndicators.BONUS_FIELD);
    return sum.add(bonus == null ? BigDecimal.ZERO : bonus);
  }

  /** All six conditions judged met by the expert. */
  public static boolean conditionsMet(Map<String, Object> form) {
    for (int i = 1; i <= 6; i++) {
      if (!"met".equals(Vars.str(form, "condOpinion" + i))) {
        return false;
      }
    }
    return true;
  }

  @Transactional
  public void save(String applicationId, String expertUserId, Map<String, Object> form) {
    String scores = DesignationIndicators.INDICATORS.stream()
        .map(i -> i.id() + "=" + Vars.num(form, i.scoreField()))
        .collect(Collectors.joining(","));
    BigDecimal bonus = Vars.num(form, DesignationIndicators.BONUS_FIELD);
    jdbc.update(
        "INSERT INTO dsg_expert_review (id, application_id, expert_user_id, indicator_scores, bonus,"
            + " total, conditions_met, recommend, opinion, onsite_requested, submitted_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        UUID.randomUUID().toString(), applicationId, expertUserId, scores,
        bonus == null ? BigDecimal.ZERO : bonus, total(form), conditionsMet(form),
        "recommend".equals(Vars.str(form, "recommendation")),
        Vars.str(form, "expertOpinion"), Vars.isTrue(form, "requestOnSite"),
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  public List<Review> reviews(String applicationId) {
    return jdbc.query(
        "SELECT * FROM dsg_expert_review WHERE application_id=? ORDER BY submitted_at, expert_user_id",
        (rs, i) -> new Review(rs.getString("expert_user_id"), rs.getBigDecimal("total"),
            rs.getBoolean("conditions_met"), rs.getBoolean("recommend"),
            rs.getBoolean("onsite_requested")),
        applicationId);
  }

  public BigDecimal finalScore(String applicationId) {
    return ScoreAggregation.aggregate(
        reviews(applicationId).stream().map(Review::total).toList(),
        properties.aggregation(), properties.trimmedMinExperts());
  }
}
