package cn.shaoxing.pilotbase.evidence;

import static cn.shaoxing.pilotbase.support.DesignationTestSupport.at;
import static cn.shaoxing.pilotbase.support.DesignationTestSupport.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Required evidence on PostgreSQL, through the engine as people submit (docs/evidence.md): a
 * submission that lacks files is refused with the Chinese list of what is missing and changes
 * nothing; once the files are there it passes, the start form's drafts move to the new case, and the
 * step's files are sealed.
 */
class RequiredEvidenceTest extends IntegrationTest {

  @Autowired EvidenceService evidence;
  @Autowired ApplicantAccountService accounts;
  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired ExpertPoolService experts;
  @Autowired JdbcTemplate jdbc;

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void anApplicationWithoutTheFilesOfTwoConditionsIsRefusedAndNothingChanges() {
    ClockUtil.setCurrentTime(at("2061-03-03T09:00"));
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    engine.getRuntimeService().startProcessInstanceByKey("designation-round", Map.of(
        "roundYear", 2061L, "applicationDeadline", "2061-03-31", "panelSize", 3L,
        "formalCorrectionDays", 5L, "roundNotice", "2061年度评选通知"));
    engine.getIdentityService().clearAuthentication();
    String code = code(61001);
    String user = DesignationTestSupport.account(accounts, "evid2061", code, "证据测试中试有限公司", "districtKeqiao");
    Viewer applicant = Viewer.of(user, List.of("applicant"));
    for (String slot : List.of("cond1", "cond3", "cond4", "cond6")) {
      evidence.upload(applicant, "draft", Drafts.APPLICATION, slot, slot + ".pdf", EvidenceFixtures.pdf());
    }
    long instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-application").count();
    Map<String, Object> form = DesignationTestSupport.application("证据测试中试有限公司", code, "districtKeqiao",
        "biomedicine");

    assertThatThrownBy(() -> start(user, form)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("缺少佐证材料：条件（二）中试场地及设备、条件（五）中试服务业绩");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-application").count()).isEqualTo(instances);
    assertThat(count("SELECT COUNT(*) FROM dsg_application WHERE credit_code=?", code)).isZero();
    assertThat(evidence.filesOf(Drafts.ref(Drafts.APPLICATION, user))).hasSize(4).noneMatch(EvidenceFile::sealed);

    evidence.upload(applicant, "draft", Drafts.APPLICATION, "cond2", "场地.png", EvidenceFixtures.png());
    evidence.upload(applicant, "draft", Drafts.APPLICATION, "cond5", "业绩.pdf", EvidenceFixtures.pdf());
    ProcessInstance pi = start(user, form);
    String applicationId = (String) engine.getRuntimeService().getVariable(pi.getId(), "applicationId");
    assertThat(evidence.filesOf(Drafts.ref(Drafts.APPLICATION, user))).isEmpty();
    List<EvidenceFile> files = evidence.filesOf("application/" + applicationId);
    assertThat(files).hasSize(6).allMatch(EvidenceFile::sealed);

    // the applicant sees them, sealed: nothing can be taken back after submission
    RestClient rest = new RestClient(baseUrl());
    String body = rest.get("/api/evidence/application/" + applicationId, user + ":Test-Pass-2031").body();
    assertThat(body).contains("\"case\":\"application/" + applicationId + "\"", "条件（二）中试场地及设备",
        "\"required\":true", "\"present\":true", "\"sealed\":true", "\"canUpload\":false");
    HttpAssert.status(rest.delete("/api/evidence/files/" + files.get(0).id(), user + ":Test-Pass-2031"), 409);
    // and may not add files outside a correction step
    HttpAssert.status(rest.upload("/api/evidence/application/" + applicationId + "/cond1", user + ":Test-Pass-2031",
        "补充.pdf", EvidenceFixtures.pdf()), 403);
  }

  @Test
  void aSelfEvaluationWithoutItsFilesIsRefusedAndNothingChanges() {
    ClockUtil.setCurrentTime(at("2061-06-01T09:00"));
    EvaluationFixtures.isolateRegister(jdbc);
    EvaluationFixtures.seedExperts(experts);
    DesignatedBase b = EvaluationFixtures.base(register, baseAccounts, "证据自评中试基地有限公司", code(61002),
        "districtKeqiao", LocalDate.of(2058, 1, 10), "applicant2");
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    ProcessInstance cycle = engine.getRuntimeService().startProcessInstanceByKey("evaluation-cycle", Map.of(
        "cycleName", "2061年度绩效评价（佐证材料）", "cycleYear", 2061L, "scoringMode", "thirdParty",
        "panelSize", 3L, "selfEvaluationDays", 20L));
    AsyncSteps.settle(engine);
    engine.getIdentityService().clearAuthentication();
    String cycleId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "cycleId");
    ProcessInstance pi = EvaluationFixtures.baseInstance(engine, cycleId, b.id());
    Task self = EvaluationFixtures.task(engine, pi.getId(), "Task_SelfEvaluation");
    String participation = EvidenceFixtures.participation(jdbc, cycleId, b.id());
    String status = jdbc.queryForObject("SELECT status FROM eva_participation WHERE id=?", String.class, participation);

    RestClient rest = new RestClient(baseUrl());
    HttpAssert.status(rest.upload("/api/evidence/evaluation/" + participation + "/ind_siteArea", "applicant2",
        "场地.pdf", EvidenceFixtures.pdf()), 201);
    HttpAssert.status(rest.upload("/api/evidence/evaluation/" + participation + "/ind_rdSpend", "applicant3",
        "研发.pdf", EvidenceFixtures.pdf()), 403);

    assertThatThrownBy(() -> engine.getTaskService().complete(self.getId(), EvaluationFixtures.selfEvaluation(2)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("缺少佐证材料：指标：中试仪器设备原值、指标：本科及以上中试人才总数、指标：中试基地研发费用")
        .hasMessageContaining("指标：相关管理服务制度情况、指标：相关资质情况")
        .hasMessageContaining("指标：社会经济效益")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("指标：中试场地面积、"));
    assertThat(EvaluationFixtures.task(engine, pi.getId(), "Task_SelfEvaluation")).isNotNull();
    assertThat(jdbc.queryForObject("SELECT status FROM eva_participation WHERE id=?", String.class, participation))
        .isEqualTo(status);
    assertThat(evidence.filesOf("evaluation/" + participation)).hasSize(1).noneMatch(EvidenceFile::sealed);

    EvidenceFixtures.forTask(evidence, engine, jdbc, self);
    engine.getTaskService().complete(self.getId(), EvaluationFixtures.selfEvaluation(2));
    AsyncSteps.settle(engine);
    assertThat(EvaluationFixtures.task(engine, pi.getId(), "Task_DistrictAudit")).isNotNull();
    assertThat(evidence.filesOf("evaluation/" + participation)).hasSize(12).allMatch(EvidenceFile::sealed);
    // the step is over: no more uploads by the base, its district reads
    HttpAssert.status(rest.upload("/api/evidence/evaluation/" + participation + "/ind_siteArea", "applicant2",
        "补充.pdf", EvidenceFixtures.pdf()), 403);
    HttpAssert.status(rest.get("/api/evidence/evaluation/" + participation, "keqiao1"), 200);
  }

  ProcessInstance start(String user, Map<String, Object> form) {
    engine.getIdentityService().setAuthentication(user, List.of("applicant"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-application", form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
