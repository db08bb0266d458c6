package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * The score of one base with its full working.
 *
 * @param tableVersion version of the indicator table used
 * @param indicators per indicator, in table order (bonus last)
 * @param basicConditions subtotal of 中试基础条件 (of 30)
 * @param servicePerformance subtotal of 中试服务成效 (of 70)
 * @param baseTotal sum of the 100-point indicators
 * @param bonusRaw aggregated bonus before the cap
 * @param bonus bonus counted, at most the cap
 * @param total baseTotal + bonus
 * @param working the whole computation as Chinese text, for the base and the bureau
 */
public record BaseScore(
    String baseId,
    String baseName,
    long tableVersion,
    List<String> experts,
    String aggregationRule,
    List<IndicatorScore> indicators,
    BigDecimal basicConditions,
    BigDecimal servicePerformance,
    BigDecimal baseTotal,
    BigDecimal bonusRaw,
    BigDecimal bonusCap,
    BigDecimal bonus,
    BigDecimal total,
    String working) {

  public IndicatorScore indicator(String id) {
    return indicators.stream()
        .filter(i -> i.indicatorId().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("未知的评价指标：" + id));
  }
}
