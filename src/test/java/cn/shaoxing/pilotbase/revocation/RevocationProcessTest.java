package cn.shaoxing.pilotbase.revocation;

import static cn.shaoxing.pilotbase.support.EvaluationFixtures.at;
import static cn.shaoxing.pilotbase.support.EvaluationFixtures.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.support.EvaluationFixtures;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Revocation (annex §三) by the bureau: every path of the revocation process. */
class RevocationProcessTest extends IntegrationTest {

  @Autowired RegisterService register;
  @Autowired BaseAccounts baseAccounts;
  @Autowired RevocationService revocations;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.shaoxing.pilotbase.evidence.EvidenceService evidence;
  @Autowired cn.shaoxing.pilotbase.organisation.ApplicantAccountService accounts;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(at("2027-09-06T09:00"));
  }

  DesignatedBase base(long n) {
    return EvaluationFixtures.base(register, baseAccounts, "撤销测试基地" + n + "有限公司", code(3000 + n),
        "districtZhuji", LocalDate.of(2025, 5, 1), "applicant2");
  }

  ProcessInstance start(DesignatedBase b, String cause) {
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("revocation", Map.of(
          "baseCreditCode", b.creditCode(), "cause", cause,
          "causeDetails", "经查，该基地申报材料中服务收入数据虚假", "evidenceRefs", "调查报告 2027-01"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = EvaluationFixtures.task(engine, pi.getId(), key);
    assertThat(t).as(key).isNotNull();
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  String today() {
    return cn.shaoxing.pilotbase.platform.AppClock.today().toString();
  }

  @Test
  void falseMaterialsRevokedAfterSendBackAndFlaggedForReapplication() {
    // A valid credit code (check digit), because the organisation applies again below, through the
    // account bound to it (which is also the base's account).
    String code = cn.shaoxing.pilotbase.support.DesignationTestSupport.code(39001);
    String account = cn.shaoxing.pilotbase.support.DesignationTestSupport.account(accounts, "org39a", code,
        "撤销测试基地1有限公司", "districtZhuji");
    DesignatedBase b = EvaluationFixtures.base(register, baseAccounts, "撤销测试基地1有限公司", code,
        "districtZhuji", LocalDate.of(2025, 5, 1), account);
    ProcessInstance pi = start(b, "falseMaterials");
    assertThat(pi).isWaitingAt("Task_StateCase").task().isAssignedTo(account);
    complete(pi, "Task_StateCase", Map.of("statementKind", "contest", "statement", "数据为统计口径差异"));
    complete(pi, "Task_ProposeRevocation", Map.of("proposal", "revoke", "proposalReason", "虚假材料属实"));
    complete(pi, "Task_PartyDecision", Map.of("partyDecision", "sendBack", "meetingDate", today(),
        "partyComments", "请补充核实统计口径"));
    assertThat(pi).isWaitingAt("Task_ProposeRevocation");
    complete(pi, "Task_ProposeRevocation", Map.of("proposal", "revoke", "proposalReason", "经补充核实，虚假属实"));
    complete(pi, "Task_PartyDecision", Map.of("partyDecision", "revoke", "meetingDate", today(),
        "partyComments", "决定撤销"));
    complete(pi, "Task_PublishRevocation", Map.of("documentNumber", "绍市科发〔2027〕60号", "documentDate", today()));
    assertThat(pi).isEnded().hasPassed("Task_RecordRevocation");
    DesignatedBase after = register.findById(b.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(BaseStatus.REVOKED);
    assertThat(after.revocationReason()).contains("虚假材料");
    assertThat(register.history(b.id()).get(register.history(b.id()).size() - 1).documentNumber())
        .isEqualTo("绍市科发〔2027〕60号");
    assertThat(revocations.integrityWarning(b.creditCode())).contains("曾因提供虚假材料").contains("绍市科发〔2027〕60号");

    // It applies again in a later round: its district reviewer sees the warning on the review task.
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    engine.getRuntimeService().startProcessInstanceByKey("designation-round", Map.of(
        "roundYear", 2039L, "applicationDeadline", "2027-12-31", "panelSize", 5L,
        "formalCorrectionDays", 5L, "roundNotice", "2039年度评选通知"));
    cn.shaoxing.pilotbase.support.EvidenceFixtures.applicationDrafts(evidence, account);
    engine.getIdentityService().setAuthentication(account, List.of("applicant"));
    ProcessInstance again = engine.getRuntimeService().startProcessInstanceByKey("designation-application",
        cn.shaoxing.pilotbase.support.DesignationTestSupport.application(
            b.orgName(), b.creditCode(), "districtZhuji", "newMaterials"));
    engine.getIdentityService().clearAuthentication();
    assertThat(again).isWaitingAt("Task_DistrictReview");
    assertThat((String) engine.getRuntimeService().getVariable(again.getId(), "integrityWarning"))
        .contains("曾因提供虚假材料").contains("请重点审核材料真实性");
  }

  @Test
  void statementOverdueThenBureauDropsTheCase() {
    DesignatedBase b = base(2);
    ProcessInstance pi = start(b, "noCapacity");
    Date due = (Date) engine.getRuntimeService().getVariable(pi.getId(), "statementDue");
    EvaluationFixtures.fireTimer(engine, pi.getId(), "BoundaryEvent_StatementOverdue", due);
    assertThat(pi).hasPassed("Task_RecordNoStatement").isWaitingAt("Task_ProposeRevocation");
    complete(pi, "Task_ProposeRevocation", Map.of("proposal", "drop", "proposalReason", "已恢复中试服务"));
    assertThat(pi).isEnded().hasPassed("Task_CloseWithoutRevocation");
    assertThat(register.findById(b.id()).orElseThrow().status()).isEqualTo(BaseStatus.ACTIVE);
  }

  @Test
  void partyCommitteeRejectsRevocation() {
    DesignatedBase b = base(3);
    ProcessInstance pi = start(b, "accident");
    complete(pi, "Task_StateCase", Map.of("statementKind", "contest", "statement", "事故已整改"));
    complete(pi, "Task_ProposeRevocation", Map.of("proposal", "revoke", "proposalReason", "事故属实"));
    complete(pi, "Task_PartyDecision", Map.of("partyDecision", "reject", "meetingDate", today(),
        "partyComments", "整改到位，不予撤销"));
    assertThat(pi).isEnded().hasPassed("Task_CloseWithoutRevocation");
    assertThat(register.findById(b.id()).orElseThrow().status()).isEqualTo(BaseStatus.ACTIVE);
    assertThat(revocations.ofBase(b.id())).extracting(RevocationService.RevocationCase::status).containsExactly("DROPPED");
  }

  @Test
  void startIsValidatedAndReservedToTheBureau() {
    DesignatedBase b = base(4);
    assertThatThrownBy(() -> start(new DesignatedBase(b.id(), b.baseName(), b.orgName(), code(3999),
        b.industryChain(), b.reviewerGroup(), b.designationYear(), b.documentNumber(), b.documentDate(),
        b.status(), null, b.designatedAt(), null, null), "other"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("没有该统一社会信用代码");
    ProcessInstance first = start(b, "other");
    assertThatThrownBy(() -> start(b, "other")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("进行中的撤销程序");
    engine.getIdentityService().setAuthentication("applicant1", List.of("applicant"));
    try {
      assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("revocation",
          Map.of("baseCreditCode", b.creditCode(), "cause", "other", "causeDetails", "x", "evidenceRefs", "y")))
          .isInstanceOf(AuthorizationException.class);
      // another applicant neither sees the case nor has a task in it
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(first.getId()).count()).isZero();
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(first.getId()).count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getIdentityService().setAuthentication("applicant2", List.of("applicant"));
    try {
      // the base works on its own statement task; the whole instance stays the bureau's (need to know)
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(first.getId()).count()).isOne();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(first.getId()).count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
