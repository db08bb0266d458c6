package cn.shaoxing.pilotbase.reports;

import cn.shaoxing.pilotbase.designation.RoundService;
import cn.shaoxing.pilotbase.evaluation.Cycle;
import cn.shaoxing.pilotbase.evaluation.EvaluationService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The three exports by what names them in the URL: checked before the first byte is written, so
 * an unknown year is a clear 404 (a malformed one 400), in Chinese.
 */
@Service
public class Exports {

  /** A file to send: its name and how to write it (returns the rows of its main sheet). */
  public record Download(String fileName, Writer writer) {}

  /** Writes an export to the response. */
  @FunctionalInterface
  public interface Writer {
    int write(OutputStream out) throws IOException;
  }

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern CYCLE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final RegisterExport register;
  private final ApplicationsExport applications;
  private final CycleScoresExport scores;
  private final RoundService rounds;
  private final EvaluationService evaluations;
  private final ReportRows rows;

  public Exports(RegisterExport register, ApplicationsExport applications, CycleScoresExport scores,
      RoundService rounds, EvaluationService evaluations, ReportRows rows) {
    this.register = register;
    this.applications = applications;
    this.scores = scores;
    this.rounds = rounds;
    this.evaluations = evaluations;
    this.rows = rows;
  }

  public Download register() {
    return new Download("中试基地名录.xlsx", register::write);
  }

  public Download applications(String year) {
    if (!YEAR.matcher(year).matches()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年度应为四位数字，例如 2026");
    }
    int y = Integer.parseInt(year);
    rounds.find(y).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到" + y + "年度的评定批次"));
    return new Download(y + "年度中试基地申报汇总.xlsx", out -> applications.write(y, out));
  }

  /** {@code key}: the cycle's year when that year has one cycle, or the cycle's id. */
  public Download scores(String key) {
    Cycle cycle = cycle(key);
    return new Download(cycle.name() + "评分汇总.xlsx", out -> scores.write(cycle, out));
  }

  private Cycle cycle(String key) {
    if (YEAR.matcher(key).matches()) {
      List<Map<String, Object>> found = rows.jdbc().queryForList(
          "SELECT id, cycle_name FROM eva_cycle WHERE cycle_year=? ORDER BY opened_at", Integer.parseInt(key));
      if (found.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到" + key + "年度的评价周期");
      }
      if (found.size() > 1) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, key + "年度有" + found.size()
            + "个评价周期，请用周期编号下载：" + String.join("；", found.stream()
                .map(c -> c.get("cycle_name") + " " + c.get("id")).toList()));
      }
      key = (String) found.get(0).get("id");
    } else if (!CYCLE_ID.matcher(key).matches()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "评价周期应为年度（四位数字）或周期编号");
    }
    String id = key;
    return evaluations.findCycle(id).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到评价周期：" + id));
  }
}
