package cn.shaoxing.pilotbase.designation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Combines the experts' totals into one score. */
public final class ScoreAggregation {

  /** MEAN: plain mean. TRIMMED_MEAN: drop one highest and one lowest when there are enough. */
  public enum Rule {
    MEAN,
    TRIMMED_MEAN
  }

  private ScoreAggregation() {}

  public static BigDecimal aggregate(List<BigDecimal> totals, Rule rule, int trimmedMinExperts) {
    if (totals.isEmpty()) {
      throw new IllegalArgumentException("no expert scores");
    }
    List<BigDecimal> used = new ArrayList<>(totals);
    if (rule == Rule.TRIMMED_MEAN && used.size() >= Math.max(3, trimmedMinExperts)) {
      Collections.sort(used);
      used = used.subList(1, used.size() - 1);
    }
    BigDecimal sum = used.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(used.size()), 2, RoundingMode.HALF_UP);
  }
}
