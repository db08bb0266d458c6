package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variable names of the evaluation forms, declared once. The self-evaluation collects stocks
 * (site, equipment, staff) at the end of the period and flows (R&D, projects, income, landings,
 * benefit) for each of the two years; scoring uses the annual average of flows (docs/scoring.md).
 */
public final class EvaluationForm {

  private EvaluationForm() {}

  /** Indicators reported as the figure at the end of the period. */
  public static final List<String> STOCKS = List.of("siteArea", "equipmentValue", "graduateStaff");
  /** Indicators reported per year (annual average is scored). */
  public static final List<String> FLOWS =
      List.of("rdSpend", "serviceProjects", "serviceIncome", "landedProjects", "landedBenefit");
  /** Counted indicators (whole numbers). */
  public static final List<String> COUNTS = List.of("graduateStaff", "serviceProjects", "landedProjects");
  /** Indicators scored by the experts only. */
  public static final List<String> QUALITATIVE = List.of("managementRules", "qualifications", "socialBenefit");
  /** Every indicator of the annex, in table order. */
  public static final List<String> ALL = List.of("siteArea", "equipmentValue", "graduateStaff",
      "rdSpend", "managementRules", "qualifications", "serviceProjects", "serviceIncome",
      "landedProjects", "landedBenefit", "socialBenefit");

  public static final String SELF_REPORT = "selfReport";
  public static final String DECLARATION = "declarationTruthful";

  public static String stock(String id) {
    return "fig_" + id;
  }

  public static String flow(String id, int year) {
    return "fig_" + id + "_y" + year;
  }

  public static String evidence(String id) {
    return "ev_" + id;
  }

  /** Quantitative indicators: those with a figure. */
  public static List<String> quantitative() {
    return ALL.stream().filter(i -> !QUALITATIVE.contains(i)).toList();
  }

  /** Fields of every self-evaluation form field key. */
  public static List<String> selfEvaluationKeys() {
    List<String> keys = new java.util.ArrayList<>();
    STOCKS.forEach(s -> keys.add(stock(s)));
    FLOWS.forEach(f -> {
      keys.add(flow(f, 1));
      keys.add(flow(f, 2));
    });
    ALL.forEach(i -> keys.add(evidence(i)));
    keys.add(SELF_REPORT);
    keys.add(DECLARATION);
    return keys;
  }

  /** Fields of the expert scoring form, declared local to each expert's instance. */
  public static List<String> scoringKeys() {
    List<String> keys = new java.util.ArrayList<>(List.of("participation", "declineReason",
        "requestOnSite", "scorerOpinion", ExpertSheetForm.bonusReason("socialBenefit")));
    // the expert's scoring fields are named once, for both expert forms (scoring.ExpertSheetForm)
    QUALITATIVE.forEach(q -> keys.add(ExpertSheetForm.mark(q)));
    quantitative().forEach(q -> {
      keys.add(ExpertSheetForm.adjustment(q));
      keys.add(ExpertSheetForm.adjustmentReason(q));
    });
    return keys;
  }

  /**
   * The figures to score: stocks as reported; flows as the mean of the two years, counts rounded
   * half up to a whole number (the scoring rules accept only whole counts), amounts to 2 decimals.
   */
  public static Map<String, BigDecimal> annualFigures(Map<String, Object> filing) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (String s : STOCKS) {
      out.put(s, num(filing.get(stock(s))));
    }
    for (String f : FLOWS) {
      BigDecimal y1 = num(filing.get(flow(f, 1)));
      BigDecimal y2 = num(filing.get(flow(f, 2)));
      if (y1 == null || y2 == null) {
        out.put(f, null);
        continue;
      }
      int scale = COUNTS.contains(f) ? 0 : 2;
      out.put(f, y1.add(y2).divide(new BigDecimal(2), scale, RoundingMode.HALF_UP));
    }
    return out;
  }

  static BigDecimal num(Object o) {
    if (o == null || "".equals(o)) {
      return null;
    }
    if (o instanceof BigDecimal b) {
      return b;
    }
    if (o instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(o.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
