package cn.shaoxing.pilotbase.scoring;

import static cn.shaoxing.pilotbase.scoring.Numbers.MAX_FIGURE;
import static cn.shaoxing.pilotbase.scoring.Numbers.plain;
import static cn.shaoxing.pilotbase.scoring.Numbers.points;
import static cn.shaoxing.pilotbase.scoring.Numbers.pts;
import static cn.shaoxing.pilotbase.scoring.Numbers.withUnit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns figures and expert sheets into scores with their working. Pure: no database, no engine.
 * Scores a whole cohort at once because the RATIO_TO_BEST rule needs the best figure of the
 * cohort (the bases evaluated or applying together; absent bases are not part of it).
 */
public final class ScoreCalculator {

  /** One base of the cohort: its figures and the sheets of the experts who scored it. */
  public record Entry(BaseFigures figures, List<ExpertSheet> sheets) {
    public Entry {
      sheets = sheets == null ? List.of() : List.copyOf(sheets);
    }
  }

  private final IndicatorTable table;

  public ScoreCalculator(IndicatorTable table) {
    this.table = table;
  }

  /** Scores every base of the cohort, in the order given. */
  public List<BaseScore> scoreCohort(List<Entry> cohort) {
    if (cohort == null || cohort.isEmpty()) {
      throw new ScoringValidationException("参评基地名单为空，无法评分");
    }
    Set<String> ids = new HashSet<>();
    for (Entry e : cohort) {
      validateFigures(e.figures());
      if (!ids.add(e.figures().baseId())) {
        throw new ScoringValidationException("参评基地重复：" + e.figures().baseName());
      }
    }
    Map<String, BigDecimal> best = bestFigures(cohort.stream().map(Entry::figures).toList());
    return cohort.stream().map(e -> score(e.figures(), e.sheets(), best)).toList();
  }

  /** Best (highest) figure of the cohort per quantitative indicator. */
  public Map<String, BigDecimal> bestFigures(List<BaseFigures> cohort) {
    Map<String, BigDecimal> best = new HashMap<>();
    for (Indicator i : table.indicators()) {
      if (i.isQualitative()) {
        continue;
      }
      BigDecimal max = BigDecimal.ZERO;
      for (BaseFigures f : cohort) {
        BigDecimal v = f.figures().get(i.id());
        if (v != null && v.compareTo(max) > 0) {
          max = v;
        }
      }
      best.put(i.id(), max);
    }
    return best;
  }

  /**
   * Scores one base given the cohort's best figures (from {@link #bestFigures}); use this when the
   * cohort has been fixed earlier and the bases are scored one by one.
   */
  public BaseScore score(BaseFigures figures, List<ExpertSheet> sheets, Map<String, BigDecimal> best) {
    validateFigures(figures);
    validateSheets(figures, sheets);
    ScoringSettings settings = table.settings();
    List<IndicatorScore> scores = new ArrayList<>();
    for (Indicator indicator : table.indicators()) {
      scores.add(scoreIndicator(indicator, figures, sheets, best.get(indicator.id()), settings));
    }
    BigDecimal basic = subtotal(scores, IndicatorGroup.BASIC_CONDITIONS);
    BigDecimal service = subtotal(scores, IndicatorGroup.SERVICE_PERFORMANCE);
    BigDecimal baseTotal = basic.add(service);
    BigDecimal bonusRaw = subtotal(scores, IndicatorGroup.BONUS);
    BigDecimal bonus = bonusRaw.min(points(settings.bonusCap()));
    BigDecimal total = baseTotal.add(bonus);
    List<String> experts = sheets.stream().map(ExpertSheet::expertName).toList();
    BaseScore draft =
        new BaseScore(figures.baseId(), figures.baseName(), table.version(), experts,
            settings.aggregationDescription(), scores, basic, service, baseTotal, bonusRaw,
            points(settings.bonusCap()), bonus, total, "");
    return new BaseScore(draft.baseId(), draft.baseName(), draft.tableVersion(), draft.experts(),
        draft.aggregationRule(), draft.indicators(), basic, service, baseTotal, bonusRaw,
        draft.bonusCap(), bonus, total, WorkingText.render(draft));
  }

  private IndicatorScore scoreIndicator(Indicator indicator, BaseFigures figures,
      List<ExpertSheet> sheets, BigDecimal best, ScoringSettings settings) {
    BigDecimal figure = null;
    BigDecimal computed = null;
    String computation = null;
    if (!indicator.isQualitative()) {
      figure = figures.figures().get(indicator.id());
      ScoringRule.Computation c =
          indicator.rule().compute(figure, best, indicator.unit(), indicator.points());
      computed = c.points();
      computation = c.working();
    }
    List<IndicatorScore.ExpertMarkView> views = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (ExpertSheet sheet : sheets) {
      ExpertSheet.Mark mark = markFor(sheet, indicator.id());
      BigDecimal value;
      BigDecimal adjustment = null;
      String reason = mark == null ? null : blankToNull(mark.reason());
      if (indicator.isQualitative()) {
        value = mark == null ? BigDecimal.ZERO : mark.points();
        if (mark == null) {
          reason = "未赋分";
        }
      } else {
        value = mark == null || mark.points() == null ? computed : mark.points();
        adjustment = points(value.subtract(computed));
        if (adjustment.signum() != 0 && reason == null) {
          throw new ScoringValidationException("专家“" + sheet.expertName() + "”将指标“" + indicator.name()
              + "”的计算得分" + pts(computed) + "调整为" + pts(value) + "，须说明理由");
        }
      }
      value = points(value);
      values.add(value);
      views.add(new IndicatorScore.ExpertMarkView(
          sheet.expertId(), sheet.expertName(), value, adjustment, reason));
    }
    ExpertAggregation.Outcome outcome = ExpertAggregation.aggregate(values, settings);
    if (!indicator.isQualitative()
        && views.stream().allMatch(v -> v.adjustment().signum() == 0)) {
      outcome = new ExpertAggregation.Outcome(outcome.value(),
          views.size() + "位专家均认可计算得分" + pts(computed));
    }
    return new IndicatorScore(indicator.id(), indicator.name(), indicator.group(), indicator.unit(),
        indicator.points(), indicator.rule().kind(), figure, indicator.ruleDescription(), computed,
        computation, views, outcome.description(), outcome.value());
  }

