package cn.shaoxing.pilotbase.scoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * One second-level indicator (二级指标) of the annex table.
 *
 * @param id stable English id (siteArea, serviceIncome…), used as form field and variable key
 * @param group first-level indicator
 * @param name Chinese name as in the annex, e.g. 中试场地面积
 * @param note Chinese explanation from the annex (the parenthesis), may be empty
 * @param unit Chinese unit (平方米, 万元, 人, 项) or "/" for qualitative indicators
 * @param wholeNumber whether the figure counts things (persons, items) and must be an integer
 * @param points full points (分值); for the bonus: the most it can add
 * @param evidence supporting materials (佐证材料) the base files, in Chinese
 * @param rule how a figure becomes points
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Indicator(
    String id,
    IndicatorGroup group,
    String name,
    String note,
    String unit,
    boolean wholeNumber,
    BigDecimal points,
    List<String> evidence,
    ScoringRule rule) {

  public Indicator {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    note = note == null ? "" : note;
    points = Numbers.normalize(points);
  }

  public boolean isQualitative() {
    return rule.kind() == RuleKind.EXPERT;
  }

  @JsonProperty("ruleDescription")
  public String ruleDescription() {
    return rule.describe(unit, points);
  }

  public Indicator withRule(ScoringRule newRule) {
    return new Indicator(id, group, name, note, unit, wholeNumber, points, evidence, newRule);
  }
}
