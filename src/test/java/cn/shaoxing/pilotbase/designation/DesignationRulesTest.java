package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.code;
import static cn.shaoxing.pilotbase.designation.DesignationTestSupport.expertScores;
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
import cn.shaoxing.pilotbase.forms.ValidationErrors;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The designation's server-side domain checks, without the engine. */
class DesignationRulesTest {

  RoundService rounds = mock(RoundService.class);
  ApplicationService applications = mock(ApplicationService.class);
  ObjectionService objections = mock(ObjectionService.class);
  ExpertPoolService experts = mock(ExpertPoolService.class);
  DesignationScoring scoring = mock(DesignationScoring.class);
  DesignationRules rules = new DesignationRules(rounds, applications, objections, experts, scoring);

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

  static List<String> messages(CompletionRule rule, Map<String, Object> v) {
    ValidationErrors e = DesignationRules.run(rule, v);
    return e.all().stream().map(ValidationErrors.FieldError::message).toList();
  }

  @Test
  void aValidApplicationPasses() {
    assertThat(messages(rules.applicationStartRule(), application("某公司", code(1), "districtKeqiao", "biomedicine"))).isEmpty();
  }

  @Test
  void unknownDistrictBadCreditCodeAndAbsurdFiguresAreRefused() {
    Map<String, Object> v = application("某公司", code(1), "districtHangzhou", "biomedicine");
    v.put("creditCode", "913306000000000001");
    v.put("siteArea", -5L);
    v.put("equipmentValue", 1e12);
    v.put("graduateStaff", 3.5);
    v.put("landedProjects", 50L);
    v.put("serviceProjects", 10L);
    v.put("facilitiesDescription", "长".repeat(2001));
    assertThat(String.join("|", messages(rules.applicationStartRule(), v)))
        .contains("未知的区、县（市）或归口管理单位：districtHangzhou")
        .contains("统一社会信用代码无效")
        .contains("「中试场地面积（平方米）」不能小于0")
        .contains("中试仪器设备原值")
        .contains("必须为整数")
        .contains("落地数不能大于")
        .contains("不得超过2000字（当前2001字）");
  }

  @Test
  void registrationDateInTheFutureAndMissingDeclarationAreRefused() {
    Map<String, Object> v = application("某公司", code(1), "districtKeqiao", "biomedicine");
    v.put("registrationDate", "2032-01-01");
    v.remove("hasPilotTeam");
    v.put("declarationTruthful", false);
    assertThat(String.join("|", messages(rules.applicationStartRule(), v)))
        .contains("注册日期不能晚于今天").contains("拥有相适应的人才团队").contains("请承诺");
  }

  @Test
  void noOpenRoundRefusesTheApplication() {
    when(rounds.openForApplications(any())).thenReturn(Optional.empty());
    assertThat(messages(rules.applicationStartRule(), application("某公司", code(1), "districtKeqiao", "biomedicine")))
        .anyMatch(m -> m.contains("没有开放申报"));
  }

  @Test
  void expertMarksAreCheckedAgainstTheRoundsIndicatorTable() {
    Map<String, Object> v = expertScores(0.8, false);
    v.put("roundYear", 2031L);
    assertThat(messages(rules.expertReviewRule(), v)).isEmpty();
    // maxima come from the table, not from the form
    v.put("mark_qualifications", 6.0);
    v.put("mark_socialBenefit", 11.0);
    v.put("adj_landedBenefit", 21.0);
    v.remove("mark_managementRules");
    assertThat(String.join("|", messages(rules.expertReviewRule(), v)))
        .contains("“相关资质情况”得分须在0～5分之间")
        .contains("“社会经济效益”得分须在0～10分之间")
        .contains("“中试落地成果（项目）经济效益”得分须在0～20分之间")
        .contains("“相关管理服务制度情况”须由评价人打分");
  }

  @Test
  void anAdjustmentOrABonusNeedsAReason() {
    Map<String, Object> v = expertScores(0.8, false);
    v.put("adj_serviceIncome", 8.5);
    v.put("mark_socialBenefit", 2.0);
    assertThat(messages(rules.expertReviewRule(), v))
        .contains("调整“中试服务收入”得分须说明理由", "给予加分须说明理由");
    v.put("adjReason_serviceIncome", "部分收入无银行回单");
    v.put("reason_socialBenefit", "获省科技进步奖");
    assertThat(messages(rules.expertReviewRule(), v)).isEmpty();
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
    assertThat(messages(rules.expertReviewRule(), v)).contains("“中试场地面积”须由评价人打分");
    v.put("adj_siteArea", 4.0);
    assertThat(messages(rules.expertReviewRule(), v)).isEmpty();
  }

