package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes the indicator table (migration V20) with plain JDBC. */
@Repository
public class JdbcScoringRepository {

  private final JdbcTemplate jdbc;

  public JdbcScoringRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public IndicatorTable load() {
    Map<String, List<ScoringRule.Tier>> tiers = new HashMap<>();
    jdbc.query("SELECT indicator_id, min_value, points FROM scoring_indicator_tier ORDER BY indicator_id, seq",
        rs -> {
          tiers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new ScoringRule.Tier(rs.getBigDecimal(2), rs.getBigDecimal(3)));
        });
    Map<String, List<String>> evidence = new HashMap<>();
    jdbc.query("SELECT indicator_id, evidence_zh FROM scoring_indicator_evidence ORDER BY indicator_id, seq",
        rs -> {
          evidence.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    List<Indicator> indicators = jdbc.query(
        "SELECT indicator_id, group_code, name_zh, note_zh, unit_zh, whole_number, max_points, rule_kind,"
            + " linear_floor, linear_cap FROM scoring_indicator ORDER BY sort_order",
        (rs, n) -> {
          String id = rs.getString(1);
          RuleKind kind = RuleKind.valueOf(rs.getString(8));
          ScoringRule rule = switch (kind) {
            case TIERS -> new ScoringRule.Tiers(tiers.getOrDefault(id, List.of()));
            case LINEAR -> new ScoringRule.Linear(rs.getBigDecimal(9), rs.getBigDecimal(10));
            case RATIO_TO_BEST -> new ScoringRule.RatioToBest();
            case EXPERT -> new ScoringRule.Expert();
          };
          return new Indicator(id, IndicatorGroup.valueOf(rs.getString(2)), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBigDecimal(7),
              evidence.getOrDefault(id, List.of()), rule);
        });
    Map<String, String> settings = new HashMap<>();
    jdbc.query("SELECT setting_key, setting_value FROM scoring_setting",
        rs -> {
          settings.put(rs.getString(1), rs.getString(2));
        });
    ScoringSettings d = ScoringSettings.defaults();
    ScoringSettings s = new ScoringSettings(
        Boolean.parseBoolean(settings.getOrDefault(ScoringSettings.TRIMMED_MEAN, String.valueOf(d.trimmedMean()))),
        Integer.parseInt(settings.getOrDefault(ScoringSettings.TRIM_MIN_EXPERTS, String.valueOf(d.trimMinExperts()))),
        new BigDecimal(settings.getOrDefault(ScoringSettings.EXCELLENT_QUOTA_PERCENT,
            d.excellentQuotaPercent().toPlainString())),
        new BigDecimal(settings.getOrDefault(ScoringSettings.BONUS_CAP, d.bonusCap().toPlainString())));
    Long version = jdbc.queryForObject("SELECT COALESCE(MAX(change_id), 0) FROM scoring_rule_change", Long.class);
    return new IndicatorTable(version == null ? 0 : version, indicators, s);
  }

  /** Replaces the rule of one indicator (kind, linear bounds, tiers). */
  public void saveRule(String indicatorId, ScoringRule rule, String userId) {
    BigDecimal floor = rule instanceof ScoringRule.Linear l ? l.floor() : null;
    BigDecimal cap = rule instanceof ScoringRule.Linear l ? l.cap() : null;
    jdbc.update("UPDATE scoring_indicator SET rule_kind = ?, linear_floor = ?, linear_cap = ?,"
            + " updated_at = CURRENT_TIMESTAMP, updated_by = ? WHERE indicator_id = ?",
        rule.kind().name(), floor, cap, userId, indicatorId);
    jdbc.update("DELETE FROM scoring_indicator_tier WHERE indicator_id = ?", indicatorId);
    if (rule instanceof ScoringRule.Tiers t) {
      int seq = 1;
      for (ScoringRule.Tier tier : t.tiers()) {
        jdbc.update("INSERT INTO scoring_indicator_tier (indicator_id, seq, min_value, points) VALUES (?, ?, ?, ?)",
            indicatorId, seq++, tier.min(), tier.points());
      }
    }
  }

  public void saveSettings(ScoringSettings s, String userId) {
    saveSetting(ScoringSettings.TRIMMED_MEAN, String.valueOf(s.trimmedMean()), userId);
    saveSetting(ScoringSettings.TRIM_MIN_EXPERTS, String.valueOf(s.trimMinExperts()), userId);
    saveSetting(ScoringSettings.EXCELLENT_QUOTA_PERCENT, s.excellentQuotaPercent().toPlainString(), userId);
    saveSetting(ScoringSettings.BONUS_CAP, s.bonusCap().toPlainString(), userId);
  }

  private void saveSetting(String key, String value, String userId) {
    jdbc.update("UPDATE scoring_setting SET setting_value = ?, updated_at = CURRENT_TIMESTAMP, updated_by = ?"
        + " WHERE setting_key = ?", value, userId, key);
  }

  public void logChange(String userId, String target, String oldValue, String newValue, String reason) {
    jdbc.update("INSERT INTO scoring_rule_change (changed_at, changed_by, target, old_value_zh, new_value_zh, reason_zh)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        new Timestamp(System.currentTimeMillis()), userId, target, oldValue, newValue, reason);
  }

  public List<RuleChange> changes() {
    return jdbc.query("SELECT change_id, changed_at, changed_by, target, old_value_zh, new_value_zh, reason_zh"
            + " FROM scoring_rule_change ORDER BY change_id DESC",
        (rs, n) -> new RuleChange(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
  }
}
