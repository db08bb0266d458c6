package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregation across experts: mean; trimmed mean from 5 experts (configurable). */
class ExpertAggregationTest {

  static List<BigDecimal> scores(String... s) {
    return Arrays.stream(s).map(BigDecimal::new).toList();
  }

  final ScoringSettings defaults = ScoringSettings.defaults();

  @Test
  void meanBelowFiveExperts() {
    var out = ExpertAggregation.aggregate(scores("4", "5", "3", "1"), defaults);
    assertThat(out.value()).isEqualByComparingTo("3.25");
    assertThat(out.description()).isEqualTo("4位专家平均：(1+3+4+5)÷4 = 3.25");
  }

  @Test
  void trimmedMeanFromFiveExpertsDropsOneHighestAndOneLowest() {
    var out = ExpertAggregation.aggregate(scores("5", "4", "4", "3", "0"), defaults);
    // drop 5 and 0 → (3+4+4)/3 = 3.666… → 3.67
    assertThat(out.value()).isEqualByComparingTo("3.67");
    assertThat(out.description()).isEqualTo("5位专家去掉最高分5和最低分0后平均：(3+4+4)÷3 = 3.67");
  }

  @Test
  void trimmedMeanDropsOnlyOneOfEqualExtremes() {
    var out = ExpertAggregation.aggregate(scores("5", "5", "5", "2", "2", "2", "4"), defaults);
    // drop one 5 and one 2 → (2+2+4+5+5)/5 = 3.6
    assertThat(out.value()).isEqualByComparingTo("3.60");
  }

  @Test
  void thresholdIsConfigurable() {
    var three = new ScoringSettings(true, 3, new BigDecimal("30"), BigDecimal.TEN);
    assertThat(ExpertAggregation.aggregate(scores("1", "2", "9"), three).value()).isEqualByComparingTo("2.00");
    var off = new ScoringSettings(false, 5, new BigDecimal("30"), BigDecimal.TEN);
    assertThat(ExpertAggregation.aggregate(scores("5", "4", "4", "3", "0"), off).value())
        .isEqualByComparingTo("3.20");
  }

  @Test
  void singleExpertOrThirdParty() {
    var out = ExpertAggregation.aggregate(scores("4.5"), defaults);
    assertThat(out.value()).isEqualByComparingTo("4.50");
    assertThat(out.description()).isEqualTo("1位专家平均：4.5 = 4.50");
  }

  @Test
  void noExpertRejected() {
    assertThatThrownBy(() -> ExpertAggregation.aggregate(List.of(), defaults))
        .isInstanceOf(ScoringValidationException.class)
        .hasMessage("至少需要一位专家的评分");
  }
}
