package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.SealedForm;
import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import cn.shaoxing.pilotbase.scoring.IndicatorTable;
import cn.shaoxing.pilotbase.scoring.ScoringConfigService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Domain checks of the evaluation forms, run on the server after the generic schema checks.
 * Messages in Chinese; a rejected submission changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationRules {

  private final EvaluationService evaluations;
  private final ScoringConfigService scoring;
  private final ExpertPoolService experts;

  public EvaluationRules(EvaluationService evaluations, ScoringConfigService scoring,
      ExpertPoolService experts) {
    this.evaluations = evaluations;
    this.scoring = scoring;
    this.experts = experts;
  }

  @Bean
  public CompletionRule cycleStartRule() {
    return new FormRule("evaluation-cycle-start", (v, e) -> {
      String name = Vars.str(v, "cycleName");
      // findCycleByNameForStart locks cycle starts until this start commits: a second start of the
      // same cycle at the same moment waits here and is then refused with this message.
      if (name != null && evaluations.findCycleByNameForStart(name.trim()).isPresent()) {
        e.add("cycleName", "评价周期“" + name + "”已经开启，不能重复启动");
      }
      BigDecimal year = Vars.num(v, "cycleYear");
      if (name != null && year != null && !name.contains(String.valueOf(year.intValue()))) {
        e.add("cycleName", "评价周期名称应包含评价年度（如 " + year.intValue() + "年度绩效评价）");
      }
    });
  }

  @Bean
  public CompletionRule selfEvaluationRule() {
    return new FormRule("evaluation-self-evaluation", (v, e) -> {
      if (!Vars.isTrue(v, EvaluationForm.DECLARATION)) {
        e.add(EvaluationForm.DECLARATION, "须承诺所填数据及佐证材料真实、准确");
      }
      for (String key : EvaluationForm.selfEvaluationKeys()) {
        if (key.startsWith("fig_")) {
          BigDecimal n = Vars.num(v, key);
          if (n != null && n.compareTo(new BigDecimal("100000000")) > 0) {
            e.add(key, "数值过大，请检查单位（面积为平方米，金额为万元）");
          }
        }
      }
      // evidence for every quantitative indicator with a figure above zero
      Map<String, BigDecimal> annual = EvaluationForm.annualFigures(v);
      for (String i : EvaluationForm.quantitative()) {
        BigDecimal f = annual.get(i);
        if (f != null && f.signum() > 0 && !Vars.present(v, EvaluationForm.evidence(i))) {
          e.add(EvaluationForm.evidence(i), "填报了数值的指标须列出佐证材料");
        }
      }
    });
  }

  @Bean
  public CompletionRule extensionDecisionRule() {
    return new FormRule("evaluation-extension-decision", (v, e) -> {
      String d = Vars.str(v, "extensionDecision");
      if ("extend".equals(d)) {
        if (Vars.isTrue(v, "extensionUsed")) {
          e.add("extensionDecision", "已延期过一次，不能再次延期");
        }
        // 1–20 working days: the form; required only for an extension
        if (!Vars.present(v, "extensionDays")) {
          e.add("extensionDays", "准予延期须填写1～20个工作日");
        }
      } else if ("absent".equals(d)) {
        if (Vars.isTrue(v, "absenceExcused") && !Vars.present(v, "absenceReason")) {
          e.add("absenceReason", "认定理由正当时须说明理由");
        }
      }
    });
  }

  /** Blind review: scores and opinions are sealed; the process sees only whether the expert takes part. */
  @Bean
  public SealedForm expertScoringSealed() {
    return SealedForm.of("evaluation-expert-scoring", "participation");
  }

  @Bean
  public CompletionRule expertScoringRule() {
    return new FormRule("evaluation-expert-scoring", (v, e) -> {
      String p = Vars.str(v, "participation");
      if (!"accept".equals(p)) {
        if (!Vars.present(v, "declineReason")) {
          e.add("declineReason", "回避或谢绝须说明理由");
        }
        return;
      }
      checkSheet(v, e);
    });
  }

  @Bean
  public CompletionRule thirdPartyScoringRule() {
    return new FormRule("evaluation-third-party-scoring", this::checkSheet);
  }

  /** The sheet's fields checked against the table in force (shared with the designation round). */
  private void checkSheet(Map<String, Object> v, cn.shaoxing.pilotbase.forms.ValidationErrors e) {
    ExpertSheetForm.check(scoring.currentTable(), v, e::add);
  }

  @Bean
  public CompletionRule tieDecisionRule() {
    return new FormRule("evaluation-tie-decision", (v, e) -> {
      List<String> chosen = Vars.strings(v, "tieExcellent");
      BigDecimal seats = Vars.num(v, "tieSeats");
      if (seats != null && chosen.size() > seats.intValue()) {
        e.add("tieExcellent", "并列基地中最多只能确定" + seats.intValue() + "家为优秀");
      }
      if (new HashSet<>(chosen).size() != chosen.size()) {
        e.add("tieExcellent", "基地不能重复选择");
      }
      Object options = v.get("tieOptions");
      if (options != null) {
        for (String id : chosen) {
          if (!options.toString().contains(id)) {
            e.add("tieExcellent", "所选基地不在并列名单中");
          }
        }
      }
    });
  }

  @Bean
  public CompletionRule gradesReviewRule() {
    return new FormRule("evaluation-grades-review", (v, e) -> {
      if (!Vars.isTrue(v, "gradesConfirmed")) {
        e.add("gradesConfirmed", "须确认评价结果档次后再提交党组会议审定");
      }
    });
  }

  @Bean
  public CompletionRule partyApprovalRule() {
    return new FormRule("evaluation-party-approval", (v, e) -> {
      String d = Vars.str(v, "partyDecision");
      if ("sendBack".equals(d) && !Vars.present(v, "partyComments")) {
        e.add("partyComments", "退回重新研究须写明审定意见");
      }
      LocalDate meeting = Vars.date(v, "meetingDate");
      if (meeting != null && meeting.isAfter(AppClock.today())) {
        e.add("meetingDate", "党组会议日期不能晚于今天");
      }
    });
  }

  @Bean
  public CompletionRule evaluationPublicationRule() {
    return new FormRule("evaluation-publication", (v, e) -> {
      LocalDate date = Vars.date(v, "documentDate");
      if (date != null && date.isAfter(AppClock.today())) {
        e.add("documentDate", "发文日期不能晚于今天");
      }
      String cycleId = Vars.str(v, "cycleId");
      if (cycleId != null) {
        int open = evaluations.openObjections(cycleId);
        if (open > 0) {
          e.add("documentNumber", "尚有" + open + "件公示异议未办结，不能发文公布");
        }
        evaluations.findCycle(cycleId).ifPresent(c -> {
          if (date != null && c.publicityStart() != null
              && date.isBefore(c.publicityStart().atZone(AppClock.ZONE).toLocalDate())) {
            e.add("documentDate", "发文日期不能早于公示开始日期");
          }
        });
      }
    });
  }
}
