package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_DEADLINE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICATION_ID;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CHECK_AUTHENTIC;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CHECK_COMPLETE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CHECK_CONFORM;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CORRECTION_DAYS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.CREDIT_CODE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DECLARATION_TRUTHFUL;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DISTRICT_COMMENTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DISTRICT_DECISION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DISTRICT_RANKING;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DOCUMENT_DATE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.DOCUMENT_NUMBER;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.EXPERT_OPINION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.FORMAL_COMMENTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.FORMAL_DECISION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.FORMAL_RETURNED;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.HOSTED_UNIT;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.LANDED_PROJECTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.MATERIAL_INDICATORS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.MEETING_DATE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ONSITE_DATE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PARTY_COMMENTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PARTY_DECISION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PROPOSAL_NOTE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.PROPOSED_APPLICATIONS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.RECOMMENDATION;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.RECOMMENDATIONS_CONFIRMED;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.REGISTRATION_DATE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.REQUEST_ON_SITE;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.ROUND_YEAR;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.SERVICE_PROJECTS;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.WITHDRAW_CONFIRM;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.condOpinion;
import static cn.shaoxing.pilotbase.designation.DesignationVariables.materialCond;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.DECLINE_REASON;
import static cn.shaoxing.pilotbase.experts.ExpertPanels.PARTICIPATION;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTOR_ANONYMOUS;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTOR_CONTACT;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.OBJECTOR_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.ORG_NAME;
import static cn.shaoxing.pilotbase.objection.ObjectionVariables.REVIEWER_GROUP;

import cn.shaoxing.pilotbase.designation.DesignationVariables.DistrictDecision;
import cn.shaoxing.pilotbase.designation.DesignationVariables.FormalDecision;
import cn.shaoxing.pilotbase.designation.DesignationVariables.PartyDecision;
import cn.shaoxing.pilotbase.experts.ExpertPanels.Participation;
import cn.shaoxing.pilotbase.objection.ObjectionVariables;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.Checks;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.SealedForm;
import cn.shaoxing.pilotbase.forms.ValidationErrors;
import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.organisation.CreditCode;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the designation forms cannot express, run on the server by the foundation's validator after
 * the form's own checks passed (ADR 0008): rules across fields, conditional requirements, lookups in
 * rounds, applications and objections, dates against today, the round's indicator table. Required
 * fields, lengths, options, ranges and patterns are declared in the .form files only.
 */
@Configuration(proxyBeanMethods = false)
public class DesignationRules {

  public static final List<String> EXPERT_FIELDS;

  static {
    List<String> f = new ArrayList<>(List.of(PARTICIPATION.name(), DECLINE_REASON.name(),
        RECOMMENDATION.name(), EXPERT_OPINION.name(), REQUEST_ON_SITE.name()));
    // the scoring fields depend on the annex's indicators and units only, not on the rules
    f.addAll(ExpertSheetForm.keys(DefaultIndicatorTable.table()));
    for (int i = 1; i <= 6; i++) {
      f.add(condOpinion(i).name());
    }
    EXPERT_FIELDS = List.copyOf(f);
  }


  private final RoundService rounds;
  private final ApplicationService applications;
  private final ObjectionService objections;
  private final ExpertPoolService experts;
  private final DesignationScoring scoring;
  private final DistrictRanking ranking;

  public DesignationRules(RoundService rounds, ApplicationService applications,
      ObjectionService objections, ExpertPoolService experts, DesignationScoring scoring,
      DistrictRanking ranking) {
    this.ranking = ranking;
    this.scoring = scoring;
    this.rounds = rounds;
    this.applications = applications;
    this.objections = objections;
    this.experts = experts;
  }

  // ------------------------------------------------------------------ round

  @Bean
  public CompletionRule roundStartRule() {
    return new FormRule("designation-round-start", (v, e) -> {
      // roundYear (2020–2200, integer), applicationDeadline, panelSize, formalCorrectionDays and
      // roundNotice are checked by designation-round-start.form; here: one round a year, not in the past
      Checks c = new Checks(v, e);
      Integer year = ROUND_YEAR.of(v);
      // findForStart locks round starts until this start commits: a second start for the same
      // year at the same moment waits here and is then refused with this message.
      if (year != null && rounds.findForStart(year.intValue()).isPresent()) {
        c.add(ROUND_YEAR.name(), year.intValue() + "年度评选已经开启，每年只能开展一次评选");
      }
      LocalDate deadline = APPLICATION_DEADLINE.of(v);
      if (deadline != null && deadline.isBefore(AppClock.today())) {
        c.add(APPLICATION_DEADLINE.name(), "申报截止日期不能早于今天");
      }
    });
  }

