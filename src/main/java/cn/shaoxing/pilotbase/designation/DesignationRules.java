package cn.shaoxing.pilotbase.designation;

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
    List<String> f = new ArrayList<>(List.of("participation", "declineReason", "recommendation",
        "expertOpinion", "requestOnSite"));
    // the scoring fields depend on the annex's indicators and units only, not on the rules
    f.addAll(ExpertSheetForm.keys(DefaultIndicatorTable.table()));
    for (int i = 1; i <= 6; i++) {
      f.add("condOpinion" + i);
    }
    EXPERT_FIELDS = List.copyOf(f);
  }


  private final RoundService rounds;
  private final ApplicationService applications;
  private final ObjectionService objections;
  private final ExpertPoolService experts;
  private final DesignationScoring scoring;

  public DesignationRules(RoundService rounds, ApplicationService applications,
      ObjectionService objections, ExpertPoolService experts, DesignationScoring scoring) {
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
      // roundYear (2020–2100, integer), applicationDeadline, panelSize, formalCorrectionDays and
      // roundNotice are checked by designation-round-start.form; here: one round a year, not in the past
      Checks c = new Checks(v, e);
      BigDecimal year = Vars.num(v, "roundYear");
      // findForStart locks round starts until this start commits: a second start for the same
      // year at the same moment waits here and is then refused with this message.
      if (year != null && rounds.findForStart(year.intValue()).isPresent()) {
        c.add("roundYear", year.intValue() + "年度评选已经开启，每年只能开展一次评选");
      }
      LocalDate deadline = Vars.date(v, "applicationDeadline");
      if (deadline != null && deadline.isBefore(AppClock.today())) {
        c.add("applicationDeadline", "申报截止日期不能早于今天");
      }
    });
  }

  @Bean
  public CompletionRule recommendationsConfirmRule() {
    return new FormRule("designation-recommendations-confirm", (v, e) -> {
      Checks c = new Checks(v, e);
      c.mustBeTrue("recommendationsConfirmed", "请确认已汇总各区、县（市）及归口单位的推荐");
      BigDecimal year = Vars.num(v, "roundYear");
      if (year != null) {
        long pending = applications.ofRound(year.intValue()).stream()
            .filter(a -> a.status().beforeDistrictDecision()).count();
        if (pending > 0) {
          c.add("recommendationsConfirmed",
              "尚有" + pending + "份申报未完成区县/归口单位审核（含补正中的申报），请督促办结后再汇总");
        }
      }
    });
  }

  @Bean
  public CompletionRule proposedListRule() {
    return new FormRule("designation-proposed-list", (v, e) -> {
      Checks c = new Checks(v, e);
      List<String> chosen = Vars.strings(v, "proposedApplications");
      BigDecimal year = Vars.num(v, "roundYear");
      if (year != null) {
        Set<String> candidates = new HashSet<>(applications.ofRound(year.intValue()).stream()
            .filter(a -> a.status() == ApplicationStatus.EVALUATED
                || a.status() == ApplicationStatus.PROPOSED
                || a.status() == ApplicationStatus.NOT_CHOSEN)
            .map(Application::id).toList());
        for (String id : chosen) {
          if (!candidates.contains(id)) {
            c.add("proposedApplications", "拟评定名单中含有未完成专家评审的申报：" + id);
          }
        }
      }
      if (chosen.size() != new HashSet<>(chosen).size()) {
        c.add("proposedApplications", "拟评定名单中有重复的单位");
      }
      if (chosen.isEmpty()) {
        c.required("proposalNote", "说明（拟评定名单为空时必填）");
      }
    });
  }

  @Bean
  public CompletionRule partyReviewRule() {
    return new FormRule("designation-party-review", (v, e) -> {
      Checks c = new Checks(v, e);
      if ("sendBack".equals(Vars.str(v, "partyDecision"))) {
        c.required("partyComments", "退回意见");
      }
      LocalDate meeting = Vars.date(v, "meetingDate");
      if (meeting != null && meeting.isAfter(AppClock.today())) {
        c.add("meetingDate", "党组会议日期不能晚于今天");
      }
    });
  }

  @Bean
  public CompletionRule publicationRule() {
    return new FormRule("designation-publication", (v, e) -> {
      Checks c = new Checks(v, e);
      LocalDate date = Vars.date(v, "documentDate");
      if (date != null && date.isAfter(AppClock.today())) {
        c.add("documentDate", "发文日期不能晚于今天");
      }
      BigDecimal year = Vars.num(v, "roundYear");
      if (year != null) {
        rounds.find(year.intValue()).ifPresent(r -> {
          if (date != null && r.publicityStart() != null
              && date.isBefore(r.publicityStart().atZone(AppClock.ZONE).toLocalDate())) {
            c.add("documentDate", "发文日期不能早于公示开始日期");
          }
        });
        int open = objections.countOpen(year.intValue());
        if (open > 0) {
          c.add("documentNumber", "尚有" + open + "件公示异议未处理完毕，不能发文公布");
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
        c.add("orgName", "当前没有开放申报的年度评选，或申报已截止");
      } else {
        String code = Vars.str(v, ApplicationForm.CREDIT_CODE);
        if (code != null && !applications.activeOfOrganisation(round.get().year(), code).isEmpty()) {
          c.add(ApplicationForm.CREDIT_CODE, "该单位在" + round.get().year() + "年度已提交申报，不能重复申报");
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
    String code = Vars.str(v, ApplicationForm.CREDIT_CODE);
    if (code != null && !CreditCode.isValid(code)) {
      c.add(ApplicationForm.CREDIT_CODE, "统一社会信用代码无效（应为18位且校验位正确）");
    }
    LocalDate registered = Vars.date(v, ApplicationForm.REGISTRATION_DATE);
    if (registered != null && registered.isAfter(AppClock.today())) {
      c.add(ApplicationForm.REGISTRATION_DATE, "注册日期不能晚于今天");
    }
    if (registered != null && registered.isBefore(LocalDate.of(1949, 10, 1))) {
      c.add(ApplicationForm.REGISTRATION_DATE, "注册日期不合理");
    }
    for (String d : ApplicationForm.DECLARATIONS) {
      if (!d.equals(ApplicationForm.INDEPENDENT_ACCOUNTS) || Vars.isTrue(v, ApplicationForm.HOSTED_UNIT)) {
        c.bool(d, ApplicationForm.label(d));
      }
    }
    c.mustBeTrue(ApplicationForm.DECLARATION_TRUTHFUL, "请承诺所填报材料真实、准确、完整");
    BigDecimal services = Vars.num(v, "serviceProjects");
    BigDecimal landed = Vars.num(v, "landedProjects");
    if (services != null && landed != null && landed.compareTo(services) > 0) {
      c.add("landedProjects", "中试服务成果（项目）落地数不能大于中试服务成果（项目）数");
    }
  }

  @Bean
  public CompletionRule withdrawalRule() {
    return new FormRule("designation-withdrawal", (v, e) -> {
      Checks c = new Checks(v, e);
      c.mustBeTrue("withdrawConfirm", "请勾选确认撤回申报");
    });
  }

  @Bean
  public CompletionRule districtReviewRule() {
    return new FormRule("designation-district-review", (v, e) -> {
      Checks c = new Checks(v, e);
      String decision = Vars.str(v, "districtDecision");
      if (decision == null) {
        return;
      }
      if (!"recommend".equals(decision)) {
        c.required("districtComments", "return".equals(decision) ? "退回补正意见" : "不予推荐理由");
        return;
      }
      c.mustBeTrue("checkAuthentic", "推荐前须确认材料真实性");
      c.mustBeTrue("checkComplete", "推荐前须确认材料完整性");
      c.mustBeTrue("checkConform", "推荐前须确认材料规范性");
      // range and integer in the form; required only for a recommendation (a conditional field)
      BigDecimal rank = c.required("districtRank", "本地区推荐排序") ? Vars.num(v, "districtRank") : null;
      BigDecimal year = Vars.num(v, "roundYear");
      String group = Vars.str(v, ApplicationForm.REVIEWER_GROUP);
      String self = Vars.str(v, "applicationId");
      if (rank != null && year != null && group != null) {
        List<Application> same = applications.ofRound(year.intValue()).stream()
            .filter(a -> a.reviewerGroup().equals(group))
            .filter(a -> a.status() != ApplicationStatus.WITHDRAWN
                && a.status() != ApplicationStatus.ABANDONED)
            .toList();
        if (rank.intValue() > same.size()) {
          c.add("districtRank", "推荐排序不能大于本地区本年度申报数（" + same.size() + "）");
        }
        same.stream()
            .filter(a -> !a.id().equals(self) && a.districtRank() != null
                && a.status() != ApplicationStatus.DISTRICT_REJECTED
                && a.districtRank() == rank.intValue())
            .findFirst()
            .ifPresent(a -> c.add("districtRank",
                "推荐排序 " + rank.intValue() + " 已分配给" + a.orgName() + "，同一地区的推荐排序不能重复"));
      }
    });
  }

  // ------------------------------------------------------------------ evaluation

  @Bean
  public CompletionRule formalReviewRule() {
    return new FormRule("designation-formal-review", (v, e) -> {
      Checks c = new Checks(v, e);
      String d = Vars.str(v, "formalDecision");
      if (d == null) {
        return;
      }
      if ("pass".equals(d)) {
        for (int i = 1; i <= 6; i++) {
          c.mustBeTrue("materialCond" + i, "形式审查通过前须确认第" + i + "项参评条件的材料齐全");
        }
        c.mustBeTrue("materialIndicators", "形式审查通过前须确认指标佐证材料齐全");
      } else {
        c.required("formalComments", "return".equals(d) ? "补正要求" : "不通过理由");
      }
      if ("return".equals(d)) {
        if (Vars.isTrue(v, "formalReturned")) {
          c.add("formalDecision", "形式审查只能退回补正一次，请作出通过或不通过的结论");
        }
        // 1–20 working days, integer: the form; required only on a return (a conditional field)
        c.required("correctionDays", "补正期限（工作日）");
      }
    });
  }

  /** Blind review: scores and opinions are sealed; the process sees only whether the expert takes part. */
  @Bean
  public SealedForm expertReviewSealed() {
    return SealedForm.of("designation-expert-review", "participation");
  }

  @Bean
  public CompletionRule expertReviewRule() {
    return new FormRule("designation-expert-review", (v, e) -> {
      Checks c = new Checks(v, e);
      String participation = Vars.str(v, "participation");
      if (participation == null) {
        return;
      }
      if (!"accept".equals(participation)) {
        c.required("declineReason", "回避或谢绝理由");
        return;
      }
      // Marks and adjustments against the round's indicator table (points, which indicators the
      // experts score): the table, not the form, holds the maxima.
      BigDecimal year = Vars.num(v, "roundYear");
      ExpertSheetForm.check(year == null ? scoring.currentTable() : scoring.tableOf(year.intValue()),
          v, e::add);
      // required only from an expert who takes part; options and lengths are the form's
      for (int i = 1; i <= 6; i++) {
        c.required("condOpinion" + i, "对第" + i + "项参评条件的意见");
      }
      c.required("recommendation", "评审建议");
      c.required("expertOpinion", "评审意见");
    });
  }

  @Bean
  public CompletionRule onSiteCheckRule() {
    return new FormRule("designation-onsite-check", (v, e) -> {
      Checks c = new Checks(v, e);
      LocalDate d = Vars.date(v, "onsiteDate");
      if (d != null && d.isAfter(AppClock.today())) {
        c.add("onsiteDate", "核查日期不能晚于今天");
      }
    });
  }

  // ------------------------------------------------------------------ objections

  @Bean
  public CompletionRule objectionStartRule() {
    return new FormRule("designation-objection-start", (v, e) -> {
      Checks c = new Checks(v, e);
      boolean anonymous = Vars.isTrue(v, "objectorAnonymous");
      if (!anonymous) {
        c.required("objectorName", "异议人姓名或单位");
        c.required("objectorContact", "异议人联系方式");
      }
      String code = Vars.str(v, "objectionCreditCode");
      if (code == null) {
        return;
      }
      var target = rounds.inStatus(RoundStatus.PUBLICITY).stream()
          .filter(r -> applications.ofRound(r.year(), ApplicationStatus.PROPOSED).stream()
              .anyMatch(a -> a.creditCode().equals(code)))
          .findFirst();
      if (target.isEmpty()) {
        c.add("objectionCreditCode", "公示中的拟评定名单里没有统一社会信用代码为 " + code + " 的单位");
        return;
      }
      if (target.get().publicityEnd() != null
          && !AppClock.now().toInstant()
              .isBefore(target.get().publicityEnd())) {
        c.add("objectionCreditCode", "公示期已结束，不能再登记异议");
      }
    });
  }
}
