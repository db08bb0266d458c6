package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule kind TIERS at its boundaries, and its configuration checks (附表 has no formula). */
class TiersRuleTest {

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  final ScoringRule.Tiers rule =
      new ScoringRule.Tiers(ScoringRule.tiers("300", "1", "800", "2", "1500", "3", "3000", "4", "5000", "5"));

  @ParameterizedTest(name = "{0} m² → {1}")
  @CsvSource({"0,0.00", "299.99,0.00", "300,1.00", "799,1.00", "800,2.00", "1499,2.00", "1500,3.00",
      "2999,3.00", "3000,4.00", "4999.9,4.00", "5000,5.00", "99999,5.00"})
  void thresholdsAreInclusive(String figure, String expected) {
    assertThat(rule.compute(d(figure), null, "平方米", d("5")).points()).isEqualByComparingTo(expected);
  }

  @Test
  void describesItselfInChinese() {
    assertThat(rule.describe("平方米", d("5")))
        .isEqualTo("分档：<300平方米得0分；≥300平方米得1分；≥800平方米得2分；≥1500平方米得3分；"
            + "≥3000平方米得4分；≥5000平方米得满分5分");
    assertThat(rule.compute(d("900"), null, "平方米", d("5")).working())
        .isEqualTo("900平方米达到“≥800平方米”档，得2分");
    assertThat(rule.compute(d("100"), null, "平方米", d("5")).working())
        .isEqualTo("100平方米低于最低档300平方米，得0分");
  }

  @Test
  void rejectsThresholdsNotIncreasing() {
    var bad = new ScoringRule.Tiers(ScoringRule.tiers("300", "1", "300", "2", "500", "5"));
    assertThatThrownBy(() -> bad.validate("中试场地面积", d("5")))
        .isInstanceOf(ScoringValidationException.class)
        .hasMessage("指标“中试场地面积”的分档门槛须严格递增：300不大于300");
  }

  @Test
  void rejectsPointsFalling() {
    var bad = new ScoringRule.Tiers(ScoringRule.tiers("300", "3", "800", "2", "5000", "5"));
    assertThatThrownBy(() -> bad.validate("中试场地面积", d("5")))
        .hasMessage("指标“中试场地面积”的分档分值不能随门槛升高而降低：2小于3");
  }

  @Test
  void rejectsPointsAboveFullOrUnreachableFull() {
    assertThatThrownBy(() -> new ScoringRule.Tiers(ScoringRule.tiers("300", "6")).validate("中试场地面积", d("5")))
        .hasMessage("指标“中试场地面积”的分档分值6超出范围0～5分");
    assertThatThrownBy(() -> new ScoringRule.Tiers(ScoringRule.tiers("300", "4")).validate("中试场地面积", d("5")))
        .hasMessage("指标“中试场地面积”的最高一档须为满分5分，现为4分");
  }

  @Test
  void rejectsNegativeThresholdAndEmptyTable() {
    assertThatThrownBy(() -> new ScoringRule.Tiers(ScoringRule.tiers("-1", "5")).validate("中试场地面积", d("5")))
        .hasMessage("指标“中试场地面积”的分档门槛不能为负数：-1");
    assertThatThrownBy(() -> new ScoringRule.Tiers(List.of()).validate("中试场地面积", d("5")))
        .hasMessage("指标“中试场地面积”的分档规则至少需要一档");
  }
}
