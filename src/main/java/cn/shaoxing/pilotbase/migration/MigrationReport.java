package cn.shaoxing.pilotbase.migration;

import java.util.List;

/**
 * The plan and its validation, per source version: the mappings the engine will apply and, in
 * Chinese, every reason the migration cannot run. Valid only when no source has a problem.
 */
public record MigrationReport(String processKey, String processName, Integer targetVersion,
    String targetDefinitionId, List<SourcePlan> sources, List<String> problems) {

  public boolean valid() {
    return problems.isEmpty() && sources.stream().allMatch(s -> s.problems().isEmpty())
        && sources.stream().anyMatch(s -> !s.processInstanceIds().isEmpty());
  }

  public int instances() {
    return sources.stream().mapToInt(s -> s.processInstanceIds().size()).sum();
  }

  /** Every problem, general ones first. */
  public List<String> allProblems() {
    return java.util.stream.Stream.concat(problems.stream(),
        sources.stream().flatMap(s -> s.problems().stream().map(p -> "版本 " + s.version() + "：" + p))).toList();
  }

  /** One source version: its instances to move, the plan's mappings, its problems. */
  public record SourcePlan(int version, String definitionId, List<String> processInstanceIds,
      List<Mapping> mappings, List<String> problems) {}

  /** One instruction of the plan, with the activities' Chinese names. */
  public record Mapping(String source, String sourceName, String target, String targetName, boolean updateEventTrigger) {}

  /** A started migration batch (Cockpit → 批处理 / Batches). */
  public record Batch(String batchId, int sourceVersion, int instances) {}

  /** What an execution started. */
  public record Execution(MigrationReport report, List<Batch> batches) {
    public int instances() {
      return batches.stream().mapToInt(Batch::instances).sum();
    }
  }
}