  @Bean
  public CompletionRule recommendationsConfirmRule() {
    return new FormRule("designation-recommendations-confirm", (v, e) -> {
      Checks c = new Checks(v, e);
      c.mustBeTrue(RECOMMENDATIONS_CONFIRMED.name(), "请确认已汇总各区、县（市）及归口单位的推荐");
      Integer year = ROUND_YEAR.of(v);
      if (year != null) {
        long pending = applications.ofRound(year.intValue()).stream()
            .filter(a -> a.status().beforeDistrictDecision()).count();
        if (pending > 0) {
          c.add(RECOMMENDATIONS_CONFIRMED.name(),
              "尚有" + pending + "份申报未完成区县/归口单位审核（含补正中的申报），请督促办结后再汇总");
        }
      }
    });
  }

  @Bean
  public CompletionRule proposedListRule() {
    return new FormRule("designation-proposed-list", (v, e) -> {
      Checks c = new Checks(v, e);
      List<String> chosen = PROPOSED_APPLICATIONS.of(v);
      Integer year = ROUND_YEAR.of(v);
      if (year != null) {
        Set<String> candidates = new HashSet<>(applications.ofRound(year.intValue()).stream()
            .filter(a -> a.status() == ApplicationStatus.EVALUATED
                || a.status() == ApplicationStatus.PROPOSED
                || a.status() == ApplicationStatus.NOT_CHOSEN)
            .map(Application::id).toList());
        for (String id : chosen) {
          if (!candidates.contains(id)) {
            c.add(PROPOSED_APPLICATIONS.name(), "拟评定名单中含有未完成专家评审的申报：" + id);
          }
        }
      }
      if (chosen.size() != new HashSet<>(chosen).size()) {
        c.add(PROPOSED_APPLICATIONS.name(), "拟评定名单中有重复的单位");
      }
      if (chosen.isEmpty()) {
        c.required(PROPOSAL_NOTE.name(), "说明（拟评定名单为空时必填）");
      }
    });
  }

  @Bean
  public CompletionRule partyReviewRule() {
    return new FormRule("designation-party-review", (v, e) -> {
      Checks c = new Checks(v, e);
      if (PARTY_DECISION.of(v) == PartyDecision.SEND_BACK) {
        c.required(PARTY_COMMENTS.name(), "退回意见");
      }
      LocalDate meeting = MEETING_DATE.of(v);
      if (meeting != null && meeting.isAfter(AppClock.today())) {
        c.add(MEETING_DATE.name(), "党组会议日期不能晚于今天");
      }
    });
  }

  @Bean
  public CompletionRule publicationRule() {
    return new FormRule("designation-publication", (v, e) -> {
      Checks c = new Checks(v, e);
      LocalDate date = DOCUMENT_DATE.of(v);
      if (date != null && date.isAfter(AppClock.today())) {
        c.add(DOCUMENT_DATE.name(), "发文日期不能晚于今天");
      }
      Integer year = ROUND_YEAR.of(v);
      if (year != null) {
        rounds.find(year.intValue()).ifPresent(r -> {
          if (date != null && r.publicityStart() != null
              && date.isBefore(r.publicityStart().atZone(AppClock.ZONE).toLocalDate())) {
            c.add(DOCUMENT_DATE.name(), "发文日期不能早于公示开始日期");
          }
        });
        int open = objections.countOpen(year.intValue());
        if (open > 0) {
          c.add(DOCUMENT_NUMBER.name(), "尚有" + open + "件公示异议未处理完毕，不能发文公布");
        }
      }
    });
  }

  // ------------------------------------------------------------------ application

