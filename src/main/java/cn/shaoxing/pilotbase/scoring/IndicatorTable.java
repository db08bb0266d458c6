package cn.shaoxing.pilotbase.scoring;

import static cn.shaoxing.pilotbase.scoring.Numbers.plain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The indicator table (附表) in force: indicators in display order plus the settings. {@code
 * version} increases with every change the bureau makes, so a cycle can record which rules it
 * used.
 */
public record IndicatorTable(long version, List<Indicator> indicators, ScoringSettings settings) {

  public IndicatorTable {
    indicators = List.copyOf(indicators);
  }

  public Optional<Indicator> find(String id) {
    return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Indicator get(String id) {
    return find(id).orElseThrow(() -> new ScoringValidationException("未知的评价指标：" + id));
  }

  public List<Indicator> inGroup(IndicatorGroup group) {
    return indicators.stream().filter(i -> i.group() == group).toList();
  }

  /**
   * Checks the table against the annex: ids unique, group points 30 / 70, bonus at most 10, every
   * rule valid, the bonus scored by experts.
   */
  public void validate() {
    Set<String> ids = new HashSet<>();
    for (Indicator i : indicators) {
      if (!ids.add(i.id())) {
        throw new ScoringValidationException("指标编号重复：" + i.id());
      }
      if (i.points() == null || i.points().signum() <= 0) {
        throw new ScoringValidationException("指标“" + i.name() + "”的分值须大于0");
      }
      i.rule().validate(i.name(), i.points());
      if (i.group().isBonus() && !i.isQualitative()) {
        throw new ScoringValidationException("加分项“" + i.name() + "”只能由专家酌情赋分");
      }
    }
    for (IndicatorGroup g : IndicatorGroup.values()) {
      BigDecimal sum =
          inGroup(g).stream().map(Indicator::points).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (g.isBonus() ? sum.compareTo(g.points()) > 0 : sum.compareTo(g.points()) != 0) {
        throw new ScoringValidationException(
            "一级指标“" + g.chineseName() + "”的分值合计为" + plain(sum) + "分，附表规定为"
                + (g.isBonus() ? "最高" : "") + plain(g.points()) + "分");
      }
    }
    settings.validate();
  }
}
