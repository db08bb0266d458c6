package cn.shaoxing.pilotbase.scoring;

/** How a figure becomes points. */
public enum RuleKind {
  /** Thresholds → points (分档). */
  TIERS("分档"),
  /** 0 at/below the floor, full points at/above the cap, linear between (线性). */
  LINEAR("线性"),
  /** value ÷ best value of the cohort × points (与最优比). */
  RATIO_TO_BEST("与最优比"),
  /** Qualitative: each expert scores within [0, points] (专家评分). */
  EXPERT("专家评分");

  private final String chineseName;

  RuleKind(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public boolean needsFigure() {
    return this != EXPERT;
  }
}
