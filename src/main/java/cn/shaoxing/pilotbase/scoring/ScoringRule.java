package cn.shaoxing.pilotbase.scoring;

import static cn.shaoxing.pilotbase.scoring.Numbers.MC;
import static cn.shaoxing.pilotbase.scoring.Numbers.plain;
import static cn.shaoxing.pilotbase.scoring.Numbers.points;
import static cn.shaoxing.pilotbase.scoring.Numbers.pts;
import static cn.shaoxing.pilotbase.scoring.Numbers.withUnit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule turning an indicator's figure into points. Four kinds (see {@link RuleKind}); every
 * rule describes itself in Chinese so each score can show its working. Serialised to JSON with a
 * {@code "kind"} property, e.g. {@code {"kind":"LINEAR","floor":100,"cap":2000}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ScoringRule.Tiers.class, name = "TIERS"),
  @JsonSubTypes.Type(value = ScoringRule.Linear.class, name = "LINEAR"),
  @JsonSubTypes.Type(value = ScoringRule.RatioToBest.class, name = "RATIO_TO_BEST"),
  @JsonSubTypes.Type(value = ScoringRule.Expert.class, name = "EXPERT")
})
public sealed interface ScoringRule {

  RuleKind kind();

  /** Chinese description for an indicator with the given unit and full points. */
  String describe(String unit, BigDecimal fullPoints);

  /**
   * Rejects a rule that cannot be used for an indicator with the given full points (thresholds
   * out of order, full points unreachable…), with a Chinese message naming the indicator.
   */
  void validate(String indicatorName, BigDecimal fullPoints);

  /**
   * Points for a figure. {@code best} is the best figure of the cohort (used by {@link
   * RatioToBest} only). Never called for {@link Expert}.
   */
  Computation compute(BigDecimal figure, BigDecimal best, String unit, BigDecimal fullPoints);

  /** Points computed from a figure, with the arithmetic in Chinese. */
  record Computation(BigDecimal points, String working) {}

  /** One tier: a figure at or above {@code min} earns {@code points}. */
  record Tier(BigDecimal min, BigDecimal points) {
    public Tier {
      min = Numbers.normalize(min);
      points = Numbers.normalize(points);
    }
  }

  /** Thresholds → points; below the lowest threshold 0 points. Tiers ascending by {@code min}. */
  record Tiers(List<Tier> tiers) implements ScoringRule {
    public Tiers {
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    @Override
    public RuleKind kind() {
      return RuleKind.TIERS;
    }

    @Override
    public String describe(String unit, BigDecimal fullPoints) {
      StringBuilder sb = new StringBuilder("分档：");
      if (!tiers.isEmpty() && tiers.get(0).min().signum() > 0) {
        sb.append("<").append(withUnit(tiers.get(0).min(), unit)).append("得0分；");
      }
      for (int i = 0; i < tiers.size(); i++) {
        Tier t = tiers.get(i);
        sb.append("≥").append(withUnit(t.min(), unit)).append("得");
        if (t.points().compareTo(fullPoints) == 0) {
          sb.append("满分");
        }
        sb.append(plain(t.points())).append("分");
        sb.append(i + 1 < tiers.size() ? "；" : "");
      }
      return sb.toString();
    }

    @Override
    public void validate(String indicatorName, BigDecimal fullPoints) {
      if (tiers.isEmpty()) {
        throw new ScoringValidationException("指标“" + indicatorName + "”的分档规则至少需要一档");
      }
      BigDecimal previousMin = null;
      BigDecimal previousPoints = null;
      for (Tier t : tiers) {
        if (t == null || t.min() == null || t.points() == null) {
          throw new ScoringValidationException("指标“" + indicatorName + "”的分档规则有未填写的门槛或分值");
        }
        if (t.min().signum() < 0) {
          throw new ScoringValidationException(
              "指标“" + indicatorName + "”的分档门槛不能为负数：" + plain(t.min()));
        }
        if (t.points().signum() < 0 || t.points().compareTo(fullPoints) > 0) {
          throw new ScoringValidationException(
              "指标“" + indicatorName + "”的分档分值" + plain(t.points()) + "超出范围0～"
                  + plain(fullPoints) + "分");
        }
        if (previousMin != null && t.min().compareTo(previousMin) <= 0) {
          throw new ScoringValidationException(
              "指标“" + indicatorName + "”的分档门槛须严格递增：" + plain(t.min()) + "不大于"
                  + plain(previousMin));
        }
        if (previousPoints != null && t.points().compareTo(previousPoints) < 0) {
          throw new ScoringValidationException(
              "指标“" + indicatorName + "”的分档分值不能随门槛升高而降低：" + plain(t.points())
                  + "小于" + plain(previousPoints));
        }
        previousMin = t.min();
        previousPoints = t.points();
      }
      if (previousPoints.compareTo(fullPoints) != 0) {
        throw new ScoringValidationException(
            "指标“" + indicatorName + "”的最高一档须为满分" + plain(fullPoints) + "分，现为"
                + plain(previousPoints) + "分");
      }
    }

    @Override
    public Computation compute(BigDecimal figure, BigDecimal best, String unit, BigDecimal full) {
      Tier reached = null;
      for (Tier t : tiers) {
        if (figure.compareTo(t.min()) >= 0) {
          reached = t;
        }
      }
      if (reached == null) {
        return new Computation(
            points(BigDecimal.ZERO),
            withUnit(figure, unit) + "低于最低档" + withUnit(tiers.get(0).min(), unit) + "，得0分");
      }
      return new Computation(
          points(reached.points()),
          withUnit(figure, unit) + "达到“≥" + withUnit(reached.min(), unit) + "”档，得"
              + plain(reached.points()) + "分");
    }
  }

