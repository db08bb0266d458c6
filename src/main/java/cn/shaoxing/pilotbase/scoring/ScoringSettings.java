package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;

/**
 * Settings of the scoring that the bureau may change (stored in table {@code scoring_setting}).
 *
 * @param trimmedMean whether to drop the highest and the lowest expert score
 * @param trimMinExperts the fewest experts for which the trimming applies (default 5)
 * @param excellentQuotaPercent share of evaluated bases that may get 优秀 (default 30)
 * @param bonusCap the most the bonus can add to the total (default 10)
 */
public record ScoringSettings(
    boolean trimmedMean, int trimMinExperts, BigDecimal excellentQuotaPercent, BigDecimal bonusCap) {

  public static final String TRIMMED_MEAN = "aggregation.trimmedMean";
  public static final String TRIM_MIN_EXPERTS = "aggregation.trimMinExperts";
  public static final String EXCELLENT_QUOTA_PERCENT = "grading.excellentQuotaPercent";
  public static final String BONUS_CAP = "bonus.cap";

  public static ScoringSettings defaults() {
    return new ScoringSettings(true, 5, new BigDecimal("30"), new BigDecimal("10"));
  }

  /** Rejects settings that make no sense, with a Chinese message. */
  public void validate() {
    if (trimMinExperts < 3) {
      throw new ScoringValidationException(
          "去掉最高分和最低分至少需要3位专家，启用门槛不能小于3：" + trimMinExperts);
    }
    if (excellentQuotaPercent == null
        || excellentQuotaPercent.signum() < 0
        || excellentQuotaPercent.compareTo(new BigDecimal("100")) > 0) {
      throw new ScoringValidationException("优秀比例须在0%～100%之间：" + excellentQuotaPercent);
    }
    if (bonusCap == null || bonusCap.signum() < 0 || bonusCap.compareTo(new BigDecimal("10")) > 0) {
      throw new ScoringValidationException("加分上限须在0～10分之间（附表：最高不超过10分）：" + bonusCap);
    }
  }

  /** "算术平均；5位及以上专家时去掉一个最高分和一个最低分后平均" */
  public String aggregationDescription() {
    return trimmedMean
        ? "算术平均；" + trimMinExperts + "位及以上专家时去掉一个最高分和一个最低分后平均"
        : "算术平均";
  }
}
