package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.forms.Vars;
import cn.shaoxing.pilotbase.notification.NotificationService;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The process adapter of the revocation process. */
@Component("revocationSteps")
public class RevocationSteps {

  private final RevocationService revocations;
  private final RegisterService register;
  private final BaseAccounts baseAccounts;
  private final NotificationService mail;
  private final WorkingDays workingDays;
  private final int statementDays;

  public RevocationSteps(RevocationService revocations, RegisterService register,
      BaseAccounts baseAccounts, NotificationService mail,
      WorkingDays workingDays,
      @Value("${pilotbase.revocation.statement-days:10}") int statementDays) {
    this.revocations = revocations;
    this.register = register;
    this.baseAccounts = baseAccounts;
    this.mail = mail;
    this.workingDays = workingDays;
    this.statementDays = statementDays;
  }

  public void registerCase(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String code = Vars.str(v, "baseCreditCode");
    DesignatedBase b = register.findActiveByCreditCode(code)
        .filter(x -> x.status() == BaseStatus.ACTIVE)
        .orElseThrow(() -> new ProcessEngineException("名录中没有统一社会信用代码为 " + code + " 的有效中试基地"));
    RevocationCause cause = RevocationCause.of(Vars.str(v, "cause")).orElseThrow();
    String caseId = revocations.open(b, cause, Vars.str(v, "causeDetails"),
        Vars.str(v, "evidenceRefs"), Vars.str(v, "sourceCycleId"), ex.getProcessInstanceId());
    String user = baseAccounts.accountOf(b.id()).orElseThrow(() ->
        new ProcessEngineException("基地“" + b.orgName() + "”没有登记账号，无法告知陈述申辩"));
    ex.setVariable("revocationCaseId", caseId);
    ex.setVariable("baseId", b.id());
    ex.setVariable("orgName", b.orgName());
    ex.setVariable("reviewerGroup", b.reviewerGroup());
    ex.setVariable("baseUser", user);
    ex.setVariable("causeLabel", cause.chineseName());
    ex.setVariable("statementDue", workingDays.dueIn(statementDays));
    if (!Vars.present(v, "automatic")) {
      ex.setVariable("automatic", false);
    }
    ex.setProcessBusinessKey(code + "-撤销");
    mail.notifyUser(user, "拟撤销市级中试基地评定告知", b.orgName() + "：市科技局拟以“" + cause.chineseName()
        + "”为由撤销您单位“" + RegisterService.UNIFIED_NAME + "”评定。事由：" + Vars.str(v, "causeDetails")
        + "。请在" + statementDays + "个工作日内登录平台陈述申辩，逾期视为放弃。");
  }

  public void recordStatement(DelegateExecution ex) {
    revocations.recordStatement(caseId(ex), Vars.str(ex.getVariables(), "statement"));
  }

  public void recordNoStatement(DelegateExecution ex) {
    ex.setVariable("statement", "逾期未陈述申辩");
    revocations.recordStatement(caseId(ex), "逾期未陈述申辩，视为放弃");
  }

  public void recordProposal(DelegateExecution ex) {
    revocations.recordProposal(caseId(ex), Vars.str(ex.getVariables(), "proposalReason"));
  }

  public void closeWithoutRevocation(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String note = "reject".equals(Vars.str(v, "partyDecision"))
        ? "党组会议决定不予撤销：" + Vars.str(v, "partyComments")
        : "市科技局决定不提请撤销：" + Vars.str(v, "proposalReason");
    revocations.close(caseId(ex), note);
    mail.notifyUser(Vars.str(v, "baseUser"), "撤销评定程序终结", Vars.str(v, "orgName") + "：" + note);
  }

  public void recordRevocation(DelegateExecution ex) {
    Map<String, Object> v = ex.getVariables();
    String doc = Vars.str(v, "documentNumber");
    LocalDate date = Vars.date(v, "documentDate");
    revocations.revoke(caseId(ex), Vars.str(v, "partyComments"), doc, date);
    String body = Vars.str(v, "orgName") + "：经市科技局党组会议决定，撤销您单位“" + RegisterService.UNIFIED_NAME
        + "”评定（文号" + doc + "，" + date + "）。事由：" + Vars.str(v, "causeLabel") + "。";
    mail.notifyUser(Vars.str(v, "baseUser"), "撤销市级中试基地评定决定", body);
    mail.notifyGroup(Vars.str(v, "reviewerGroup"), "撤销市级中试基地评定：" + Vars.str(v, "orgName"), body);
  }

  private static String caseId(DelegateExecution ex) {
    return Vars.str(ex.getVariables(), "revocationCaseId");
  }
}