  private static BigDecimal subtotal(List<IndicatorScore> scores, IndicatorGroup group) {
    return points(scores.stream().filter(s -> s.group() == group).map(IndicatorScore::points)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static ExpertSheet.Mark markFor(ExpertSheet sheet, String indicatorId) {
    return sheet.marks().stream().filter(m -> indicatorId.equals(m.indicatorId())).findFirst()
        .orElse(null);
  }

  /** Rejects missing, negative, fractional counts and absurd figures, in Chinese. */
  void validateFigures(BaseFigures f) {
    if (f == null || isBlank(f.baseId())) {
      throw new ScoringValidationException("参评基地缺少编号");
    }
    String who = "基地“" + (isBlank(f.baseName()) ? f.baseId() : f.baseName()) + "”";
    for (String key : f.figures().keySet()) {
      if (table.find(key).isEmpty()) {
        throw new ScoringValidationException(who + "填报了未知的评价指标：" + key);
      }
    }
    for (Indicator i : table.indicators()) {
      if (i.isQualitative()) {
        continue;
      }
      BigDecimal v = f.figures().get(i.id());
      if (v == null) {
        throw new ScoringValidationException(who + "未填报指标“" + i.name() + "”（单位：" + i.unit() + "）");
      }
      if (v.signum() < 0) {
        throw new ScoringValidationException(
            who + "的指标“" + i.name() + "”数值不能为负数：" + plain(v));
      }
      if (v.compareTo(MAX_FIGURE) > 0) {
        throw new ScoringValidationException(who + "的指标“" + i.name() + "”数值" + withUnit(v, i.unit())
            + "明显不合理（超过" + plain(MAX_FIGURE) + "），请核实单位是否为" + i.unit());
      }
      if (i.wholeNumber() && v.stripTrailingZeros().scale() > 0) {
        throw new ScoringValidationException(
            who + "的指标“" + i.name() + "”须为整数（单位：" + i.unit() + "）：" + plain(v));
      }
    }
  }

  private void validateSheets(BaseFigures f, List<ExpertSheet> sheets) {
    String who = "基地“" + (isBlank(f.baseName()) ? f.baseId() : f.baseName()) + "”";
    if (sheets == null || sheets.isEmpty()) {
      throw new ScoringValidationException(who + "至少需要一位专家（或第三方机构）的评分");
    }
    Set<String> expertIds = new HashSet<>();
    for (ExpertSheet sheet : sheets) {
      if (isBlank(sheet.expertId())) {
        throw new ScoringValidationException(who + "的评分表缺少专家编号");
      }
      String expert = "专家“" + (isBlank(sheet.expertName()) ? sheet.expertId() : sheet.expertName()) + "”";
      if (!expertIds.add(sheet.expertId())) {
        throw new ScoringValidationException(expert + "对" + who + "提交了重复的评分表");
      }
      Map<String, ExpertSheet.Mark> byIndicator = new LinkedHashMap<>();
      for (ExpertSheet.Mark m : sheet.marks()) {
        Indicator i = table.find(m.indicatorId()).orElseThrow(() ->
            new ScoringValidationException(expert + "对未知的评价指标评分：" + m.indicatorId()));
        if (byIndicator.put(m.indicatorId(), m) != null) {
          throw new ScoringValidationException(expert + "对指标“" + i.name() + "”重复评分");
        }
        if (m.points() == null) {
          if (i.isQualitative()) {
            throw new ScoringValidationException(expert + "未对指标“" + i.name() + "”打分");
          }
          continue;
        }
        if (m.points().signum() < 0 || m.points().compareTo(i.points()) > 0) {
          throw new ScoringValidationException(expert + "对指标“" + i.name() + "”的评分" + plain(m.points())
              + "超出范围0～" + plain(i.points()) + "分");
        }
        if (m.points().stripTrailingZeros().scale() > 2) {
          throw new ScoringValidationException(expert + "对指标“" + i.name() + "”的评分最多保留两位小数："
              + plain(m.points()));
        }
      }
      for (Indicator i : table.indicators()) {
        ExpertSheet.Mark m = byIndicator.get(i.id());
        if (i.isQualitative() && !i.group().isBonus() && m == null) {
          throw new ScoringValidationException(expert + "未对指标“" + i.name() + "”打分");
        }
        if (i.group().isBonus() && m != null && m.points().signum() > 0 && isBlank(m.reason())) {
          throw new ScoringValidationException(expert + "对加分项“" + i.name() + "”赋分须说明理由");
        }
      }
    }
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s.trim();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Used by WorkingText. */
  static String formatPoints(BigDecimal p) {
    return pts(p);
  }
}
