package cn.shaoxing.pilotbase.benchmark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes what a benchmark run measured to target/benchmark/{database}.json and renders every run
 * found there (PostgreSQL, H2) as one Markdown table: target/benchmark/performance.md, and the
 * report path of the {@link Scale} (docs/performance.md in the benchmark profile). Prints it.
 */
final class PerformanceReport {

  static final Path DIR = Path.of("target", "benchmark");
  static final double GOAL_RATIO = 1.5;
  static final double GOAL_P95_MS = 100;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PerformanceReport() {}

  record Run(Scale scale, Map<String, List<Long>> clicks, Map<String, Long> bulk, Map<String, Object> facts) {}

  static void write(Scale scale, Measurements m) throws IOException {
    Files.createDirectories(DIR);
    JSON.writeValue(DIR.resolve(scale.database() + ".json").toFile(), new Run(scale, m.clicks, m.bulk, m.facts));
    render(scale.report());
  }

  /** Renders the runs found in target/benchmark again (e.g. after a change of this report): args[0] = where. */
  public static void main(String[] args) throws IOException {
    render(args.length > 0 ? args[0] : null);
  }

  private static void render(String report) throws IOException {
    Map<String, Run> runs = new LinkedHashMap<>();
    for (String db : List.of("postgres", "h2")) {
      Path p = DIR.resolve(db + ".json");
      if (Files.exists(p)) {
        runs.put(db, JSON.readValue(p.toFile(), new TypeReference<Run>() {}));
      }
    }
    String md = render(runs);
    Files.writeString(DIR.resolve("performance.md"), md, StandardCharsets.UTF_8);
    if (report != null) {
      Files.writeString(Path.of(report), md, StandardCharsets.UTF_8);
    }
    System.out.println(md);
  }

