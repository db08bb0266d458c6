package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A base's score with its working, from figures and expert sheets (附表, default rule set). */
class ScoreCalculatorTest {

  final ScoreCalculator calc = new ScoreCalculator(DefaultIndicatorTable.table());

  static Map<String, BigDecimal> figures(String site, String equip, String staff, String rd,
      String projects, String income, String landed, String benefit) {
    Map<String, BigDecimal> m = new HashMap<>();
    m.put("siteArea", new BigDecimal(site));
    m.put("equipmentValue", new BigDecimal(equip));
    m.put("graduateStaff", new BigDecimal(staff));
    m.put("rdSpend", new BigDecimal(rd));
    m.put("serviceProjects", new BigDecimal(projects));
    m.put("serviceIncome", new BigDecimal(income));
    m.put("landedProjects", new BigDecimal(landed));
    m.put("landedBenefit", new BigDecimal(benefit));
    return m;
  }

  static ExpertSheet.Mark mark(String id, String points, String reason) {
    return new ExpertSheet.Mark(id, new BigDecimal(points), reason);
  }

  static ExpertSheet sheet(String id, String rules, String quals, String bonus, ExpertSheet.Mark... extra) {
    List<ExpertSheet.Mark> marks = new ArrayList<>(List.of(
        mark("managementRules", rules, null), mark("qualifications", quals, null)));
    if (bonus != null) {
      marks.add(mark("socialBenefit", bonus, "获省科学技术进步奖二等奖"));
    }
    marks.addAll(List.of(extra));
    return new ExpertSheet(id, "专家" + id, marks);
  }

  BaseFigures alpha = new BaseFigures("alpha", "甲中试基地",
      figures("2500", "1200", "25", "275", "30", "1050", "5", "2500"));
  BaseFigures beta = new BaseFigures("beta", "乙中试基地",
      figures("800", "300", "8", "40", "15", "100", "0", "0"));

  @Test
  void scoresAlphaWithFullWorking() {
    List<ExpertSheet> sheets = List.of(sheet("e1", "5", "4", "6"), sheet("e2", "4", "4", "4"),
        sheet("e3", "4", "3", null));
    List<BaseScore> scores = calc.scoreCohort(List.of(
        new ScoreCalculator.Entry(alpha, sheets), new ScoreCalculator.Entry(beta, sheets)));
    BaseScore a = scores.get(0);
    // siteArea 2500 → tier ≥1500 → 3; equipment 1200 → tier ≥1000 → 3; staff 25 → ≥20 → 3
    assertThat(a.indicator("siteArea").points()).isEqualByComparingTo("3");
    assertThat(a.indicator("equipmentValue").points()).isEqualByComparingTo("3");
    assertThat(a.indicator("graduateStaff").points()).isEqualByComparingTo("3");
    // rdSpend linear 50..500 → (275-50)/450×5 = 2.5
    assertThat(a.indicator("rdSpend").points()).isEqualByComparingTo("2.50");
    // experts: (5+4+4)/3 = 4.33; (4+4+3)/3 = 3.67
    assertThat(a.indicator("managementRules").points()).isEqualByComparingTo("4.33");
    assertThat(a.indicator("qualifications").points()).isEqualByComparingTo("3.67");
    // serviceProjects ratio: 30 is the best → 10; beta 15/30 → 5
    assertThat(a.indicator("serviceProjects").points()).isEqualByComparingTo("10");
    assertThat(scores.get(1).indicator("serviceProjects").points()).isEqualByComparingTo("5");
    // income (1050-100)/1900×20 = 10; landed 5 → tier ≥4 → 12; benefit 2500/5000×20 = 10
    assertThat(a.indicator("serviceIncome").points()).isEqualByComparingTo("10");
    assertThat(a.indicator("landedProjects").points()).isEqualByComparingTo("12");
    assertThat(a.indicator("landedBenefit").points()).isEqualByComparingTo("10");
    // bonus (6+4+0)/3 = 3.33
    assertThat(a.indicator("socialBenefit").points()).isEqualByComparingTo("3.33");
    assertThat(a.basicConditions()).isEqualByComparingTo("19.50");
    assertThat(a.servicePerformance()).isEqualByComparingTo("42.00");
    assertThat(a.baseTotal()).isEqualByComparingTo("61.50");
    assertThat(a.bonus()).isEqualByComparingTo("3.33");
    assertThat(a.total()).isEqualByComparingTo("64.83");

    IndicatorScore income = a.indicator("serviceIncome");
    assertThat(income.figure()).isEqualByComparingTo("1050");
    assertThat(income.ruleDescription()).isEqualTo("线性：≤100万元得0分，≥2000万元得满分20分，其间按比例计分");
    assertThat(income.computation()).isEqualTo("(1050−100)÷(2000−100)×20 = 10.00分");
    assertThat(income.expertMarks()).extracting(IndicatorScore.ExpertMarkView::adjustment)
        .allSatisfy(adj -> assertThat(adj).isEqualByComparingTo("0"));

    assertThat(a.working())
        .contains("参评基地：甲中试基地（alpha）")
        .contains("评分专家：3位（专家e1、专家e2、专家e3）")
        .contains("【中试基础条件（30分）】")
        .contains("1. 中试场地面积（5分）：填报值2500平方米")
        .contains("计算：2500平方米达到“≥1500平方米”档，得3分，计算得分3.00")
        .contains("汇总：3位专家平均：(4+4+5)÷3 = 4.33；得分4.33/5")
        .contains("专家e3 0.00（未赋分）")
        .contains("汇总：3位专家均认可计算得分10.00；得分10.00/20")
        .contains("总分：61.50+3.33 = 64.83分");
  }

