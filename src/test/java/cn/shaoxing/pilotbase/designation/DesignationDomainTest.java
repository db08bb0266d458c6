package cn.shaoxing.pilotbase.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.experts.NotEnoughExpertsException;
import cn.shaoxing.pilotbase.experts.PanelDraw;
import cn.shaoxing.pilotbase.experts.PanelDraw.Candidate;
import cn.shaoxing.pilotbase.organisation.CreditCode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure rules: score aggregation, the reproducible draw, credit codes. */
class DesignationDomainTest {

  static List<BigDecimal> n(double... xs) {
    return java.util.Arrays.stream(xs).mapToObj(BigDecimal::valueOf).toList();
  }

  @Test
  void trimmedMeanDropsHighestAndLowestFromFiveExperts() {
    assertThat(ScoreAggregation.aggregate(n(80, 82, 85, 90, 60), ScoreAggregation.Rule.TRIMMED_MEAN, 5))
        .isEqualByComparingTo("82.33");
  }

  @Test
  void fewerThanFiveExpertsUseThePlainMean() {
    assertThat(ScoreAggregation.aggregate(n(80, 90, 60), ScoreAggregation.Rule.TRIMMED_MEAN, 5))
        .isEqualByComparingTo("76.67");
    assertThat(ScoreAggregation.aggregate(n(80, 82, 85, 90, 60), ScoreAggregation.Rule.MEAN, 5))
        .isEqualByComparingTo("79.40");
  }

  @Test
  void theSameSeedAndPoolGiveTheSamePanelAndMatchingSpecialitiesComeFirst() {
    List<Candidate> pool = List.of(new Candidate("e1", false), new Candidate("e2", true),
        new Candidate("e3", false), new Candidate("e4", true), new Candidate("e5", false));
    List<String> first = PanelDraw.choose(pool, 42L, 3);
    assertThat(PanelDraw.choose(List.of(pool.get(4), pool.get(2), pool.get(0), pool.get(3), pool.get(1)), 42L, 3))
        .isEqualTo(first);
    assertThat(first.subList(0, 2)).containsExactlyInAnyOrder("e2", "e4");
    long distinct = java.util.stream.LongStream.range(0, 50)
        .mapToObj(seed -> PanelDraw.choose(pool, seed, 3).get(2)).distinct().count();
    assertThat(distinct).isGreaterThan(1);
  }

  @Test
  void aTooSmallPoolIsReported() {
    assertThatThrownBy(() -> PanelDraw.choose(List.of(new Candidate("e1", true)), 1L, 2))
        .isInstanceOf(NotEnoughExpertsException.class).hasMessageContaining("需要 2 名");
  }

  @Test
  void creditCodeCheckDigit() {
    assertThat(CreditCode.isValid("91330602MA2A1234I5")).isFalse();
    assertThat(CreditCode.isValid("9133")).isFalse();
    String c = CreditCode.withCheckDigit("91330602MA2A12345");
    assertThat(CreditCode.isValid(c)).isTrue();
    assertThat(CreditCode.isValid(c.substring(0, 17) + (c.charAt(17) == '0' ? '1' : '0'))).isFalse();
  }

  @Test
  void indicatorTableIsHundredPointsPlusTenBonus() {
    assertThat(DesignationIndicators.basePoints()).isEqualTo(100);
    assertThat(DesignationIndicators.INDICATORS).hasSize(10);
    assertThat(DesignationIndicators.BONUS_MAX).isEqualTo(10);
  }
}
