package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.EXPERT_OPINION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.RECOMMENDATION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.REQUEST_ON_SITE;

import cn.shaoxing.pilotbase.designation.DesignationVariables.Recommendation;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.scoring.ExpertSheet;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import cn.shaoxing.pilotbase.scoring.IndicatorTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores each expert's independent review: the scoring sheet ({@link ExpertSheet}, the same as in
 * the biennial evaluation) and the opinions on the conditions of §三. The round turns the sheets
 * into scores ({@link DesignationScoring}).
 */
@Service
public class ExpertReviewService {

  /** One submitted review; {@code total} is the expert's own total once the round has scored. */
  public record Review(String expertUserId, BigDecimal total, boolean conditionsMet,
      boolean recommend, boolean onsiteRequested) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  public ExpertReviewService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** All six conditions judged met by the expert. */
  public static boolean conditionsMet(Map<String, Object> form) {
    for (int i = 1; i <= 6; i++) {
      if (DesignationVariables.condOpinion(i).of(form) != DesignationVariables.ConditionOpinion.MET) {
        return false;
      }
    }
    return true;
  }

  @Transactional
  public void save(String applicationId, String expertUserId, Map<String, Object> form,
      IndicatorTable table) {
    ExpertSheet sheet = ExpertSheetForm.sheet(expertUserId, expertUserId, form, table);
    String marks = sheet.marks().stream()
        .map(m -> m.indicatorId() + "=" + m.points().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(","));
    BigDecimal bonus = sheet.marks().stream()
        .filter(m -> table.get(m.indicatorId()).group().isBonus())
        .map(ExpertSheet.Mark::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    try {
      jdbc.update(
          "INSERT INTO dsg_expert_review (id, application_id, expert_user_id, indicator_scores,"
              + " sheet_json, bonus, conditions_met, recommend, opinion, onsite_requested,"
              + " submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          UUID.randomUUID().toString(), applicationId, expertUserId, marks,
          json.writeValueAsString(sheet), bonus, conditionsMet(form),
          RECOMMENDATION.of(form) == Recommendation.RECOMMEND,
          EXPERT_OPINION.of(form), REQUEST_ON_SITE.isTrue(form),
          AppClock.timestamp());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Review> reviews(String applicationId) {
    return jdbc.query(
        "SELECT * FROM dsg_expert_review WHERE application_id=? ORDER BY submitted_at, expert_user_id",
        (rs, i) -> new Review(rs.getString("expert_user_id"), rs.getBigDecimal("total"),
            rs.getBoolean("conditions_met"), rs.getBoolean("recommend"),
            rs.getBoolean("onsite_requested")),
        applicationId);
  }

  /** The experts' sheets of an application, in the order submitted. */
  public List<ExpertSheet> sheets(String applicationId) {
    return jdbc.query(
        "SELECT sheet_json FROM dsg_expert_review WHERE application_id=?"
            + " ORDER BY submitted_at, expert_user_id",
        (rs, i) -> read(rs.getString(1)), applicationId);
  }

  @Transactional
  public void setTotal(String applicationId, String expertUserId, BigDecimal total) {
    jdbc.update("UPDATE dsg_expert_review SET total=? WHERE application_id=? AND expert_user_id=?",
        total, applicationId, expertUserId);
  }

  private ExpertSheet read(String s) {
    try {
      return json.readValue(s, ExpertSheet.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
