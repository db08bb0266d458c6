package cn.shaoxing.pilotbase.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measured: click times per step (a user completing a task or starting a
 * case, one transaction), the time of the bulk work the clicks left to the job executor, and facts
 * (wall times, sizes, heap). Written as JSON by {@link PerformanceReport}.
 */
final class Measurements {

  /** Click durations in nanoseconds per step, in the order the steps were first seen. */
  final Map<String, List<Long>> clicks = new LinkedHashMap<>();
  /** Asynchronous (bulk) work in nanoseconds per phase. */
  final Map<String, Long> bulk = new LinkedHashMap<>();
  /** Facts: sizes, wall times (s), latencies (ms), heap (MB). */
  final Map<String, Object> facts = new LinkedHashMap<>();

  void click(String step, long nanos) {
    clicks.computeIfAbsent(step, k -> new ArrayList<>()).add(nanos);
  }

  void bulk(String phase, long nanos) {
    bulk.merge(phase, nanos, Long::sum);
  }

  void fact(String name, Object value) {
    facts.put(name, value);
  }

  static double percentile(List<Long> values, double p) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
  }

  static double median(List<Long> values) {
    return percentile(values, 50);
  }
}
