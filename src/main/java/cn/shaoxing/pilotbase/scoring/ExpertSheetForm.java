package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The field keys of an expert scoring form and how a submitted form becomes an {@link
 * ExpertSheet}, shared by every process that has experts score against the indicator table (the
 * biennial evaluation and the annual designation round), so both read and check the same fields
 * the same way.
 *
 * <ul>
 *   <li>{@code mark_<id>}: the expert's points for an indicator without a figure (unit "/": the
 *       qualitative indicators and the bonus); always scored by the experts (rule EXPERT).
 *   <li>{@code adj_<id>} with {@code adjReason_<id>}: for an indicator with a figure, optional
 *       points replacing the points the rule computes, with the reason; if the bureau has made such
 *       an indicator EXPERT, this field carries the expert's (then mandatory) points.
 *   <li>{@code reason_<bonus id>}: the reason for any bonus above 0.
 * </ul>
 *
 * Maxima are checked here against the table in force (or the snapshot a round uses), never taken
 * from the form.
 */
public final class ExpertSheetForm {

  private ExpertSheetForm() {}

  public static String mark(String id) {
    return "mark_" + id;
  }

  public static String adjustment(String id) {
    return "adj_" + id;
  }

  public static String adjustmentReason(String id) {
    return "adjReason_" + id;
  }

  public static String bonusReason(String id) {
    return "reason_" + id;
  }

  /** Whether the indicator has a figure the applicant reports (a unit other than "/"). */
  public static boolean hasFigure(Indicator i) {
    return i.unit() != null && !"/".equals(i.unit().trim());
  }

  /** The form field carrying the expert's points for the indicator. */
  public static String pointsKey(Indicator i) {
    return hasFigure(i) ? adjustment(i.id()) : mark(i.id());
  }

  /** The form field carrying the reason for those points, or null when none is asked for. */
  public static String reasonKey(Indicator i) {
    if (hasFigure(i)) {
      return adjustmentReason(i.id());
    }
    return i.group().isBonus() ? bonusReason(i.id()) : null;
  }

  /** Every scoring field of the form for this table, in table order. */
  public static List<String> keys(IndicatorTable table) {
    List<String> keys = new ArrayList<>();
    for (Indicator i : table.indicators()) {
      keys.add(pointsKey(i));
      if (reasonKey(i) != null) {
        keys.add(reasonKey(i));
      }
    }
    return keys;
  }

  /** The sheet of one expert from the submitted form. */
  public static ExpertSheet sheet(String expertId, String expertName, Map<String, Object> v,
      IndicatorTable table) {
    List<ExpertSheet.Mark> marks = new ArrayList<>();
    for (Indicator i : table.indicators()) {
      BigDecimal pts = num(v.get(pointsKey(i)));
      if (pts != null) {
        String reasonKey = reasonKey(i);
        Object reason = reasonKey == null ? null : v.get(reasonKey);
        marks.add(new ExpertSheet.Mark(i.id(), pts, reason == null ? null : reason.toString()));
      }
    }
    return new ExpertSheet(expertId, expertName, marks);
  }

  /**
   * Checks a submitted form against the table, reporting (field, Chinese message): every
   * indicator the table has experts score is scored, points within [0, points] with at most two
   * decimals, a reason for every adjustment and for any bonus.
   */
  public static void check(IndicatorTable table, Map<String, Object> v,
      BiConsumer<String, String> errors) {
    for (Indicator i : table.indicators()) {
      String key = pointsKey(i);
      BigDecimal pts = num(v.get(key));
      if (pts == null) {
        if (present(v.get(key))) {
          errors.accept(key, "“" + i.name() + "”得分须为数字");
        } else if (i.isQualitative() && !i.group().isBonus()) {
          errors.accept(key, "“" + i.name() + "”须由评价人打分");
        }
        continue;
      }
      if (pts.signum() < 0 || pts.compareTo(i.points()) > 0) {
        errors.accept(key, "“" + i.name() + "”得分须在0～" + i.points().stripTrailingZeros().toPlainString()
            + "分之间");
      } else if (pts.stripTrailingZeros().scale() > 2) {
        errors.accept(key, "“" + i.name() + "”得分最多保留两位小数");
      }
      String reasonKey = reasonKey(i);
      if (reasonKey == null || present(v.get(reasonKey))) {
        continue;
      }
      if (i.group().isBonus()) {
        if (pts.signum() > 0) {
          errors.accept(reasonKey, "给予加分须说明理由");
        }
      } else if (!i.isQualitative()) {
        errors.accept(reasonKey, "调整“" + i.name() + "”得分须说明理由");
      }
    }
  }

  private static boolean present(Object o) {
    return o != null && !(o instanceof String s && s.isBlank());
  }

  static BigDecimal num(Object o) {
    if (o == null || o instanceof Boolean) {
      return null;
    }
    if (o instanceof BigDecimal b) {
      return b;
    }
    try {
      return new BigDecimal(o.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
