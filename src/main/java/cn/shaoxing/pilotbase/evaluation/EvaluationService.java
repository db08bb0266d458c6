package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.platform.NamedLocks;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.BaseFigures;
import cn.shaoxing.pilotbase.scoring.BaseScore;
import cn.shaoxing.pilotbase.scoring.ExpertSheet;
import cn.shaoxing.pilotbase.scoring.Grade;
import cn.shaoxing.pilotbase.scoring.GradingProposal;
import cn.shaoxing.pilotbase.scoring.GradingService;
import cn.shaoxing.pilotbase.scoring.IndicatorTable;
import cn.shaoxing.pilotbase.scoring.ScoreCalculator;
import cn.shaoxing.pilotbase.scoring.ScoringConfigService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The biennial evaluation (§五.（三）, annex §二): cycles, each base's filing, audit opinion and
 * scoring sheets, the cohort scoring with {@link ScoreCalculator}, the grades with {@link
 * GradingService}, objections and publication into the register's history.
 */
@Service
public class EvaluationService {

  public static final String EVENT_EVALUATED = "EVALUATED";
  public static final String MODE_EXPERTS = EvaluationVariables.ScoringMode.EXPERTS.value();
  public static final String MODE_THIRD_PARTY = EvaluationVariables.ScoringMode.THIRD_PARTY.value();

  /** A base to revoke after publication, with the annex cause. */
  public record RevocationCandidate(String baseId, String cause, String details) {}

  private final JdbcTemplate jdbc;
  private final RegisterService register;
  private final ScoringConfigService scoringConfig;
  private final GradingService grading;
  private final NamedLocks locks;
  private final ObjectMapper json = new ObjectMapper();

  /** Lock (pb_lock) under which a cycle start checks the name (and the timer the year) and inserts. */
  static final String START_LOCK = "evaluation-cycle-start";

  public EvaluationService(JdbcTemplate jdbc, RegisterService register,
      ScoringConfigService scoringConfig, GradingService grading, NamedLocks locks) {
    this.jdbc = jdbc;
    this.register = register;
    this.scoringConfig = scoringConfig;
    this.grading = grading;
    this.locks = locks;
  }

  // ------------------------------------------------------------------ cycles

  /**
   * Opens a cycle: every ACTIVE base designated (document date) at least {@code minYears} years
   * before {@code today} takes part.
   */
  public Cycle openCycle(String name, int year, String scoringMode, String processInstanceId,
      int minYears, LocalDate today) {
    if (findCycleByNameForStart(name).isPresent()) {
      throw new IllegalStateException("评价周期“" + name + "”已经开启");
    }
    String id = UUID.randomUUID().toString();
    try {
      jdbc.update("INSERT INTO eva_cycle (id, cycle_name, cycle_year, status, scoring_mode,"
          + " process_instance_id, table_version, opened_at) VALUES (?,?,?,?,?,?,?,?)",
          id, name, year, CycleStatus.SELF_EVALUATION.name(), scoringMode, processInstanceId,
          scoringConfig.currentTable().version(), AppClock.timestamp());
    } catch (DuplicateKeyException e) {
      // unique index eva_cycle_name: the last guard behind the start lock
      throw new IllegalStateException("评价周期“" + name + "”已经开启");
    }
    LocalDate designatedBy = today.minusYears(minYears);
    for (DesignatedBase b : register.listByStatus(BaseStatus.ACTIVE)) {
      if (!b.documentDate().isAfter(designatedBy)) {
        jdbc.update("INSERT INTO eva_participation (id, cycle_id, base_id, status) VALUES (?,?,?,?)",
            UUID.randomUUID().toString(), id, b.id(), ParticipationStatus.INVITED.name());
      }
    }
    if (cohortIds(id).isEmpty()) {
      setCycleStatus(id, CycleStatus.EMPTY);
    }
    return findCycle(id).orElseThrow();
  }

  public Optional<Cycle> findCycle(String id) {
    return jdbc.query("SELECT * FROM eva_cycle WHERE id=?", EvaluationService::mapCycle, id)
        .stream().findFirst();
  }

  /**
   * The cycle of that name as seen by a start that is about to open it: takes the cycle-start lock
   * first (held until the start's transaction ends), so of two starts of the same cycle at the
   * same moment the second waits and then finds the first one's cycle.
   */
  @Transactional
  public Optional<Cycle> findCycleByNameForStart(String name) {
    locks.lock(START_LOCK);
    return findCycleByName(name);
  }

