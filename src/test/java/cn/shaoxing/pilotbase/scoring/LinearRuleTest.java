package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule kind LINEAR at its boundaries, and its configuration checks (附表 has no formula). */
class LinearRuleTest {

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  final ScoringRule.Linear rule = new ScoringRule.Linear(d("100"), d("2000"));

  @ParameterizedTest(name = "{0} 万元 → {1}")
  @CsvSource({"0,0.00", "100,0.00", "100.01,0.00", "195,1.00", "1050,10.00", "1999,19.99", "2000,20.00",
      "50000,20.00"})
  void zeroAtFloorFullAtCapLinearBetween(String figure, String expected) {
    assertThat(rule.compute(d(figure), null, "万元", d("20")).points()).isEqualByComparingTo(expected);
  }

  @Test
  void describesItselfInChinese() {
    assertThat(rule.describe("万元", d("20"))).isEqualTo("线性：≤100万元得0分，≥2000万元得满分20分，其间按比例计分");
    assertThat(rule.compute(d("1050"), null, "万元", d("20")).working())
        .isEqualTo("(1050−100)÷(2000−100)×20 = 10.00分");
  }

  @Test
  void rejectsCapNotAboveFloorAndNegativeFloor() {
    assertThatThrownBy(() -> new ScoringRule.Linear(d("500"), d("500")).validate("中试服务收入", d("20")))
        .isInstanceOf(ScoringValidationException.class)
        .hasMessage("指标“中试服务收入”的线性规则上限500须大于下限500");
    assertThatThrownBy(() -> new ScoringRule.Linear(d("-1"), d("500")).validate("中试服务收入", d("20")))
        .hasMessage("指标“中试服务收入”的线性规则下限不能为负数：-1");
    assertThatThrownBy(() -> new ScoringRule.Linear(null, d("500")).validate("中试服务收入", d("20")))
        .hasMessage("指标“中试服务收入”的线性规则须填写下限和上限");
  }
}
