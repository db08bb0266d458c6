package cn.shaoxing.pilotbase.designation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The indicator table of the annex (附表): 10 indicators worth 100 points plus a bonus of at most
 * 10. Experts score each indicator within its points. Defined here because the {@code scoring}
 * package was not on main when the designation was built; this table should later delegate to
 * it. The indicator ids match {@code scoring.DefaultIndicatorTable}.
 */
public final class DesignationIndicators {

  /** One indicator: form field key (score_ + id), Chinese name, maximum points. */
  public record Indicator(String id, String name, int points) {
    public String scoreField() {
      return "score_" + id;
    }
  }

  public static final List<Indicator> INDICATORS =
      List.of(
          new Indicator("siteArea", "中试场地面积", 5),
          new Indicator("equipmentValue", "中试仪器设备原值", 5),
          new Indicator("graduateStaff", "本科及以上中试人才总数", 5),
          new Indicator("rdSpend", "中试基地研发费用", 5),
          new Indicator("managementRules", "相关管理服务制度情况", 5),
          new Indicator("qualifications", "相关资质情况", 5),
          new Indicator("serviceProjects", "中试服务成果（项目）数", 10),
          new Indicator("serviceIncome", "中试服务收入", 20),
          new Indicator("landedProjects", "中试服务成果（项目）落地数", 20),
          new Indicator("landedBenefit", "中试落地成果（项目）经济效益", 20));

  public static final String BONUS_FIELD = "score_bonus";
  public static final int BONUS_MAX = 10;
  public static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(110);

  private DesignationIndicators() {}

  public static int basePoints() {
    return INDICATORS.stream().mapToInt(Indicator::points).sum();
  }
}
