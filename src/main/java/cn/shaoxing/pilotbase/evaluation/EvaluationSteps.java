package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.experts.DeclineKind;
import cn.shaoxing.pilotbase.experts.DrawCase;
import cn.shaoxing.pilotbase.experts.DrawResult;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.forms.SealedSubmissions;
import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.notification.NotificationService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.DefaultIndicatorTable;
import cn.shaoxing.pilotbase.scoring.ExpertSheet;
import cn.shaoxing.pilotbase.scoring.ExpertSheetForm;
import cn.shaoxing.pilotbase.scoring.Grade;
import cn.shaoxing.pilotbase.scoring.GradingProposal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The process adapter of evaluation-cycle and evaluation-base (and the evaluation side of the shared
 * objection process, through objectionSteps): every service
 * task, listener and expression calls one method here; the rules live in {@link
 * EvaluationService}, the scoring package and {@link EvaluationRules}.
 */
@Component("evaluationSteps")
public class EvaluationSteps {

  /** The revocation process (package revocation), started by key only: no package dependency. */
  static final String REVOCATION_PROCESS = "revocation";

  private final EvaluationService evaluations;
  private final RegisterService register;
  private final ExpertPoolService experts;
  private final NotificationService mail;
  private final WorkingDays workingDays;
  private final EvaluationProperties properties;
  private final org.camunda.bpm.engine.ProcessEngine engine;
  private final SealedSubmissions sealed;
  private final BaseAccounts baseAccounts;
  private final ObjectMapper json = new ObjectMapper();

  public EvaluationSteps(EvaluationService evaluations, RegisterService register,
      ExpertPoolService experts, NotificationService mail,
      WorkingDays workingDays, EvaluationProperties properties,
      @org.springframework.context.annotation.Lazy org.camunda.bpm.engine.ProcessEngine engine,
      SealedSubmissions sealed, BaseAccounts baseAccounts) {
    this.sealed = sealed;
    this.baseAccounts = baseAccounts;
    this.evaluations = evaluations;
    this.register = register;
    this.experts = experts;
    this.mail = mail;
    this.workingDays = workingDays;
    this.properties = properties;
    this.engine = engine;
  }

  // ---------------------------------------------------------------- cycle

  /** Opens the cycle, from the bureau's start form or from the timer (then with the defaults). */
  public void openCycle(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    LocalDate today = AppClock.today();
    BigDecimal yearVar = Vars.num(v, "cycleYear");
    int year = yearVar == null ? today.getYear() : yearVar.intValue();
    String name = Vars.present(v, "cycleName") ? Vars.str(v, "cycleName") : year + "年度绩效评价";
    String mode = Vars.present(v, "scoringMode") ? Vars.str(v, "scoringMode") : properties.scoringMode();
    BigDecimal days = Vars.num(v, "selfEvaluationDays");
    BigDecimal panel = Vars.num(v, "panelSize");
    Cycle c = evaluations.openCycle(name, year, mode, ex.getProcessInstanceId(),
        properties.minYearsDesignated(), today);
    ex.setVariable("cycleId", c.id());
    ex.setVariable("cycleName", name);
    ex.setVariable("cycleYear", year);
    ex.setVariable("scoringMode", mode);
    ex.setVariable("selfEvaluationDays", days == null ? properties.selfEvaluationDays() : days.intValue());
    ex.setVariable("panelSize", panel == null ? properties.panelSize() : panel.intValue());
    ex.setVariable("cohortSize", evaluations.cohortIds(c.id()).size());
    ex.setProcessBusinessKey(name);
    for (String groupId : reviewerGroups(c.id())) {
      mail.notifyGroup(groupId, name + "通知", "市科技局已启动" + name
          + "。请组织本地区（本领域）市级科技成果转化中试基地按期填报自评材料，并对材料真实性出具审核意见。");
    }
  }

  public List<String> cohort(Object cycleId) {
    return evaluations.cohortIds(String.valueOf(cycleId));
  }

  public boolean hasCohort(DelegateExecution ex) {
    return !cohort(Vars.str(ex.getVariables(), "cycleId")).isEmpty();
  }

