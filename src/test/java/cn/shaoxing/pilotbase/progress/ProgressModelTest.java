package cn.shaoxing.pilotbase.progress;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.progress.ProgressModel.Audience;
import cn.shaoxing.pilotbase.progress.ProgressModel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The progress model's table without an engine: names, what is told to whom, what is never told. */
class ProgressModelTest {

  static Step step(String process, String key) {
    return ProgressModel.step(process, key).orElseThrow(() -> new AssertionError(process + "/" + key));
  }

  @Test
  void theDistrictReviewTellsTheDecisionAndTheReasonOnlyWhenNotRecommended() {
    Step review = step(ProgressModel.APPLICATION, "Task_DistrictReview");
    assertThat(review.name()).isEqualTo("区县科技部门审核推荐");
    assertThat(review.waiting()).isEqualTo("等待区县审核推荐");
    assertThat(review.disclose(Map.of("districtDecision", "return", "districtComments", " 请补充合同 "),
        Audience.OWNER)).containsExactly("审核结果：退回补正", "理由：请补充合同");
    assertThat(review.disclose(Map.of("districtDecision", "reject", "districtComments", "不符合产业方向"),
        Audience.REVIEWER)).containsExactly("审核结果：不予推荐", "理由：不符合产业方向");
    // a recommendation's remarks are the district's own
    assertThat(review.disclose(Map.of("districtDecision", "recommend", "districtComments", "内部备注"),
        Audience.OWNER)).containsExactly("审核结果：推荐");
  }

  @Test
  void eligibilityFormalReviewAndWithdrawalAreToldInChinese() {
    assertThat(step(ProgressModel.APPLICATION, "Task_CheckEligibility")
        .disclose(Map.of("eligible", false, "ineligibilityText", "注册未满一年\n无独立核算"), Audience.OWNER))
        .containsExactly("审查结果：不符合参评条件（注册未满一年；无独立核算）");
    assertThat(step(ProgressModel.APPLICATION, "Task_CheckEligibility")
        .disclose(Map.of("eligible", true), Audience.OWNER)).containsExactly("审查结果：符合参评条件");
    Map<String, Object> formal = new HashMap<>();
    formal.put("formalDecision", "return");
    formal.put("formalComments", "补充社保证明");
    assertThat(step(ProgressModel.APPLICATION_REVIEW, "Task_FormalReview").disclose(formal, Audience.OWNER))
        .containsExactly("审查结果：退回补正", "审查意见：补充社保证明");
    formal.put("formalDecision", "pass");
    assertThat(step(ProgressModel.APPLICATION_REVIEW, "Task_FormalReview").disclose(formal, Audience.OWNER))
        .containsExactly("审查结果：通过");
    assertThat(step(ProgressModel.APPLICATION, "BoundaryEvent_WithdrawRequested")
        .disclose(Map.of("withdrawReason", "转型"), Audience.OWNER)).containsExactly("撤回理由：转型");
    assertThat(step(ProgressModel.BASE_EVALUATION, "Task_DistrictAudit")
        .disclose(Map.of("auditDecision", "return", "auditOpinion", "服务收入缺银行回单"), Audience.OWNER))
        .containsExactly("审核结果：退回修改", "退回意见：服务收入缺银行回单");
    // a confirmation's opinion is the district's word to the bureau
    assertThat(step(ProgressModel.BASE_EVALUATION, "Task_DistrictAudit")
        .disclose(Map.of("auditDecision", "confirm", "auditOpinion", "经核查属实"), Audience.OWNER))
        .containsExactly("审核结果：审核通过");
  }

  @Test
  void expertStepsNameNoExpertAndTellNothing() {
    for (Step s : List.of(step(ProgressModel.APPLICATION_REVIEW, "Task_ExpertReview"),
        step(ProgressModel.APPLICATION_REVIEW, "Task_OnSiteCheck"),
        step(ProgressModel.BASE_EVALUATION, "Task_ExpertScoring"),
        step(ProgressModel.BASE_EVALUATION, "Task_OnSiteCheck"))) {
      assertThat(s.disclosures()).as(s.key()).isEmpty();
      assertThat(s.actor()).as(s.key()).doesNotContain("${");
    }
  }

  @Test
  void nothingTheModelReadsIsAnExpertsOrAnInternalVariable() {
    assertThat(ProgressModel.disclosedVariables()).doesNotContainAnyElementsOf(Set.of("expert", "panelLeader",
        "expertOpinion", "onsiteFindings", "scorerOpinion", "partyComments", "proposalNote",
        "sealedSubmissionId", "reviewNote", "tieReason"));
  }

  /** Every step of the table is an element of its diagram: a renamed id fails here, not on the page. */
  @Test
  void everyStepNamesAnElementOfItsDiagram() throws Exception {
    for (String process : List.of(ProgressModel.APPLICATION, ProgressModel.APPLICATION_REVIEW,
        ProgressModel.BASE_EVALUATION)) {
      String xml = Files.readString(Path.of("processes", process + ".bpmn"));
      Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(xml);
      Set<String> ids = new java.util.HashSet<>();
      while (m.find()) {
        ids.add(m.group(1));
      }
      for (Step s : ProgressModel.steps(process)) {
        if (!s.key().equals("Task_WithdrawApplication")) { // kept for instances of older versions
          assertThat(ids).as(process).contains(s.key());
        }
      }
    }
    // and every user task of the three diagrams is in the table (a new step needs a Chinese name)
    for (String process : List.of(ProgressModel.APPLICATION, ProgressModel.APPLICATION_REVIEW,
        ProgressModel.BASE_EVALUATION)) {
      Matcher m = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"")
          .matcher(Files.readString(Path.of("processes", process + ".bpmn")));
      while (m.find()) {
        assertThat(ProgressModel.step(process, m.group(1))).as(process + "/" + m.group(1)).isPresent();
      }
    }
  }
}