  static String render(Map<String, Run> runs) {
    StringBuilder b = new StringBuilder();
    Run first = runs.values().iterator().next();
    Scale s = first.scale();
    b.append("# Performance\n\n")
        .append("Measured by the benchmark in the repository (`src/test/java/cn/shaoxing/pilotbase/benchmark`),\n")
        .append("reproduce with:\n\n    mvn -B -Pbenchmark test\n\n")
        .append(String.format(Locale.ROOT, "Run on %s: %d cores, Java %s, %s %s; benchmark JVM heap limit %s MB.%n%n",
            LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            System.getProperty("os.name"), System.getProperty("os.arch"), first.facts().get("heap.maxMb")))
        .append(String.format(Locale.ROOT, "Scale: a designation round of %d applications and an evaluation"
            + " cycle of %d bases on PostgreSQL (Shaoxing's own: about 10 and 5; H2, the embedded default for"
            + " small installations, at the sizes in the last table), driven as the roles do in Tasklist:"
            + " every task submitted through its form (`submit-form`, so the server-side validation runs)"
            + " by the user who holds it, with authorizations on. A *click* is one such submission (one"
            + " transaction); the work that grows with the round runs after it as asynchronous"
            + " continuations (ADR 0017) and is listed separately. The baseline is a *bare user task*"
            + " (no form, no listener of ours; its completion creates the next bare task, as a step of"
            + " the platform creates the next step's task) completed by a district user in the same"
            + " engine, before the round and after the cycle, in the same run.%n%n", s.applications(), s.bases()));

    b.append("## Goals of issue 11\n\n");
    for (Run r : runs.values()) {
      String db = r.scale().databaseLabel();
      double ratio = allClicks(r).isEmpty() ? Double.NaN : Measurements.median(allClicks(r)) / bare(r);
      b.append(String.format(Locale.ROOT, "- %s, a click against a bare user task ≤ %.1f×: **%.2f×, %s**%n", db,
          GOAL_RATIO, ratio, ratio <= GOAL_RATIO ? "met" : "not met"));
      Object list = r.facts().get("tasklist.listP95Ms");
      Object count = r.facts().get("tasklist.countP95Ms");
      if (list instanceof Number l && count instanceof Number c) {
        double worst = Math.max(l.doubleValue(), c.doubleValue());
        b.append(String.format(Locale.ROOT, "- %s, Tasklist 本组待办 over %s open tasks, p95 ≤ %.0f ms: **%.0f ms, %s**%n",
            db, r.facts().get("tasklist.openTasks"), GOAL_P95_MS, worst, worst <= GOAL_P95_MS ? "met" : "not met"));
      }
      if (r.facts().get("coldStart.seconds") instanceof Number cs) {
        b.append(String.format(Locale.ROOT, "- Cold start to a Tasklist login ≤ 20 s in 512 MB: **%.1f s, %s**%n",
            cs.doubleValue(), cs.doubleValue() <= 20 ? "met" : "not met"));
      }
      b.append(String.format(Locale.ROOT, "- %s, the whole year runs in a %s MB heap: **met** (largest live heap %s MB)%n",
          db, r.facts().get("heap.maxMb"), r.facts().get("heap.liveMaxMb")));
    }
    b.append("\n## Per click, against a bare user task (goal ≤ ").append(GOAL_RATIO).append("×)\n\n");
    b.append("| Step |");
    runs.values().forEach(r -> b.append(" ").append(r.scale().databaseLabel()).append(": n | median ms | p95 ms | × bare |"));
    b.append("\n|---|");
    runs.values().forEach(r -> b.append("---:|---:|---:|---:|"));
    b.append("\n");
    Set<String> steps = new LinkedHashSet<>();
    runs.values().forEach(r -> steps.addAll(r.clicks().keySet()));
    for (String step : steps) {
      b.append("| ").append(step.equals(YearAtScaleBenchmark.BARE) ? "**空白用户任务（基准）**" : step).append(" |");
      for (Run r : runs.values()) {
        List<Long> v = r.clicks().get(step);
        if (v == null) {
          b.append(" | | | |");
          continue;
        }
        b.append(String.format(Locale.ROOT, " %d | %.1f | %.1f | %.2f |", v.size(), Measurements.median(v),
            Measurements.percentile(v, 95), Measurements.median(v) / bare(r)));
      }
      b.append("\n");
    }
    b.append("| **All task clicks** |");
    for (Run r : runs.values()) {
      List<Long> all = allClicks(r);
      b.append(all.isEmpty() ? " | | | |" : String.format(Locale.ROOT, " %d | %.1f | %.1f | **%.2f** |", all.size(),
          Measurements.median(all), Measurements.percentile(all, 95), Measurements.median(all) / bare(r)));
    }
    b.append("\n\n");

    b.append("## Work after the click (job executor), total seconds\n\n| Phase |");
    runs.values().forEach(r -> b.append(" ").append(r.scale().databaseLabel()).append(" |"));
    b.append("\n|---|");
    runs.values().forEach(r -> b.append("---:|"));
    b.append("\n");
    Set<String> phases = new LinkedHashSet<>();
    runs.values().forEach(r -> phases.addAll(r.bulk().keySet()));
    for (String phase : phases) {
      b.append("| ").append(phase).append(" |");
      runs.values().forEach(r -> {
        Long n = r.bulk().get(phase);
        b.append(n == null ? " |" : String.format(Locale.ROOT, " %.2f |", n / 1e9));
      });
      b.append("\n");
    }
    b.append("\n## Whole runs, Tasklist, start and heap\n\n| Measure |");
    runs.values().forEach(r -> b.append(" ").append(r.scale().databaseLabel()).append(" |"));
    b.append("\n|---|");
    runs.values().forEach(r -> b.append("---:|"));
    b.append("\n");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("round.applications", "Round: applications");
    labels.put("round.wallSeconds", "Round: wall time, s");
    labels.put("cycle.bases", "Cycle: bases");
    labels.put("cycle.wallSeconds", "Cycle: wall time, s");
    labels.put("tasklist.openTasks", "Tasklist: open tasks in the engine");
    labels.put("tasklist.visibleToDistrictUser", "Tasklist: tasks in keqiao1's 本组待办");
    labels.put("tasklist.listMedianMs", "Tasklist: 本组待办 first page, median ms");
    labels.put("tasklist.listP95Ms", "Tasklist: 本组待办 first page, p95 ms (goal ≤ 100)");
    labels.put("tasklist.countMedianMs", "Tasklist: 本组待办 count, median ms");
    labels.put("tasklist.countP95Ms", "Tasklist: 本组待办 count, p95 ms (goal ≤ 100)");
    labels.put("coldStart.seconds", "Cold start of the embedded default to a Tasklist login, s (goal ≤ 20, -Xmx512m)");
    labels.put("heap.maxMb", "Benchmark JVM heap limit, MB (goal: the round runs in 512)");
    labels.put("heap.liveMaxMb", "Benchmark JVM: largest heap in use after a garbage collection (live data), MB");
    for (var e : labels.entrySet()) {
      if (runs.values().stream().noneMatch(r -> r.facts().containsKey(e.getKey()))) {
        continue;
      }
      b.append("| ").append(e.getValue()).append(" |");
      runs.values().forEach(r -> {
        Object v = r.facts().get(e.getKey());
        b.append(v == null ? " |" : v instanceof Double d ? String.format(Locale.ROOT, " %.1f |", d) : " " + v + " |");
      });
      b.append("\n");
    }
    return b.toString();
  }

  /** Every task submission of the run (not the bare baseline, not the start forms). */
  static List<Long> allClicks(Run r) {
    return r.clicks().entrySet().stream().filter(e -> !e.getKey().equals(YearAtScaleBenchmark.BARE)
        && !e.getKey().contains("开始表单")).flatMap(e -> e.getValue().stream()).toList();
  }

  static double bare(Run r) {
    List<Long> v = r.clicks().get(YearAtScaleBenchmark.BARE);
    return v == null ? Double.NaN : Measurements.median(v);
  }
}
