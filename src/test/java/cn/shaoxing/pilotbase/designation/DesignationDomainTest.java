package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.experts.NotEnoughExpertsException;
import cn.shaoxing.pilotbase.experts.PanelDraw;
import cn.shaoxing.pilotbase.experts.PanelDraw.Candidate;
import cn.shaoxing.pilotbase.organisation.CreditCode;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.ExpertAggregation;
import cn.shaoxing.pilotbase.scoring.ExpertSheet;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import cn.shaoxing.pilotbase.scoring.IndicatorTable;
import cn.shaoxing.pilotbase.scoring.ScoringSettings;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure rules: expert sheets and aggregation (shared with scoring), the reproducible draw, credit codes. */
class DesignationDomainTest {

  @Test
  void expertSheetsAreReadFromTheFormByTheIndicatorTable() {
    IndicatorTable table = DefaultIndicatorTable.table();
    Map<String, Object> form = new HashMap<>(DesignationTestSupport.expertScores(0.8, false));
    form.put("adj_serviceIncome", 8.5);
    form.put("adjReason_serviceIncome", "部分收入无银行回单");
    form.put("mark_socialBenefit", 2);
    form.put("reason_socialBenefit", "获省科技进步奖");
    ExpertSheet sheet = ExpertSheetForm.sheet("expert1", "expert1", form, table);
    assertThat(sheet.marks()).extracting(ExpertSheet.Mark::indicatorId)
        .containsExactly("managementRules", "qualifications", "serviceIncome", "socialBenefit");
    assertThat(sheet.marks().get(2).reason()).isEqualTo("部分收入无银行回单");
    assertThat(sheet.marks().get(3).points()).isEqualByComparingTo("2");
    assertThat(DesignationRules.EXPERT_FIELDS).contains("mark_managementRules", "adj_siteArea",
        "adjReason_siteArea", "reason_socialBenefit").noneMatch(k -> k.startsWith("score_"));
  }

  @Test
  void theAggregationIsTheBureausPerIndicatorTrimmedMean() {
    // the designation has no aggregation of its own: scoring.ExpertAggregation with the settings
    var outcome = ExpertAggregation.aggregate(List.of(new BigDecimal("4"), new BigDecimal("4.1"),
        new BigDecimal("4.25"), new BigDecimal("4.5"), new BigDecimal("3")), ScoringSettings.defaults());
    assertThat(outcome.value()).isEqualByComparingTo("4.12");
    assertThat(ExpertAggregation.aggregate(List.of(new BigDecimal("4"), new BigDecimal("4.5"),
        new BigDecimal("3")), ScoringSettings.defaults()).value()).isEqualByComparingTo("3.83");
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
  void theRoundsIndicatorTableIsTheBureausHundredPointsPlusTenBonus() {
    IndicatorTable table = DefaultIndicatorTable.table();
    assertThat(table.indicators()).hasSize(11);
    assertThat(table.indicators().stream().filter(i -> !i.group().isBonus())
        .map(i -> i.points()).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
    assertThat(table.get("socialBenefit").points()).isEqualByComparingTo("10");
  }
}
