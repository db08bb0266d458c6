package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.evaluation.EvaluationService.RevocationCandidate;
import cn.shaoxing.pilotbase.evaluation.EvaluationVariables.ScoringMode;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.notification.MailAttachment;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.Grade;
import cn.shaoxing.pilotbase.scoring.GradingProposal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The cycle-wide steps of evaluation-cycle behind {@link CycleSteps}: opening with the configured
 * defaults, the grades and the tie at the cut-off, publicity, publication with its mails, and the
 * automatic revocations it leads to.
 */
@Service
public class CycleService {

  /** The revocation process (package revocation), started by key only: no package dependency. */
  static final String REVOCATION_PROCESS = "revocation";

  /** What the cycle was opened with, the defaults filled in. */
  public record Opened(Cycle cycle, String name, int year, ScoringMode mode, int selfEvaluationDays,
      int panelSize, int cohortSize) {}

  /** The proposal's grades and, when seats are tied at the quota's cut-off, the tie. */
  public record Grades(boolean tiePending, String tieDescription, Object tieOptions, int tieSeats,
      String overview, Object table) {}

  private final EvaluationService evaluations;
  private final RegisterService register;
  private final BaseAccounts baseAccounts;
  private final EvaluationMails mails;
  private final WorkingDays workingDays;
  private final EvaluationProperties properties;
  private final ProcessEngine engine;
  private final EvaluationDocuments documents;
  private final ObjectMapper json = new ObjectMapper();

  public CycleService(EvaluationService evaluations, RegisterService register,
      BaseAccounts baseAccounts, EvaluationMails mails, WorkingDays workingDays,
      EvaluationProperties properties, @Lazy ProcessEngine engine, EvaluationDocuments documents) {
    this.evaluations = evaluations;
    this.register = register;
    this.baseAccounts = baseAccounts;
    this.mails = mails;
    this.workingDays = workingDays;
    this.properties = properties;
    this.engine = engine;
    this.documents = documents;
  }

  /**
   * Opens the cycle (from the bureau's start form or the timer; missing settings take the
   * configured defaults) and tells the reviewers of its bases.
   */
  public Opened open(String name, Integer year, ScoringMode mode, Integer selfEvaluationDays,
      Integer panelSize, String processInstanceId) {
    LocalDate today = AppClock.today();
    int y = year == null ? today.getYear() : year;
    String n = name == null ? y + "年度绩效评价" : name;
    ScoringMode m = mode == null ? ScoringMode.of(properties.scoringMode()) : mode;
    Cycle c = evaluations.openCycle(n, y, m.value(), processInstanceId,
        properties.minYearsDesignated(), today);
    mails.cycleOpened(n, evaluations.cohortReviewerGroups(c.id()));
    return new Opened(c, n, y, m,
        selfEvaluationDays == null ? properties.selfEvaluationDays() : selfEvaluationDays,
        panelSize == null ? properties.panelSize() : panelSize, evaluations.cohortIds(c.id()).size());
  }

  /** Scores the cohort together and forms the grades (ranking, quota, tie at the cut-off). */
  public Grades formGrades(String cycleId) {
    GradingProposal p = evaluations.scoreAndGrade(cycleId);
    List<Map<String, Object>> options = new ArrayList<>();
    if (p.tie() != null) {
      for (String id : p.tie().baseIds()) {
        options.add(Map.of("label", p.base(id).baseName(), "value", id));
      }
    }
    return new Grades(p.awaitsTieDecision(), p.tie() == null ? "" : p.tie().description(),
        jsonValue(options), p.tie() == null ? 0 : p.tie().seats(), evaluations.gradeOverview(cycleId),
        gradeTable(cycleId));
  }

  /** The grade table as a process variable (JSON rows for the form's table). */
  public Object gradeTable(String cycleId) {
    return jsonValue(evaluations.gradeRows(cycleId));
  }

  /** The bureau's decision on the tie, by the signed-in user; returns the new grade table. */
  public Object applyTieDecision(String cycleId, List<String> excellentIds, String reason) {
    CommandContext cc = Context.getCommandContext();
    Authentication a = cc == null ? null : cc.getAuthentication();
    evaluations.applyTieDecision(cycleId, excellentIds, reason,
        a == null || a.getUserId() == null ? "bureau" : a.getUserId());
    return gradeTable(cycleId);
  }

  /** Starts the publicity now; returns its end (after the configured working days). */
  public Date startPublicity(String cycleId) {
    Date start = AppClock.now();
    Date end = workingDays.publicityEnd(start, properties.publicityDays());
    evaluations.startPublicity(cycleId, start, end);
    documents.publicityNotice(evaluations.findCycle(cycleId).orElseThrow(), AppClock.dateOf(start),
        AppClock.dateOf(end).minusDays(1), properties.publicityDays());
    return end;
  }

  /** Publication: grades into the register's history, result mails; returns the bases to revoke. */
  public List<RevocationCandidate> publish(String cycleId, String cycleName, String documentNumber,
      LocalDate documentDate) {
    List<RevocationCandidate> revoke = evaluations.publish(cycleId, documentNumber, documentDate);
    MailAttachment notice = documents.resultNotice(evaluations.findCycle(cycleId).orElseThrow(),
        documentNumber, documentDate).asAttachment();
    for (Participation p : evaluations.participations(cycleId)) {
      DesignatedBase b = register.findById(p.baseId()).orElseThrow();
      mails.result(baseAccounts.accountOf(p.baseId()), b, cycleName, Grade.valueOf(p.grade()),
          documentNumber, p.working(), notice);
    }
    return revoke;
  }

  /** The candidates as a process variable (JSON). */
  public Object candidatesValue(List<RevocationCandidate> candidates) {
    return jsonValue(candidates);
  }

  public List<RevocationCandidate> candidates(Object value) {
    try {
      return value == null ? List.of()
          : json.readValue(value.toString(), new TypeReference<List<RevocationCandidate>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the revocation of one base (annex §三.（三）), run by the process, not by the user who
   * published: no user authorization check. The revocation's start variables are its own.
   */
  public void startRevocation(RevocationCandidate c, String cycleId, String cycleName,
      String documentNumber) {
    DesignatedBase b = register.findById(c.baseId()).orElseThrow();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("baseCreditCode", b.creditCode());
    vars.put("cause", c.cause());
    vars.put("causeDetails", c.details());
    vars.put("evidenceRefs", cycleName + "结果（文号" + documentNumber + "）");
    vars.put("sourceCycleId", cycleId);
    vars.put("automatic", true);
    Context.getCommandContext().runWithoutAuthorization(() ->
        engine.getRuntimeService().startProcessInstanceByKey(REVOCATION_PROCESS, vars));
  }

  private Object jsonValue(Object o) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(o)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
