package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.scoring.BaseFigures;
import cn.shaoxing.pilotbase.scoring.BaseScore;
import cn.shaoxing.pilotbase.scoring.ExpertSheet;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import cn.shaoxing.pilotbase.scoring.Indicator;
import cn.shaoxing.pilotbase.scoring.IndicatorTable;
import cn.shaoxing.pilotbase.scoring.RuleKind;
import cn.shaoxing.pilotbase.scoring.ScoreCalculator;
import cn.shaoxing.pilotbase.scoring.ScoringConfigService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores the designation round with the bureau's indicator table, rule engine and aggregation
 * (package {@code scoring}), exactly as the biennial evaluation does: the round keeps the table in
 * force when it opens; after the expert reviews, the applications that completed them are scored
 * together as one cohort (RATIO_TO_BEST compares with the best of the round) from the figures they
 * filed and the experts' sheets; each application records the table version and the working.
 */
@Service
public class DesignationScoring {

  /** The statuses of applications that completed the expert review (the scoring cohort). */
  static final Set<ApplicationStatus> SCORED = Set.of(ApplicationStatus.EVALUATED,
      ApplicationStatus.PROPOSED, ApplicationStatus.NOT_CHOSEN);

  private final JdbcTemplate jdbc;
  private final ScoringConfigService scoringConfig;
  private final ApplicationService applications;
  private final ExpertReviewService reviews;
  private final ObjectMapper json = new ObjectMapper();

  public DesignationScoring(JdbcTemplate jdbc, ScoringConfigService scoringConfig,
      ApplicationService applications, ExpertReviewService reviews) {
    this.jdbc = jdbc;
    this.scoringConfig = scoringConfig;
    this.applications = applications;
    this.reviews = reviews;
  }

  /** Keeps the table in force as the round's table (called when the round opens). */
  @Transactional
  public IndicatorTable fixTable(int year) {
    IndicatorTable table = scoringConfig.currentTable();
    jdbc.update("UPDATE dsg_round SET table_version=?, indicator_table=? WHERE round_year=?",
        table.version(), write(table), year);
    return table;
  }

  /** The bureau's table in force. */
  public IndicatorTable currentTable() {
    return scoringConfig.currentTable();
  }

  /** The table the round scores with; the table in force for a round opened before issue 9. */
  public IndicatorTable tableOf(int year) {
    List<String> s = jdbc.queryForList("SELECT indicator_table FROM dsg_round WHERE round_year=?",
        String.class, year);
    if (s.isEmpty() || s.get(0) == null) {
      return scoringConfig.currentTable();
    }
    try {
      return json.readValue(s.get(0), IndicatorTable.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Scores every application of the round that completed the expert review, once: when all of them
   * have a score already (the list is being compiled again after the party committee sent it
   * back), nothing is recomputed. Returns the applications in descending order of score.
   */
  @Transactional
  public List<Application> scoreRound(int year) {
    List<Application> cohort = applications.ofRound(year).stream()
        .filter(a -> SCORED.contains(a.status())).toList();
    if (!cohort.isEmpty() && cohort.stream().anyMatch(a -> a.finalScore() == null)) {
      IndicatorTable table = tableOf(year);
      ScoreCalculator calculator = new ScoreCalculator(table);
      List<ScoreCalculator.Entry> entries = new ArrayList<>();
      for (Application a : cohort) {
        entries.add(new ScoreCalculator.Entry(figures(a, table), reviews.sheets(a.id())));
      }
      Map<String, BigDecimal> best =
          calculator.bestFigures(entries.stream().map(ScoreCalculator.Entry::figures).toList());
      for (BaseScore s : calculator.scoreCohort(entries)) {
        applications.scored(s.baseId(), s.total(), table.version(), s.working());
      }
      for (ScoreCalculator.Entry e : entries) {
        for (ExpertSheet sheet : e.sheets()) {
          // the expert's own total: what the application would score with this sheet alone
          reviews.setTotal(e.figures().baseId(), sheet.expertId(),
              calculator.score(e.figures(), List.of(sheet), best).total());
        }
      }
    }
    return applications.ofRound(year).stream().filter(a -> SCORED.contains(a.status()))
        .sorted((x, y) -> y.finalScore().compareTo(x.finalScore())).toList();
  }

  /**
   * What the experts of one application see: each indicator's rule and, for the indicators with a
   * figure, the figure and the points the rule gives (ratio-to-best points are only known when the
   * round's cohort is complete).
   */
  public String guide(String applicationId) {
    Application a = applications.get(applicationId);
    IndicatorTable table = tableOf(a.roundYear());
    Map<String, Object> filing = filing(a);
    StringBuilder sb = new StringBuilder("评分规则（市科技局评分指标表，版本号 " + table.version() + "）：\n");
    for (Indicator i : table.indicators()) {
      sb.append("· ").append(i.name()).append("（").append(plain(i.points())).append("分）：")
          .append(i.ruleDescription());
      if (ExpertSheetForm.hasFigure(i)) {
        BigDecimal figure = Vars.num(filing, i.id());
        sb.append("；申报数值 ").append(figure == null ? "未填" : plain(figure)).append(i.unit());
        if (i.rule().kind() == RuleKind.RATIO_TO_BEST) {
          sb.append("，得分待本轮专家评审全部完成后按最优值计算");
        } else if (i.rule().kind() != RuleKind.EXPERT && figure != null) {
          sb.append("，按规则计 ")
              .append(plain(i.rule().compute(figure, figure, i.unit(), i.points()).points()))
              .append("分（如佐证材料不支持，可调整并说明理由）");
        } else if (i.rule().kind() == RuleKind.EXPERT) {
          sb.append("，由专家打分");
        }
      } else {
        sb.append(i.group().isBonus() ? "（加分须说明理由）" : "");
      }
      sb.append('\n');
    }
    sb.append("专家评分汇总：").append(table.settings().aggregationDescription());
    return sb.toString();
  }

  private BaseFigures figures(Application a, IndicatorTable table) {
    Map<String, Object> filing = filing(a);
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    for (Indicator i : table.indicators()) {
      if (ExpertSheetForm.hasFigure(i) && !i.isQualitative()) {
        figures.put(i.id(), Vars.num(filing, i.id()));
      }
    }
    return new BaseFigures(a.id(), a.orgName(), figures);
  }

  private Map<String, Object> filing(Application a) {
    try {
      return json.readValue(applications.filing(a.id()), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plain(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }
}