  /** The cycles opened for a year (any name), under the cycle-start lock; for the timer's start. */
  @Transactional
  public List<Cycle> cyclesOfYearForStart(int year) {
    locks.lock(START_LOCK);
    return jdbc.query("SELECT * FROM eva_cycle WHERE cycle_year=? ORDER BY opened_at",
        EvaluationService::mapCycle, year);
  }

  public Optional<Cycle> findCycleByName(String name) {
    return jdbc.query("SELECT * FROM eva_cycle WHERE cycle_name=?", EvaluationService::mapCycle,
        name).stream().findFirst();
  }

  public List<Cycle> cyclesInStatus(CycleStatus status) {
    return jdbc.query("SELECT * FROM eva_cycle WHERE status=? ORDER BY opened_at",
        EvaluationService::mapCycle, status.name());
  }

  public void setCycleStatus(String cycleId, CycleStatus status) {
    jdbc.update("UPDATE eva_cycle SET status=? WHERE id=?", status.name(), cycleId);
  }

  public void startPublicity(String cycleId, Date start, Date end) {
    jdbc.update("UPDATE eva_cycle SET status=?, publicity_start=?, publicity_end=? WHERE id=?",
        CycleStatus.PUBLICITY.name(), new Timestamp(start.getTime()),
        new Timestamp(end.getTime()), cycleId);
  }

  /** Base ids of the cycle (the multi-instance collection), in register order. */
  public List<String> cohortIds(String cycleId) {
    return jdbc.queryForList("SELECT p.base_id FROM eva_participation p JOIN reg_base b"
        + " ON b.id = p.base_id WHERE p.cycle_id=? ORDER BY b.org_name", String.class, cycleId);
  }

  /** The districts (and competent units) whose bases take part in the cycle, one query. */
  public List<String> cohortReviewerGroups(String cycleId) {
    return jdbc.queryForList("SELECT DISTINCT b.reviewer_group FROM eva_participation p JOIN reg_base b"
        + " ON b.id = p.base_id WHERE p.cycle_id=? ORDER BY b.reviewer_group", String.class, cycleId);
  }

  // ------------------------------------------------------------------ one base

  public List<Participation> participations(String cycleId) {
    return jdbc.query("SELECT p.* FROM eva_participation p JOIN reg_base b ON b.id = p.base_id"
        + " WHERE p.cycle_id=? ORDER BY b.org_name", EvaluationService::mapParticipation, cycleId);
  }

  public Participation participation(String cycleId, String baseId) {
    return jdbc.query("SELECT * FROM eva_participation WHERE cycle_id=? AND base_id=?",
        EvaluationService::mapParticipation, cycleId, baseId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("基地不在本评价周期中：" + baseId));
  }

  public void setStatus(String cycleId, String baseId, ParticipationStatus status) {
    jdbc.update("UPDATE eva_participation SET status=? WHERE cycle_id=? AND base_id=?",
        status.name(), cycleId, baseId);
  }

  public void saveFiling(String cycleId, String baseId, Map<String, Object> variables) {
    Map<String, Object> figures = new LinkedHashMap<>();
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (String s : EvaluationForm.STOCKS) {
      figures.put(EvaluationForm.stock(s), variables.get(EvaluationForm.stock(s)));
    }
    for (String f : EvaluationForm.FLOWS) {
      figures.put(EvaluationForm.flow(f, 1), variables.get(EvaluationForm.flow(f, 1)));
      figures.put(EvaluationForm.flow(f, 2), variables.get(EvaluationForm.flow(f, 2)));
    }
    for (String i : EvaluationForm.ALL) {
      evidence.put(i, variables.get(EvaluationForm.evidence(i)));
    }
    Object report = variables.get(EvaluationForm.SELF_REPORT);
    jdbc.update("UPDATE eva_participation SET status=?, figures_json=?, evidence_json=?,"
        + " self_report=? WHERE cycle_id=? AND base_id=?", ParticipationStatus.SUBMITTED.name(),
        write(figures), write(evidence), report == null ? null : report.toString(), cycleId, baseId);
  }

  public void saveAuditOpinion(String cycleId, String baseId, ParticipationStatus status,
      String opinion) {
    jdbc.update("UPDATE eva_participation SET status=?, district_opinion=? WHERE cycle_id=? AND"
        + " base_id=?", status.name(), opinion, cycleId, baseId);
  }

