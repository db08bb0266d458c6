package cn.shaoxing.pilotbase.progress;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a case's progress page (办理进度) may say about each step of the three per-case diagrams, as a
 * plain table: diagram element id → Chinese step name, who acts, what the page says while it is open,
 * who may see it, and which of the step's decisions are told to whom. A step or a variable not in
 * the table is never shown: expert names and scores, internal opinions (on-site findings, the
 * district's audit opinion on a confirmation) and anything of the round's or cycle's deliberation stay out
 * (docs/adr/0030-need-to-know.md).
 */
public final class ProgressModel {

  /** The two audiences of a case besides the bureau (which sees every step of the table). */
  public enum Audience {
    /** The applicant of an application, the base of an evaluation. */
    OWNER,
    /** The district science bureau or competent unit the case goes through. */
    REVIEWER
  }

  public static final String APPLICATION = "designation-application";
  public static final String APPLICATION_REVIEW = "designation-evaluation";
  public static final String BASE_EVALUATION = "evaluation-base";

  /** One decision of a step told to its audience: a label and a text built from the step's values. */
  public record Disclosure(String label, List<String> variables, Set<Audience> audience,
      Function<Map<String, Object>, String> text) {

    /** The text, or null when the values say nothing to tell (e.g. no reason for a recommendation). */
    public String of(Map<String, Object> values) {
      String t = text.apply(values);
      return t == null || t.isBlank() ? null : t;
    }
  }

  /** One step of a diagram as the page shows it. */
  public record Step(String process, String key, String name, String actor, String waiting,
      Set<Audience> audience, List<Disclosure> disclosures) {

    public boolean visibleTo(Audience a) {
      return a == null || audience.contains(a);
    }

    /** "label：text" lines for {@code a} (null: the bureau, which is told all of them). */
    public List<String> disclose(Map<String, Object> values, Audience a) {
      List<String> out = new ArrayList<>();
      for (Disclosure d : disclosures) {
        if (a == null || d.audience().contains(a)) {
          String t = d.of(values);
          if (t != null) {
            out.add(d.label() + "：" + t);
          }
        }
      }
      return out;
    }

    /** Every variable this step's disclosures read. */
    public List<String> variables() {
      return disclosures.stream().flatMap(d -> d.variables().stream()).distinct().toList();
    }
  }

  private static final Set<Audience> BOTH = EnumSet.allOf(Audience.class);
  private static final Map<String, Map<String, Step>> STEPS = new LinkedHashMap<>();

  static {
    // ---------------------------------------------------------------- designation-application
    step(APPLICATION, "StartEvent_Application", "提交申报", "申报单位", null, BOTH);
    step(APPLICATION, "Task_CheckEligibility", "参评条件审查", "平台（自动）", "参评条件审查中", BOTH,
        new Disclosure("审查结果", List.of("eligible", "ineligibilityText"), BOTH,
            v -> Boolean.TRUE.equals(v.get("eligible")) ? "符合参评条件"
                : "不符合参评条件" + suffix(v.get("ineligibilityText"))));
    step(APPLICATION, "Task_ReviewIneligibility", "查看参评条件审查结果", "申报单位",
        "等待申报单位选择修改后重新提交或放弃申报", BOTH,
        choice("申报单位选择", "ineligibleAction", BOTH, Map.of("correct", "修改后重新提交", "abandon", "放弃申报")));
    step(APPLICATION, "Task_CorrectApplication", "补正申报材料", "申报单位", "等待申报单位补正申报材料", BOTH);
    step(APPLICATION, "Task_DistrictReview", "区县科技部门审核推荐", "区县科技部门（归口单位）",
        "等待区县审核推荐", BOTH,
        choice("审核结果", "districtDecision", BOTH,
            Map.of("recommend", "推荐", "return", "退回补正", "reject", "不予推荐")),
        new Disclosure("理由", List.of("districtDecision", "districtComments"), BOTH,
            v -> "recommend".equals(v.get("districtDecision")) ? null : text(v.get("districtComments"))));
    Disclosure withdrawReason = new Disclosure("撤回理由", List.of("withdrawReason"), BOTH,
        v -> text(v.get("withdrawReason")));
    step(APPLICATION, "BoundaryEvent_WithdrawRequested", "申报单位撤回申报", "申报单位", null, BOTH, withdrawReason);
    // diagram versions before issue 12 had withdrawal as a task
    step(APPLICATION, "Task_WithdrawApplication", "申报单位撤回申报", "申报单位", "区县审核前可撤回申报", BOTH,
        withdrawReason);
    step(APPLICATION, "EndEvent_Withdrawn", "已撤回", "平台（自动）", null, BOTH);
    step(APPLICATION, "EndEvent_Abandoned", "已放弃申报", "平台（自动）", null, BOTH);
    step(APPLICATION, "EndEvent_DistrictRejected", "区县未推荐，申报结束", "平台（自动）", null, BOTH);
    step(APPLICATION, "EndEvent_Recommended", "已推荐至市科技局", "平台（自动）", null, BOTH);
    // ---------------------------------------------------------------- designation-evaluation
    step(APPLICATION_REVIEW, "Task_FormalReview", "第三方机构形式审查", "第三方机构", "等待第三方机构形式审查", BOTH,
        choice("审查结果", "formalDecision", BOTH, Map.of("pass", "通过", "return", "退回补正", "fail", "不通过")),
        new Disclosure("审查意见", List.of("formalDecision", "formalComments"), BOTH,
            v -> "pass".equals(v.get("formalDecision")) ? null : text(v.get("formalComments"))));
    step(APPLICATION_REVIEW, "Task_FormalCorrection", "按形式审查意见补正材料", "申报单位",
        "等待申报单位按形式审查意见补正材料", BOTH);
    step(APPLICATION_REVIEW, "BoundaryEvent_CorrectionOverdue", "补正期限届满，形式审查未通过", "平台（自动）", null,
        BOTH);
    step(APPLICATION_REVIEW, "EndEvent_FormalFailed", "形式审查未通过", "平台（自动）", null, BOTH);
    // experts act, but who they are and what they scored is never told (ADR 0030)
    step(APPLICATION_REVIEW, "Task_ExpertReview", "专家评审", "评审专家组", "专家评审中", BOTH);
    step(APPLICATION_REVIEW, "Task_OnSiteCheck", "现场核查", "评审专家组", "等待现场核查", BOTH);
    step(APPLICATION_REVIEW, "EndEvent_Evaluated", "评审完成，等待市科技局研究拟评定名单", "平台（自动）", null, BOTH);
    // ---------------------------------------------------------------- evaluation-base
    step(BASE_EVALUATION, "StartEvent_Base", "通知基地自评", "市科技局", null, BOTH);
    step(BASE_EVALUATION, "Task_SelfEvaluation", "基地自评", "基地", "等待基地提交自评材料", BOTH);
    step(BASE_EVALUATION, "BoundaryEvent_Deadline", "自评期限届满", "平台（自动）", null, BOTH);
    step(BASE_EVALUATION, "Task_DecideExtension", "市科技局决定延期或记为未参加", "市科技局",
        "逾期未提交，等待市科技局决定延期或记为未参加", BOTH,
        choice("决定", "extensionDecision", BOTH, Map.of("extend", "准予延期（仅一次）", "absent", "记为未参加")));
    step(BASE_EVALUATION, "Task_DistrictAudit", "区县科技部门（归口单位）审核真实性", "区县科技部门（归口单位）",
        "等待区县（归口单位）审核", BOTH,
        choice("审核结果", "auditDecision", BOTH, Map.of("confirm", "审核通过", "return", "退回修改")),
        // on a return the opinion is what the base must fix (it becomes returnComments); on a
        // confirmation it is the district's word to the bureau and stays out
        new Disclosure("退回意见", List.of("auditDecision", "auditOpinion"), BOTH,
            v -> "return".equals(v.get("auditDecision")) ? text(v.get("auditOpinion")) : null));
    step(BASE_EVALUATION, "Task_ExpertScoring", "专家评分", "评审专家组", "专家评分中", BOTH);
    step(BASE_EVALUATION, "Task_ThirdPartyScoring", "第三方机构评价打分", "第三方机构", "等待第三方机构评价打分", BOTH);
    step(BASE_EVALUATION, "Task_OnSiteCheck", "现场核查", "现场核查组", "等待现场核查", BOTH);
    step(BASE_EVALUATION, "EndEvent_Scored", "评分完成，等待市科技局研究评价结果", "平台（自动）", null, BOTH);
    step(BASE_EVALUATION, "EndEvent_Absent", "记为未参加", "平台（自动）", null, BOTH);
  }

  private ProgressModel() {}

  private static void step(String process, String key, String name, String actor, String waiting,
      Set<Audience> audience, Disclosure... disclosures) {
    STEPS.computeIfAbsent(process, p -> new LinkedHashMap<>())
        .put(key, new Step(process, key, name, actor, waiting, Set.copyOf(audience), List.of(disclosures)));
  }

  private static Disclosure choice(String label, String variable, Set<Audience> audience,
      Map<String, String> labels) {
    return new Disclosure(label, List.of(variable), audience, v -> {
      Object value = v.get(variable);
      return value == null ? null : labels.getOrDefault(value.toString(), value.toString());
    });
  }

  private static String text(Object value) {
    return value == null ? null : value.toString().strip();
  }

  private static String suffix(Object reasons) {
    String t = text(reasons);
    return t == null || t.isEmpty() ? "" : "（" + t.replace("\n", "；") + "）";
  }

  /** The step of {@code process} with element id {@code key}, if the page shows it. */
  public static Optional<Step> step(String process, String key) {
    return Optional.ofNullable(STEPS.getOrDefault(process, Map.of()).get(key));
  }

  /** The steps of one diagram, in table order. */
  public static List<Step> steps(String process) {
    return List.copyOf(STEPS.getOrDefault(process, Map.of()).values());
  }

  /** Every variable any disclosure reads: what the page may read of a case's history. */
  public static Set<String> disclosedVariables() {
    Set<String> out = new java.util.TreeSet<>();
    STEPS.values().forEach(m -> m.values().forEach(s -> out.addAll(s.variables())));
    return out;
  }
}
