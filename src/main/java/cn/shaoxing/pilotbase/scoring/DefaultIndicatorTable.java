package cn.shaoxing.pilotbase.scoring;

import static cn.shaoxing.pilotbase.scoring.IndicatorGroup.BASIC_CONDITIONS;
import static cn.shaoxing.pilotbase.scoring.IndicatorGroup.BONUS;
import static cn.shaoxing.pilotbase.scoring.IndicatorGroup.SERVICE_PERFORMANCE;
import static cn.shaoxing.pilotbase.scoring.ScoringRule.tiers;

import java.math.BigDecimal;
import java.util.List;

/**
 * The default rule set shipped with the platform, identical to the seed rows of migration {@code
 * V20__scoring_indicator_table.sql} (a test checks they agree). Justified in docs/scoring.md.
 */
public final class DefaultIndicatorTable {

  private DefaultIndicatorTable() {}

  public static final List<String> IDS =
      List.of(
          "siteArea", "equipmentValue", "graduateStaff", "rdSpend", "managementRules",
          "qualifications", "serviceProjects", "serviceIncome", "landedProjects", "landedBenefit",
          "socialBenefit");

  public static IndicatorTable table() {
    return new IndicatorTable(0, indicators(), ScoringSettings.defaults());
  }

  public static List<Indicator> indicators() {
    return List.of(
        new Indicator("siteArea", BASIC_CONDITIONS, "中试场地面积", "", "平方米", false, pts(5),
            List.of("产权证明或租赁协议书复印件"),
            new ScoringRule.Tiers(tiers("300", "1", "800", "2", "1500", "3", "3000", "4", "5000", "5"))),
        new Indicator("equipmentValue", BASIC_CONDITIONS, "中试仪器设备原值", "", "万元", false, pts(5),
            List.of("设备清单", "仪器设备发票或共享协议书复印件"),
            new ScoringRule.Tiers(tiers("200", "1", "500", "2", "1000", "3", "2000", "4", "3000", "5"))),
        new Indicator("graduateStaff", BASIC_CONDITIONS, "本科及以上中试人才总数", "", "人", true, pts(5),
            List.of("人员清单", "社保证明或聘用合同复印件"),
            new ScoringRule.Tiers(tiers("5", "1", "10", "2", "20", "3", "30", "4", "50", "5"))),
        new Indicator("rdSpend", BASIC_CONDITIONS, "中试基地研发费用", "", "万元", false, pts(5),
            List.of("审计报告或其他证明材料"),
            new ScoringRule.Linear(new BigDecimal("50"), new BigDecimal("500"))),
        new Indicator("managementRules", BASIC_CONDITIONS, "相关管理服务制度情况",
            "机构管理、客户服务、租赁收费标准等制度", "/", false, pts(5),
            List.of("管理制度（包括内部管理制度、对外中试服务管理制度等）复印件"),
            new ScoringRule.Expert()),
        new Indicator("qualifications", BASIC_CONDITIONS, "相关资质情况", "质量管理、安全、环保等资质", "/",
            false, pts(5),
            List.of("质量、管理、安全、环保等认定备案证书复印件或其他资质材料"),
            new ScoringRule.Expert()),
        new Indicator("serviceProjects", SERVICE_PERFORMANCE, "中试服务成果（项目）数", "", "项", true, pts(10),
            List.of("中试成果（项目）明细清单", "服务协议、合同等复印件"),
            new ScoringRule.RatioToBest()),
        new Indicator("serviceIncome", SERVICE_PERFORMANCE, "中试服务收入", "", "万元", false, pts(20),
            List.of("中试服务协议", "银行回单", "财务报表等复印件"),
            new ScoringRule.Linear(new BigDecimal("100"), new BigDecimal("2000"))),
        new Indicator("landedProjects", SERVICE_PERFORMANCE, "中试服务成果（项目）落地数", "", "项", true,
            pts(20),
            List.of("中试服务的成果（项目）落地证明（委托生产、加工协议、新项目立项批复、新孵化企业营业执照或其他证明材料）"),
            new ScoringRule.Tiers(tiers("1", "4", "2", "8", "4", "12", "6", "16", "10", "20"))),
        new Indicator("landedBenefit", SERVICE_PERFORMANCE, "中试落地成果（项目）经济效益", "", "万元", false,
            pts(20),
            List.of("中试落地成果（项目）产生的销售收入和税收证明（财务报表、纳税证明、审计报告或其他证明材料）"),
            new ScoringRule.Linear(BigDecimal.ZERO, new BigDecimal("5000"))),
        new Indicator("socialBenefit", BONUS, "社会经济效益",
            "中试基地或中试转化成果（项目）产生社会经济效益较为显著的酌情赋分，最高不超过10分", "/", false, pts(10),
            List.of("中试成功的成果（项目）获得省级以上科学技术奖的证明材料", "产生经济效益特别明显的证明材料",
                "引进高层次人才数量较多的证明材料", "其他能体现明显社会经济效益的证明材料"),
            new ScoringRule.Expert()));
  }

  private static BigDecimal pts(int p) {
    return new BigDecimal(p);
  }
}