  public void saveOnsiteFindings(String cycleId, String baseId, String findings) {
    jdbc.update("UPDATE eva_participation SET onsite_findings=? WHERE cycle_id=? AND base_id=?",
        findings, cycleId, baseId);
  }

  public void markAbsent(String cycleId, String baseId, boolean excused, String reason) {
    jdbc.update("UPDATE eva_participation SET status=?, absence_excused=?, absence_reason=?"
        + " WHERE cycle_id=? AND base_id=?", ParticipationStatus.ABSENT.name(), excused, reason,
        cycleId, baseId);
  }

  public void saveSheet(String cycleId, String baseId, ExpertSheet sheet, boolean onsite,
      String opinion) {
    jdbc.update("DELETE FROM eva_sheet WHERE cycle_id=? AND base_id=? AND scorer_id=?", cycleId,
        baseId, sheet.expertId());
    jdbc.update("INSERT INTO eva_sheet (id, cycle_id, base_id, scorer_id, sheet_json, onsite,"
        + " opinion, saved_at) VALUES (?,?,?,?,?,?,?,?)", UUID.randomUUID().toString(), cycleId,
        baseId, sheet.expertId(), write(sheet), onsite, opinion, AppClock.timestamp());
  }

  public List<ExpertSheet> sheets(String cycleId, String baseId) {
    return jdbc.query("SELECT sheet_json FROM eva_sheet WHERE cycle_id=? AND base_id=?"
        + " ORDER BY saved_at, scorer_id", (rs, i) -> read(rs.getString(1), ExpertSheet.class),
        cycleId, baseId);
  }

