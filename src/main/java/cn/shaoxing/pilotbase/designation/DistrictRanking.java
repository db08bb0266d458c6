package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.forms.ValidationErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 区县择优推荐排序 (issue 11, item 3): after the application deadline each district or competent unit
 * orders all the applications it recommended in one task of the round ({@code Task_RankRecommendations},
 * one instance per reviewer group). The rows offered ({@code districtRanking}: applicationId, orgName,
 * rank) are a task-local JSON variable; on completion the ranks must be exactly 1..n over exactly the
 * group's recommended applications, and they are stored in {@code dsg_application.district_rank}.
 */
@Service
public class DistrictRanking {

  /** The user task of processes/designation-round.bpmn. */
  public static final String TASK = "Task_RankRecommendations";
  /** The keys of one row of the ranking list. */
  public static final Set<String> ROW_KEYS = Set.of("applicationId", "orgName", "rank");

  private final ApplicationService applications;
  private final RoundService rounds;
  private final ObjectMapper json = new ObjectMapper();

  public DistrictRanking(ApplicationService applications, RoundService rounds) {
    this.applications = applications;
    this.rounds = rounds;
  }

  /**
   * The reviewer groups that rank in this round: those with an application recommended or still
   * before their decision (under review, returned for correction, …), in a stable order.
   */
  public List<String> groups(int year) {
    Set<String> groups = new LinkedHashSet<>();
    for (Application a : applications.ofRound(year)) {
      if (a.status() == ApplicationStatus.RECOMMENDED || a.status().beforeDistrictDecision()) {
        groups.add(a.reviewerGroup());
      }
    }
    return groups.stream().sorted().toList();
  }

  /** The group's recommended applications of the round, in the order filed. */
  public List<Application> recommended(int year, String group) {
    return applications.ofRound(year, ApplicationStatus.RECOMMENDED).stream()
        .filter(a -> a.reviewerGroup().equals(group))
        .toList();
  }

