package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;

/** First-level indicators (一级指标) of the annex table (附表). */
public enum IndicatorGroup {
  BASIC_CONDITIONS("中试基础条件", new BigDecimal("30")),
  SERVICE_PERFORMANCE("中试服务成效", new BigDecimal("70")),
  BONUS("加分项", new BigDecimal("10"));

  private final String chineseName;
  private final BigDecimal points;

  IndicatorGroup(String chineseName, BigDecimal points) {
    this.chineseName = chineseName;
    this.points = points;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Points of the group as fixed by the annex (the bonus: at most). */
  public BigDecimal points() {
    return points;
  }

  public boolean isBonus() {
    return this == BONUS;
  }
}
