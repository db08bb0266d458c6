package cn.shaoxing.pilotbase.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the administrator asks for: a process key; source versions (empty: every older version with
 * running instances); a target version (null: the latest); explicit mappings for renamed or changed
 * activity ids, one {@code old=new} per line; optionally the instances to move (empty: every running
 * instance of the source versions).
 */
public record MigrationRequest(String processKey, List<Integer> sourceVersions, Integer targetVersion,
    String mappings, List<String> processInstanceIds) {

  public MigrationRequest {
    sourceVersions = sourceVersions == null ? List.of() : List.copyOf(sourceVersions);
    processInstanceIds = processInstanceIds == null ? List.of()
        : processInstanceIds.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
    mappings = mappings == null ? "" : mappings;
  }

  /** The explicit mappings (old id → new id) and, separately, the lines that are not {@code old=new}. */
  public Parsed parsedMappings() {
    Map<String, String> map = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int n = 0;
    for (String raw : mappings.split("[\\r\\n,;，；]+")) {
      String line = raw.trim();
      if (line.isEmpty()) {
        continue;
      }
      n++;
      String[] parts = line.split("=", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        problems.add("第 " + n + " 条映射“" + line + "”格式不对：应为 旧环节id=新环节id");
        continue;
      }
      String old = parts[0].trim();
      if (map.containsKey(old)) {
        problems.add("环节 " + old + " 映射了两次（第 " + n + " 条）");
        continue;
      }
      map.put(old, parts[1].trim());
    }
    return new Parsed(map, problems);
  }

  public record Parsed(Map<String, String> mappings, List<String> problems) {}
}