  @Test
  void expertAdjustmentNeedsAReasonAndIsShown() {
    ExpertSheet adjusting = sheet("e1", "5", "5", null,
        mark("serviceIncome", "8", "部分收入为关联方交易，不予认定"));
    BaseScore a = calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(adjusting, sheet("e2", "5", "5", null))))).get(0);
    IndicatorScore income = a.indicator("serviceIncome");
    assertThat(income.computedPoints()).isEqualByComparingTo("10");
    assertThat(income.expertMarks().get(0).adjustment()).isEqualByComparingTo("-2");
    assertThat(income.points()).isEqualByComparingTo("9");
    assertThat(a.working()).contains("专家调整：专家e1调整为8.00（-2.00），理由：部分收入为关联方交易，不予认定");

    ExpertSheet noReason = sheet("e1", "5", "5", null, mark("serviceIncome", "8", " "));
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha, List.of(noReason)))))
        .isInstanceOf(ScoringValidationException.class)
        .hasMessage("专家“专家e1”将指标“中试服务收入”的计算得分10.00调整为8.00，须说明理由");
    // confirming the computed points needs no reason
    ExpertSheet confirming = sheet("e1", "5", "5", null, mark("serviceIncome", "10", null));
    assertThat(calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha, List.of(confirming)))).get(0)
        .indicator("serviceIncome").points()).isEqualByComparingTo("10");
  }

  @Test
  void trimmedMeanWithFiveExperts() {
    List<ExpertSheet> five = List.of(sheet("e1", "5", "5", null), sheet("e2", "4", "5", null),
        sheet("e3", "4", "5", null), sheet("e4", "3", "5", null), sheet("e5", "0", "5", null));
    BaseScore a = calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha, five))).get(0);
    assertThat(a.indicator("managementRules").points()).isEqualByComparingTo("3.67");
    assertThat(a.indicator("managementRules").aggregation())
        .isEqualTo("5位专家去掉最高分5和最低分0后平均：(3+4+4)÷3 = 3.67");
  }

  @Test
  void bonusIsCappedBySetting() {
    IndicatorTable capped = new IndicatorTable(3, DefaultIndicatorTable.indicators(),
        new ScoringSettings(true, 5, new BigDecimal("30"), new BigDecimal("5")));
    BaseScore a = new ScoreCalculator(capped).scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "5", "5", "9"))))).get(0);
    assertThat(a.bonusRaw()).isEqualByComparingTo("9");
    assertThat(a.bonus()).isEqualByComparingTo("5");
    assertThat(a.tableVersion()).isEqualTo(3);
    assertThat(a.working()).contains("加分：5.00（专家汇总9.00分，超过上限按5分计）");
  }

  @Test
  void expertScoreOutsideRangeRejected() {
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "6", "5", null))))))
        .isInstanceOf(ScoringValidationException.class)
        .hasMessage("专家“专家e1”对指标“相关管理服务制度情况”的评分6超出范围0～5分");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "-1", "5", null))))))
        .hasMessage("专家“专家e1”对指标“相关管理服务制度情况”的评分-1超出范围0～5分");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "5", "5", "10.5"))))))
        .hasMessage("专家“专家e1”对指标“社会经济效益”的评分10.5超出范围0～10分");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "5", "5", null, mark("serviceIncome", "21", "多算")))))))
        .hasMessage("专家“专家e1”对指标“中试服务收入”的评分21超出范围0～20分");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "4.333", "5", null))))))
        .hasMessage("专家“专家e1”对指标“相关管理服务制度情况”的评分最多保留两位小数：4.333");
  }

  @Test
  void missingQualitativeMarkBonusWithoutReasonAndDuplicateExpertRejected() {
    ExpertSheet missing = new ExpertSheet("e1", "专家e1", List.of(mark("managementRules", "5", null)));
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha, List.of(missing)))))
        .hasMessage("专家“专家e1”未对指标“相关资质情况”打分");
    ExpertSheet bonusNoReason = sheet("e1", "5", "5", null, mark("socialBenefit", "3", ""));
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha, List.of(bonusNoReason)))))
        .hasMessage("专家“专家e1”对加分项“社会经济效益”赋分须说明理由");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "5", "5", null), sheet("e1", "4", "4", null))))))
        .hasMessage("专家“专家e1”对基地“甲中试基地”提交了重复的评分表");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha, List.of()))))
        .hasMessage("基地“甲中试基地”至少需要一位专家（或第三方机构）的评分");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "5", "5", null, mark("profit", "1", "x")))))))
        .hasMessage("专家“专家e1”对未知的评价指标评分：profit");
  }

  @Test
  void negativeAbsurdFractionalAndMissingFiguresRejected() {
    Map<String, BigDecimal> neg = new HashMap<>(alpha.figures());
    neg.put("siteArea", new BigDecimal("-5"));
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(
        new BaseFigures("a", "甲中试基地", neg), List.of(sheet("e1", "5", "5", null))))))
        .isInstanceOf(ScoringValidationException.class)
        .hasMessage("基地“甲中试基地”的指标“中试场地面积”数值不能为负数：-5");

    Map<String, BigDecimal> absurd = new HashMap<>(alpha.figures());
    absurd.put("serviceIncome", new BigDecimal("10500000000"));
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(
        new BaseFigures("a", "甲中试基地", absurd), List.of(sheet("e1", "5", "5", null))))))
        .hasMessage("基地“甲中试基地”的指标“中试服务收入”数值10500000000万元明显不合理（超过100000000），请核实单位是否为万元");

    Map<String, BigDecimal> fraction = new HashMap<>(alpha.figures());
    fraction.put("graduateStaff", new BigDecimal("3.5"));
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(
        new BaseFigures("a", "甲中试基地", fraction), List.of(sheet("e1", "5", "5", null))))))
        .hasMessage("基地“甲中试基地”的指标“本科及以上中试人才总数”须为整数（单位：人）：3.5");
    // 12.0 persons is a whole number
    fraction.put("graduateStaff", new BigDecimal("12.0"));
    assertThat(calc.scoreCohort(List.of(new ScoreCalculator.Entry(new BaseFigures("a", "甲中试基地", fraction),
        List.of(sheet("e1", "5", "5", null))))).get(0).indicator("graduateStaff").points())
        .isEqualByComparingTo("2");

    Map<String, BigDecimal> missing = new HashMap<>(alpha.figures());
    missing.remove("rdSpend");
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(
        new BaseFigures("a", "甲中试基地", missing), List.of(sheet("e1", "5", "5", null))))))
        .hasMessage("基地“甲中试基地”未填报指标“中试基地研发费用”（单位：万元）");

    Map<String, BigDecimal> unknown = new HashMap<>(alpha.figures());
    unknown.put("profit", BigDecimal.ONE);
    assertThatThrownBy(() -> calc.scoreCohort(List.of(new ScoreCalculator.Entry(
        new BaseFigures("a", "甲中试基地", unknown), List.of(sheet("e1", "5", "5", null))))))
        .hasMessage("基地“甲中试基地”填报了未知的评价指标：profit");

    assertThatThrownBy(() -> calc.scoreCohort(List.of(
        new ScoreCalculator.Entry(alpha, List.of(sheet("e1", "5", "5", null))),
        new ScoreCalculator.Entry(alpha, List.of(sheet("e1", "5", "5", null))))))
        .hasMessage("参评基地重复：甲中试基地");
    assertThatThrownBy(() -> calc.scoreCohort(List.of())).hasMessage("参评基地名单为空，无法评分");
  }

  @Test
  void cohortOfZerosScoresZeroOnRatio() {
    BaseFigures zero = new BaseFigures("z", "零基地", figures("0", "0", "0", "0", "0", "0", "0", "0"));
    BaseScore z = calc.scoreCohort(List.of(new ScoreCalculator.Entry(zero,
        List.of(sheet("e1", "0", "0", null))))).get(0);
    assertThat(z.total()).isEqualByComparingTo("0");
    assertThat(z.indicator("serviceProjects").computation()).isEqualTo("同批参评基地最高值为0，得0分");
  }

  @Test
  void resultSurvivesJsonRoundTripForProcessVariables() throws Exception {
    BaseScore a = calc.scoreCohort(List.of(new ScoreCalculator.Entry(alpha,
        List.of(sheet("e1", "5", "4", "6"))))).get(0);
    ObjectMapper json = new ObjectMapper();
    BaseScore back = json.readValue(json.writeValueAsString(a), BaseScore.class);
    assertThat(back).isEqualTo(a);
    IndicatorTable t = DefaultIndicatorTable.table();
    assertThat(json.readValue(json.writeValueAsString(t), IndicatorTable.class)).isEqualTo(t);
  }
}
