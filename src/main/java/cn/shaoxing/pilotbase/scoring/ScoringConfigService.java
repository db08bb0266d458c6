package cn.shaoxing.pilotbase.scoring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator table in force and its changes. Only the bureau may change a rule or a setting;
 * every change is validated against the annex (group points, full points reachable…), needs a
 * reason, and is logged with the old and new rule in Chinese. Points, names and evidence come from
 * the annex (a policy document) and are not changed here: a new annex means a new migration.
 */
@Service
public class ScoringConfigService {

  private final JdbcScoringRepository repository;

  public ScoringConfigService(JdbcScoringRepository repository) {
    this.repository = repository;
  }

  /** The table to score with; a cycle should keep the version it started with. */
  @Transactional(readOnly = true)
  public IndicatorTable currentTable() {
    return repository.load();
  }

  @Transactional
  public IndicatorTable updateRule(String indicatorId, ScoringRule rule, String reason, ScoringActor actor) {
    requireBureau(actor);
    requireReason(reason);
    if (rule == null) {
      throw new ScoringValidationException("须填写新的计分规则");
    }
    IndicatorTable current = repository.load();
    Indicator indicator = current.get(indicatorId);
    List<Indicator> changed = new ArrayList<>(current.indicators());
    changed.replaceAll(i -> i.id().equals(indicatorId) ? i.withRule(rule) : i);
    if (!indicator.group().isBonus() && rule.kind() != RuleKind.EXPERT && indicator.unit().equals("/")) {
      throw new ScoringValidationException("指标“" + indicator.name() + "”没有计量单位，只能由专家评分");
    }
    new IndicatorTable(current.version(), changed, current.settings()).validate();
    repository.saveRule(indicatorId, rule, actor.userId());
    repository.logChange(actor.userId(), "indicator:" + indicatorId, indicator.ruleDescription(),
        changed.stream().filter(i -> i.id().equals(indicatorId)).findFirst().orElseThrow().ruleDescription(),
        reason.trim());
    return repository.load();
  }

  @Transactional
  public IndicatorTable updateSettings(ScoringSettings settings, String reason, ScoringActor actor) {
    requireBureau(actor);
    requireReason(reason);
    if (settings == null) {
      throw new ScoringValidationException("须填写新的设置");
    }
    settings.validate();
    IndicatorTable current = repository.load();
    repository.saveSettings(settings, actor.userId());
    repository.logChange(actor.userId(), "settings", describe(current.settings()), describe(settings), reason.trim());
    return repository.load();
  }

  @Transactional(readOnly = true)
  public List<RuleChange> changes() {
    return repository.changes();
  }

  static String describe(ScoringSettings s) {
    return "汇总：" + s.aggregationDescription() + "；优秀比例" + s.excellentQuotaPercent().toPlainString()
        + "%；加分上限" + s.bonusCap().toPlainString() + "分";
  }

  private static void requireBureau(ScoringActor actor) {
    if (actor == null || actor.userId() == null) {
      throw new ScoringAccessDeniedException("未登录，不能修改评分规则");
    }
    if (!actor.isBureau()) {
      throw new ScoringAccessDeniedException("只有市科技局可以修改评分规则");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new ScoringValidationException("修改评分规则须说明理由");
    }
  }
}
