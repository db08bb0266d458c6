package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule kind RATIOTOBEST at its boundaries, and its configuration checks (附表 has no formula). */
class RatioToBestRuleTest {

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  final ScoringRule.RatioToBest rule = new ScoringRule.RatioToBest();

  @ParameterizedTest(name = "{0} of best {1} → {2}")
  @CsvSource({"30,30,10.00", "15,30,5.00", "10,30,3.33", "0,30,0.00", "0,0,0.00", "1,3,3.33", "2,3,6.67"})
  void valueOverBestTimesPoints(String figure, String best, String expected) {
    assertThat(rule.compute(d(figure), d(best), "项", d("10")).points()).isEqualByComparingTo(expected);
  }

  @Test
  void describesItselfInChinese() {
    assertThat(rule.describe("项", d("10"))).isEqualTo("与最优比：本基地数值÷同批参评基地最高值×10分");
    assertThat(rule.compute(d("15"), d("30"), "项", d("10")).working()).isEqualTo("15÷30项（同批最高）×10 = 5.00分");
    assertThat(rule.compute(d("0"), d("0"), "项", d("10")).working()).isEqualTo("同批参评基地最高值为0，得0分");
  }
}