  @Bean
  public CompletionRule applicationStartRule() {
    return new FormRule(ApplicationForm.START_FORM_ID, (v, e) -> {
      Checks c = new Checks(v, e);
      checkApplication(v, c);
      var round = rounds.openForApplications(AppClock.today());
      if (round.isEmpty()) {
        c.add(ORG_NAME.name(), "当前没有开放申报的年度评选，或申报已截止");
      } else {
        String code = CREDIT_CODE.of(v);
        if (code != null && !applications.activeOfOrganisation(round.get().year(), code).isEmpty()) {
          c.add(CREDIT_CODE.name(), "该单位在" + round.get().year() + "年度已提交申报，不能重复申报");
        }
      }
    });
  }

  @Bean
  public CompletionRule applicationCorrectionRule() {
    return new FormRule(ApplicationForm.CORRECTION_FORM_ID,
        (v, e) -> checkApplication(v, new Checks(v, e)));
  }

  /**
   * What designation-application-start/-correction.form cannot say: the credit code's check digit,
   * a registration date not after today, each declaration answered (and accounts only for a hosted
   * unit), the truthfulness pledge, landed projects not above service projects. Required fields,
   * lengths, options, ranges, integers and the e-mail pattern are the form's.
   */
  static void checkApplication(Map<String, Object> v, Checks c) {
    String code = CREDIT_CODE.of(v);
    if (code != null && !CreditCode.isValid(code)) {
      c.add(CREDIT_CODE.name(), "统一社会信用代码无效（应为18位且校验位正确）");
    }
    LocalDate registered = REGISTRATION_DATE.of(v);
    if (registered != null && registered.isAfter(AppClock.today())) {
      c.add(REGISTRATION_DATE.name(), "注册日期不能晚于今天");
    }
    if (registered != null && registered.isBefore(LocalDate.of(1949, 10, 1))) {
      c.add(REGISTRATION_DATE.name(), "注册日期不合理");
    }
    for (String d : ApplicationForm.DECLARATIONS) {
      if (!d.equals(ApplicationForm.INDEPENDENT_ACCOUNTS) || HOSTED_UNIT.isTrue(v)) {
        c.bool(d, ApplicationForm.label(d));
      }
    }
    c.mustBeTrue(DECLARATION_TRUTHFUL.name(), "请承诺所填报材料真实、准确、完整");
    BigDecimal services = SERVICE_PROJECTS.of(v);
    BigDecimal landed = LANDED_PROJECTS.of(v);
    if (services != null && landed != null && landed.compareTo(services) > 0) {
      c.add(LANDED_PROJECTS.name(), "中试服务成果（项目）落地数不能大于中试服务成果（项目）数");
    }
  }

  @Bean
  public CompletionRule withdrawalRule() {
    return new FormRule("designation-withdrawal", (v, e) -> {
      Checks c = new Checks(v, e);
      c.mustBeTrue(WITHDRAW_CONFIRM.name(), "请勾选确认撤回申报");
    });
  }

  @Bean
  public CompletionRule districtReviewRule() {
    return new FormRule("designation-district-review", (v, e) -> {
      Checks c = new Checks(v, e);
      DistrictDecision decision = DISTRICT_DECISION.of(v);
      if (decision == null) {
        return;
      }
      if (decision != DistrictDecision.RECOMMEND) {
        c.required(DISTRICT_COMMENTS.name(),
            decision == DistrictDecision.RETURN ? "退回补正意见" : "不予推荐理由");
        return;
      }
      c.mustBeTrue(CHECK_AUTHENTIC.name(), "推荐前须确认材料真实性");
      c.mustBeTrue(CHECK_COMPLETE.name(), "推荐前须确认材料完整性");
      c.mustBeTrue(CHECK_CONFORM.name(), "推荐前须确认材料规范性");
      // the rank is no longer asked here: the district ranks all its recommendations in one task of
      // the round after the deadline (districtRankingRule)
    });
  }

  @Bean
  public CompletionRule districtRankingRule() {
    return new FormRule("designation-district-ranking", (v, e) -> {
      Integer year = ROUND_YEAR.of(v);
      String group = REVIEWER_GROUP.of(v);
      if (year == null || group == null) {
        e.add(DISTRICT_RANKING.name(), "该任务缺少评选年度或推荐单位，不能排序");
        return;
      }
      ranking.check(year.intValue(), group, v.get(DISTRICT_RANKING.name()), DISTRICT_RANKING.name(), e);
    });
  }

