package cn.shaoxing.pilotbase.evidence;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.DesignationTestSupport;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may do what with evidence, by HTTP (docs/evidence.md "Who may do what", ADR 0030): every role
 * against its own and another case, for list, download and upload, on a designation application in
 * expert review (A) and one its district did not recommend (B), an application in correction (D), a
 * base in its self-evaluation (E) and a revocation case (F); the download audit is the bureau's.
 * Each cell is checked and all mismatches are reported together.
 */
class EvidenceAccessMatrixTest extends IntegrationTest {

  static final String PASSWORD = ":Test-Pass-2031";

  @Autowired EvidenceService evidence;
  @Autowired ApplicantAccountService accounts;
  @Autowired ExpertPoolService experts;
  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired JdbcTemplate jdbc;

  RestClient rest;
  final List<String> wrong = new ArrayList<>();
  int cells;

  @Test
  void everyRoleSeesAndUploadsExactlyWhatTheContractSays() {
    rest = new RestClient(baseUrl());
    DesignationTestSupport.seedExperts(experts);
    ClockUtil.setCurrentTime(at("2062-03-03T09:00"));
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance round = engine.getRuntimeService().startProcessInstanceByKey("designation-round", Map.of(
        "roundYear", 2062L, "applicationDeadline", "2062-03-31", "panelSize", 3L,
        "formalCorrectionDays", 5L, "roundNotice", "2062年度评选通知"));
    engine.getIdentityService().clearAuthentication();

    String ownerA = DesignationTestSupport.account(accounts, "mxa2062", code(62001), "矩阵甲中试有限公司", "districtKeqiao");
    String ownerB = DesignationTestSupport.account(accounts, "mxb2062", code(62002), "矩阵乙中试有限公司", "districtYuecheng");
    String ownerD = DesignationTestSupport.account(accounts, "mxd2062", code(62004), "矩阵丁中试有限公司", "districtShangyu");
    ProcessInstance a = apply(ownerA, "矩阵甲中试有限公司", code(62001), "districtKeqiao");
    ProcessInstance b = apply(ownerB, "矩阵乙中试有限公司", code(62002), "districtYuecheng");
    ProcessInstance d = apply(ownerD, "矩阵丁中试有限公司", code(62004), "districtShangyu");
    String appA = appId(a), appB = appId(b), appD = appId(d);
    complete(a, "Task_DistrictReview", DesignationTestSupport.recommend());
    complete(b, "Task_DistrictReview", Map.of("districtDecision", "reject", "districtComments", "业绩不足"));

    // D is returned for correction: its applicant uploads while the correction is open, nobody else
    complete(d, "Task_DistrictReview", Map.of("districtDecision", "return", "districtComments", "请补充条件（二）的材料"));
    String caseD = "/api/evidence/application/" + appD;
    upload(caseD + "/cond2", ownerD + PASSWORD, 201);
    upload(caseD + "/cond2", ownerA + PASSWORD, 403);
    upload(caseD + "/cond2", "shangyu1", 403);
    upload(caseD + "/cond2", "bureau1", 403);
    upload(caseD + "/onsiteReport", ownerD + PASSWORD, 403);
    complete(d, "Task_CorrectApplication", correction(ownerD));
    assertThat(evidence.filesOf("application/" + appD)).hasSize(7).allMatch(EvidenceFile::sealed);
    upload(caseD + "/cond2", ownerD + PASSWORD, 403); // the correction is over
    complete(d, "Task_DistrictReview", Map.of("districtDecision", "reject", "districtComments", "仍不符合"));

    fireTimer(round, at("2062-04-01T09:00"));
    cn.shaoxing.pilotbase.support.DesignationTestSupport.rankAll(engine, round.getId());
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
    ProcessInstance evA = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-evaluation").variableValueEquals("applicationId", appA).singleResult();
    complete(evA, "Task_FormalReview", DesignationTestSupport.formalPass());
    List<String> panel = experts.draws(appA).get(0).chosen();
    String drawn = panel.get(0);
    String notDrawn = IntStream.rangeClosed(1, 6).mapToObj(i -> "expert" + i).filter(e -> !panel.contains(e))
        .findFirst().orElseThrow();

    // ---------------------------------------------------------------- designation A (expert review), B
    String caseA = "/api/evidence/application/" + appA, caseB = "/api/evidence/application/" + appB;
    String fileA = evidence.filesOf("application/" + appA).get(0).id();
    String fileB = evidence.filesOf("application/" + appB).get(0).id();
    for (String reader : List.of(ownerA + PASSWORD, "keqiao1", "third1", drawn, "bureau1", "party1", "admin")) {
      read(caseA, fileA, reader, 200);
    }
    for (String stranger : List.of(ownerB + PASSWORD, "applicant1", "yuecheng1", "edu1", notDrawn)) {
      read(caseA, fileA, stranger, 403);
    }
    for (String reader : List.of(ownerB + PASSWORD, "yuecheng1", "bureau1", "party1")) {
      read(caseB, fileB, reader, 200);
    }
    // B never reached the formal review: neither the third party nor any expert reads it
    for (String stranger : List.of(ownerA + PASSWORD, "keqiao1", "third1", drawn)) {
      read(caseB, fileB, stranger, 403);
    }
    for (String user : List.of(ownerA + PASSWORD, "keqiao1", "third1", drawn, "bureau1", "party1")) {
      upload(caseA + "/cond1", user, 403); // no open step of theirs takes files now
    }
    upload(caseA + "/onsiteReport", drawn, 403); // no on-site check open
    cell(rest.get(caseA + "/downloads", "bureau1"), 200, "bureau1 audit A");
    cell(rest.get(caseA + "/downloads", "admin"), 200, "admin audit A");
    for (String user : List.of("party1", ownerA + PASSWORD, "keqiao1", "third1", drawn)) {
      cell(rest.get(caseA + "/downloads", user), 403, user + " audit A");
    }
    HttpResponse<String> auditA = rest.get(caseA + "/downloads", "bureau1");
    assertThat(auditA.body()).contains("\"userId\":\"keqiao1\"", "\"userId\":\"" + drawn + "\"");

    // ---------------------------------------------------------------- drafts
    cell(rest.get("/api/evidence/draft/application", ownerA + PASSWORD), 200, "applicant draft");
    cell(rest.get("/api/evidence/draft/application", "bureau1"), 403, "bureau application draft");
    cell(rest.get("/api/evidence/draft/application", "expert1"), 403, "expert application draft");
    cell(rest.get("/api/evidence/draft/objection", "bureau1"), 200, "bureau objection draft");
    cell(rest.get("/api/evidence/draft/objection", "applicant1"), 403, "applicant objection draft");
    upload("/api/evidence/draft/revocation/revocationEvidence", "keqiao1", 403);
    cell(rest.get("/api/evidence/draft/nothing", "bureau1"), 404, "unknown draft purpose");
    cell(rest.get("/api/evidence/application/no-such-case", "bureau1"), 404, "unknown case");

    // ---------------------------------------------------------------- evaluation E (self-evaluation)
    ClockUtil.setCurrentTime(at("2062-06-01T09:00"));
    EvaluationFixtures.isolateRegister(jdbc);
    DesignatedBase e = EvaluationFixtures.base(register, baseAccounts, "矩阵戊中试基地有限公司", code(62005),
        "districtKeqiao", LocalDate.of(2059, 1, 10), "applicant3");
    DesignatedBase f = EvaluationFixtures.base(register, baseAccounts, "矩阵己中试基地有限公司", code(62006),
        "districtYuecheng", LocalDate.of(2059, 1, 10), "applicant1");
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance cycle = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle", Map.of(
        "cycleName", "2062年度绩效评价（权限矩阵）", "cycleYear", 2062L, "scoringMode", "thirdParty",
        "panelSize", 3L, "selfEvaluationDays", 20L));
    AsyncSteps.settle(engine);
    engine.getIdentityService().clearAuthentication();
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    String caseE = "/api/evidence/evaluation/" + EvidenceFixtures.participation(jdbc, cycleId, e.id());
    upload(caseE + "/ind_siteArea", "applicant3", 201);
    for (String user : List.of("applicant1", "keqiao1", "bureau1", "third1", "expert1")) {
      upload(caseE + "/ind_siteArea", user, 403);
    }
    upload(caseE + "/onsiteReport", "applicant3", 403);
    String fileE = evidence.filesOf(caseE.substring("/api/evidence/".length())).get(0).id();
    for (String reader : List.of("applicant3", "keqiao1", "third1", "bureau1", "party1")) {
      read(caseE, fileE, reader, 200);
    }
    for (String stranger : List.of("applicant1", "yuecheng1", "expert1", ownerA + PASSWORD)) {
      read(caseE, fileE, stranger, 403);
    }

    // ---------------------------------------------------------------- revocation F
    Viewer bureau = Viewer.of("bureau1", List.of("bureau"));
    evidence.upload(bureau, "draft", Drafts.REVOCATION, Drafts.REVOCATION_EVIDENCE, "调查报告.pdf", EvidenceFixtures.pdf());
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance rev = engine.getRuntimeService().startProcessInstanceByKey("revocation", Map.of(
        "baseCreditCode", f.creditCode(), "cause", "falseMaterials",
        "causeDetails", "经查，该基地申报材料中服务收入数据虚假", "evidenceRefs", "调查报告"));
    engine.getIdentityService().clearAuthentication();
    String revId = (String) engine.getRuntimeService().getVariable(rev.getId(), "revocationCaseId");
    String caseF = "/api/evidence/revocation/" + revId;
    List<EvidenceFile> grounds = evidence.filesOf("revocation/" + revId);
    assertThat(grounds).hasSize(1).allMatch(EvidenceFile::sealed);
    assertThat(evidence.filesOf(Drafts.ref(Drafts.REVOCATION, "bureau1"))).isEmpty();
    for (String reader : List.of("applicant1", "yuecheng1", "bureau1", "party1")) {
      read(caseF, grounds.get(0).id(), reader, 200);
    }
    for (String stranger : List.of("applicant3", "keqiao1", "third1", "expert1")) {
      read(caseF, grounds.get(0).id(), stranger, 403);
    }
    upload(caseF + "/statementEvidence", "applicant1", 201);
    upload(caseF + "/statementEvidence", "applicant3", 403);
    upload(caseF + "/statementEvidence", "bureau1", 403);
    upload(caseF + "/revocationEvidence", "bureau1", 201);
    upload(caseF + "/revocationEvidence", "applicant1", 403);
    upload(caseF + "/revocationEvidence", "yuecheng1", 403);

    assertThat(wrong).as("%d of %d cells wrong", wrong.size(), cells).isEmpty();
    assertThat(cells).isGreaterThanOrEqualTo(100);
  }

  // ------------------------------------------------------------------ cells

  void read(String casePath, String fileId, String user, int expected) {
    cell(rest.get(casePath, user), expected, user + " list " + casePath);
    cell(rest.getBytes("/api/evidence/files/" + fileId, user), expected, user + " download " + fileId);
  }

  void upload(String path, String user, int expected) {
    cell(rest.upload(path, user, "材料.pdf", EvidenceFixtures.pdf()), expected, user + " upload " + path);
  }

  void cell(HttpResponse<?> r, int expected, String what) {
    cells++;
    if (r.statusCode() != expected) {
      Object body = r.body() instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : r.body();
      wrong.add(what + ": expected " + expected + ", got " + r.statusCode() + " " + body);
    }
  }

  // ------------------------------------------------------------------ process helpers

  ProcessInstance apply(String user, String org, String code, String group) {
    EvidenceFixtures.applicationDrafts(evidence, user);
    engine.getIdentityService().setAuthentication(user, List.of("applicant"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-application",
          DesignationTestSupport.application(org, code, group, "newMaterials"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Map<String, Object> correction(String user) {
    Map<String, Object> v = DesignationTestSupport.application("矩阵丁中试有限公司", code(62004), "districtShangyu",
        "newMaterials");
    v.put("correctionNote", "已补充场地证明");
    return v;
  }

  String appId(ProcessInstance application) {
    return (String) engine.getRuntimeService().getVariable(application.getId(), "applicationId");
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
    assertThat(t).as("task %s", key).isNotNull();
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  void fireTimer(ProcessInstance pi, java.util.Date now) {
    ClockUtil.setCurrentTime(now);
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(job).as("timer of %s", pi.getId()).isNotNull();
    engine.getManagementService().executeJob(job.getId());
    AsyncSteps.settle(engine);
  }
}
