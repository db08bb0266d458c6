package cn.shaoxing.pilotbase.scoring;

import static cn.shaoxing.pilotbase.scoring.Numbers.plain;
import static cn.shaoxing.pilotbase.scoring.Numbers.pts;
import static cn.shaoxing.pilotbase.scoring.Numbers.withUnit;

import java.math.BigDecimal;
import java.util.function.Function;

/** Renders a {@link BaseScore} as Chinese text: what the base, the bureau and the public see. */
public final class WorkingText {

  private WorkingText() {}

  static String render(BaseScore s) {
    StringBuilder sb = new StringBuilder();
    sb.append("参评基地：").append(s.baseName()).append("（").append(s.baseId()).append("）\n");
    sb.append("评分专家：").append(s.experts().size()).append("位（")
        .append(String.join("、", s.experts())).append("）\n");
    sb.append("汇总方式：").append(s.aggregationRule()).append("\n");
    sb.append("指标体系版本：").append(s.tableVersion()).append("\n");
    int n = 0;
    IndicatorGroup current = null;
    for (IndicatorScore i : s.indicators()) {
      if (i.group() != current) {
        current = i.group();
        sb.append("【").append(current.chineseName()).append("（")
            .append(current.isBonus() ? "最高" : "").append(plain(current.points())).append("分）】\n");
      }
      n++;
      sb.append(n).append(". ").append(i.name()).append("（").append(plain(i.fullPoints())).append("分）");
      sb.append(i.figure() != null ? "：填报值" + withUnit(i.figure(), i.unit()) : "").append("\n");
      sb.append(steps(i, IndicatorScore.ExpertMarkView::expertName));
    }
    sb.append("小计：中试基础条件").append(pts(s.basicConditions())).append("/30分；中试服务成效")
        .append(pts(s.servicePerformance())).append("/70分；基础得分").append(pts(s.baseTotal()))
        .append("/100分\n");
    sb.append("加分：").append(pts(s.bonus()));
    if (s.bonusRaw().compareTo(s.bonus()) > 0) {
      sb.append("（专家汇总").append(pts(s.bonusRaw())).append("分，超过上限按").append(plain(s.bonusCap()))
          .append("分计）");
    } else {
      sb.append("（上限").append(plain(s.bonusCap())).append("分）");
    }
    sb.append("\n总分：").append(pts(s.baseTotal())).append("+").append(pts(s.bonus())).append(" = ")
        .append(pts(s.total())).append("分");
    return sb.toString();
  }

  /**
   * The working of one indicator, a line each (indented by three spaces): rule, computation and
   * experts' adjustments (quantitative) or the experts' marks (qualitative), and how they were
   * combined into the points. {@code expertName} names an expert (the exports show the pool's names
   * to the roles that may see who scored).
   */
  public static String steps(IndicatorScore i,
      Function<IndicatorScore.ExpertMarkView, String> expertName) {
    StringBuilder sb = new StringBuilder();
    sb.append("   规则：").append(i.ruleDescription()).append("\n");
    if (i.figure() != null) {
      sb.append("   计算：").append(i.computation()).append("，计算得分").append(pts(i.computedPoints()))
          .append("\n");
      for (IndicatorScore.ExpertMarkView m : i.expertMarks()) {
        if (m.adjustment() != null && m.adjustment().signum() != 0) {
          sb.append("   专家调整：").append(expertName.apply(m)).append("调整为").append(pts(m.points()))
              .append("（").append(m.adjustment().signum() > 0 ? "+" : "").append(pts(m.adjustment()))
              .append("），理由：").append(m.reason()).append("\n");
        }
      }
    } else {
      sb.append("   专家评分：");
      boolean first = true;
      for (IndicatorScore.ExpertMarkView m : i.expertMarks()) {
        sb.append(first ? "" : "；").append(expertName.apply(m)).append(" ").append(pts(m.points()));
        if (m.reason() != null) {
          sb.append("（").append(m.reason()).append("）");
        }
        first = false;
      }
      sb.append("\n");
    }
    sb.append("   汇总：").append(i.aggregation()).append("；得分").append(pts(i.points())).append("/")
        .append(plain(i.fullPoints())).append("\n");
    return sb.toString();
  }

  static String points(BigDecimal value) {
    return pts(value);
  }
}