  public boolean onsiteRequested(String cycleId, String baseId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM eva_sheet WHERE cycle_id=? AND base_id=?"
        + " AND onsite=?", Integer.class, cycleId, baseId, true);
    return n != null && n > 0;
  }

  // ------------------------------------------------------------------ cohort scoring and grades

  /**
   * Scores every scored base of the cycle together (RATIO_TO_BEST needs the cohort) with the
   * indicator table in force, stores each base's total and working (as text, and per indicator as
   * JSON for the exports), and forms the grades.
   */
  public GradingProposal scoreAndGrade(String cycleId) {
    IndicatorTable table = scoringConfig.currentTable();
    List<ScoreCalculator.Entry> entries = new ArrayList<>();
    List<GradingService.Absent> absent = new ArrayList<>();
    for (Participation p : participations(cycleId)) {
      DesignatedBase base = register.findById(p.baseId()).orElseThrow();
      if (p.status() == ParticipationStatus.ABSENT) {
        absent.add(new GradingService.Absent(p.baseId(), base.orgName()));
      } else {
        Map<String, Object> filing = read(p.figuresJson(), new TypeReference<>() {});
        entries.add(new ScoreCalculator.Entry(
            new BaseFigures(p.baseId(), base.orgName(), EvaluationForm.annualFigures(filing)),
            sheets(cycleId, p.baseId())));
      }
    }
    List<BaseScore> scores = entries.isEmpty() ? List.of()
        : new ScoreCalculator(table).scoreCohort(entries);
    for (BaseScore s : scores) {
      jdbc.update("UPDATE eva_participation SET total_score=?, working=?, score_json=? WHERE"
          + " cycle_id=? AND base_id=?", s.total(), s.working(), write(s), cycleId, s.baseId());
    }
    jdbc.update("UPDATE eva_cycle SET table_version=? WHERE id=?", table.version(), cycleId);
    GradingProposal proposal = grading.formGrades(
        scores.stream().map(GradingService.Candidate::of).toList(), absent,
        table.settings().excellentQuotaPercent());
    saveProposal(cycleId, proposal);
    setCycleStatus(cycleId, CycleStatus.GRADING);
    return proposal;
  }

  public GradingProposal applyTieDecision(String cycleId, List<String> excellentIds,
      String reason, String decidedBy) {
    GradingProposal p = grading.applyTieDecision(proposal(cycleId),
        new GradingProposal.TieDecision(excellentIds, reason, decidedBy));
    saveProposal(cycleId, p);
    return p;
  }

  public void saveProposal(String cycleId, GradingProposal p) {
    jdbc.update("UPDATE eva_cycle SET grading_json=? WHERE id=?", write(p), cycleId);
    for (GradingProposal.GradedBase b : p.bases()) {
      jdbc.update("UPDATE eva_participation SET score_rank=?, grade=?, grade_note=? WHERE"
          + " cycle_id=? AND base_id=?", b.rank(), b.grade() == null ? null : b.grade().name(),
          b.note(), cycleId, b.baseId());
    }
  }

  public GradingProposal proposal(String cycleId) {
    String s = jdbc.queryForObject("SELECT grading_json FROM eva_cycle WHERE id=?", String.class,
        cycleId);
    if (s == null) {
      throw new IllegalStateException("本评价周期尚未形成评价档次");
    }
    return read(s, GradingProposal.class);
  }

  /** The quota in one sentence: counts and a percentage. */
  public String gradeOverview(String cycleId) {
    GradingProposal p = proposal(cycleId);
    return "参评基地" + p.evaluatedCount() + "家，优秀名额" + p.excellentQuota() + "家（"
        + p.quotaPercent().stripTrailingZeros().toPlainString() + "%，四舍五入）。";
  }

  /** The grade table, one row per base: rank, baseName, total, grade and note (all text). */
  public List<Map<String, Object>> gradeRows(String cycleId) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (GradingProposal.GradedBase b : proposal(cycleId).bases()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", b.rank() == null ? "—" : "第" + b.rank() + "名");
      row.put("baseName", b.baseName());
      row.put("total", b.total() == null ? "—" : b.total().toPlainString() + "分");
      row.put("grade", b.grade() == null ? "待定" : b.grade().chineseName());
      row.put("note", b.note() == null ? "" : b.note());
      rows.add(row);
    }
    return rows;
  }

  /** Changes one base's grade after an upheld objection (recorded in the note). */
  public void correctGrade(String cycleId, String baseId, Grade grade, String reason) {
    GradingProposal p = proposal(cycleId);
    List<GradingProposal.GradedBase> bases = p.bases().stream().map(b -> !b.baseId().equals(baseId)
        ? b : new GradingProposal.GradedBase(b.baseId(), b.baseName(), b.total(), b.rank(),
            b.gradeByScore(), grade, "公示异议核实后调整为" + grade.chineseName() + "：" + reason))
        .toList();
    saveProposal(cycleId, new GradingProposal(p.evaluatedCount(), p.quotaPercent(),
        p.excellentQuota(), bases, p.tie(), p.tieDecision()));
  }

  // ------------------------------------------------------------------ objections

  public String registerObjection(String cycleId, String baseId, String objector, String content) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO eva_objection (id, cycle_id, base_id, objector, content, status,"
        + " registered_at) VALUES (?,?,?,?,?,?,?)", id, cycleId, baseId, objector, content, "OPEN",
        AppClock.timestamp());
    return id;
  }

  public void closeObjection(String objectionId, boolean upheld, String result, Grade corrected) {
    jdbc.update("UPDATE eva_objection SET status='CLOSED', upheld=?, result=?, corrected_grade=?"
        + " WHERE id=?", upheld, result, corrected == null ? null : corrected.name(), objectionId);
  }

  /** An evaluation objection: its base and whether it is still open. */
  public record ObjectionRef(String cycleId, String baseId, boolean open) {}

  public Optional<ObjectionRef> findObjection(String objectionId) {
    return jdbc.query("SELECT cycle_id, base_id, status FROM eva_objection WHERE id=?",
        (rs, i) -> new ObjectionRef(rs.getString(1), rs.getString(2), "OPEN".equals(rs.getString(3))),
        objectionId).stream().findFirst();
  }

  /** A participation by its id ({@code evaluation/{participationId}} of the evidence). */
  public Optional<Participation> findParticipation(String id) {
    return jdbc.query("SELECT * FROM eva_participation WHERE id=?", EvaluationService::mapParticipation, id)
        .stream().findFirst();
  }

  public int openObjections(String cycleId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM eva_objection WHERE cycle_id=? AND"
        + " status='OPEN'", Integer.class, cycleId);
    return n == null ? 0 : n;
  }

  // ------------------------------------------------------------------ publication

  /**
   * Publishes the grades: the cycle gets its document number; each base's grade enters its
   * history in the register. Returns the bases to revoke (annex §三.（三）): two consecutive
   * 不合格, or 未参加 without a reason the bureau accepted.
   */
  public List<RevocationCandidate> publish(String cycleId, String documentNumber, LocalDate date) {
    Cycle cycle = findCycle(cycleId).orElseThrow();
    GradingProposal p = proposal(cycleId);
    if (!p.isComplete()) {
      throw new IllegalStateException("评价档次尚未全部确定，不能发文公布");
    }
    jdbc.update("UPDATE eva_cycle SET status=?, document_number=?, document_date=? WHERE id=?",
        CycleStatus.PUBLISHED.name(), documentNumber, java.sql.Date.valueOf(date), cycleId);
    List<RevocationCandidate> revoke = new ArrayList<>();
    for (GradingProposal.GradedBase b : p.bases()) {
      String note = cycle.name() + "：" + b.grade().chineseName()
          + (b.total() == null ? "" : "（总分" + b.total().toPlainString() + "分，第" + b.rank() + "名）");
      register.recordEvent(b.baseId(), EVENT_EVALUATED, date, documentNumber, note);
      if (b.grade() == Grade.FAIL) {
        Optional<String> before = previousGrade(b.baseId(), cycleId);
        if (before.isPresent() && Grade.FAIL.name().equals(before.get())) {
          revoke.add(new RevocationCandidate(b.baseId(), "failedTwice",
              "连续两次绩效评价“不合格”（" + previousCycleName(b.baseId(), cycleId) + "、"
                  + cycle.name() + "，文号" + documentNumber + "）"));
        }
      } else if (b.grade() == Grade.ABSENT) {
        Participation part = participation(cycleId, b.baseId());
        if (!Boolean.TRUE.equals(part.absenceExcused())) {
          revoke.add(new RevocationCandidate(b.baseId(), "absent",
              "无故不参加" + cycle.name() + "（文号" + documentNumber + "）"
                  + (part.absenceReason() == null ? "" : "；" + part.absenceReason())));
        }
      }
    }
    return revoke;
  }

  /** Grade of the base in the last published cycle before this one. */
  public Optional<String> previousGrade(String baseId, String cycleId) {
    return previous(baseId, cycleId, "p.grade");
  }

  private String previousCycleName(String baseId, String cycleId) {
    return previous(baseId, cycleId, "c.cycle_name").orElse("上一次评价");
  }

  private Optional<String> previous(String baseId, String cycleId, String column) {
    return jdbc.queryForList("SELECT " + column + " FROM eva_participation p JOIN eva_cycle c ON"
        + " c.id = p.cycle_id WHERE p.base_id=? AND c.status=? AND c.id<>? AND c.opened_at <="
        + " (SELECT opened_at FROM eva_cycle WHERE id=?) ORDER BY c.opened_at DESC", String.class,
        baseId, CycleStatus.PUBLISHED.name(), cycleId, cycleId).stream().findFirst();
  }

  // ------------------------------------------------------------------ helpers

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String s, Class<T> type) {
    try {
      return json.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String s, TypeReference<T> type) {
    try {
      return json.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }


  private static Cycle mapCycle(ResultSet rs, int i) throws SQLException {
    Timestamp ps = rs.getTimestamp("publicity_start");
    Timestamp pe = rs.getTimestamp("publicity_end");
    java.sql.Date dd = rs.getDate("document_date");
    return new Cycle(rs.getString("id"), rs.getString("cycle_name"), rs.getInt("cycle_year"),
        CycleStatus.valueOf(rs.getString("status")), rs.getString("scoring_mode"),
        rs.getString("process_instance_id"), ps == null ? null : ps.toInstant(),
        pe == null ? null : pe.toInstant(), rs.getString("document_number"),
        dd == null ? null : dd.toLocalDate());
  }

  private static Participation mapParticipation(ResultSet rs, int i) throws SQLException {
    Object excused = rs.getObject("absence_excused");
    Object rank = rs.getObject("score_rank");
    return new Participation(rs.getString("id"), rs.getString("cycle_id"), rs.getString("base_id"),
        ParticipationStatus.valueOf(rs.getString("status")), rs.getString("figures_json"),
        rs.getString("district_opinion"), rs.getString("onsite_findings"),
        excused == null ? null : rs.getBoolean("absence_excused"), rs.getString("absence_reason"),
        rs.getBigDecimal("total_score"), rank == null ? null : rs.getInt("score_rank"),
        rs.getString("grade"), rs.getString("grade_note"), rs.getString("working"));
  }
}
