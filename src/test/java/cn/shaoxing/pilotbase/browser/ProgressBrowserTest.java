package cn.shaoxing.pilotbase.browser;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.application;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.designation.ApplicationService;
import cn.shaoxing.pilotbase.designation.ApplicationStatus;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12: 办理进度 in a real Chromium. An applicant opens it from the link on the Welcome page (its
 * district from the link in Tasklist's header), reads the
 * steps of its application (the district's return reason, the step it waits for and its due date) and
 * withdraws it with a reason; its district sees its district's cases; another district's case is
 * refused. Screenshots: target/screenshots/ProgressBrowserTest/NN-progress-*.png. Year 2075 (the
 * brief's 2130–2139 are beyond the round form's 2100).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgressBrowserTest extends BrowserWalk {

  @RegisterExtension static final Browser browser = new Browser();

  @Override
  Browser browser() {
    return browser;
  }

  static final int YEAR = 2075;
  static final String PASSWORD = "Test-Pass-2031";
  static final String ORG_A = "柯桥浏览器进度测试中试有限公司";
  static final String ORG_B = "越城浏览器进度测试中试有限公司";
  static final String USER_A = "pg2075n1";
  static final String USER_B = "pg2075n2";

  @Autowired ApplicantAccountService accounts;
  @Autowired ApplicationService applications;
  @Autowired EvidenceService evidence;

  String idA;
  String idB;

  /** The engine's clock stays in the round's year, so the steps are dated as they happened. */
  void inTheRound() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(DesignationTestSupport.at(YEAR + "-03-05T10:00"));
  }

  @Test
  @Order(1)
  void anApplicationReturnedByItsDistrictWaitsForTheReviewAgain() {
    tasklist = new Tasklist(browser, baseUrl());
    DesignationTestSupport.openRound(engine, YEAR, 5);
    DesignationTestSupport.account(accounts, USER_A, code(YEAR * 1000L + 1), ORG_A, "districtKeqiao");
    DesignationTestSupport.account(accounts, USER_B, code(YEAR * 1000L + 2), ORG_B, "districtYuecheng");
    ProcessInstance a = DesignationTestSupport.file(engine, evidence, USER_A,
        application(ORG_A, code(YEAR * 1000L + 1), "districtKeqiao", "newMaterials"));
    ProcessInstance b = DesignationTestSupport.file(engine, evidence, USER_B,
        application(ORG_B, code(YEAR * 1000L + 2), "districtYuecheng", "biomedicine"));
    DesignationTestSupport.complete(engine, a.getId(), "Task_DistrictReview",
        Map.of("districtDecision", "return", "districtComments", "请补充近两年中试服务合同"));
    Map<String, Object> corrected = application(ORG_A, code(YEAR * 1000L + 1), "districtKeqiao", "newMaterials");
    corrected.put("correctionNote", "已补充服务合同");
    DesignationTestSupport.complete(engine, a.getId(), "Task_CorrectApplication", corrected);
    idA = applications.ofApplicant(USER_A).get(0).id();
    idB = applications.ofApplicant(USER_B).get(0).id();
  }

  @Test
  @Order(2)
  void theApplicantOpensItsProgressFromTheWelcomePageAndWithdraws() {
    inTheRound();
    tasklist.login(USER_A, PASSWORD);
    browser.open(baseUrl() + "/camunda/app/welcome/default/");
    browser.click(browser.visible(By.linkText("办理进度")));
    browser.waitFor("办理进度列表", d -> d.getCurrentUrl().endsWith("/my/cases"));
    browser.visible(By.id("cases"));
    assertThat(browser.bodyText()).contains(ORG_A, "等待区县审核推荐").doesNotContain(ORG_B);
    browser.shot("progress-申报单位的办理进度列表");

    browser.click(browser.visible(By.cssSelector("tr[data-case-id='" + idA + "'] a.open-case")));
    browser.visible(By.id("done"));
    String text = browser.bodyText();
    assertThat(text).contains("提交申报", "区县科技部门审核推荐", "审核结果：退回补正", "理由：请补充近两年中试服务合同",
        "补正申报材料", "等待区县审核推荐", "期限：" + YEAR + "-0");
    browser.shot("progress-申报详情：已办环节、退回理由与当前环节");

    // nothing typed: the page refuses in Chinese and nothing changes
    browser.click(browser.visible(By.id("withdraw-button")));
    assertThat(browser.visible(By.id("withdraw-error")).getText()).contains("请填写撤回理由");
    assertThat(applications.get(idA).status()).isNotEqualTo(ApplicationStatus.WITHDRAWN);
    browser.visible(By.id("reason")).sendKeys("本年度暂不参评，明年完善后再申报");
    browser.shot("progress-填写撤回理由");
    browser.click(browser.visible(By.id("withdraw-button")));
    browser.visible(By.id("withdrawn-notice"));
    assertThat(browser.bodyText()).contains("已撤回", "申报单位撤回申报", "撤回理由：本年度暂不参评，明年完善后再申报");
    assertThat(browser.all(By.id("withdraw-button"))).isEmpty();
    browser.shot("progress-撤回后的办理进度");
    assertThat(applications.get(idA).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(applications.get(idA).processInstanceId())
        .count()).isZero();
  }

  @Test
  @Order(3)
  void theDistrictSeesItsDistrictsCasesAndIsRefusedAnotherDistricts() {
    inTheRound();
    tasklist.login("keqiao1");
    // the link in Tasklist's header (config.js customScripts: scripts/progress-link.js)
    browser.shot("progress-Tasklist页头的办理进度链接");
    browser.click(browser.visible(By.cssSelector("li.pilotbase-progress a")));
    browser.waitFor("办理进度列表", d -> d.getCurrentUrl().endsWith("/my/cases"));
    browser.visible(By.id("cases"));
    assertThat(browser.bodyText()).contains(ORG_A, "已撤回").doesNotContain(ORG_B);
    browser.shot("progress-区县查看本辖区案件");
    browser.click(browser.visible(By.cssSelector("tr[data-case-id='" + idA + "'] a.open-case")));
    browser.visible(By.id("done"));
    assertThat(browser.bodyText()).contains("撤回理由：本年度暂不参评，明年完善后再申报", "请补充近两年中试服务合同");

    browser.open(baseUrl() + "/my/cases/applications/" + idB);
    assertThat(browser.visible(By.id("refusal")).getText()).contains("无权查看该案件的办理进度");
    assertThat(browser.bodyText()).doesNotContain(ORG_B);
    browser.shot("progress-区县打开其他区县的案件被拒绝");
  }
}