  /** Scores the cohort together and forms the grades (ranking, quota, tie at the cut-off). */
  public void formGrades(DelegateExecution ex) {
    String cycleId = cycleId(ex);
    GradingProposal p = evaluations.scoreAndGrade(cycleId);
    ex.setVariable("tiePending", p.awaitsTieDecision());
    ex.setVariable("tieDescription", p.tie() == null ? "" : p.tie().description());
    List<Map<String, Object>> options = new ArrayList<>();
    if (p.tie() != null) {
      for (String id : p.tie().baseIds()) {
        options.add(Map.of("label", p.base(id).baseName(), "value", id));
      }
    }
    ex.setVariable("tieOptions", jsonValue(options));
    ex.setVariable("tieSeats", p.tie() == null ? 0 : p.tie().seats());
    ex.setVariable("gradeSummary", evaluations.gradeSummary(cycleId));
  }

  public void applyTieDecision(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String user = currentUser();
    evaluations.applyTieDecision(cycleId(ex), Vars.strings(v, "tieExcellent"),
        Vars.str(v, "tieReason"), user == null ? "bureau" : user);
    ex.setVariable("gradeSummary", evaluations.gradeSummary(cycleId(ex)));
  }

  public void submitToParty(DelegateExecution ex) {
    evaluations.setCycleStatus(cycleId(ex), CycleStatus.PARTY_REVIEW);
  }

  public void startPublicity(DelegateExecution ex) {
    Date start = AppClock.now();
    Date end = workingDays.publicityEnd(start, properties.publicityDays());
    evaluations.startPublicity(cycleId(ex), start, end);
    ex.setVariable("publicityEndAt", end);
  }

