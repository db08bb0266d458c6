package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.platform.PlatformCalls;
import cn.shaoxing.pilotbase.designation.Round;
import cn.shaoxing.pilotbase.designation.RoundService;
import cn.shaoxing.pilotbase.evaluation.CycleStatus;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.Grade;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Progress against the plan's goal (§一.（三）: ≥ 20 designated bases covering at least 集成电路,
 * 生物医药 and 新材料), the grades of the evaluation cycles and the state of the work in progress,
 * for the bureau's dashboard. A read model: counts come from the register, the evaluation tables
 * and the engine's task table, grouped in SQL where they can grow (open tasks).
 */
@Service
public class DashboardService {

  public static final int GOAL = 20;
  public static final List<IndustryChain> KEY_CHAINS =
      List.of(IndustryChain.INTEGRATED_CIRCUITS, IndustryChain.BIOMEDICINE, IndustryChain.NEW_MATERIALS);

  /**
   * Tasks that sit open without being anybody's work, by task definition key: optional actions a
   * process offers while it waits for the real step. The dashboard does not count them as open or
   * overdue work. {@code Task_WithdrawApplication} (designation-application.bpmn, 撤回申报（可选，区县审核前）)
   * stays open for every application until the district acts; newer diagrams move the withdrawal to
   * the progress page, but instances on older versions keep the task.
   */
  public static final Set<String> OPTIONAL_NOT_WORK = Set.of("Task_WithdrawApplication");

  /** Whether an open task of this definition key is work (counts on the dashboard). */
  public static boolean isWork(String taskDefinitionKey) {
    return taskDefinitionKey == null || !OPTIONAL_NOT_WORK.contains(taskDefinitionKey);
  }

  /** The grades shown per cycle, in this order (未参加 included: it is a result, not a score). */
  public static final List<Grade> GRADES = List.of(Grade.values());

  /** One line of a count table. */
  public record Count(String label, long count) {}

  /** Active bases of one industry chain; {@code key} marks the plan's three key chains. */
  public record ChainCount(String label, long count, boolean key) {}

  /** A key industry chain and whether an active base covers it. */
  public record ChainCoverage(String chain, long bases, boolean covered) {}

  /**
   * One year of the register: bases designated that year, bases revoked that year, and the bases in
   * force at its end (designated up to that year minus revoked up to that year).
   */
  public record YearProgress(int year, long designated, long revoked, long activeAtYearEnd) {}

  /** The grade distribution of one evaluation cycle; counts in {@link #GRADES} order. */
  public record CycleGrades(String cycle, int year, String status, List<Count> grades, long total) {}

  /** Open tasks of one step (process and task), with how many are overdue. */
  public record TaskLoad(String process, String task, long open, long overdue) {}

  /** A download the dashboard links. */
  public record ExportLink(String label, String url) {}

  /** Everything the dashboard shows. */
  public record Snapshot(
      long active, long revoked, int goal, int progressPercent, List<ChainCoverage> keyChains,
      List<YearProgress> progress, List<ChainCount> byChain, List<Count> byDistrict,
      List<CycleGrades> grades, List<TaskLoad> openWork, List<ExportLink> exports) {}

