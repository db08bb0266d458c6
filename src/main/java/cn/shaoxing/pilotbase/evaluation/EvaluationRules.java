package cn.shaoxing.pilotbase.evaluation;

import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ABSENCE_EXCUSED;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ABSENCE_REASON;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_ID;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_NAME;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.CYCLE_YEAR;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.DECLARATION_TRUTHFUL;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.DOCUMENT_DATE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.DOCUMENT_NUMBER;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.EXTENSION_DAYS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.EXTENSION_DECISION;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.EXTENSION_USED;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.GRADES_CONFIRMED;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.MEETING_DATE;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.PARTY_COMMENTS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.PARTY_DECISION;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_EXCELLENT;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_OPTIONS;
import static cn.shaoxing.pilotbase.evaluation.EvaluationVariables.TIE_SEATS;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.DECLINE_REASON;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.PARTICIPATION;

import cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ExtensionDecision;
import cn.shaoxing.pilotbase.evaluation.EvaluationVariables.PartyDecision;
import cn.shaoxing.pilotbase.experts.ExpertPanels.Participation;
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
      String name = CYCLE_NAME.of(v);
      // findCycleByNameForStart locks cycle starts until this start commits: a second start of the
      // same cycle at the same moment waits here and is then refused with this message.
      if (name != null && evaluations.findCycleByNameForStart(name.trim()).isPresent()) {
        e.add(CYCLE_NAME.name(), "评价周期“" + name + "”已经开启，不能重复启动");
      }
      Integer year = CYCLE_YEAR.of(v);
      if (name != null && year != null && !name.contains(String.valueOf(year))) {
        e.add(CYCLE_NAME.name(), "评价周期名称应包含评价年度（如 " + year + "年度绩效评价）");
      }
    });
  }

  @Bean
  public CompletionRule selfEvaluationRule() {
    return new FormRule("evaluation-self-evaluation", (v, e) -> {
      if (!DECLARATION_TRUTHFUL.isTrue(v)) {
        e.add(DECLARATION_TRUTHFUL.name(), "须承诺所填数据及佐证材料真实、准确");
      }
      for (String key : EvaluationForm.selfEvaluationKeys()) {
        if (key.startsWith("fig_")) {
          BigDecimal n = Vars.num(v, key);
          if (n != null && n.compareTo(new BigDecimal("100000000")) > 0) {
            e.add(key, "数值过大，请检查单位（面积为平方米，金额为万元）");
          }
        }
      }
      // the evidence itself (files) is checked by EvaluationEvidence's rule; ev_* are optional notes
    });
  }

  @Bean
  public CompletionRule extensionDecisionRule() {
    return new FormRule("evaluation-extension-decision", (v, e) -> {
      ExtensionDecision d = EXTENSION_DECISION.of(v);
      if (d == ExtensionDecision.EXTEND) {
        if (EXTENSION_USED.isTrue(v)) {
          e.add(EXTENSION_DECISION.name(), "已延期过一次，不能再次延期");
        }
        // 1–20 working days: the form; required only for an extension
        if (!EXTENSION_DAYS.present(v)) {
          e.add(EXTENSION_DAYS.name(), "准予延期须填写1～20个工作日");
        }
      } else if (d == ExtensionDecision.ABSENT) {
        if (ABSENCE_EXCUSED.isTrue(v) && !ABSENCE_REASON.present(v)) {
          e.add(ABSENCE_REASON.name(), "认定理由正当时须说明理由");
        }
      }
    });
  }

  /** Blind review: scores and opinions are sealed; the process sees only whether the expert takes part. */
  @Bean
  public SealedForm expertScoringSealed() {
    return SealedForm.of("evaluation-expert-scoring", PARTICIPATION.name());
  }

  @Bean
  public CompletionRule expertScoringRule() {
    return new FormRule("evaluation-expert-scoring", (v, e) -> {
      if (PARTICIPATION.of(v) != Participation.ACCEPT) {
        if (!DECLINE_REASON.present(v)) {
          e.add(DECLINE_REASON.name(), "回避或谢绝须说明理由");
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
      List<String> chosen = TIE_EXCELLENT.of(v);
      Integer seats = TIE_SEATS.of(v);
      if (seats != null && chosen.size() > seats) {
        e.add(TIE_EXCELLENT.name(), "并列基地中最多只能确定" + seats + "家为优秀");
      }
      if (new HashSet<>(chosen).size() != chosen.size()) {
        e.add(TIE_EXCELLENT.name(), "基地不能重复选择");
      }
      Object options = TIE_OPTIONS.of(v);
      if (options != null) {
        for (String id : chosen) {
          if (!options.toString().contains(id)) {
            e.add(TIE_EXCELLENT.name(), "所选基地不在并列名单中");
          }
        }
      }
    });
  }

  @Bean
  public CompletionRule gradesReviewRule() {
    return new FormRule("evaluation-grades-review", (v, e) -> {
      if (!GRADES_CONFIRMED.isTrue(v)) {
        e.add(GRADES_CONFIRMED.name(), "须确认评价结果档次后再提交党组会议审定");
      }
    });
  }

  @Bean
  public CompletionRule partyApprovalRule() {
    return new FormRule("evaluation-party-approval", (v, e) -> {
      if (PARTY_DECISION.of(v) == PartyDecision.SEND_BACK && !PARTY_COMMENTS.present(v)) {
        e.add(PARTY_COMMENTS.name(), "退回重新研究须写明审定意见");
      }
      LocalDate meeting = MEETING_DATE.of(v);
      if (meeting != null && meeting.isAfter(AppClock.today())) {
        e.add(MEETING_DATE.name(), "党组会议日期不能晚于今天");
      }
    });
  }

  @Bean
  public CompletionRule evaluationPublicationRule() {
    return new FormRule("evaluation-publication", (v, e) -> {
      LocalDate date = DOCUMENT_DATE.of(v);
      if (date != null && date.isAfter(AppClock.today())) {
        e.add(DOCUMENT_DATE.name(), "发文日期不能晚于今天");
      }
      String cycleId = CYCLE_ID.of(v);
      if (cycleId != null) {
        int open = evaluations.openObjections(cycleId);
        if (open > 0) {
          e.add(DOCUMENT_NUMBER.name(), "尚有" + open + "件公示异议未办结，不能发文公布");
        }
        evaluations.findCycle(cycleId).ifPresent(c -> {
          if (date != null && c.publicityStart() != null
              && date.isBefore(c.publicityStart().atZone(AppClock.ZONE).toLocalDate())) {
            e.add(DOCUMENT_DATE.name(), "发文日期不能早于公示开始日期");
          }
        });
      }
    });
  }
}
