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
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 区县择优推荐排序 (issue 11, item 3): after the application deadline each district or competent unit
 * orders all the applications it recommended in one task of the round ({@code Task_RankRecommendations},
 * one instance per reviewer group). The task offers the group's recommended applications as options
 * ({@code rankingOptions}: value applicationId, label orgName; task-local JSON) and the reviewer picks
 * them in order of preference in one taglist ({@code districtRanking}: the ids in order, the first
 * ranked 1). On completion the list must be exactly the group's recommended applications, each once,
 * so the ranks are 1..n each once; they are stored in {@code dsg_application.district_rank}.
 *
 * <p>Why a taglist and not a dynamic list with a rank per row: in Tasklist 7.24 editing any field
 * inside a form-js dynamic list leaves an empty error entry for the row (form-js keeps
 * {@code errors[field][index]}, Tasklist counts error keys), which disables 完成 for good; the taglist
 * keeps the order of selection and is one top-level field (checked in DesignationRoundBrowserTest).
 */
@Service
public class DistrictRanking {

  /** The user task of processes/designation-round.bpmn. */
  public static final String TASK = "Task_RankRecommendations";
  /** The task-local options (the group's recommended applications). */
  public static final String OPTIONS = "rankingOptions";
  /** The ranking the reviewer submits (the form's taglist): application ids, first = rank 1. */
  public static final String VARIABLE = "districtRanking";

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

  /** The options of the ranking form: a JSON array of value (applicationId) and label (orgName). */
  public Object options(int year, String group) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Application a : recommended(year, group)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("value", a.id());
      row.put("label", a.orgName());
      rows.add(row);
    }
    return jsonValue(rows);
  }

  /** The ranking before the reviewer chose: an empty JSON array (so the submission stays task-local). */
  public static Object emptyRanking() {
    return SpinValues.jsonValue("[]").create();
  }

  /**
   * The checks of a submitted ranking (plain Java values); {@code field} names the form field the
   * messages belong to. Refused while the group still has applications before its decision (named);
   * otherwise exactly the group's recommended applications, each once (ranks 1..n by position).
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
    List<?> ids = submitted instanceof List<?> l ? l : submitted == null ? List.of() : null;
    if (ids == null) {
      e.add(field, "「推荐顺序」必须为列表");
      return;
    }
    int n = expected.size();
    Set<String> seen = new LinkedHashSet<>();
    int i = 0;
    for (Object o : ids) {
      i++;
      Application a = o instanceof String id ? byId.get(id) : null;
      if (a == null) {
        e.add(field, "第" + i + "位的申报（" + abbreviate(String.valueOf(o))
            + "）不是本地区本年度已推荐的申报，不能排序");
      } else if (!seen.add(a.id())) {
        e.add(field, "“" + a.orgName() + "”在推荐顺序中出现了多次（第" + i + "位），每个推荐的申报只能排序一次");
      }
    }
    List<String> missing = expected.stream().filter(a -> !seen.contains(a.id()))
        .map(Application::orgName).toList();
    if (!missing.isEmpty()) {
      e.add(field, "推荐顺序中缺少本地区推荐的申报：" + String.join("、", missing)
          + "（本地区推荐的" + n + "份申报须全部排序，排序为1至" + n + "）");
    }
  }

  /** Stores the (validated) ranks: the i-th application of the ranking gets rank i. */
  @Transactional
  public void record(int year, String group, List<String> ranking) {
    Set<String> ids = new LinkedHashSet<>(recommended(year, group).stream().map(Application::id).toList());
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (String id : ranking) {
      if (ids.contains(id) && !ranks.containsKey(id)) {
        ranks.put(id, ranks.size() + 1);
      }
    }
    if (ranks.size() != ids.size()) {
      throw new IllegalStateException("区县推荐排序不完整：" + group + " " + year);
    }
    applications.rank(ranks);
  }

  /**
   * After a district recommended one more application once the ranking task is open: the task's
   * options are offered again, so the list always holds the group's current recommendations. Runs
   * in the command of the district's decision, without authorization checks on the round's task.
   */
  public void refresh(ProcessEngineServices engine, int year, String group) {
    rounds.find(year).filter(r -> r.processInstanceId() != null).ifPresent(round -> {
      List<Task> tasks = Context.getCommandContext().runWithoutAuthorization(() ->
          engine.getTaskService().createTaskQuery().processInstanceId(round.processInstanceId())
              .taskDefinitionKey(TASK).taskCandidateGroup(group).list());
      if (tasks.isEmpty()) {
        return;
      }
      Object options = options(year, group);
      for (Task t : tasks) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
          engine.getTaskService().setVariableLocal(t.getId(), OPTIONS, options);
          return null;
        });
      }
    });
  }

  private Object jsonValue(Object value) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