  private final RegisterService register;
  private final RoundService rounds;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  public DashboardService(RegisterService register, RoundService rounds, ProcessEngine engine, JdbcTemplate jdbc) {
    this.register = register;
    this.rounds = rounds;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public Snapshot snapshot() {
    List<DesignatedBase> all = register.list();
    List<DesignatedBase> active = all.stream().filter(b -> b.status() == BaseStatus.ACTIVE).toList();
    Map<String, Long> chains = active.stream().collect(Collectors.groupingBy(DesignatedBase::industryChain, Collectors.counting()));
    List<ChainCoverage> key = KEY_CHAINS.stream()
        .map(c -> new ChainCoverage(c.chineseName(), chains.getOrDefault(c.id(), 0L), chains.containsKey(c.id())))
        .toList();
    int percent = (int) Math.min(100, Math.round(active.size() * 100.0 / GOAL));
    List<ExportLink> cycleExports = jdbc.query("SELECT id, cycle_name FROM eva_cycle ORDER BY cycle_year DESC, opened_at DESC",
        (rs, i) -> new ExportLink(rs.getString("cycle_name") + "得分（Excel）",
            "/exports/cycles/" + rs.getString("id") + "/scores.xlsx"));
    return new Snapshot(active.size(), all.size() - active.size(), GOAL, percent, key, progress(all),
        byChain(chains), byDistrict(active), grades(), openWork(), exports(cycleExports));
  }

  /** Years with a designation or a revocation, oldest first. */
  static List<YearProgress> progress(List<DesignatedBase> all) {
    int thisYear = AppClock.today().getYear();
    Map<Integer, long[]> years = new TreeMap<>();
    for (DesignatedBase b : all) {
      years.computeIfAbsent(b.designationYear(), y -> new long[2])[0]++;
      if (b.status() == BaseStatus.REVOKED) {
        // a revocation without a date (data corrected by hand) counts in the current year
        int year = b.revokedAt() == null ? thisYear : b.revokedAt().atZone(AppClock.ZONE).getYear();
        years.computeIfAbsent(year, y -> new long[2])[1]++;
      }
    }
    List<YearProgress> out = new ArrayList<>();
    long inForce = 0;
    for (Map.Entry<Integer, long[]> e : years.entrySet()) {
      inForce += e.getValue()[0] - e.getValue()[1];
      out.add(new YearProgress(e.getKey(), e.getValue()[0], e.getValue()[1], inForce));
    }
    return out;
  }

  /** Every chain of the form (key chains first, then by count), plus any other chain in the register. */
  private static List<ChainCount> byChain(Map<String, Long> chains) {
    Map<String, Long> all = new LinkedHashMap<>();
    Arrays.stream(IndustryChain.values()).forEach(c -> all.put(c.id(), chains.getOrDefault(c.id(), 0L)));
    chains.forEach(all::putIfAbsent);
    Set<String> keys = KEY_CHAINS.stream().map(IndustryChain::id).collect(Collectors.toSet());
    List<ChainCount> keyFirst = new ArrayList<>();
    KEY_CHAINS.forEach(c -> keyFirst.add(new ChainCount(c.chineseName(), all.get(c.id()), true)));
    all.entrySet().stream().filter(e -> !keys.contains(e.getKey()))
        .map(e -> new ChainCount(IndustryChain.label(e.getKey()), e.getValue(), false))
        .sorted(Comparator.comparingLong(ChainCount::count).reversed())
        .forEach(keyFirst::add);
    return keyFirst;
  }

  /** Every district and competent unit (none left out for having no base), plus any other group. */
  private static List<Count> byDistrict(List<DesignatedBase> active) {
    Map<String, Long> groups = new LinkedHashMap<>();
    Arrays.stream(Role.values())
        .filter(r -> r.kind() == Role.Kind.DISTRICT || r.kind() == Role.Kind.COMPETENT_UNIT)
        .forEach(r -> groups.put(r.groupId(), 0L));
    active.forEach(b -> groups.merge(b.reviewerGroup(), 1L, Long::sum));
    return counts(groups, g -> Role.byGroupId(g).map(Role::chineseName).orElse(g));
  }

  /** Cycles that have grades (proposed or published), oldest first, with every grade counted. */
  private List<CycleGrades> grades() {
    Map<String, CycleGrades> cycles = new LinkedHashMap<>();
    Map<String, Map<Grade, Long>> counts = new LinkedHashMap<>();
    jdbc.query("SELECT c.id, c.cycle_name, c.cycle_year, c.status, c.opened_at, p.grade, COUNT(*) AS n"
        + " FROM eva_cycle c JOIN eva_participation p ON p.cycle_id = c.id WHERE p.grade IS NOT NULL"
        + " GROUP BY c.id, c.cycle_name, c.cycle_year, c.status, c.opened_at, p.grade"
        + " ORDER BY c.cycle_year, c.opened_at, c.id", rs -> {
          String id = rs.getString("id");
          if (!cycles.containsKey(id)) {
            boolean published = CycleStatus.PUBLISHED.name().equals(rs.getString("status"));
            cycles.put(id, new CycleGrades(rs.getString("cycle_name"), rs.getInt("cycle_year"),
                published ? "已公布" : "评定中", List.of(), 0));
          }
          counts.computeIfAbsent(id, k -> new EnumMap<>(Grade.class))
              .merge(Grade.valueOf(rs.getString("grade")), rs.getLong("n"), Long::sum);
        });
    return cycles.entrySet().stream().map(e -> {
      Map<Grade, Long> c = counts.get(e.getKey());
      List<Count> g = GRADES.stream().map(x -> new Count(x.chineseName(), c.getOrDefault(x, 0L))).toList();
      CycleGrades v = e.getValue();
      return new CycleGrades(v.cycle(), v.year(), v.status(), g, g.stream().mapToLong(Count::count).sum());
    }).toList();
  }

  /**
   * Open work by step: active user tasks grouped by process and task definition in one SQL query
   * (the engine's task and process definition tables, prefix included), so 10,000 open tasks are
   * counted by the database instead of being loaded. Tasks that are not work
   * ({@link #OPTIONAL_NOT_WORK}) are left out. All tasks count: the caller's role was checked.
   */
  private List<TaskLoad> openWork() {
    // table names and definitions: engine-wide reads
    return PlatformCalls.asPlatform(engine.getIdentityService(), this::loads);
  }

  private List<TaskLoad> loads() {
    var management = engine.getManagementService();
    String tasks = management.getTableName(Task.class);
    String definitions = management.getTableName(ProcessDefinition.class);
    Map<String, String> processNames = engine.getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getKey, d -> d.getName() == null ? d.getKey() : d.getName(), (a, b) -> a));
    String notWork = OPTIONAL_NOT_WORK.stream().map(k -> "?").collect(Collectors.joining(","));
    List<Object> args = new ArrayList<>();
    args.add(new Timestamp(AppClock.now().getTime()));
    args.addAll(OPTIONAL_NOT_WORK);
    Map<List<String>, long[]> loads = new LinkedHashMap<>();
    jdbc.query("SELECT d.KEY_ AS process_key, t.TASK_DEF_KEY_ AS task_key, t.NAME_ AS task_name,"
        + " COUNT(*) AS open_count, SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END) AS overdue_count"
        + " FROM " + tasks + " t LEFT JOIN " + definitions + " d ON d.ID_ = t.PROC_DEF_ID_"
        + " WHERE t.SUSPENSION_STATE_ = 1"
        + " AND (t.TASK_DEF_KEY_ IS NULL OR t.TASK_DEF_KEY_ NOT IN (" + notWork + "))"
        + " GROUP BY d.KEY_, t.TASK_DEF_KEY_, t.NAME_", rs -> {
          String processKey = rs.getString("process_key");
          String process = processKey == null ? "独立任务" : processNames.getOrDefault(processKey, processKey);
          String name = rs.getString("task_name");
          long[] l = loads.computeIfAbsent(List.of(process, name == null ? "" : name), k -> new long[2]);
          l[0] += rs.getLong("open_count");
          l[1] += rs.getLong("overdue_count");
        }, args.toArray());
    return loads.entrySet().stream()
        .map(e -> new TaskLoad(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparing(TaskLoad::process).thenComparing(TaskLoad::task))
        .toList();
  }

  /**
   * The register (Excel and CSV), each round's applications and each cycle's scores, newest first. A cycle
   * is linked by its id: a year may have more than one cycle (e.g. a supplementary one).
   */
  private List<ExportLink> exports(List<ExportLink> cycleExports) {
    List<ExportLink> links = new ArrayList<>();
    links.add(new ExportLink("中试基地名录（Excel）", "/exports/register.xlsx"));
    links.add(new ExportLink("中试基地名录（CSV）", "/dashboard/register.csv"));
    for (Round r : rounds.list()) {
      links.add(new ExportLink(r.year() + "年度认定申报汇总（Excel）", "/exports/rounds/" + r.year() + "/applications.xlsx"));
    }
    links.addAll(cycleExports);
    return links;
  }

  private static List<Count> counts(Map<String, Long> map, Function<String, String> label) {
    return map.entrySet().stream()
        .map(e -> new Count(label.apply(e.getKey()), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed())
        .toList();
  }
}
