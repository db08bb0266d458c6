package cn.shaoxing.pilotbase.migration;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's migration validation failures (English, see Camunda's
 * {@code impl.migration.validation.*} validators) as Chinese sentences for the administrator, naming each
 * activity by its Chinese name and id: 环节“区县科技部门审核推荐”(Task_DistrictReview). Plain rules, no engine.
 * A failure not known here is kept, with its original text, behind a Chinese lead-in.
 */
public final class MigrationMessages {

  private final Function<String, String> names;

  /** {@code names}: activity id → Chinese name (or null when neither version has it). */
  public MigrationMessages(Function<String, String> names) {
    this.names = names;
  }

  /** 环节“名称”(id), or 环节 id when the id has no name in either version. */
  public String activity(String id) {
    if (id == null) {
      return "（未指定环节）";
    }
    String name = names.apply(id);
    return name == null || name.isBlank() ? "环节 " + id : "环节“" + name + "”(" + id + ")";
  }

  /** A failure of a migration instruction (plan validation). */
  public String instruction(String source, String target, String failure) {
    String lead = "映射 " + activity(source) + " → " + activity(target) + "：";
    Matcher m;
    if ((m = match("Source activity '(.*)' does not exist", failure)) != null) {
      return "映射中的" + activity(m.group(1)) + " 在旧版本中不存在，请检查映射左边的环节id";
    }
    if ((m = match("Target activity '(.*)' does not exist", failure)) != null) {
      return "映射 " + activity(source) + " → " + m.group(1) + "：新版本中没有环节 " + m.group(1) + "，请检查映射右边的环节id";
    }
    if ((m = match("There are multiple mappings for source activity id '(.*)'", failure)) != null) {
      return activity(m.group(1)) + " 被映射到多个新环节，每个旧环节只能映射一次";
    }
    if (failure.startsWith("Activities have incompatible types")) {
      return lead + "两个环节类型不同（例如用户任务与服务任务），不能互相迁移";
    }
    if (failure.startsWith("Events are not of the same type")) {
      return lead + "两个事件类型不同（例如定时与消息），不能互相迁移";
    }
    if (failure.startsWith("Cannot update event trigger")) {
      return lead + "该环节没有定时器或消息等触发器，不能“更新事件触发器”";
    }
    if (failure.startsWith("Conditional event has to migrate with update event trigger")) {
      return lead + "条件事件必须同时更新事件触发器";
    }
    if (failure.startsWith("The source activity's event scope")) {
      return lead + "该边界事件所附着的环节也必须映射到新版本中对应的环节";
    }
    if ((m = match("The closest mapped ancestor '(.*)' is mapped to scope '(.*)' which is not an ancestor of target scope '(.*)'", failure)) != null) {
      return lead + "所在的上级范围 " + activity(m.group(1)) + " 被映射到 " + activity(m.group(2))
          + "，它不是新环节的上级范围，层次结构不一致";
    }
    if (failure.contains("multi-instance")) {
      return lead + "多实例（会签/逐个办理）环节与其内部环节必须一同映射";
    }
    if (failure.contains("gateway") || failure.contains("Gateway")) {
      return lead + "网关的映射不符合要求（新网关的入口连线不能少于旧网关，且其所在范围必须映射）";
    }
    return lead + "引擎校验未通过（原文：" + failure + "）";
  }

  /** A failure of one activity instance of a process instance (instance validation). */
  public String activityInstance(String processInstanceId, String activityId, String failure) {
    String who = "流程实例 " + processInstanceId + " 停在" + activity(activityId) + "：";
    if (failure.startsWith("There is no migration instruction for this instance's activity")) {
      return activity(activityId) + " 在新版本中没有对应环节（流程实例 " + processInstanceId
          + " 正停在此环节）。请在映射中写明它在新版本中的环节（旧id=新id），或先在旧版本中办结这些实例";
    }
    if (failure.startsWith("Target activity is not asyncBefore")) {
      return who + "它正等待“异步前”继续，新版本中对应环节必须同样勾选 Asynchronous before";
    }
    if (failure.startsWith("Target activity is not asyncAfter")) {
      return who + "它正等待“异步后”继续，新版本中对应环节必须同样勾选 Asynchronous after";
    }
    if (failure.startsWith("Transition instance is assigned to")) {
      return who + "它正等待异步继续，而新版本中该环节的出口连线与旧版本不一致";
    }
    if (failure.startsWith("The type of the source activity is not supported")) {
      return who + "该类型的环节不支持迁移";
    }
    if ((m(failure, "The variable '(.*)' exists in both")) != null) {
      return who + "变量 " + m(failure, "The variable '(.*)' exists in both").group(1) + " 在两个层级同时存在，迁移会覆盖其一";
    }
    if (failure.startsWith("Cannot migrate subscription for compensation handler")) {
      return who + "补偿事件没有映射";
    }
    return who + "引擎校验未通过（原文：" + failure + "）";
  }

  /** A failure of a process instance as a whole. */
  public String processInstance(String processInstanceId, String failure) {
    return "流程实例 " + processInstanceId + "：引擎校验未通过（原文：" + failure + "）";
  }

  private static Matcher m(String text, String regex) {
    return match(regex, text);
  }

  private static Matcher match(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text == null ? "" : text);
    return m.find() ? m : null;
  }
}