  /** Publication: grades into the register's history, mails, and the bases to revoke. */
  public void recordPublication(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String cycleId = cycleId(ex);
    String doc = Vars.str(v, "documentNumber");
    LocalDate date = Vars.date(v, "documentDate");
    List<EvaluationService.RevocationCandidate> revoke = evaluations.publish(cycleId, doc, date);
    String name = Vars.str(v, "cycleName");
    for (Participation p : evaluations.participations(cycleId)) {
      DesignatedBase b = register.findById(p.baseId()).orElseThrow();
      Grade g = Grade.valueOf(p.grade());
      String body = b.orgName() + "：" + name + "结果已由市科技局发文公布（文号" + doc + "），您单位的评价结果为“"
          + g.chineseName() + "”。" + (p.working() == null ? "" : "\n评分明细：\n" + p.working());
      baseAccounts.accountOf(p.baseId()).ifPresent(u -> mail.notifyUser(u, name + "结果", body));
      mail.notifyGroup(b.reviewerGroup(), name + "结果：" + b.orgName(),
          b.orgName() + "在" + name + "中的评价结果为“" + g.chineseName() + "”（文号" + doc + "）。");
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (EvaluationService.RevocationCandidate r : revoke) {
      list.add(Map.of("baseId", r.baseId(), "cause", r.cause(), "details", r.details()));
    }
    ex.setVariable("revocationCount", revoke.size());
    ex.setVariable("revocationCandidates", jsonValue(list));
  }

  /** The multi-instance collection of the automatic revocations: base ids. */
  public List<String> revocationBaseIds(DelegateExecution ex) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> m : candidates(ex)) {
      ids.add((String) m.get("baseId"));
    }
    return ids;
  }

  /** Starts the revocation of one base (annex §三.（三）), run by the process, not the user. */
  public void startRevocation(DelegateExecution ex, String baseId) {
    Map<String, Object> c = candidates(ex).stream().filter(m -> baseId.equals(m.get("baseId")))
        .findFirst().orElseThrow();
    DesignatedBase b = register.findById(baseId).orElseThrow();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("baseCreditCode", b.creditCode());
    vars.put("cause", c.get("cause"));
    vars.put("causeDetails", c.get("details"));
    vars.put("evidenceRefs", Vars.str(ex.getVariables(), "cycleName") + "结果（文号"
        + Vars.str(ex.getVariables(), "documentNumber") + "）");
    vars.put("sourceCycleId", cycleId(ex));
    vars.put("automatic", true);
    // the process starts it, not the user who published: no user authorization check
    org.camunda.bpm.engine.impl.context.Context.getCommandContext().runWithoutAuthorization(() ->
        engine.getRuntimeService().startProcessInstanceByKey(REVOCATION_PROCESS, vars));
  }

  // ---------------------------------------------------------------- one base

  public void loadBase(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String baseId = Vars.str(v, "baseId");
    DesignatedBase b = register.findById(baseId).orElseThrow();
    String user = baseAccounts.accountOf(baseId).orElseThrow(() ->
        new ProcessEngineException("基地“" + b.orgName() + "”没有登记填报账号"));
    int days = Vars.num(v, "selfEvaluationDays").intValue();
    ex.setVariable("baseUser", user);
    ex.setVariable("orgName", b.orgName());
    ex.setVariable("creditCode", b.creditCode());
    ex.setVariable("reviewerGroup", b.reviewerGroup());
    ex.setVariable("reviewerName", Role.byGroupId(b.reviewerGroup()).map(Role::chineseName)
        .orElse(b.reviewerGroup()));
    ex.setVariable("extensionUsed", false);
    ex.setVariable("returnComments", "");
    setDeadline(ex, workingDays.dueIn(days));
    ex.setProcessBusinessKey(Vars.str(v, "cycleName") + "-" + b.creditCode());
  }

  public void sendReminder(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    mail.notifyUser(Vars.str(v, "baseUser"), Vars.str(v, "cycleName") + "自评提醒",
        Vars.str(v, "orgName") + "：您单位的绩效评价自评材料尚未提交，截止时间为"
            + LocalDate.ofInstant(((Date) v.get("selfEvaluationDue")).toInstant(), AppClock.ZONE)
            + "，逾期未提交将记为“未参加”。");
  }

  public void grantExtension(DelegateExecution ex) {
    int days = Vars.num(ex.getVariables(), "extensionDays").intValue();
    ex.setVariable("extensionUsed", true);
    setDeadline(ex, workingDays.dueIn(days));
    mail.notifyUser(Vars.str(ex.getVariables(), "baseUser"), "绩效评价自评延期",
        "市科技局准予延期" + days + "个工作日提交自评材料（仅可延期一次）。");
  }

  public void recordAbsent(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    boolean excused = Vars.isTrue(v, "absenceExcused");
    evaluations.markAbsent(cycleId(ex), Vars.str(v, "baseId"), excused, Vars.str(v, "absenceReason"));
    mail.notifyUser(Vars.str(v, "baseUser"), Vars.str(v, "cycleName") + "：记为未参加",
        Vars.str(v, "orgName") + "：您单位未在期限内提交自评材料，本次绩效评价记为“未参加”"
            + (excused ? "（市科技局认定理由正当）。" : "。无正当理由不参加绩效评价的，将依规撤销评定。"));
  }

  public void recordSelfEvaluation(DelegateExecution ex) {
    evaluations.saveFiling(cycleId(ex), Vars.str(ex.getVariables(), "baseId"), ex.getVariables());
  }

  public void recordAuditReturn(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    evaluations.saveAuditOpinion(cycleId(ex), Vars.str(v, "baseId"), ParticipationStatus.RETURNED,
        Vars.str(v, "auditOpinion"));
    ex.setVariable("returnComments", Vars.str(v, "auditOpinion"));
    Date due = (Date) v.get("selfEvaluationDue");
    Date correction = workingDays.dueIn(properties.correctionDays());
    setDeadline(ex, due.after(correction) ? due : correction);
  }

  public void recordAudit(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    evaluations.saveAuditOpinion(cycleId(ex), Vars.str(v, "baseId"), ParticipationStatus.AUDITED,
        Vars.str(v, "auditOpinion"));
  }

  public void drawPanel(DelegateExecution ex) {
    int size = Vars.num(ex.getVariables(), "panelSize").intValue();
    DrawResult r = experts.drawPanel(drawCase(ex), size);
    ex.setVariable("panelDrawId", r.drawId());
    ex.setVariable("panelDrawSeed", r.seed());
  }

  /** The multi-instance collection of the expert scoring: the initial draw of the case. */
  public List<String> panelOf(DelegateExecution ex) {
    return experts.draws(caseRef(ex)).stream().filter(d -> !d.chosen().isEmpty()).findFirst()
        .orElseThrow().chosen();
  }

  /** Each expert's form fields are local to that expert's instance: no expert sees another's. */
  public void prepareExpertScope(DelegateExecution ex) {
    Map<String, Object> local = new LinkedHashMap<>();
    for (String key : EvaluationForm.scoringKeys()) {
      local.put(key, null);
    }
    local.put(SealedSubmissions.REFERENCE, null);
    ex.setVariablesLocal(local);
  }

  public void redrawExpert(DelegateExecution ex) {
    Map<String, Object> v = sealed.reveal(ex);
    String declining = Vars.str(v, "expert");
    DeclineKind kind = "declineConflict".equals(Vars.str(v, "participation"))
        ? DeclineKind.CONFLICT : DeclineKind.UNAVAILABLE;
    List<String> everDrawn = experts.draws(caseRef(ex)).stream().flatMap(d -> d.chosen().stream())
        .toList();
    DrawResult r = experts.declineAndRedraw(drawCase(ex), declining, kind,
        Vars.str(v, "declineReason"), everDrawn);
    String replacement = r.chosen().get(0);
    ex.setVariable("expert", replacement);
    prepareExpertScope(ex);
  }

  public void recordSheet(DelegateExecution ex, String scorerId) {
    Map<String, Object> v = sealed.reveal(ex);
    evaluations.saveSheet(cycleId(ex), Vars.str(v, "baseId"), sheet(scorerId, v),
        Vars.isTrue(v, "requestOnSite"), Vars.str(v, "scorerOpinion"));
  }

  public boolean onsiteRequested(DelegateExecution ex) {
    return evaluations.onsiteRequested(cycleId(ex), Vars.str(ex.getVariables(), "baseId"));
  }

  /** candidateUsers of the on-site check: the panel leader when experts score. */
  public List<String> onsiteUsers(DelegateExecution ex) {
    if (!EvaluationService.MODE_EXPERTS.equals(Vars.str(ex.getVariables(), "scoringMode"))) {
      return List.of();
    }
    // The panel leader is the expert whose sheet came first (as in the designation round); it is
    // not kept in a process variable, so no expert learns another's name during the review.
    return evaluations.sheets(cycleId(ex), Vars.str(ex.getVariables(), "baseId")).stream()
        .map(ExpertSheet::expertId).findFirst().map(List::of).orElse(List.of());
  }

  /** candidateGroups of the on-site check: the third party when it scores. */
  public List<String> onsiteGroups(DelegateExecution ex) {
    return EvaluationService.MODE_THIRD_PARTY.equals(Vars.str(ex.getVariables(), "scoringMode"))
        ? List.of(Role.THIRD_PARTY.groupId()) : List.of();
  }

  public void recordOnSite(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String verdict = "consistent".equals(Vars.str(v, "onsiteConsistent")) ? "与自评材料相符" : "与自评材料不符";
    evaluations.saveOnsiteFindings(cycleId(ex), Vars.str(v, "baseId"),
        verdict + "：" + Vars.str(v, "onsiteFindings"));
  }

  public void markScored(DelegateExecution ex) {
    evaluations.setStatus(cycleId(ex), Vars.str(ex.getVariables(), "baseId"),
        ParticipationStatus.SCORED);
  }

  // ---------------------------------------------------------------- helpers

  static ExpertSheet sheet(String scorerId, Map<String, Object> v) {
    // the form's keys depend on the annex's indicators and units only, not on the rules
    return ExpertSheetForm.sheet(scorerId, scorerId, v, DefaultIndicatorTable.table());
  }

  private void setDeadline(DelegateExecution ex, Date due) {
    ex.setVariable("selfEvaluationDue", due);
    int before = properties.reminderDaysBefore();
    Date reminder = workingDays.workingDaysBefore(due, before);
    ex.setVariable("selfEvaluationReminderAt", reminder);
  }

  private List<String> reviewerGroups(String cycleId) {
    return evaluations.participations(cycleId).stream()
        .map(p -> register.findById(p.baseId()).orElseThrow().reviewerGroup()).distinct().toList();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> candidates(DelegateExecution ex) {
    Object o = ex.getVariable("revocationCandidates");
    try {
      return o == null ? List.of() : json.readValue(o.toString(), List.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String caseRef(DelegateExecution ex) {
    // the participation id: one draw case per base and cycle (fits exp_draw.case_ref)
    return evaluations.participation(cycleId(ex), Vars.str(ex.getVariables(), "baseId")).id();
  }

  private DrawCase drawCase(DelegateExecution ex) {
    DesignatedBase b = register.findById(Vars.str(ex.getVariables(), "baseId")).orElseThrow();
    return new DrawCase(caseRef(ex), b.orgName(), b.creditCode(), b.industryChain());
  }

  private Object jsonValue(Object o) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(o)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cycleId(DelegateExecution ex) {
    return Vars.str(ex.getVariables(), "cycleId");
  }

  static String currentUser() {
    org.camunda.bpm.engine.impl.interceptor.CommandContext cc =
        org.camunda.bpm.engine.impl.context.Context.getCommandContext();
    Authentication a = cc == null ? null : cc.getAuthentication();
    return a == null ? null : a.getUserId();
  }

}