  /** The rows of the ranking form (a JSON array of applicationId, orgName and rank, empty). */
  public Object rows(int year, String group) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Application a : recommended(year, group)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("applicationId", a.id());
      row.put("orgName", a.orgName());
      row.put("rank", a.districtRank());
      rows.add(row);
    }
    try {
      return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The checks of a submitted ranking; {@code field} names the form field the messages belong to.
   * Refused while the group still has applications before its decision (named); otherwise exactly
   * the group's recommended applications, each once, ranks 1..n each once, no other keys.
   */
  public void check(int year, String group, Object submitted, String field, ValidationErrors e) {
    List<Application> pending = applications.ofRound(year).stream()
        .filter(a -> a.reviewerGroup().equals(group) && a.status().beforeDistrictDecision())
        .toList();
    if (!pending.isEmpty()) {
      e.add(field, "本地区尚有" + pending.size() + "份申报未完成审核（"
          + pending.stream().map(a -> a.orgName() + "：" + a.status().chineseName())
              .collect(Collectors.joining("、"))
          + "），请先办结审核推荐再排序");
      return;
    }
    List<Application> expected = recommended(year, group);
    Map<String, Application> byId = new HashMap<>();
    expected.forEach(a -> byId.put(a.id(), a));
    List<?> rows = submitted instanceof List<?> l ? l : submitted == null ? List.of() : null;
    if (rows == null) {
      e.add(field, "「择优推荐排序」必须为列表");
      return;
    }
    int n = expected.size();
    Set<String> seen = new LinkedHashSet<>();
    Map<Integer, List<String>> ranks = new TreeMap<>();
    int i = 0;
    for (Object o : rows) {
      i++;
      if (!(o instanceof Map<?, ?> row)) {
        e.add(field, "第" + i + "行格式错误");
        continue;
      }
      for (Object key : row.keySet()) {
        if (!ROW_KEYS.contains(String.valueOf(key))) {
          e.add(field, "第" + i + "行含有不能提交的字段“" + abbreviate(String.valueOf(key)) + "”");
        }
      }
      Object idValue = row.get("applicationId");
      String id = idValue instanceof String s ? s : null;
      Application a = id == null ? null : byId.get(id);
      if (a == null) {
        e.add(field, "第" + i + "行的申报（" + abbreviate(String.valueOf(idValue))
            + "）不是本地区本年度已推荐的申报，不能排序");
        continue;
      }
      if (!seen.add(id)) {
        e.add(field, "“" + a.orgName() + "”在排序中出现了多次，每个推荐的申报只能排序一次");
        continue;
      }
      Object r = row.get("rank");
      Integer rank = r instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
          ? Integer.valueOf(num.intValue()) : null;
      if (r == null || r instanceof String s && s.isBlank()) {
        e.add(field, "请填写“" + a.orgName() + "”的推荐排序");
      } else if (rank == null) {
        e.add(field, "“" + a.orgName() + "”的推荐排序必须为整数");
      } else if (rank < 1 || rank > n) {
        e.add(field, "“" + a.orgName() + "”的推荐排序 " + rank + " 超出范围，本地区推荐" + n
            + "份申报，排序须为1至" + n);
      } else {
        ranks.computeIfAbsent(rank, k -> new ArrayList<>()).add(a.orgName());
      }
    }
    List<String> missing = expected.stream().filter(a -> !seen.contains(a.id()))
        .map(Application::orgName).toList();
    if (!missing.isEmpty()) {
      e.add(field, "排序中缺少本地区推荐的申报：" + String.join("、", missing)
          + "（本地区推荐的" + n + "份申报须全部排序）");
    }
    ranks.forEach((rank, orgs) -> {
      if (orgs.size() > 1) {
        e.add(field, "推荐排序 " + rank + " 重复（" + String.join("、", orgs) + "），每个排序只能使用一次");
      }
    });
    if (missing.isEmpty() && seen.size() == rows.size()) {
      List<Integer> gaps = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        if (!ranks.containsKey(k)) {
          gaps.add(k);
        }
      }
      if (!gaps.isEmpty()) {
        e.add(field, "推荐排序须为1至" + n + "且各用一次，缺少排序："
            + gaps.stream().map(String::valueOf).collect(Collectors.joining("、")));
      }
    }
  }

  /** Stores the (validated) ranks of the group's recommended applications. */
  @Transactional
  public void record(int year, String group, Object submitted) {
    Set<String> ids = new LinkedHashSet<>(recommended(year, group).stream().map(Application::id).toList());
    Map<String, Integer> ranks = new LinkedHashMap<>();
    if (plain(submitted) instanceof List<?> rows) {
      for (Object o : rows) {
        if (o instanceof Map<?, ?> row && row.get("applicationId") instanceof String id
            && ids.contains(id) && row.get("rank") instanceof Number r) {
          ranks.put(id, r.intValue());
        }
      }
    }
    if (ranks.size() != ids.size()) {
      throw new IllegalStateException("区县推荐排序不完整：" + group + " " + year);
    }
    applications.rank(ranks);
  }

  /**
   * After a district recommended one more application once the ranking task is open: the task's
   * rows are offered again, so the list always holds the group's current recommendations. Runs in
   * the command of the district's decision, without authorization checks on the round's task.
   */
  public void refresh(ProcessEngineServices engine, int year, String group) {
    rounds.find(year).filter(r -> r.processInstanceId() != null).ifPresent(round -> {
      List<Task> tasks = Context.getCommandContext().runWithoutAuthorization(() ->
          engine.getTaskService().createTaskQuery().processInstanceId(round.processInstanceId())
              .taskDefinitionKey(TASK).taskCandidateGroup(group).list());
      Object rows = rows(year, group);
      for (Task t : tasks) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
          engine.getTaskService().setVariableLocal(t.getId(), VARIABLE, rows);
          return null;
        });
      }
    });
  }

  /** The variable name of the ranking list (the form's dynamic list path). */
  public static final String VARIABLE = "districtRanking";

  /** A Spin JSON value (as stored) as plain Java lists and maps. */
  private Object plain(Object value) {
    if (value instanceof SpinJsonNode spin) {
      try {
        return json.readValue(spin.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return value;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
