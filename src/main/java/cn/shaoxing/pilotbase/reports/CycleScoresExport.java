package cn.shaoxing.pilotbase.reports;

import static cn.shaoxing.pilotbase.reports.ReportRows.integer;

import cn.shaoxing.pilotbase.evaluation.Cycle;
import cn.shaoxing.pilotbase.evaluation.ParticipationStatus;
import cn.shaoxing.pilotbase.scoring.BaseScore;
import cn.shaoxing.pilotbase.scoring.Grade;
import cn.shaoxing.pilotbase.scoring.Indicator;
import cn.shaoxing.pilotbase.scoring.IndicatorScore;
import cn.shaoxing.pilotbase.scoring.ScoringConfigService;
import cn.shaoxing.pilotbase.scoring.WorkingText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An evaluation cycle's scores as .xlsx: 评价得分 (one row per base, one column per indicator, total,
 * rank, grade), 计算过程 (one row per base and indicator: figure, rule and computation, the experts'
 * marks with their names, the points) and 评价档次 (the grades by rank). The scores are those stored
 * when the cycle scored its cohort; a cycle scored before they were stored per indicator shows its
 * total and the whole working instead.
 */
@Service
public class CycleScoresExport {

  static final Sheets.Column[] WORKING = {
    new Sheets.Column("依托单位", 34), new Sheets.Column("指标", 30), new Sheets.Column("满分", 8),
    new Sheets.Column("填报数据", 12), new Sheets.Column("单位", 8), new Sheets.Column("计算过程", 80),
    new Sheets.Column("得分", 8)};

  static final Sheets.Column[] GRADES = {
    new Sheets.Column("排名", 8), new Sheets.Column("依托单位", 34), new Sheets.Column("总分", 10),
    new Sheets.Column("评价档次", 10), new Sheets.Column("说明", 60)};

  private final ReportRows rows;
  private final ScoringConfigService scoring;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public CycleScoresExport(ReportRows rows, ScoringConfigService scoring) {
    this.rows = rows;
    this.scoring = scoring;
  }

  /** Writes the cycle's scores; returns the number of bases. */
  @Transactional(readOnly = true)
  public int write(Cycle cycle, OutputStream out) throws IOException {
    List<Indicator> indicators = scoring.currentTable().indicators();
    Map<String, String> names = rows.expertNames();
    try (Sheets book = new Sheets()) {
      Sheets.Table scores = book.table("评价得分", scoreColumns(indicators));
      Sheets.Table working = book.table("计算过程", WORKING);
      rows.each("SELECT p.status, p.total_score, p.score_rank, p.grade, p.grade_note, p.working, p.score_json,"
          + " b.org_name, b.credit_code, b.reviewer_group FROM eva_participation p"
          + " JOIN reg_base b ON b.id = p.base_id WHERE p.cycle_id = ? ORDER BY b.org_name, b.id", rs -> {
            String org = rs.getString("org_name");
            BaseScore s = score(rs.getString("score_json"));
            Sheets.Line line = scores.line().text(org).text(rs.getString("credit_code"))
                .text(ReportRows.reviewer(rs.getString("reviewer_group")))
                .text(ParticipationStatus.valueOf(rs.getString("status")).chineseName());
            for (Indicator i : indicators) {
              line.score(s == null ? null : s.indicators().stream().filter(x -> x.indicatorId().equals(i.id()))
                  .findFirst().map(IndicatorScore::points).orElse(null));
            }
            line.score(s == null ? null : s.baseTotal()).score(s == null ? null : s.bonus())
                .score(rs.getBigDecimal("total_score")).whole(integer(rs, "score_rank"))
                .text(grade(rs)).text(rs.getString("grade_note"));
            if (s != null) {
              for (IndicatorScore i : s.indicators()) {
                working.line().text(org).text(i.name()).score(i.fullPoints()).figure(i.figure())
                    .text(i.figure() == null ? null : i.unit())
                    .lines(WorkingText.steps(i, m -> names.getOrDefault(m.expertId(), m.expertName()))
                        .lines().map(String::strip).collect(Collectors.joining("\n")))
                    .score(i.points());
              }
            } else if (rs.getString("working") != null) {
              working.line().text(org).text("（全部指标）").score(null).figure(null).text(null)
                  .lines(rs.getString("working")).score(rs.getBigDecimal("total_score"));
            }
          }, cycle.id());
      Sheets.Table grades = book.table("评价档次", GRADES);
      rows.each("SELECT p.score_rank, p.total_score, p.grade, p.grade_note, b.org_name FROM eva_participation p"
          + " JOIN reg_base b ON b.id = p.base_id WHERE p.cycle_id = ?"
          + " ORDER BY p.score_rank NULLS LAST, b.org_name, b.id", rs ->
          grades.line().whole(integer(rs, "score_rank")).text(rs.getString("org_name"))
              .score(rs.getBigDecimal("total_score")).text(grade(rs)).text(rs.getString("grade_note")),
          cycle.id());
      book.write(out);
      return scores.rows();
    }
  }

  static Sheets.Column[] scoreColumns(List<Indicator> indicators) {
    List<Sheets.Column> columns = new ArrayList<>(List.of(new Sheets.Column("依托单位", 34),
        new Sheets.Column("统一社会信用代码", 22), new Sheets.Column("推荐单位", 26),
        new Sheets.Column("参评状态", 10)));
    for (Indicator i : indicators) {
      columns.add(new Sheets.Column(i.name() + "（" + i.points().stripTrailingZeros().toPlainString() + "分）", 16));
    }
    columns.addAll(List.of(new Sheets.Column("基础得分", 10), new Sheets.Column("加分", 8),
        new Sheets.Column("总分", 10), new Sheets.Column("排名", 8), new Sheets.Column("评价档次", 10),
        new Sheets.Column("说明", 50)));
    return columns.toArray(Sheets.Column[]::new);
  }

  private static String grade(ResultSet rs) throws SQLException {
    String g = rs.getString("grade");
    return g == null ? null : Grade.valueOf(g).chineseName();
  }

  private BaseScore score(String value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readValue(value, BaseScore.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("评分明细无法读取", e);
    }
  }
}
