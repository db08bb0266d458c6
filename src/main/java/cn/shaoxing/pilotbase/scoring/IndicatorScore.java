package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * The working of one indicator for one base.
 *
 * @param figure reported figure (null for qualitative indicators)
 * @param ruleDescription the rule in Chinese, e.g. "线性：≤100万元得0分，≥2000万元得满分20分，其间按比例计分"
 * @param computedPoints points from the rule (null for qualitative indicators)
 * @param computation the arithmetic in Chinese (null for qualitative indicators)
 * @param expertMarks each expert's points, with adjustment and reason
 * @param aggregation how the experts' points were combined, in Chinese
 * @param points the indicator's points for the base (two decimals)
 */
public record IndicatorScore(
    String indicatorId,
    String name,
    IndicatorGroup group,
    String unit,
    BigDecimal fullPoints,
    RuleKind ruleKind,
    BigDecimal figure,
    String ruleDescription,
    BigDecimal computedPoints,
    String computation,
    List<ExpertMarkView> expertMarks,
    String aggregation,
    BigDecimal points) {

  /**
   * One expert's points for the indicator. {@code adjustment} = points − computed points for a
   * quantitative indicator (zero when the expert accepted the computation), null for qualitative.
   */
  public record ExpertMarkView(
      String expertId, String expertName, BigDecimal points, BigDecimal adjustment, String reason) {}
}