  // ------------------------------------------------------------------ evaluation

  @Bean
  public CompletionRule formalReviewRule() {
    return new FormRule("designation-formal-review", (v, e) -> {
      Checks c = new Checks(v, e);
      FormalDecision d = FORMAL_DECISION.of(v);
      if (d == null) {
        return;
      }
      if (d == FormalDecision.PASS) {
        for (int i = 1; i <= 6; i++) {
          c.mustBeTrue(materialCond(i).name(), "形式审查通过前须确认第" + i + "项参评条件的材料齐全");
        }
        c.mustBeTrue(MATERIAL_INDICATORS.name(), "形式审查通过前须确认指标佐证材料齐全");
      } else {
        c.required(FORMAL_COMMENTS.name(), d == FormalDecision.RETURN ? "补正要求" : "不通过理由");
      }
      if (d == FormalDecision.RETURN) {
        if (FORMAL_RETURNED.isTrue(v)) {
          c.add(FORMAL_DECISION.name(), "形式审查只能退回补正一次，请作出通过或不通过的结论");
        }
        // 1–20 working days, integer: the form; required only on a return (a conditional field)
        c.required(CORRECTION_DAYS.name(), "补正期限（工作日）");
      }
    });
  }

  /** Blind review: scores and opinions are sealed; the process sees only whether the expert takes part. */
  @Bean
  public SealedForm expertReviewSealed() {
    return SealedForm.of("designation-expert-review", PARTICIPATION.name());
  }

  @Bean
  public CompletionRule expertReviewRule() {
    return new FormRule("designation-expert-review", (v, e) -> {
      Checks c = new Checks(v, e);
      Participation participation = PARTICIPATION.of(v);
      if (participation == null) {
        return;
      }
      if (participation != Participation.ACCEPT) {
        c.required(DECLINE_REASON.name(), "回避或谢绝理由");
        return;
      }
      // Marks and adjustments against the round's indicator table (points, which indicators the
      // experts score): the table, not the form, holds the maxima.
      Integer year = ROUND_YEAR.of(v);
      ExpertSheetForm.check(year == null ? scoring.currentTable() : scoring.tableOf(year.intValue()),
          v, e::add);
      // required only from an expert who takes part; options and lengths are the form's
      for (int i = 1; i <= 6; i++) {
        c.required(condOpinion(i).name(), "对第" + i + "项参评条件的意见");
      }
      c.required(RECOMMENDATION.name(), "评审建议");
      c.required(EXPERT_OPINION.name(), "评审意见");
    });
  }

  @Bean
  public CompletionRule onSiteCheckRule() {
    return new FormRule("designation-onsite-check", (v, e) -> {
      Checks c = new Checks(v, e);
      LocalDate d = ONSITE_DATE.of(v);
      if (d != null && d.isAfter(AppClock.today())) {
        c.add(ONSITE_DATE.name(), "核查日期不能晚于今天");
      }
    });
  }

  // ------------------------------------------------------------------ objections

  @Bean
  public CompletionRule objectionStartRule() {
    return new FormRule("designation-objection-start", (v, e) -> {
      Checks c = new Checks(v, e);
      boolean anonymous = OBJECTOR_ANONYMOUS.isTrue(v);
      if (!anonymous) {
        c.required(OBJECTOR_NAME.name(), "异议人姓名或单位");
        c.required(OBJECTOR_CONTACT.name(), "异议人联系方式");
      }
      String code = ObjectionVariables.CREDIT_CODE.of(v);
      if (code == null) {
        return;
      }
      var target = rounds.inStatus(RoundStatus.PUBLICITY).stream()
          .filter(r -> applications.ofRound(r.year(), ApplicationStatus.PROPOSED).stream()
              .anyMatch(a -> a.creditCode().equals(code)))
          .findFirst();
      if (target.isEmpty()) {
        c.add(ObjectionVariables.CREDIT_CODE.name(), "公示中的拟评定名单里没有统一社会信用代码为 " + code + " 的单位");
        return;
      }
      if (target.get().publicityEnd() != null
          && !AppClock.now().toInstant()
              .isBefore(target.get().publicityEnd())) {
        c.add(ObjectionVariables.CREDIT_CODE.name(), "公示期已结束，不能再登记异议");
      }
    });
  }
}
