package cn.shaoxing.pilotbase.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.evidence.EvidenceService;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives a designation round through its real diagrams, for tests outside the designation package
 * that need a round at a given step (the documents of ADR 0032): open, file, recommend, close, review,
 * score, propose, publicity, publication. The same steps as DesignationRoundProcessTest's helpers, in
 * one place others can use. Filing accounts are {@code <prefix><year>n<n>} with password
 * {@link #ACCOUNT_PASSWORD}.
 */
public final class RoundWalk {

  public static final String ACCOUNT_PASSWORD = "Test-Pass-2031";

  /** An organisation of a test and its application, filed through its own bound account. */
  public record Filing(String account, String code, String org, String group, ProcessInstance application) {}

  private final ProcessEngine engine;
  private final ApplicantAccountService accounts;
  private final EvidenceService evidence;
  private final JdbcTemplate jdbc;
  private final String prefix;

  public RoundWalk(ProcessEngine engine, ApplicantAccountService accounts, EvidenceService evidence,
      JdbcTemplate jdbc, String accountPrefix) {
    this.engine = engine;
    this.accounts = accounts;
    this.evidence = evidence;
    this.jdbc = jdbc;
    this.prefix = accountPrefix;
  }

  /** Opens the round of {@code year} as the bureau: applications from 3 March to 31 March, panels of 5. */
  public ProcessInstance open(int year) {
    ClockUtil.setCurrentTime(DesignationTestSupport.at(year + "-03-03T09:00"));
    engine.getIdentityService().setAuthentication("bureau1", List.of("bureau"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("designation-round", Map.of(
          "roundYear", (long) year, "applicationDeadline", year + "-03-31", "panelSize", 5L,
          "formalCorrectionDays", 5L, "roundNotice", year + "年度评选通知"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Organisation {@code n} of the year files a complete application, changed by {@code changes}. */
  public Filing file(int year, int n, String org, String group, String chain, Map<String, Object> changes) {
    String code = DesignationTestSupport.code((year % 1000) * 100L + n);
    String account = DesignationTestSupport.account(accounts, prefix + year + "n" + n, code, org, group);
    Map<String, Object> filing = DesignationTestSupport.application(org, code, group, chain);
    filing.putAll(changes);
    EvidenceFixtures.applicationDrafts(evidence, account);
    engine.getIdentityService().setAuthentication(account, List.of("applicant"));
    try {
      return new Filing(account, code, org, group,
          engine.getRuntimeService().startProcessInstanceByKey("designation-application", filing));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public Filing recommended(int year, int n, String org, String group, String chain) {
    Filing f = file(year, n, org, group, chain, Map.of());
    complete(f.application(), "Task_DistrictReview", DesignationTestSupport.recommend());
    return f;
  }

  /** Completes the task {@code key} of {@code pi} (with the evidence its form requires), runs what follows. */
  public void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task t = EvaluationFixtures.task(engine, pi.getId(), key);
    assertThat(t).as("task %s of %s", key, pi.getId()).isNotNull();
    EvidenceFixtures.forTask(evidence, engine, jdbc, t);
    engine.getTaskService().complete(t.getId(), vars);
    AsyncSteps.settle(engine);
  }

  /** The deadline passes, the districts rank, the bureau confirms: the evaluations start. */
  public void closeApplications(ProcessInstance round, int year) {
    EvaluationFixtures.fireTimer(engine, round.getId(), "Timer_ApplicationDeadline",
        DesignationTestSupport.at(year + "-04-01T09:00"));
    DesignationTestSupport.rankAll(engine, round.getId());
    complete(round, "Task_ConfirmRecommendations", Map.of("recommendationsConfirmed", true));
  }

  public String applicationId(Filing f) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(f.application().getId()).variableName("applicationId").singleResult().getValue();
  }

  /** Formal review passed and every expert of the panel scored at {@code level}. */
  public void reviewedAndScored(Filing f, double level) {
    ProcessInstance ev = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-evaluation").variableValueEquals("applicationId", applicationId(f))
        .singleResult();
    complete(ev, "Task_FormalReview", DesignationTestSupport.formalPass());
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(ev.getId())
        .taskDefinitionKey("Task_ExpertReview").list()) {
      engine.getTaskService().complete(t.getId(), DesignationTestSupport.expertScores(level, false));
      AsyncSteps.settle(engine);
    }
  }

  /** The bureau proposes {@code chosen}, the party committee approves, publicity starts. */
  public void proposeAndStartPublicity(ProcessInstance round, int year, Filing... chosen) {
    String ids = String.join(",", Arrays.stream(chosen).map(f -> "\"" + applicationId(f) + "\"").toList());
    complete(round, "Task_CompileProposedList",
        Map.of("proposedApplications", SpinValues.jsonValue("[" + ids + "]").create()));
    complete(round, "Task_PartyCommitteeReview", Map.of("partyDecision", "approve", "meetingDate", year + "-04-01"));
    complete(round, "Task_PublishPublicityNotice", Map.of("objectionContact", "0575-85000000，kjj@sx.gov.cn"));
  }

  /** Publicity ends without objections; the bureau publishes under {@code documentNumber} today. */
  public void publish(ProcessInstance round, String documentNumber) {
    endPublicity(round);
    complete(round, "Task_PublishDesignation", publication(documentNumber));
  }

  /** The publicity period ends without objections: the bureau's publication task is open. */
  public void endPublicity(ProcessInstance round) {
    java.util.Date end = (java.util.Date) engine.getRuntimeService().getVariable(round.getId(), "publicityEndAt");
    EvaluationFixtures.fireTimer(engine, round.getId(), "Timer_PublicityEnd", new java.util.Date(end.getTime() + 3_600_000L));
  }

  /** The submission of 发文公布: the document number, dated today. */
  public static Map<String, Object> publication(String documentNumber) {
    return Map.of("documentNumber", documentNumber,
        "documentDate", cn.shaoxing.pilotbase.platform.AppClock.today().toString());
  }
}