  @Test
  void decliningExpertNeedsAReasonButNoScores() {
    assertThat(messages(rules.expertReviewRule(), Map.of("participation", "declineUnavailable")))
        .containsExactly("「回避或谢绝理由」为必填项");
    assertThat(messages(rules.expertReviewRule(), Map.of("participation", "declineConflict", "declineReason", "亲属任职"))).isEmpty();
  }

  @Test
  void districtRankMustBeUniqueWithinTheDistrict() {
    Application other = new Application("other", 2031, "pi2", "applicant2", "甲公司", code(2),
        "districtKeqiao", "biomedicine", null, ApplicationStatus.RECOMMENDED, 1, null, null, null, null);
    Application self = new Application("self", 2031, "pi1", "applicant1", "乙公司", code(1),
        "districtKeqiao", "biomedicine", null, ApplicationStatus.IN_DISTRICT_REVIEW, null, null, null, null, null);
    when(applications.ofRound(2031)).thenReturn(List.of(other, self));
    Map<String, Object> v = new HashMap<>(Map.of("districtDecision", "recommend", "districtRank", 1L,
        "checkAuthentic", true, "checkComplete", true, "checkConform", true,
        "roundYear", 2031, "reviewerGroup", "districtKeqiao", "applicationId", "self"));
    assertThat(messages(rules.districtReviewRule(), v)).anyMatch(m -> m.contains("已分配给甲公司"));
    v.put("districtRank", 3L);
    assertThat(messages(rules.districtReviewRule(), v)).anyMatch(m -> m.contains("不能大于本地区本年度申报数（2）"));
    v.put("districtRank", 2L);
    assertThat(messages(rules.districtReviewRule(), v)).isEmpty();
    assertThat(messages(rules.districtReviewRule(), Map.of("districtDecision", "reject")))
        .containsExactly("「不予推荐理由」为必填项");
  }

  @Test
  void formalReviewReturnsOnlyOnce() {
    Map<String, Object> v = new HashMap<>(Map.of("formalDecision", "return", "formalComments", "补充", "correctionDays", 3L));
    assertThat(messages(rules.formalReviewRule(), v)).isEmpty();
    v.put("formalReturned", true);
    assertThat(messages(rules.formalReviewRule(), v)).anyMatch(m -> m.contains("只能退回补正一次"));
    assertThat(messages(rules.formalReviewRule(), Map.of("formalDecision", "pass")))
        .anyMatch(m -> m.contains("第1项参评条件"));
  }

  @Test
  void namedObjectionNeedsObjectorAndContact() {
    when(rounds.inStatus(RoundStatus.PUBLICITY)).thenReturn(List.of());
    List<String> m = messages(rules.objectionStartRule(), Map.of("objectorAnonymous", false,
        "objectionContent", "x", "objectionCreditCode", code(1)));
    assertThat(String.join("|", m)).contains("异议人姓名或单位").contains("异议人联系方式").contains("公示中的拟评定名单里没有");
  }

  @Test
  void publicationIsRefusedWhileObjectionsAreOpen() {
    when(rounds.find(2031)).thenReturn(Optional.empty());
    when(objections.countOpen(2031)).thenReturn(2);
    assertThat(messages(rules.publicationRule(), Map.of("documentNumber", "绍市科发〔2031〕8号",
        "documentDate", "2031-03-03", "roundYear", 2031))).anyMatch(x -> x.contains("尚有2件公示异议"));
    when(objections.countOpen(2031)).thenReturn(0);
    assertThat(messages(rules.publicationRule(), Map.of("documentNumber", "绍市科发〔2031〕8号",
        "documentDate", "2031-03-03", "roundYear", 2031))).isEmpty();
  }

  @Test
  void partyCommitteeSendBackNeedsComments() {
    assertThat(messages(rules.partyReviewRule(), Map.of("partyDecision", "sendBack", "meetingDate", "2031-03-01")))
        .containsExactly("「退回意见」为必填项");
  }
}
