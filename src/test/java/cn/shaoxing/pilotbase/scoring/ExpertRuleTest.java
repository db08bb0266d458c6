package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule kind EXPERT at its boundaries, and its configuration checks (附表 has no formula). */
class ExpertRuleTest {

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void describesRange() {
    assertThat(new ScoringRule.Expert().describe("/", d("5"))).isEqualTo("专家评分：每位专家在0～5分之间打分");
  }

  @Test
  void hasNoFormula() {
    assertThatThrownBy(() -> new ScoringRule.Expert().compute(d("1"), null, "/", d("5")))
        .isInstanceOf(IllegalStateException.class);
  }
}
