package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default table matches the annex (附表): 10 indicators, 30 + 70 points, bonus ≤ 10. */
class IndicatorTableTest {

  @Test
  void defaultTableMatchesTheAnnex() {
    IndicatorTable t = DefaultIndicatorTable.table();
    t.validate();
    assertThat(t.indicators()).extracting(Indicator::id).containsExactlyElementsOf(DefaultIndicatorTable.IDS);
    assertThat(t.inGroup(IndicatorGroup.BASIC_CONDITIONS)).hasSize(6);
    assertThat(t.inGroup(IndicatorGroup.SERVICE_PERFORMANCE)).hasSize(4);
    assertThat(t.inGroup(IndicatorGroup.BONUS)).hasSize(1);
    assertThat(t.get("serviceIncome").ruleDescription())
        .isEqualTo("线性：≤100万元得0分，≥2000万元得满分20分，其间按比例计分");
    assertThat(t.get("siteArea").evidence()).containsExactly("产权证明或租赁协议书复印件");
    assertThat(t.indicators()).allSatisfy(i -> assertThat(i.evidence()).isNotEmpty());
    assertThat(t.indicators().stream().map(Indicator::rule).map(ScoringRule::kind).distinct())
        .containsExactlyInAnyOrder(RuleKind.values());
  }

  @Test
  void rejectsGroupPointsDifferentFromTheAnnex() {
    List<Indicator> list = new ArrayList<>(DefaultIndicatorTable.indicators());
    Indicator site = list.get(0);
    list.set(0, new Indicator(site.id(), site.group(), site.name(), site.note(), site.unit(), false,
        new BigDecimal("6"), site.evidence(), new ScoringRule.Linear(BigDecimal.ZERO, BigDecimal.TEN)));
    assertThatThrownBy(() -> new IndicatorTable(0, list, ScoringSettings.defaults()).validate())
        .isInstanceOf(ScoringValidationException.class)
        .hasMessage("一级指标“中试基础条件”的分值合计为31分，附表规定为30分");
  }

  @Test
  void bonusMustBeScoredByExperts() {
    List<Indicator> list = new ArrayList<>(DefaultIndicatorTable.indicators());
    list.set(10, list.get(10).withRule(new ScoringRule.RatioToBest()));
    assertThatThrownBy(() -> new IndicatorTable(0, list, ScoringSettings.defaults()).validate())
        .hasMessage("加分项“社会经济效益”只能由专家酌情赋分");
  }

  @Test
  void settingsValidated() {
    assertThatThrownBy(() -> new ScoringSettings(true, 2, new BigDecimal("30"), BigDecimal.TEN).validate())
        .hasMessage("去掉最高分和最低分至少需要3位专家，启用门槛不能小于3：2");
    assertThatThrownBy(() -> new ScoringSettings(true, 5, new BigDecimal("130"), BigDecimal.TEN).validate())
        .hasMessage("优秀比例须在0%～100%之间：130");
    assertThatThrownBy(() -> new ScoringSettings(true, 5, new BigDecimal("30"), new BigDecimal("12")).validate())
        .hasMessage("加分上限须在0～10分之间（附表：最高不超过10分）：12");
  }
}
