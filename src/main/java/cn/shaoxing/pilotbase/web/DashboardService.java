package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Progress against the plan's goal (§一.（三）: ≥ 20 designated bases covering at least 集成电路,
 * 生物医药 and 新材料) and the state of the work in progress, for the bureau's dashboard.
 */
@Service
public class DashboardService {

  public static final int GOAL = 20;
  public static final List<IndustryChain> KEY_CHAINS =
      List.of(IndustryChain.INTEGRATED_CIRCUITS, IndustryChain.BIOMEDICINE, IndustryChain.NEW_MATERIALS);

  /** One line of a count table. */
  public record Count(String label, long count) {}

  /** A key industry chain and whether an active base covers it. */
  public record ChainCoverage(String chain, long bases, boolean covered) {}

  /** Open tasks of one kind, with how many are overdue. */
  public record TaskLoad(String process, String task, long open, long overdue) {}

  /** Everything the dashboard shows. */
  public record Snapshot(
      long active, long revoked, int goal, int progressPercent, List<ChainCoverage> keyChains,
      List<Count> byChain, List<Count> byDistrict, List<Count> byYear, List<TaskLoad> openWork) {}

  private final RegisterService register;
  private final ProcessEngine engine;

  public DashboardService(RegisterService register, ProcessEngine engine) {
    this.register = register;
    this.engine = engine;
  }

  public Snapshot snapshot() {
    List<DesignatedBase> all = register.list();
    List<DesignatedBase> active = all.stream().filter(b -> b.status() == BaseStatus.ACTIVE).toList();
    Map<String, Long> chains = active.stream().collect(Collectors.groupingBy(DesignatedBase::industryChain, Collectors.counting()));
    List<ChainCoverage> key = KEY_CHAINS.stream()
        .map(c -> new ChainCoverage(c.chineseName(), chains.getOrDefault(c.id(), 0L), chains.containsKey(c.id())))
        .toList();
    List<Count> byChain = counts(chains, IndustryChain::label);
    List<Count> byDistrict = counts(
        active.stream().collect(Collectors.groupingBy(DesignatedBase::reviewerGroup, Collectors.counting())),
        g -> Role.byGroupId(g).map(Role::chineseName).orElse(g));
    Map<String, Long> years = new TreeMap<>(active.stream()
        .collect(Collectors.groupingBy(b -> b.designationYear() + "年", Collectors.counting())));
    List<Count> byYear = years.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    int percent = (int) Math.min(100, Math.round(active.size() * 100.0 / GOAL));
    return new Snapshot(active.size(), all.size() - active.size(), GOAL, percent, key, byChain, byDistrict, byYear, openWork());
  }

  /** Open user tasks grouped by process and task name: all of them (the caller's role was checked). */
  private List<TaskLoad> openWork() {
    var identity = engine.getIdentityService();
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return loads();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private List<TaskLoad> loads() {
    Date now = AppClock.now();
    Map<String, String> processNames = engine.getRepositoryService().createProcessDefinitionQuery().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, d -> d.getName() == null ? d.getKey() : d.getName(), (a, b) -> a));
    Map<List<String>, long[]> loads = new LinkedHashMap<>();
    for (Task t : engine.getTaskService().createTaskQuery().active().list()) {
      String process = t.getProcessDefinitionId() == null ? "独立任务" : processNames.getOrDefault(t.getProcessDefinitionId(), "");
      long[] l = loads.computeIfAbsent(List.of(process, t.getName() == null ? "" : t.getName()), k -> new long[2]);
      l[0]++;
      if (t.getDueDate() != null && t.getDueDate().before(now)) {
        l[1]++;
      }
    }
    return loads.entrySet().stream()
        .map(e -> new TaskLoad(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparing(TaskLoad::process).thenComparing(TaskLoad::task))
        .toList();
  }

  private static List<Count> counts(Map<String, Long> map, java.util.function.Function<String, String> label) {
    return map.entrySet().stream()
        .map(e -> new Count(label.apply(e.getKey()), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label))
        .toList();
  }
}
