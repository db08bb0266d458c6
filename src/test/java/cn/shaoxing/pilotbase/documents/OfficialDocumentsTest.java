package cn.shaoxing.pilotbase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.designation.ApplicationService;
import cn.shaoxing.pilotbase.designation.DesignationDocuments;
import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.notification.MailDispatcher;
import cn.shaoxing.pilotbase.notification.MailTemplate;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import cn.shaoxing.pilotbase.support.RoundWalk;
import cn.shaoxing.pilotbase.support.TestInfrastructure;
import cn.shaoxing.pilotbase.support.WebappLogin;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The official documents (ADR 0032) on PostgreSQL: a real round (2102), cycle (2103) and revocation
 * (2104) driven to the steps that issue them; every PDF opened with PDFBox (text, document number,
 * names), its first page rendered to target/screenshots/documents-&lt;kind&gt;.png, the mail in GreenMail
 * carrying it, and the downloads as each role (allowed and refused). Years 2102–2109 belong to this class.
 */
class OfficialDocumentsTest extends IntegrationTest {

  @Autowired DocumentService documents;
  @Autowired DesignationDocuments designationDocuments;
  @Autowired ApplicationService applications;
  @Autowired ApplicantAccountService accounts;
  @Autowired EvidenceService evidence;
  @Autowired ExpertPoolService experts;
  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired MailDispatcher dispatcher;
  @Autowired cn.shaoxing.pilotbase.notification.NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  RestClient rest;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    DesignationTestSupport.seedExperts(experts);
    rest = new RestClient(baseUrl());
  }

  // ------------------------------------------------------------------ designation round 2102

  @Test
  void aRoundIssuesItsPublicityNoticeDesignationNoticeAndOutcomeLettersAttachedToTheMails() throws Exception {
    int year = 2102;
    RoundWalk walk = new RoundWalk(engine, accounts, evidence, jdbc, "doc");
    ProcessInstance round = walk.open(year);
    RoundWalk.Filing chosen = walk.recommended(year, 1, "越城公文测试中试有限公司", "districtYuecheng", "biomedicine");
    RoundWalk.Filing second = walk.recommended(year, 2, "柯桥公文测试新材料中心", "districtKeqiao", "newMaterials");
    RoundWalk.Filing refused = walk.file(year, 3, "诸暨公文测试装备公司", "districtZhuji", "highEndEquipment", Map.of());
    walk.complete(refused.application(), "Task_DistrictReview",
        Map.of("districtDecision", "reject", "districtComments", "中试服务业绩不足"));
    // The refused applicant gets its letter with the refusal, at once.
    DocumentInfo refusedLetter = letter(walk, refused);
    assertThat(jdbc.queryForList("SELECT o.subject FROM notif_attachment a JOIN notif_outbox o ON o.id = a.outbox_id"
        + " WHERE a.document_id = ?", String.class, refusedLetter.id())).containsExactly("中试基地申报未获推荐");
    RoundWalk.Filing ineligible = walk.file(year, 4, "上虞公文测试初创公司", "districtShangyu", "newMaterials",
        Map.of("registrationDate", (year - 1) + "-12-01"));
    assertThat(ineligible.application()).isWaitingAt("Task_ReviewIneligibility");
    walk.complete(ineligible.application(), "Task_ReviewIneligibility", Map.of("ineligibleAction", "abandon"));
    walk.closeApplications(round, year);
    walk.reviewedAndScored(chosen, 0.85);
    walk.reviewedAndScored(second, 0.6);

    // Publicity: the publicity notice lists the proposed base, the period and how to object.
    walk.proposeAndStartPublicity(round, year, chosen);
    DocumentInfo publicity = documents.find(DocumentKind.ROUND_PUBLICITY, CaseRefs.round(year)).orElseThrow();
    String publicityText = text(publicity);
    assertThat(publicityText).contains("绍兴市科学技术局", "关于2102年度绍兴市科技成果转化中试基地拟评定名单的公示",
        chosen.org(), "0575-85000000", "5个工作日", "异议", "此件公开发布").doesNotContain(second.org());
    assertThat(publicity.documentNumber()).isNull();
    shot(publicity, "round-publicity");
    assertThat(rest.get("/public/publicity", null).body()).contains("/public/documents/" + publicity.id());

    // Publication with the document number: the designation notice, and a letter to each one not chosen.
    walk.publish(round, "绍市科〔2102〕3号");
    assertThat(round).isEnded();
    DocumentInfo notice = documents.find(DocumentKind.DESIGNATION_NOTICE, CaseRefs.round(year)).orElseThrow();
    assertThat(notice.documentNumber()).isEqualTo("绍市科〔2102〕3号");
    String noticeText = text(notice);
    assertThat(noticeText).contains("绍兴市科学技术局", "绍市科〔2102〕3号", "关于公布2102年度绍兴市科技成果转化中试基地名单的通知",
        chosen.org(), "越城区", "二一〇二年").doesNotContain(second.org(), refused.org());
    shot(notice, "designation-notice");

    assertThat(letter(walk, refused).id()).as("the same letter, not a second one").isEqualTo(refusedLetter.id());
    assertThat(text(refusedLetter)).contains("绍兴市科学技术局", "评定结果告知书", refused.org(), "经诸暨市科技局审核，未予推荐",
        "未获评定", "区县/归口单位未予推荐：中试服务业绩不足");
    shot(refusedLetter, "outcome-letter");
    assertThat(text(letter(walk, ineligible))).contains(ineligible.org(), "不符合参评条件", "未获评定", "未满一年",
        "绍市科〔2102〕3号");
    DocumentInfo notChosenLetter = letter(walk, second);
    assertThat(text(notChosenLetter)).contains(second.org(), "未列入拟评定名单", "未获评定", "绍市科〔2102〕3号");
    assertThat(documents.find(DocumentKind.OUTCOME_LETTER, CaseRefs.application(walk.applicationId(chosen))))
        .isEmpty();

    // Once per step: the step's document is found again, not made twice.
    assertThat(designationDocuments.designationNotice(year, "绍市科〔2102〕3号", LocalDate.now(), List.of()).id())
        .isEqualTo(notice.id());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM doc_document WHERE case_ref = ?", Integer.class,
        CaseRefs.round(year))).isEqualTo(2);

    // The mails carry them: the designated base the notice, the refused applicant its letter.
    dispatcher.dispatchDue(Instant.now());
    MimeMessage toChosen = mailTo(chosen.account() + "@example.cn", "评定结果");
    assertThat(body(toChosen)).contains("绍市科〔2102〕3号", "附件：《关于公布2102年度绍兴市科技成果转化中试基地名单的通知》（PDF）");
    assertThat(PdfText.of(pdfIn(toChosen))).contains("绍市科〔2102〕3号", chosen.org());
    MimeMessage refusal = mailTo(refused.account() + "@example.cn", "未获推荐");
    assertThat(body(refusal)).contains("中试服务业绩不足", "附件：《2102年度绍兴市科技成果转化中试基地评定结果告知书》（PDF）");
    assertThat(PdfText.of(pdfIn(refusal)).replace("\n", "")).contains(refused.org(), "中试服务业绩不足");
    MimeMessage toRefused = mailTo(refused.account() + "@example.cn", "评选结果通知");
    assertThat(DocumentService.sha256(pdfIn(toRefused))).isEqualTo(refusedLetter.sha256());

    // Downloads: the public documents for everybody, the letter for its applicant, its district and staff.
    String refusedUser = refused.account() + ":" + RoundWalk.ACCOUNT_PASSWORD;
    String secondUser = second.account() + ":" + RoundWalk.ACCOUNT_PASSWORD;
    assertThat(rest.getBytes("/public/documents/" + notice.id(), null).statusCode()).isEqualTo(200);
    assertThat(rest.getBytes("/public/documents/" + publicity.id(), null).statusCode()).isEqualTo(200);
    assertThat(rest.getBytes("/public/documents/" + refusedLetter.id(), null).statusCode()).isEqualTo(404);
    assertThat(rest.getBytes("/api/documents/" + refusedLetter.id(), null).statusCode()).isEqualTo(401);
    for (String allowed : List.of(refusedUser, "zhuji1", "bureau1", "party1", "admin")) {
      HttpResponse<byte[]> r = rest.getBytes("/api/documents/" + refusedLetter.id(), allowed);
      assertThat(r.statusCode()).as(allowed).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(PdfText.of(r.body())).contains(refused.org());
    }
    for (String refusedRole : List.of(secondUser, "keqiao1", "expert1", "third1", "applicant1")) {
      assertThat(rest.getBytes("/api/documents/" + refusedLetter.id(), refusedRole).statusCode())
          .as(refusedRole).isEqualTo(404);
    }
    assertThat(rest.getBytes("/api/documents/" + notice.id(), "expert1").statusCode()).isEqualTo(200);
    assertThat(rest.get("/api/documents?case=" + CaseRefs.application(walk.applicationId(refused)), refusedUser)
        .body()).contains(refusedLetter.id(), "结果告知书");
    assertThat(rest.get("/api/documents?case=" + CaseRefs.application(walk.applicationId(refused)), secondUser)
        .body()).isEqualTo("[]");
    assertThat(rest.get("/api/documents?case=" + CaseRefs.round(year), "expert1").body())
        .contains(notice.id(), publicity.id());

    // The page link (Tasklist session): login first; then the same rules.
    HttpResponse<String> anonymousPage = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/documents/" + refusedLetter.id())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymousPage.statusCode()).isEqualTo(302);
    assertThat(anonymousPage.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist");
    HttpClient zhuji = WebappLogin.as(baseUrl(), "zhuji1");
    assertThat(zhuji.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/documents/" + refusedLetter.id())).build(),
        HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
    assertThat(zhuji.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/documents/" + notChosenLetter.id())).build(),
        HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(404);
  }

  @Test
  void aPublicationJobThatFailsAndIsRetriedLeavesExactlyOneDesignationNotice() {
    int year = 2105;
    RoundWalk walk = new RoundWalk(engine, accounts, evidence, jdbc, "doc");
    ProcessInstance round = walk.open(year);
    RoundWalk.Filing chosen = walk.recommended(year, 1, "重试公文测试中试有限公司", "districtBinhai", "biomedicine");
    walk.closeApplications(round, year);
    walk.reviewedAndScored(chosen, 0.85);
    walk.proposeAndStartPublicity(round, year, chosen);
    walk.endPublicity(round);
    // The organisation is already in the register (made here to make the publication job fail after
    // it has issued the notice): the job's transaction rolls back, the notice with it.
    DesignatedBase blocking = register.designate(new cn.shaoxing.pilotbase.register.Designation(chosen.org(),
        chosen.code(), "biomedicine", "districtBinhai", year, "测试", LocalDate.of(year, 1, 1), null));
    Task publish = EvaluationFixtures.task(engine, round.getId(), "Task_PublishDesignation");
    engine.getTaskService().complete(publish.getId(), RoundWalk.publication("绍市科〔2105〕2号"));
    org.camunda.bpm.engine.runtime.Job job = engine.getManagementService().createJobQuery()
        .processInstanceId(round.getId()).messages().singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("已是有效的市级中试基地");
    assertThat(documents.find(DocumentKind.DESIGNATION_NOTICE, CaseRefs.round(year))).isEmpty();

    // The cause is removed; the job runs again (as the job executor's retry would) and issues it once.
    jdbc.update("UPDATE reg_base SET status = 'REVOKED', revocation_reason = '测试隔离' WHERE id = ?", blocking.id());
    engine.getManagementService().executeJob(job.getId());
    AsyncSteps.settle(engine);
    assertThat(round).isEnded();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM doc_document WHERE kind = 'DESIGNATION_NOTICE'"
        + " AND case_ref = ?", Integer.class, CaseRefs.round(year))).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notif_attachment a JOIN doc_document d ON d.id = a.document_id"
        + " WHERE d.case_ref = ?", Integer.class, CaseRefs.round(year))).as("one designated mail").isEqualTo(1);
  }

  // ------------------------------------------------------------------ evaluation cycle 2103

  @Test
  void anEvaluationCycleIssuesItsPublicityAndTheResultNoticeWithGradesAttachedToTheResultMails() throws Exception {
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2026-06-01T09:00"));
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
    DesignatedBase a = EvaluationFixtures.base(register, baseAccounts, "甲公文评价基地有限公司",
        EvaluationFixtures.code(210301), "districtYuecheng", LocalDate.of(2024, 1, 10), "applicant1");
    DesignatedBase b = EvaluationFixtures.base(register, baseAccounts, "乙公文评价基地有限公司",
        EvaluationFixtures.code(210302), "districtKeqiao", LocalDate.of(2024, 1, 10), "applicant2");
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance cycle = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle",
        Map.of("cycleName", "2103年度绩效评价（公文）", "cycleYear", 2103L, "scoringMode", "thirdParty",
            "panelSize", 3L, "selfEvaluationDays", 20L));
    engine.getIdentityService().clearAuthentication();
    AsyncSteps.settle(engine);
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    for (DesignatedBase x : List.of(a, b)) {
      ProcessInstance pi = EvaluationFixtures.baseInstance(engine, cycleId, x.id());
      complete(pi, "Task_SelfEvaluation", EvaluationFixtures.selfEvaluation(x == a ? 1 : 2));
      complete(pi, "Task_DistrictAudit", EvaluationFixtures.confirm());
      complete(pi, "Task_ThirdPartyScoring", EvaluationFixtures.sheet(5.0, false));
    }
    complete(cycle, "Task_ReviewGrades", Map.of("gradesConfirmed", true));
    complete(cycle, "Task_PartyApproval", Map.of("partyDecision", "approve", "meetingDate", today()));
    assertThat(cycle).isWaitingAt("Timer_PublicityEnd");

    DocumentInfo publicity = documents.find(DocumentKind.EVALUATION_PUBLICITY, CaseRefs.cycle(cycleId)).orElseThrow();
    assertThat(text(publicity)).contains("绍兴市科学技术局", "2103年度绩效评价（公文）结果公示", a.orgName(), b.orgName(),
        "评价结果", "异议");
    shot(publicity, "evaluation-publicity");
    assertThat(rest.get("/public/evaluation/publicity", null).body()).contains("/public/documents/" + publicity.id());

    Date end = (Date) engine.getRuntimeService().getVariable(cycle.getId(), "publicityEndAt");
    EvaluationFixtures.fireTimer(engine, cycle.getId(), "Timer_PublicityEnd", end);
    complete(cycle, "Task_PublishResults", Map.of("documentNumber", "绍市科〔2103〕5号", "documentDate", today()));
    DocumentInfo result = documents.find(DocumentKind.EVALUATION_RESULT, CaseRefs.cycle(cycleId)).orElseThrow();
    String resultText = text(result);
    List<String> grades = jdbc.queryForList("SELECT grade FROM eva_participation WHERE cycle_id = ?", String.class,
        cycleId).stream().map(g -> cn.shaoxing.pilotbase.scoring.Grade.valueOf(g).chineseName()).toList();
    assertThat(resultText).contains("绍兴市科学技术局", "绍市科〔2103〕5号", "关于公布2103年度绩效评价（公文）结果的通知",
        a.orgName(), b.orgName()).contains(grades);
    shot(result, "evaluation-result");

    dispatcher.dispatchDue(Instant.now());
    MimeMessage toBase = mailTo("applicant1@pilotbase.example.cn", "2103年度绩效评价（公文）结果");
    assertThat(body(toBase)).contains("附件：《关于公布2103年度绩效评价（公文）结果的通知》（PDF）");
    assertThat(PdfText.of(pdfIn(toBase))).contains("绍市科〔2103〕5号", a.orgName());
    assertThat(rest.getBytes("/public/documents/" + result.id(), null).statusCode()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ revocation 2104

  @Test
  void aPublishedRevocationIssuesTheDecisionToTheBaseAndItsDistrictOnly() throws Exception {
    ClockUtil.setCurrentTime(EvaluationFixtures.at("2027-09-06T09:00"));
    DesignatedBase b = EvaluationFixtures.base(register, baseAccounts, "丙公文撤销基地有限公司",
        EvaluationFixtures.code(210401), "districtXinchang", LocalDate.of(2025, 5, 1), "applicant3");
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("revocation", Map.of(
        "baseCreditCode", b.creditCode(), "cause", "falseMaterials",
        "causeDetails", "经查，该基地申报材料中服务收入数据虚假", "evidenceRefs", "调查报告 2104-01"));
    engine.getIdentityService().clearAuthentication();
    complete(pi, "Task_StateCase", Map.of("statementKind", "contest", "statement", "数据为统计口径差异"));
    complete(pi, "Task_ProposeRevocation", Map.of("proposal", "revoke", "proposalReason", "虚假材料属实"));
    complete(pi, "Task_PartyDecision", Map.of("partyDecision", "revoke", "meetingDate", today(),
        "partyComments", "决定撤销"));
    complete(pi, "Task_PublishRevocation", Map.of("documentNumber", "绍市科〔2104〕7号", "documentDate", today()));
    assertThat(pi).isEnded();

    String caseId = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("revocationCaseId").singleResult().getValue();
    DocumentInfo decision = documents.find(DocumentKind.REVOCATION_DECISION, CaseRefs.revocation(caseId)).orElseThrow();
    assertThat(decision.baseRef()).isEqualTo(b.id());
    assertThat(text(decision)).contains("绍兴市科学技术局", "绍市科〔2104〕7号", "关于撤销丙公文撤销基地有限公司",
        "服务收入数据虚假", "行政复议", "二〇二七年九月六日");
    shot(decision, "revocation-decision");

    dispatcher.dispatchDue(Instant.now());
    MimeMessage toBase = mailTo("applicant3@pilotbase.example.cn", "撤销市级中试基地评定决定");
    assertThat(body(toBase)).contains("附件：《关于撤销丙公文撤销基地有限公司");
    assertThat(PdfText.of(pdfIn(toBase))).contains("绍市科〔2104〕7号");
    MimeMessage toDistrict = mailTo("xinchang1@pilotbase.example.cn", "丙公文撤销基地有限公司");
    assertThat(PdfText.of(pdfIn(toDistrict))).contains("绍市科〔2104〕7号");

    for (String allowed : List.of("applicant3", "xinchang1", "bureau1", "party1")) {
      assertThat(rest.getBytes("/api/documents/" + decision.id(), allowed).statusCode()).as(allowed).isEqualTo(200);
    }
    for (String refused : List.of("applicant2", "keqiao1", "expert1", "third1")) {
      assertThat(rest.getBytes("/api/documents/" + decision.id(), refused).statusCode()).as(refused).isEqualTo(404);
    }
    assertThat(rest.getBytes("/public/documents/" + decision.id(), null).statusCode()).isEqualTo(404);
    assertThat(rest.get("/api/documents?case=" + b.id(), "applicant3").body()).contains(decision.id());
    assertThat(rest.get("/api/documents?case=" + b.id(), "applicant2").body()).isEqualTo("[]");
  }

  // ------------------------------------------------------------------ odd names

  @Test
  void oddOrganisationNamesAreDrawnAsTextAndMissingGlyphsDoNotBreakGeneration() throws Exception {
    String odd = "=1+1<b>粗体</b>𠀀鿏中试有限公司";
    DocumentInfo d = documents.issue(DocumentKind.OUTCOME_LETTER, CaseRefs.application("odd-2105"), null,
        new OfficialDocument("2105年度结果告知书", null, LocalDate.of(2105, 3, 1), odd + "：",
            List.of("理由：" + odd + "\t制表符\u0007"),
            new OfficialDocument.Table("名单", List.of("序号", "单位名称"), List.of(1f, 6f),
                List.of(List.of("1", odd), List.of("2", "@SUM(A1)"))), List.of(), null),
        new Audience("applicant1", "districtBinhai"));
    HttpResponse<byte[]> r = rest.getBytes("/api/documents/" + d.id(), "binhai1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(PdfText.of(r.body())).contains("=1+1<b>粗体</b>", "鿏中试有限公司", "@SUM(A1)", "二一〇五年三月一日");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");
    assertThat(r.headers().firstValue("X-Content-SHA256")).hasValue(DocumentService.sha256(r.body()));
  }

  // ------------------------------------------------------------------ mail outage

  @Test
  void aMailWithADocumentSurvivesAnSmtpOutageAndGoesOutWithTheSameDocumentWhenSmtpIsBack() throws Exception {
    DocumentInfo d = documents.issue(DocumentKind.OUTCOME_LETTER, CaseRefs.application("smtp-2106"), null,
        new OfficialDocument("2106年度结果告知书（发信测试）", null, LocalDate.of(2106, 5, 6), "发信测试有限公司：",
            List.of("正文。"), null, List.of(), null),
        new Audience("applicant2", "districtKeqiao"));
    try {
      TestInfrastructure.stopSmtp();
      notifications.notifyUser("applicant2", new MailTemplate("2106年度结果告知（发信测试）", "正文"),
          List.of(d.asAttachment()));
      String row = jdbc.queryForObject("SELECT id FROM notif_outbox WHERE subject = ?", String.class,
          "2106年度结果告知（发信测试）");
      dispatcher.dispatchDue(Instant.now());
      assertThat(jdbc.queryForMap("SELECT status, attempts FROM notif_outbox WHERE id = ?", row))
          .containsEntry("status", "PENDING").containsEntry("attempts", 1);
    } finally {
      TestInfrastructure.startSmtp();
    }
    dispatcher.dispatchDue(Instant.now().plus(java.time.Duration.ofHours(1)));
    MimeMessage m = mailTo("applicant2@pilotbase.example.cn", "2106年度结果告知（发信测试）");
    assertThat(body(m)).contains("正文", "附件：《2106年度结果告知书（发信测试）》（PDF）");
    assertThat(DocumentService.sha256(pdfIn(m))).isEqualTo(d.sha256());
  }

  // ------------------------------------------------------------------ helpers

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = EvaluationFixtures.task(engine, pi.getId(), key);
    assertThat(t).as("task %s", key).isNotNull();
    EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  String today() {
    return cn.shaoxing.pilotbase.platform.AppClock.today().toString();
  }

  DocumentInfo letter(RoundWalk walk, RoundWalk.Filing f) {
    return documents.find(DocumentKind.OUTCOME_LETTER, CaseRefs.application(walk.applicationId(f))).orElseThrow();
  }

  byte[] pdf(DocumentInfo d) {
    return documents.readable(d.id(), "bureau1", List.of("bureau")).orElseThrow().bytes();
  }

  String text(DocumentInfo d) throws Exception {
    byte[] bytes = pdf(d);
    assertThat(DocumentService.sha256(bytes)).isEqualTo(d.sha256());
    assertThat(bytes.length).as("embedded font subset").isLessThan(1_000_000);
    // lines are wrapped by the layout: read the text as one run
    return PdfText.of(bytes).replace("\r", "").replace("\n", "");
  }

  void shot(DocumentInfo d, String name) throws Exception {
    PdfText.screenshot(pdf(d), name);
  }

  MimeMessage mailTo(String address, String subjectPart) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : TestInfrastructure.smtp().getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(x -> x.toString().equals(address))
          && (m.getSubject().contains(subjectPart) || body(m).contains(subjectPart))) {
        found.add(m);
      }
    }
    assertThat(found).as("mail to %s about %s", address, subjectPart).isNotEmpty();
    return found.get(found.size() - 1);
  }

  static String body(MimeMessage m) throws Exception {
    Object content = m.getContent();
    if (content instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        Part p = mp.getBodyPart(i);
        if (p.getContent() instanceof Multipart inner) {
          return inner.getBodyPart(0).getContent().toString();
        }
        if (p.isMimeType("text/plain") && p.getFileName() == null) {
          return p.getContent().toString();
        }
      }
      return "";
    }
    return content.toString();
  }

  static byte[] pdfIn(MimeMessage m) throws Exception {
    assertThat(m.getContent()).as("multipart with attachment").isInstanceOf(Multipart.class);
    Multipart mp = (Multipart) m.getContent();
    for (int i = 0; i < mp.getCount(); i++) {
      Part p = mp.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
        assertThat(MimeUtility.decodeText(p.getFileName())).endsWith(".pdf");
        assertThat(p.getContentType()).startsWith("application/pdf");
        return p.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no PDF attached to " + m.getSubject());
  }
}