  /** 0 at/below {@code floor}, full points at/above {@code cap}, linear between. */
  record Linear(BigDecimal floor, BigDecimal cap) implements ScoringRule {
    public Linear {
      floor = Numbers.normalize(floor);
      cap = Numbers.normalize(cap);
    }

    @Override
    public RuleKind kind() {
      return RuleKind.LINEAR;
    }

    @Override
    public String describe(String unit, BigDecimal fullPoints) {
      return "线性：≤" + withUnit(floor, unit) + "得0分，≥" + withUnit(cap, unit) + "得满分"
          + plain(fullPoints) + "分，其间按比例计分";
    }

    @Override
    public void validate(String indicatorName, BigDecimal fullPoints) {
      if (floor == null || cap == null) {
        throw new ScoringValidationException("指标“" + indicatorName + "”的线性规则须填写下限和上限");
      }
      if (floor.signum() < 0) {
        throw new ScoringValidationException(
            "指标“" + indicatorName + "”的线性规则下限不能为负数：" + plain(floor));
      }
      if (cap.compareTo(floor) <= 0) {
        throw new ScoringValidationException(
            "指标“" + indicatorName + "”的线性规则上限" + plain(cap) + "须大于下限" + plain(floor));
      }
    }

    @Override
    public Computation compute(BigDecimal figure, BigDecimal best, String unit, BigDecimal full) {
      if (figure.compareTo(floor) <= 0) {
        return new Computation(
            points(BigDecimal.ZERO), withUnit(figure, unit) + "≤下限" + withUnit(floor, unit) + "，得0分");
      }
      if (figure.compareTo(cap) >= 0) {
        return new Computation(
            points(full), withUnit(figure, unit) + "≥上限" + withUnit(cap, unit) + "，得满分" + plain(full) + "分");
      }
      BigDecimal raw =
          figure.subtract(floor).divide(cap.subtract(floor), MC).multiply(full, MC);
      return new Computation(
          points(raw),
          "(" + plain(figure) + "−" + plain(floor) + ")÷(" + plain(cap) + "−" + plain(floor) + ")×"
              + plain(full) + " = " + pts(raw) + "分");
    }
  }

  /** value ÷ best value of the cohort × points; 0 when the best is 0. */
  record RatioToBest() implements ScoringRule {
    @Override
    public RuleKind kind() {
      return RuleKind.RATIO_TO_BEST;
    }

    @Override
    public String describe(String unit, BigDecimal fullPoints) {
      return "与最优比：本基地数值÷同批参评基地最高值×" + plain(fullPoints) + "分";
    }

    @Override
    public void validate(String indicatorName, BigDecimal fullPoints) {
      // nothing to configure
    }

    @Override
    public Computation compute(BigDecimal figure, BigDecimal best, String unit, BigDecimal full) {
      if (best == null || best.signum() == 0) {
        return new Computation(points(BigDecimal.ZERO), "同批参评基地最高值为0，得0分");
      }
      BigDecimal raw = figure.divide(best, MC).multiply(full, MC);
      return new Computation(
          points(raw),
          plain(figure) + "÷" + withUnit(best, unit) + "（同批最高）×" + plain(full) + " = " + pts(raw) + "分");
    }
  }

  /** Qualitative: each expert scores within [0, points]. */
  record Expert() implements ScoringRule {
    @Override
    public RuleKind kind() {
      return RuleKind.EXPERT;
    }

    @Override
    public String describe(String unit, BigDecimal fullPoints) {
      return "专家评分：每位专家在0～" + plain(fullPoints) + "分之间打分";
    }

    @Override
    public void validate(String indicatorName, BigDecimal fullPoints) {
      // nothing to configure
    }

    @Override
    public Computation compute(BigDecimal figure, BigDecimal best, String unit, BigDecimal full) {
      throw new IllegalStateException("专家评分指标没有计算规则");
    }
  }

  /** Copy of the tiers as a mutable list (convenience for builders). */
  static List<Tier> tiers(String... minAndPoints) {
    List<Tier> list = new ArrayList<>();
    for (int i = 0; i + 1 < minAndPoints.length; i += 2) {
      list.add(new Tier(new BigDecimal(minAndPoints[i]), new BigDecimal(minAndPoints[i + 1])));
    }
    return list;
  }
}
