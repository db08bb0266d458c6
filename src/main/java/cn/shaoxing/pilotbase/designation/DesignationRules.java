package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.designation.ApplicationForm.Figure;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.Checks;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.SealedForm;
import cn.shaoxing.pilotbase.forms.ValidationErrors;
import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.CreditCode;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Domain checks of every designation form, run on the server by the foundation's validator after
 * the generic schema checks (required, types, options). One bean per form id.
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

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Set<String> REVIEWERS =
      Set.copyOf(Role.reviewers().stream().map(Role::groupId).toList());

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
      Checks c = new Checks(v, e);
      BigDecimal year = c.number("roundYear", "评选年度", 2020, 2100, true);
      // findForStart locks round starts until this start commits: a second start for the same
      // year at the same moment waits here and is then refused with this message.
      if (year != null && rounds.findForStart(year.intValue()).isPresent()) {
        c.add("roundYear", year.intValue() + "年度评选已经开启，每年只能开展一次评选");
      }
      LocalDate deadline = c.date("applicationDeadline", "申报截止日期");
      if (deadline != null && deadline.isBefore(DesignationSteps.today())) {
        c.add("applicationDeadline", "申报截止日期不能早于今天");
      }
      if (Vars.present(v, "panelSize")) {
        c.number("panelSize", "每个专家组人数", 3, 15, true);
      }
      if (Vars.present(v, "formalCorrectionDays")) {
        c.number("formalCorrectionDays", "形式审查补正期限（工作日）", 1, 20, true);
      }
      c.maxLength("roundNotice", "评选通知", 4000);
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
        c.requiredText("proposalNote", "说明（拟评定名单为空时必填）", 2000);
      } else {
        c.maxLength("proposalNote", "说明", 2000);
      }
    });
  }

  @Bean
  public CompletionRule partyReviewRule() {
    return new FormRule("designation-party-review", (v, e) -> {
      Checks c = new Checks(v, e);
      if (c.oneOf("partyDecision", "党组会议审议结果", Set.of("approve", "sendBack"))
          && "sendBack".equals(Vars.str(v, "partyDecision"))) {
        c.requiredText("partyComments", "退回意见", 2000);
      } else {
        c.maxLength("partyComments", "审议意见", 2000);
      }
      LocalDate meeting = c.date("meetingDate", "党组会议日期");
      if (meeting != null && meeting.isAfter(DesignationSteps.today())) {
        c.add("meetingDate", "党组会议日期不能晚于今天");
      }
    });
  }

  @Bean
  public CompletionRule publicityNoticeRule() {
    return new FormRule("designation-publicity-notice", (v, e) -> {
      Checks c = new Checks(v, e);
      c.requiredText("objectionContact", "异议受理联系方式", 500);
      c.maxLength("publicityNote", "公示说明", 2000);
    });
  }

  @Bean
  public CompletionRule publicationRule() {
    return new FormRule("designation-publication", (v, e) -> {
      Checks c = new Checks(v, e);
      c.requiredText("documentNumber", "发文文号", 100);
      LocalDate date = c.date("documentDate", "发文日期");
      if (date != null && date.isAfter(DesignationSteps.today())) {
        c.add("documentDate", "发文日期不能晚于今天");
      }
      BigDecimal year = Vars.num(v, "roundYear");
      if (year != null) {
        rounds.find(year.intValue()).ifPresent(r -> {
          if (date != null && r.publicityStart() != null
              && date.isBefore(r.publicityStart().atZone(DesignationSteps.ZONE).toLocalDate())) {
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
      var round = rounds.openForApplications(DesignationSteps.today());
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
    return new FormRule(ApplicationForm.CORRECTION_FORM_ID, (v, e) -> {
      Checks c = new Checks(v, e);
      checkApplication(v, c);
      c.maxLength("correctionNote", "补正说明", 2000);
    });
  }

  static void checkApplication(Map<String, Object> v, Checks c) {
    c.requiredText(ApplicationForm.ORG_NAME, "单位名称", 200);
    if (c.required(ApplicationForm.CREDIT_CODE, "统一社会信用代码")
        && !CreditCode.isValid(Vars.str(v, ApplicationForm.CREDIT_CODE))) {
      c.add(ApplicationForm.CREDIT_CODE, "统一社会信用代码无效（应为18位且校验位正确）");
    }
    String group = Vars.str(v, ApplicationForm.REVIEWER_GROUP);
    if (group == null) {
      c.add(ApplicationForm.REVIEWER_GROUP, "请选择所属区、县（市）科技部门或市级归口管理单位");
    } else if (!REVIEWERS.contains(group)) {
      c.add(ApplicationForm.REVIEWER_GROUP, "未知的区、县（市）或归口管理单位：" + group);
    }
    String chain = Vars.str(v, ApplicationForm.INDUSTRY_CHAIN);
    if (chain == null) {
      c.add(ApplicationForm.INDUSTRY_CHAIN, "请选择服务的产业链");
    } else if (IndustryChain.byId(chain).isEmpty()) {
      c.add(ApplicationForm.INDUSTRY_CHAIN, "未知的产业链：" + chain);
    }
    LocalDate registered = c.date(ApplicationForm.REGISTRATION_DATE, "注册日期");
    if (registered != null && registered.isAfter(DesignationSteps.today())) {
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
    c.requiredText(ApplicationForm.CONTACT_NAME, "联系人", 50);
    c.requiredText(ApplicationForm.CONTACT_PHONE, "联系电话", 30);
    if (c.required(ApplicationForm.CONTACT_EMAIL, "联系邮箱")) {
      String mail = Vars.str(v, ApplicationForm.CONTACT_EMAIL);
      if (mail.length() > 200 || !EMAIL.matcher(mail).matches()) {
        c.add(ApplicationForm.CONTACT_EMAIL, "联系邮箱格式不正确");
      }
    }
    for (String t : ApplicationForm.DESCRIPTIONS) {
      c.maxLength(t, t, ApplicationForm.MAX_TEXT);
    }
    BigDecimal services = null;
    BigDecimal landed = null;
    for (Figure f : ApplicationForm.FIGURES) {
      BigDecimal n = c.number(f.key(), f.name() + "（" + f.unit() + "）", 0, f.max(), f.integer());
      if (f.key().equals("serviceProjects")) {
        services = n;
      } else if (f.key().equals("landedProjects")) {
        landed = n;
      }
    }
    if (services != null && landed != null && landed.compareTo(services) > 0) {
      c.add("landedProjects", "中试服务成果（项目）落地数不能大于中试服务成果（项目）数");
    }
  }

  @Bean
  public CompletionRule ineligibleNoticeRule() {
    return new FormRule("designation-ineligible-notice",
        (v, e) -> new Checks(v, e).oneOf("ineligibleAction", "处理方式", Set.of("correct", "abandon")));
  }

  @Bean
  public CompletionRule withdrawalRule() {
    return new FormRule("designation-withdrawal", (v, e) -> {
      Checks c = new Checks(v, e);
      c.mustBeTrue("withdrawConfirm", "请勾选确认撤回申报");
      c.requiredText("withdrawReason", "撤回理由", 1000);
    });
  }

  @Bean
  public CompletionRule districtReviewRule() {
    return new FormRule("designation-district-review", (v, e) -> {
      Checks c = new Checks(v, e);
      if (!c.oneOf("districtDecision", "审核结论", Set.of("recommend", "return", "reject"))) {
        return;
      }
      String decision = Vars.str(v, "districtDecision");
      if (!"recommend".equals(decision)) {
        c.requiredText("districtComments", "return".equals(decision) ? "退回补正意见" : "不予推荐理由", 2000);
        return;
      }
      c.maxLength("districtComments", "审核意见", 2000);
      c.mustBeTrue("checkAuthentic", "推荐前须确认材料真实性");
      c.mustBeTrue("checkComplete", "推荐前须确认材料完整性");
      c.mustBeTrue("checkConform", "推荐前须确认材料规范性");
      BigDecimal rank = c.number("districtRank", "推荐排序", 1, 1000, true);
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
      if (!c.oneOf("formalDecision", "形式审查结论", Set.of("pass", "return", "fail"))) {
        return;
      }
      String d = Vars.str(v, "formalDecision");
      if ("pass".equals(d)) {
        for (int i = 1; i <= 6; i++) {
          c.mustBeTrue("materialCond" + i, "形式审查通过前须确认第" + i + "项参评条件的材料齐全");
        }
        c.mustBeTrue("materialIndicators", "形式审查通过前须确认指标佐证材料齐全");
        c.maxLength("formalComments", "审查意见", 2000);
      } else {
        c.requiredText("formalComments", "return".equals(d) ? "补正要求" : "不通过理由", 2000);
      }
      if ("return".equals(d)) {
        if (Vars.isTrue(v, "formalReturned")) {
          c.add("formalDecision", "形式审查只能退回补正一次，请作出通过或不通过的结论");
        }
        c.number("correctionDays", "补正期限（工作日）", 1, 20, true);
      }
    });
  }

  @Bean
  public CompletionRule formalCorrectionRule() {
    return new FormRule("designation-formal-correction", (v, e) -> {
      Checks c = new Checks(v, e);
      c.requiredText("correctionNote", "补正说明", 2000);
      c.maxLength("evidenceRefs", "佐证材料", ApplicationForm.MAX_TEXT);
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
      if (!c.oneOf("participation", "是否参加评审",
          Set.of("accept", "declineConflict", "declineUnavailable"))) {
        return;
      }
      if (!"accept".equals(Vars.str(v, "participation"))) {
        c.requiredText("declineReason", "回避或谢绝理由", 1000);
        return;
      }
      // Marks and adjustments against the round's indicator table (points, which indicators the
      // experts score): the table, not the form, holds the maxima.
      BigDecimal year = Vars.num(v, "roundYear");
      ExpertSheetForm.check(year == null ? scoring.currentTable() : scoring.tableOf(year.intValue()),
          v, e::add);
      for (int i = 1; i <= 6; i++) {
        c.oneOf("condOpinion" + i, "对第" + i + "项参评条件的意见", Set.of("met", "notMet"));
      }
      c.oneOf("recommendation", "评审建议", Set.of("recommend", "notRecommend"));
      c.requiredText("expertOpinion", "评审意见", 4000);
    });
  }

  @Bean
  public CompletionRule onSiteCheckRule() {
    return new FormRule("designation-onsite-check", (v, e) -> {
      Checks c = new Checks(v, e);
      c.oneOf("onsiteConsistent", "核查结论", Set.of("consistent", "inconsistent"));
      c.requiredText("onsiteFindings", "现场核查情况", 4000);
      LocalDate d = c.date("onsiteDate", "核查日期");
      if (d != null && d.isAfter(DesignationSteps.today())) {
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
        c.requiredText("objectorName", "异议人姓名或单位", 100);
        c.requiredText("objectorContact", "异议人联系方式", 200);
      } else {
        c.maxLength("objectorName", "异议人姓名或单位", 100);
        c.maxLength("objectorContact", "异议人联系方式", 200);
      }
      c.requiredText("objectionContent", "异议内容", 4000);
      c.maxLength("objectionEvidence", "异议佐证材料", 4000);
      String code = Vars.str(v, "objectionCreditCode");
      if (!c.required("objectionCreditCode", "被异议单位统一社会信用代码")) {
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
          && !org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
              .isBefore(target.get().publicityEnd())) {
        c.add("objectionCreditCode", "公示期已结束，不能再登记异议");
      }
    });
  }

  /** Visible for tests: run one rule by form id. */
  public static ValidationErrors run(CompletionRule rule, Map<String, Object> v) {
    ValidationErrors errors = new ValidationErrors();
    rule.check(v, errors);
    return errors;
  }
}
