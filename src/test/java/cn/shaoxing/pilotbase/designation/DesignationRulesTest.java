package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.expertScores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.IndicatorTable;
import cn.shaoxing.pilotbase.scoring.ScoringRule;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.DeployedForm;
import cn.shaoxing.pilotbase.forms.FormSchema;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.organisation.IndustryChain;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The designation's server-side checks as a user meets them: the real validator on the .form file
 * as deployed, then the Java rule of that form (ADR 0008), asserting the Chinese messages.
 */
class DesignationRulesTest {

  RoundService rounds = mock(RoundService.class);
  ApplicationService applications = mock(ApplicationService.class);
  ObjectionService objections = mock(ObjectionService.class);
  ExpertPoolService experts = mock(ExpertPoolService.class);
  DesignationScoring scoring = mock(DesignationScoring.class);
  DesignationRules rules = new DesignationRules(rounds, applications, objections, experts, scoring,
      new DistrictRanking(applications, rounds));

  @BeforeEach
  void openRound() {
    ClockUtil.setCurrentTime(DesignationTestSupport.at("2031-03-03T09:00"));
    when(rounds.openForApplications(any())).thenReturn(Optional.of(new Round(2031, "pi",
        LocalDate.of(2031, 3, 31), RoundStatus.OPEN, 5, null, null, null, null, null)));
    when(applications.activeOfOrganisation(anyInt(), any())).thenReturn(List.of());
    when(scoring.currentTable()).thenReturn(DefaultIndicatorTable.table());
    when(scoring.tableOf(anyInt())).thenReturn(DefaultIndicatorTable.table());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** What a submission of {@code v} with form {@code formId}, checked by the form and then by {@code rule}, answers. */
  static List<String> messages(String formId, CompletionRule rule, Map<String, Object> v) {
    return DeployedForm.messages(formId, v, rule);
  }

  static final String APPLY = ApplicationForm.START_FORM_ID;
  static final String EXPERT = "designation-expert-review";

  @Test
  void aValidApplicationPasses() {
    assertThat(messages(APPLY, rules.applicationStartRule(), application("某公司", code(1), "districtKeqiao", "biomedicine"))).isEmpty();
  }

  @Test
  void theFormRefusesUnknownDistrictsAbsurdFiguresAndLongTextsBeforeAnyJavaRule() {
    Map<String, Object> v = application("某公司", code(1), "districtHangzhou", "biomedicine");
    v.put("creditCode", "913306000000000001"); // right shape, wrong check digit: a Java rule
    v.put("siteArea", -5L);
    v.put("equipmentValue", 1e12);
    v.put("graduateStaff", 3.5);
    v.put("contactEmail", "contact-at-example");
    v.put("facilitiesDescription", "长".repeat(2001));
    assertThat(messages(APPLY, rules.applicationStartRule(), v)).containsExactlyInAnyOrder(
        "「所属区、县（市）科技部门或市级归口管理单位」的取值“districtHangzhou”不在可选项中",
        "「中试场地面积（平方米）」不能小于0",
        "「中试仪器设备原值（万元）」不能大于10000000",
        "「本科及以上中试人才总数（人）」必须为整数",
        "「联系邮箱」格式不正确",
        "「场地与设备情况说明」不得超过2000字（当前2001字）");
    v.remove("orgName");
    assertThat(messages(APPLY, rules.applicationStartRule(), v)).contains("「参评主体（单位）名称」为必填项");
  }

  @Test
  void javaRefusesABadCheckDigitAndMoreLandedThanServiceProjects() {
    Map<String, Object> v = application("某公司", code(1), "districtKeqiao", "biomedicine");
    v.put("creditCode", "913306000000000001");
    v.put("landedProjects", 50L);
    v.put("serviceProjects", 10L);
    assertThat(messages(APPLY, rules.applicationStartRule(), v)).containsExactlyInAnyOrder(
        "统一社会信用代码无效（应为18位且校验位正确）",
        "中试服务成果（项目）落地数不能大于中试服务成果（项目）数");
    assertThat(messages(ApplicationForm.CORRECTION_FORM_ID, rules.applicationCorrectionRule(), v))
        .contains("统一社会信用代码无效（应为18位且校验位正确）");
  }

  @Test
  void theFormsOptionsAreTheDistrictsAndChainsTheCodeKnows() {
    for (String form : List.of(APPLY, ApplicationForm.CORRECTION_FORM_ID)) {
      Map<String, List<String>> options = new HashMap<>();
      DeployedForm.schema(form).fields().forEach(f -> options.put(f.key(), f.options()));
      assertThat(options.get(ApplicationForm.REVIEWER_GROUP)).containsExactlyInAnyOrderElementsOf(
          Role.reviewers().stream().map(Role::groupId).toList());
      assertThat(options.get(ApplicationForm.INDUSTRY_CHAIN)).containsExactlyInAnyOrderElementsOf(
          Arrays.stream(IndustryChain.values()).map(IndustryChain::id).toList());
    }
  }

  @Test
  void registrationDateInTheFutureAndMissingDeclarationAreRefused() {
    Map<String, Object> v = application("某公司", code(1), "districtKeqiao", "biomedicine");
    v.put("registrationDate", "2032-01-01");
    v.remove("hasPilotTeam");
    v.put("declarationTruthful", false);
    assertThat(String.join("|", messages(APPLY, rules.applicationStartRule(), v)))
        .contains("注册日期不能晚于今天").contains("拥有相适应的人才团队").contains("请承诺");
  }

  @Test
  void noOpenRoundRefusesTheApplication() {
    when(rounds.openForApplications(any())).thenReturn(Optional.empty());
    assertThat(messages(APPLY, rules.applicationStartRule(), application("某公司", code(1), "districtKeqiao", "biomedicine")))
        .containsExactly("当前没有开放申报的年度评选，或申报已截止");
  }

  @Test
  void roundStartLimitsAreTheFormsAndOneRoundAYearIsJavas() {
    String form = "designation-round-start";
    Map<String, Object> v = new HashMap<>(Map.of("roundYear", 2019L, "panelSize", 3.5,
        "formalCorrectionDays", 21L, "roundNotice", "通".repeat(4001)));
    assertThat(messages(form, rules.roundStartRule(), v)).containsExactlyInAnyOrder(
        "「评选年度」不能小于2020",
        "「申报截止日期」为必填项",
        "「每个申报的评审专家人数」必须为整数",
        "「形式审查补正期限（工作日）」不能大于20",
        "「评选通知正文」不得超过4000字（当前4001字）");
    v = new HashMap<>(Map.of("roundYear", 2031L, "applicationDeadline", "2031-03-02", "panelSize", 5L));
    when(rounds.findForStart(2031)).thenReturn(Optional.of(new Round(2031, "pi",
        LocalDate.of(2031, 3, 31), RoundStatus.OPEN, 5, null, null, null, null, null)));
    assertThat(messages(form, rules.roundStartRule(), v)).containsExactlyInAnyOrder(
        "2031年度评选已经开启，每年只能开展一次评选", "申报截止日期不能早于今天");
  }

  @Test
  void expertMarksAreCheckedAgainstTheRoundsIndicatorTable() {
    Map<String, Object> v = expertScores(0.8, false);
    v.put("roundYear", 2031L);
    assertThat(messages(EXPERT, rules.expertReviewRule(), v)).isEmpty();
    // the form's own limits come first
    v.put("mark_qualifications", 6.0);
    v.put("adj_landedBenefit", -1.0);
    assertThat(messages(EXPERT, rules.expertReviewRule(), v)).containsExactlyInAnyOrder(
        "「相关资质情况（专家打分，0–5分）」不能大于5",
        "「调整：中试落地成果（项目）经济效益得分（按规则计分，佐证材料不支持时填写调整后的得分，否则留空）」不能小于0");
    // the points of each indicator come from the round's table, which the form does not know
    v.put("mark_qualifications", 5.0);
    v.put("adj_landedBenefit", 21.0);
    v.remove("mark_managementRules");
    assertThat(messages(EXPERT, rules.expertReviewRule(), v)).containsExactlyInAnyOrder(
        "“中试落地成果（项目）经济效益”得分须在0～20分之间",
        "调整“中试落地成果（项目）经济效益”得分须说明理由",
        "“相关管理服务制度情况”须由评价人打分");
  }

  @Test
  void anAdjustmentOrABonusNeedsAReason() {
    Map<String, Object> v = expertScores(0.8, false);
    v.put("adj_serviceIncome", 8.5);
    v.put("mark_socialBenefit", 2.0);
    assertThat(messages(EXPERT, rules.expertReviewRule(), v))
        .contains("调整“中试服务收入”得分须说明理由", "给予加分须说明理由");
    v.put("adjReason_serviceIncome", "部分收入无银行回单");
    v.put("reason_socialBenefit", "获省科技进步奖");
    assertThat(messages(EXPERT, rules.expertReviewRule(), v)).isEmpty();
  }

  @Test
  void anIndicatorTheBureauMadeExpertScoredMustBeScoredByEveryExpert() {
    IndicatorTable table = DefaultIndicatorTable.table();
    IndicatorTable changed = new IndicatorTable(table.version() + 1, table.indicators().stream()
        .map(i -> i.id().equals("siteArea") ? i.withRule(new ScoringRule.Expert()) : i).toList(),
        table.settings());
    when(scoring.tableOf(2032)).thenReturn(changed);
    Map<String, Object> v = expertScores(0.8, false);
    v.put("roundYear", 2032L);
    assertThat(messages(EXPERT, rules.expertReviewRule(), v)).contains("“中试场地面积”须由评价人打分");
    v.put("adj_siteArea", 4.0);
    assertThat(messages(EXPERT, rules.expertReviewRule(), v)).isEmpty();
  }

  @Test
  void anAcceptingExpertAnswersEveryCondition() {
    Map<String, Object> v = expertScores(0.8, false);
    v.remove("condOpinion3");
    v.remove("expertOpinion");
    assertThat(messages(EXPERT, rules.expertReviewRule(), v))
        .containsExactlyInAnyOrder("「对第3项参评条件的意见」为必填项", "「评审意见」为必填项");
    v.put("condOpinion3", "maybe");
    v.put("expertOpinion", "x");
    assertThat(messages(EXPERT, rules.expertReviewRule(), v))
        .containsExactly("「条件（三）」的取值“maybe”不在可选项中");
  }

  @Test
  void decliningExpertNeedsAReasonButNoScores() {
    assertThat(messages(EXPERT, rules.expertReviewRule(), Map.of("participation", "declineUnavailable")))
        .containsExactly("「回避或谢绝理由」为必填项");
    assertThat(messages(EXPERT, rules.expertReviewRule(), Map.of("participation", "declineConflict", "declineReason", "亲属任职"))).isEmpty();
    assertThat(messages(EXPERT, rules.expertReviewRule(), Map.of("participation", "maybe")))
        .containsExactly("「是否参加本项评审」的取值“maybe”不在可选项中");
  }

  @Test
  void theDistrictReviewDecidesWithoutARank() {
    String form = "designation-district-review";
    Map<String, Object> v = new HashMap<>(Map.of("districtDecision", "recommend",
        "checkAuthentic", true, "checkComplete", true, "checkConform", true,
        "roundYear", 2031, "reviewerGroup", "districtKeqiao", "applicationId", "self"));
    assertThat(messages(form, rules.districtReviewRule(), v)).isEmpty();
    v.put("checkConform", false);
    assertThat(messages(form, rules.districtReviewRule(), v)).containsExactly("推荐前须确认材料规范性");
    assertThat(messages(form, rules.districtReviewRule(), Map.of("districtDecision", "reject")))
        .containsExactly("「不予推荐理由」为必填项");
    assertThat(messages(form, rules.districtReviewRule(), Map.of("districtDecision", "reject",
        "districtComments", "不".repeat(2001))))
        .containsExactly("「审核意见（退回或不予推荐时必填，申报单位可见）」不得超过2000字（当前2001字）");
  }

  static final String RANKING = "designation-district-ranking";

  static Application app(String id, String org, String group, ApplicationStatus status) {
    return new Application(id, 2031, "pi-" + id, "u-" + id, org, code(id.hashCode() & 0xffff), group,
        "biomedicine", null, status, null, null, null, null, null);
  }

  Map<String, Object> ranking(String... ids) {
    return new HashMap<>(Map.of("roundYear", 2031, "reviewerGroup", "districtKeqiao",
        "districtRanking", List.of(ids)));
  }

  void keqiaoRecommendedThree() {
    when(applications.ofRound(2031)).thenReturn(List.of(
        app("a", "甲公司", "districtKeqiao", ApplicationStatus.RECOMMENDED),
        app("b", "乙公司", "districtKeqiao", ApplicationStatus.RECOMMENDED),
        app("c", "丙公司", "districtKeqiao", ApplicationStatus.RECOMMENDED),
        app("r", "丁公司", "districtKeqiao", ApplicationStatus.DISTRICT_REJECTED),
        app("y", "越城公司", "districtYuecheng", ApplicationStatus.RECOMMENDED)));
    when(applications.ofRound(2031, ApplicationStatus.RECOMMENDED)).thenReturn(List.of(
        app("a", "甲公司", "districtKeqiao", ApplicationStatus.RECOMMENDED),
        app("b", "乙公司", "districtKeqiao", ApplicationStatus.RECOMMENDED),
        app("c", "丙公司", "districtKeqiao", ApplicationStatus.RECOMMENDED),
        app("y", "越城公司", "districtYuecheng", ApplicationStatus.RECOMMENDED)));
  }

  @Test
  void aDistrictRanksExactlyItsRecommendationsEachOnce() {
    keqiaoRecommendedThree();
    assertThat(messages(RANKING, rules.districtRankingRule(), ranking("b", "a", "c"))).isEmpty();
    assertThat(messages(RANKING, rules.districtRankingRule(), ranking("b", "a")))
        .containsExactly("推荐顺序中缺少本地区推荐的申报：丙公司（本地区推荐的3份申报须全部排序，排序为1至3）");
    assertThat(messages(RANKING, rules.districtRankingRule(), ranking()))
        .containsExactly("推荐顺序中缺少本地区推荐的申报：甲公司、乙公司、丙公司（本地区推荐的3份申报须全部排序，排序为1至3）");
    assertThat(messages(RANKING, rules.districtRankingRule(), ranking("b", "a", "c", "y")))
        .containsExactly("第4位的申报（y）不是本地区本年度已推荐的申报，不能排序");
    assertThat(messages(RANKING, rules.districtRankingRule(), ranking("b", "a", "r", "c")))
        .containsExactly("第3位的申报（r）不是本地区本年度已推荐的申报，不能排序");
    assertThat(messages(RANKING, rules.districtRankingRule(), ranking("b", "a", "b")))
        .containsExactly("“乙公司”在推荐顺序中出现了多次（第3位），每个推荐的申报只能排序一次",
            "推荐顺序中缺少本地区推荐的申报：丙公司（本地区推荐的3份申报须全部排序，排序为1至3）");
    Map<String, Object> notAList = ranking();
    notAList.put("districtRanking", "b,a,c");
    assertThat(messages(RANKING, rules.districtRankingRule(), notAList))
        .containsExactly("「推荐顺序（按优先程度依次选择，第1个为最优先）」必须为列表");
  }

  @Test
  void aDistrictCannotRankWhileAnApplicationAwaitsItsReview() {
    keqiaoRecommendedThree();
    List<Application> all = new java.util.ArrayList<>(applications.ofRound(2031));
    all.add(app("p", "戊公司", "districtKeqiao", ApplicationStatus.IN_DISTRICT_REVIEW));
    all.add(app("q", "己公司", "districtKeqiao", ApplicationStatus.RETURNED));
    when(applications.ofRound(2031)).thenReturn(all);
    assertThat(messages(RANKING, rules.districtRankingRule(), ranking("b", "a", "c")))
        .containsExactly("本地区尚有2份申报未完成审核（戊公司：区县审核中、己公司：退回补正），请先办结审核推荐再排序");
  }

  @Test
  void formalReviewReturnsOnlyOnce() {
    String form = "designation-formal-review";
    Map<String, Object> v = new HashMap<>(Map.of("formalDecision", "return", "formalComments", "补充", "correctionDays", 3L));
    assertThat(messages(form, rules.formalReviewRule(), v)).isEmpty();
    v.put("formalReturned", true);
    assertThat(messages(form, rules.formalReviewRule(), v))
        .containsExactly("形式审查只能退回补正一次，请作出通过或不通过的结论");
    v.put("correctionDays", 30L);
    assertThat(messages(form, rules.formalReviewRule(), v)).containsExactly("「补正期限（工作日）」不能大于20");
    assertThat(messages(form, rules.formalReviewRule(), Map.of("formalDecision", "pass")))
        .anyMatch(m -> m.contains("第1项参评条件"));
  }

  @Test
  void namedObjectionNeedsObjectorAndContact() {
    String form = "designation-objection-start";
    when(rounds.inStatus(RoundStatus.PUBLICITY)).thenReturn(List.of());
    assertThat(messages(form, rules.objectionStartRule(), Map.of("objectorAnonymous", false,
        "objectionContent", "x", "objectionCreditCode", code(1)))).containsExactlyInAnyOrder(
        "「异议人姓名或单位」为必填项", "「异议人联系方式」为必填项",
        "公示中的拟评定名单里没有统一社会信用代码为 " + code(1) + " 的单位");
    assertThat(messages(form, rules.objectionStartRule(), Map.of("objectorAnonymous", true,
        "objectionCreditCode", code(1)))).containsExactly("「异议内容」为必填项");
  }

  @Test
  void publicationIsRefusedWhileObjectionsAreOpen() {
    String form = "designation-publication";
    when(rounds.find(2031)).thenReturn(Optional.empty());
    when(objections.countOpen(2031)).thenReturn(2);
    assertThat(messages(form, rules.publicationRule(), Map.of("documentNumber", "绍市科发〔2031〕8号",
        "documentDate", "2031-03-03", "roundYear", 2031))).containsExactly("尚有2件公示异议未处理完毕，不能发文公布");
    when(objections.countOpen(2031)).thenReturn(0);
    assertThat(messages(form, rules.publicationRule(), Map.of("documentNumber", "绍市科发〔2031〕8号",
        "documentDate", "2031-03-03", "roundYear", 2031))).isEmpty();
    assertThat(messages(form, rules.publicationRule(), Map.of("documentDate", "2031-03-03", "roundYear", 2031)))
        .containsExactly("「发文文号（如 绍市科发〔2025〕12号）」为必填项");
  }

  @Test
  void partyCommitteeSendBackNeedsComments() {
    assertThat(messages("designation-party-review", rules.partyReviewRule(),
        Map.of("partyDecision", "sendBack", "meetingDate", "2031-03-01")))
        .containsExactly("「退回意见」为必填项");
  }
}
