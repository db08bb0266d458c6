package cn.shaoxing.pilotbase.scoring;

import static cn.shaoxing.pilotbase.scoring.Numbers.MC;
import static cn.shaoxing.pilotbase.scoring.Numbers.plain;
import static cn.shaoxing.pilotbase.scoring.Numbers.points;
import static cn.shaoxing.pilotbase.scoring.Numbers.pts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines the experts' points for one indicator: arithmetic mean; with the trimmed mean enabled
 * and at least {@code trimMinExperts} experts, one highest and one lowest score are dropped first.
 */
public final class ExpertAggregation {

  /** Aggregated points (two decimals) and the arithmetic in Chinese. */
  public record Outcome(BigDecimal value, String description) {}

  private ExpertAggregation() {}

  public static Outcome aggregate(List<BigDecimal> scores, ScoringSettings settings) {
    if (scores == null || scores.isEmpty()) {
      throw new ScoringValidationException("至少需要一位专家的评分");
    }
    int n = scores.size();
    List<BigDecimal> sorted = new ArrayList<>(scores);
    sorted.sort(BigDecimal::compareTo);
    boolean trim = settings.trimmedMean() && n >= settings.trimMinExperts();
    List<BigDecimal> kept = trim ? sorted.subList(1, n - 1) : sorted;
    BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal mean = sum.divide(new BigDecimal(kept.size()), MC);
    StringBuilder sb = new StringBuilder();
    sb.append(n).append("位专家");
    if (trim) {
      sb.append("去掉最高分").append(plain(sorted.get(n - 1)))
          .append("和最低分").append(plain(sorted.get(0))).append("后");
    }
    sb.append("平均：");
    if (kept.size() == 1) {
      sb.append(plain(kept.get(0)));
    } else {
      sb.append("(");
      for (int i = 0; i < kept.size(); i++) {
        sb.append(i > 0 ? "+" : "").append(plain(kept.get(i)));
      }
      sb.append(")÷").append(kept.size());
    }
    sb.append(" = ").append(pts(mean));
    return new Outcome(points(mean), sb.toString());
  }
}
