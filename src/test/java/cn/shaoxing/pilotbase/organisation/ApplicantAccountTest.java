package cn.shaoxing.pilotbase.organisation;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.designation.ApplicationWithdrawal;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.Designation;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applicant accounts are bound to one organisation (统一社会信用代码): districts and the bureau open
 * them through /api/applicant-accounts, and an account files applications (and corrections) only
 * for its own organisation. Own round year 2041, so the shared database needs no cleaning.
 */
class ApplicantAccountTest extends IntegrationTest {

  static final int YEAR = 2041;

  @Autowired ApplicantAccountService accounts;
  @Autowired BaseAccounts baseAccounts;
  @Autowired RegisterService register;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;

  RestClient rest;

  @BeforeEach
  void setUp() {
    rest = new RestClient(baseUrl());
  }

  static Date at(String isoLocal) {
    return Date.from(LocalDateTime.parse(isoLocal).atZone(cn.shaoxing.pilotbase.platform.AppClock.ZONE).toInstant());
  }

  static String code(long n) {
    return CreditCode.withCheckDigit(String.format("9133060%010d", n));
  }

  /** The round of {@link #YEAR}, open for applications at the test's clock. */
  void openRound() {
    ClockUtil.setCurrentTime(at(YEAR + "-03-03T09:00"));
    if (jdbc.queryForObject("SELECT COUNT(*) FROM dsg_round WHERE round_year=?", Integer.class, YEAR) > 0) {
      return;
    }
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      engine.getRuntimeService().startProcessInstanceByKey("designation-round", Map.of(
          "roundYear", (long) YEAR, "applicationDeadline", YEAR + "-03-31", "panelSize", 3L,
          "formalCorrectionDays", 5L, "roundNotice", YEAR + "年度评选通知"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  ProcessInstance apply(String user, Map<String, Object> vars) {
    cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, user);
    engine.getIdentityService().setAuthentication(user, List.of("applicant"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-application", vars);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  int applicationRows(String creditCode) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM dsg_application WHERE round_year=? AND credit_code=?",
        Integer.class, YEAR, creditCode);
  }

  long applicationInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("designation-application").count();
  }

  /** Ends an application the test filed, so no open task of it remains for other tests. */
  void withdraw(ProcessInstance pi) {
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list()) {
      if (t.getTaskDefinitionKey().equals("Task_DistrictReview")) {
        engine.getRuntimeService().createMessageCorrelation(ApplicationWithdrawal.MESSAGE)
            .processInstanceId(pi.getId()).setVariable("withdrawConfirm", true)
            .setVariable("withdrawReason", "测试结束").correlate();
        return;
      }
      if (t.getTaskDefinitionKey().equals("Task_ReviewIneligibility")) {
        engine.getTaskService().complete(t.getId(), Map.of("ineligibleAction", "abandon"));
        return;
      }
    }
  }

  static String accountJson(String userId, String code, String org, String reviewerGroup) {
    return """
        {"userId": "%s", "name": "王经理", "email": "%s@example.cn", "initialPassword": "Start-2041-pw",
         "creditCode": "%s", "orgName": "%s"%s}""".formatted(userId, userId, code, org,
        reviewerGroup == null ? "" : ", \"reviewerGroup\": \"" + reviewerGroup + "\"");
  }

  // ------------------------------------------------------------------ filing

  @Test
  void applicantFilesOnlyForItsOwnOrganisation() {
    openRound();
    DemoApplicantAccounts.Binding own = DemoApplicantAccounts.APPLICANT1;
    DemoApplicantAccounts.Binding other = DemoApplicantAccounts.APPLICANT2;
    assertThat(accounts.findByUser("applicant1")).get().extracting(ApplicantAccount::creditCode)
        .isEqualTo(own.creditCode());

    // applicant1 files for applicant2's organisation: refused, nothing stored.
    long before = applicationInstances();
    assertThatThrownBy(() -> apply("applicant1",
        application(other.orgName(), other.creditCode(), other.reviewerGroup(), "newMaterials")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("统一社会信用代码与本账号绑定的单位不一致")
        .hasMessageContaining(own.orgName());
    assertThat(applicationInstances()).isEqualTo(before);
    assertThat(applicationRows(other.creditCode())).isZero();

    // The same through the REST API, as Tasklist submits the start form: 400 with the Chinese reason.
    HttpResponse<String> viaRest = rest.postJson("/engine-rest/process-definition/key/designation-application/submit-form",
        "applicant1", restApplication(other.orgName(), other.creditCode(), other.reviewerGroup()));
    assertThat(viaRest.statusCode()).as(viaRest.body()).isEqualTo(400);
    assertThat(viaRest.body()).contains("统一社会信用代码与本账号绑定的单位不一致");
    assertThat(applicationInstances()).isEqualTo(before);
    assertThat(applicationRows(other.creditCode())).isZero();

    // Nobody can file in someone else's name by passing the initiator variable.
    Map<String, Object> forged = application(own.orgName(), own.creditCode(), own.reviewerGroup(), "biomedicine");
    forged.put("applicantUserId", "applicant2");
    assertThatThrownBy(() -> apply("applicant1", forged)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("不能以其他账号的名义提交申报");
    assertThat(applicationRows(own.creditCode())).isZero();

    // applicant1 files for its own organisation: accepted.
    ProcessInstance mine = apply("applicant1",
        application(own.orgName(), own.creditCode(), own.reviewerGroup(), "biomedicine"));
    assertThat(applicationRows(own.creditCode())).isOne();
    assertThat(jdbc.queryForObject("SELECT applicant_user_id FROM dsg_application WHERE round_year=? AND credit_code=?",
        String.class, YEAR, own.creditCode())).isEqualTo("applicant1");
    assertThat(applicationInstances()).isEqualTo(before + 1);
    withdraw(mine);
  }

  @Test
  void anAccountWithoutBindingCannotFile() {
    openRound();
    if (engine.getIdentityService().createUserQuery().userId("unbound2041").count() == 0) {
      User u = engine.getIdentityService().newUser("unbound2041");
      u.setFirstName("未绑定");
      u.setPassword("demo");
      engine.getIdentityService().saveUser(u);
      engine.getIdentityService().createMembership("unbound2041", "applicant");
    }
    long before = applicationInstances();
    assertThatThrownBy(() -> apply("unbound2041",
        application("某未登记公司", code(41900), "districtZhuji", "newMaterials")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("本账号尚未绑定参评单位")
        .hasMessageContaining("请联系所在区、县（市）科技部门");
    assertThat(applicationInstances()).isEqualTo(before);
    assertThat(applicationRows(code(41900))).isZero();
  }

  @Test
  void aCorrectionCannotSwitchToAnotherOrganisation() {
    openRound();
    DemoApplicantAccounts.Binding own = DemoApplicantAccounts.APPLICANT3;
    Map<String, Object> young = application(own.orgName(), own.creditCode(), own.reviewerGroup(), "greenChemicals");
    young.put("registrationDate", YEAR + "-01-10");   // operating less than a year → ineligible
    ProcessInstance pi = apply("applicant3", young);
    Task notice = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ReviewIneligibility").singleResult();
    assertThat(notice).isNotNull();
    engine.getIdentityService().setAuthentication("applicant3", List.of("applicant"));
    try {
      engine.getTaskService().complete(notice.getId(), Map.of("ineligibleAction", "correct"));
      Task correction = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey("Task_CorrectApplication").singleResult();
      Map<String, Object> switched = application(DemoApplicantAccounts.APPLICANT1.orgName(),
          DemoApplicantAccounts.APPLICANT1.creditCode(), own.reviewerGroup(), "greenChemicals");
      assertThatThrownBy(() -> engine.getTaskService().complete(correction.getId(), switched))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("统一社会信用代码与本账号绑定的单位不一致");
      assertThat(engine.getTaskService().createTaskQuery().taskId(correction.getId()).count()).isOne();
      assertThat(jdbc.queryForObject("SELECT credit_code FROM dsg_application WHERE process_instance_id=?",
          String.class, pi.getId())).isEqualTo(own.creditCode());

      Map<String, Object> fixed = application(own.orgName(), own.creditCode(), own.reviewerGroup(), "greenChemicals");
      fixed.put("correctionNote", "更正注册日期");
      engine.getTaskService().complete(correction.getId(), fixed);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    withdraw(pi);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  // ------------------------------------------------------------------ the API

  @Test
  void aDistrictOpensAccountsForItsOwnOrganisationsAndOnlySeesThose() {
    String code = code(41001);
    HttpResponse<String> created = rest.postJson("/api/applicant-accounts", "keqiao1",
        accountJson("kq2041a", code, "柯桥精工中试有限公司", null));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"reviewerGroup\":\"districtKeqiao\"", "柯桥区科技局", code);
    assertThat(engine.getIdentityService().createUserQuery().userId("kq2041a").memberOfGroup("applicant").count())
        .isOne();
    assertThat(accounts.findByUser("kq2041a")).get().satisfies(a -> {
      assertThat(a.creditCode()).isEqualTo(code);
      assertThat(a.createdBy()).isEqualTo("keqiao1");
    });
    // The new account signs in with its initial password (403: an applicant may not list accounts).
    assertThat(rest.get("/api/applicant-accounts", "kq2041a:Start-2041-pw").statusCode()).isEqualTo(403);

    assertThat(rest.get("/api/applicant-accounts", "keqiao1").body()).contains("kq2041a")
        .doesNotContain("applicant1");   // applicant1 belongs to 越城区
    assertThat(rest.get("/api/applicant-accounts", "yuecheng1").body()).doesNotContain("kq2041a")
        .contains("applicant1");
    assertThat(rest.get("/api/applicant-accounts", "bureau1").body()).contains("kq2041a", "applicant1",
        "applicant2", "applicant3");

    // A district cannot open an account for another district.
    HttpResponse<String> foreign = rest.postJson("/api/applicant-accounts", "yuecheng1",
        accountJson("yc2041x", code(41002), "某公司", "districtKeqiao"));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("只能为本地区");
    assertThat(engine.getIdentityService().createUserQuery().userId("yc2041x").count()).isZero();

    // The account opened through the API files for its organisation.
    openRound();
    ProcessInstance filed = apply("kq2041a", application("柯桥精工中试有限公司", code, "districtKeqiao", "highEndEquipment"));
    assertThat(applicationRows(code)).isOne();
    withdraw(filed);
  }

  @Test
  void aCreditCodeIsBoundOnceAndBadInputChangesNothing() {
    String code = code(41101);
    assertThat(rest.postJson("/api/applicant-accounts", "bureau1",
        accountJson("bu2041a", code, "上虞某中试公司", "districtShangyu")).statusCode()).isEqualTo(201);

    // The same organisation again, from another district: 409, no user created.
    HttpResponse<String> twice = rest.postJson("/api/applicant-accounts", "zhuji1",
        accountJson("zj2041a", code, "上虞某中试公司", null));
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("已绑定其他申报账号");
    assertThat(engine.getIdentityService().createUserQuery().userId("zj2041a").count()).isZero();
    assertThat(accounts.findByUser("zj2041a")).isEmpty();

    // An existing user id: 409, no binding.
    HttpResponse<String> taken = rest.postJson("/api/applicant-accounts", "bureau1",
        accountJson("applicant1", code(41102), "另一公司", "districtShangyu"));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("已存在");
    assertThat(accounts.findByCreditCode(code(41102))).isEmpty();

    // Bad input: every reason in Chinese, nothing created.
    HttpResponse<String> bad = rest.postJson("/api/applicant-accounts", "bureau1", """
        {"userId": "bad-id", "name": "", "email": "x", "initialPassword": "short",
         "creditCode": "913306000000000001", "orgName": "", "reviewerGroup": "districtHangzhou"}""");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("APPLICANT_ACCOUNT_INVALID", "账号只能由英文字母和数字组成", "联系人姓名为必填项",
        "电子邮箱格式不正确", "单位名称为必填项", "统一社会信用代码无效", "未知的区、县（市）科技部门", "初始密码至少8位");
    // The bureau must say which district the organisation belongs to.
    HttpResponse<String> noGroup = rest.postJson("/api/applicant-accounts", "bureau1",
        accountJson("bu2041b", code(41103), "某公司", null));
    assertThat(noGroup.statusCode()).isEqualTo(400);
    assertThat(engine.getIdentityService().createUserQuery().userId("bu2041b").count()).isZero();

    // Only districts, competent units and the bureau.
    assertThat(rest.postJson("/api/applicant-accounts", "applicant1",
        accountJson("ap2041a", code(41104), "某公司", null)).statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/applicant-accounts", "expert1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/applicant-accounts", null).statusCode()).isEqualTo(401);
  }

  /** Who speaks for a base: the recorded account, else the account bound to its credit code. */
  @Test
  void theBaseAccountIsTheRecordedOneElseTheBindingOfItsCreditCode() {
    String bound = code(41201);
    accounts.bind("ba2041a", bound, "绑定账号中试基地有限公司", "districtYuecheng", "bureau1");
    DesignatedBase b = register.designate(new Designation("绑定账号中试基地有限公司", bound, "newMaterials",
        "districtYuecheng", YEAR, "绍市科发〔2041〕9号", LocalDate.of(YEAR, 6, 1), null));
    assertThat(baseAccounts.accountOf(b.id())).contains("ba2041a");
    baseAccounts.setAccount(b.id(), "ba2041b");
    assertThat(baseAccounts.accountOf(b.id())).as("the recorded account comes first").contains("ba2041b");

    DesignatedBase unbound = register.designate(new Designation("未绑定中试基地有限公司", code(41202),
        "newMaterials", "districtYuecheng", YEAR, "绍市科发〔2041〕10号", LocalDate.of(YEAR, 6, 1), null));
    assertThat(baseAccounts.accountOf(unbound.id())).isEmpty();
    // leave no active base behind for the other tests of the shared database
    register.revoke(b.id(), "测试隔离", "绍市科发〔2041〕11号", LocalDate.of(YEAR, 6, 2));
    register.revoke(unbound.id(), "测试隔离", "绍市科发〔2041〕11号", LocalDate.of(YEAR, 6, 2));
  }

  static String restApplication(String org, String code, String group) {
    StringBuilder v = new StringBuilder("{\"variables\":{");
    Map<String, Object> app = DesignationTestSupport.application(org, code, group, "newMaterials");
    app.forEach((k, val) -> {
      String type = val instanceof Boolean ? "Boolean" : val instanceof Long ? "Long"
          : val instanceof Double ? "Double" : "String";
      String json = val instanceof String ? "\"" + val + "\"" : String.valueOf(val);
      v.append('"').append(k).append("\":{\"value\":").append(json).append(",\"type\":\"").append(type).append("\"},");
    });
    v.setLength(v.length() - 1);
    return v.append("}}").toString();
  }
}
