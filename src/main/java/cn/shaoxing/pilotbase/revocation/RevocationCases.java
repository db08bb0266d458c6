package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.notification.MailAttachment;
import cn.shaoxing.pilotbase.organisation.BaseAccounts;
import cn.shaoxing.pilotbase.register.BaseStatus;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.revocation.RevocationVariables.PartyDecision;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The steps of the revocation process behind {@link RevocationSteps} that involve more than the
 * case record: the base and its account, the statement deadline, and the mails.
 */
@Service
public class RevocationCases {

  /** A registered case: the base, the account that states its case, and by when. */
  public record Registered(String caseId, DesignatedBase base, String baseUser, Date statementDue) {}

  private final RevocationService revocations;
  private final RegisterService register;
  private final BaseAccounts baseAccounts;
  private final RevocationMails mails;
  private final WorkingDays workingDays;
  private final int statementDays;
  private final RevocationDocuments documents;

  public RevocationCases(RevocationService revocations, RegisterService register,
      BaseAccounts baseAccounts, RevocationMails mails, WorkingDays workingDays,
      @Value("${pilotbase.revocation.statement-days:10}") int statementDays,
      RevocationDocuments documents) {
    this.revocations = revocations;
    this.register = register;
    this.baseAccounts = baseAccounts;
    this.mails = mails;
    this.workingDays = workingDays;
    this.statementDays = statementDays;
    this.documents = documents;
  }

  /** Opens the case of an active base and tells its account, which may state its case. */
  public Registered register(String creditCode, RevocationCause cause, String details,
      String evidence, String sourceCycleId, String processInstanceId) {
    DesignatedBase b = register.findActiveByCreditCode(creditCode)
        .filter(x -> x.status() == BaseStatus.ACTIVE)
        .orElseThrow(() -> new ProcessEngineException(
            "名录中没有统一社会信用代码为 " + creditCode + " 的有效中试基地"));
    String caseId = revocations.open(b, cause, details, evidence, sourceCycleId, processInstanceId);
    String user = baseAccounts.accountOf(b.id()).orElseThrow(() ->
        new ProcessEngineException("基地“" + b.orgName() + "”没有登记账号，无法告知陈述申辩"));
    mails.intended(user, b.orgName(), cause, details, statementDays);
    return new Registered(caseId, b, user, workingDays.dueIn(statementDays));
  }

  /** The bureau drops the case, or the party committee rejects the revocation; the base is told. */
  public void closeWithoutRevocation(String caseId, PartyDecision partyDecision,
      String partyComments, String proposalReason, String baseUser, String orgName) {
    String note = partyDecision == PartyDecision.REJECT
        ? "党组会议决定不予撤销：" + partyComments
        : "市科技局决定不提请撤销：" + proposalReason;
    revocations.close(caseId, note);
    mails.closed(baseUser, orgName, note);
  }

  /** The published revocation: the register marks the base revoked; base and reviewer are told. */
  public void revoke(String caseId, String partyComments, String documentNumber,
      LocalDate documentDate, String baseUser, String reviewerGroup, String orgName,
      String causeLabel) {
    revocations.revoke(caseId, partyComments, documentNumber, documentDate);
    MailAttachment decision = documents.decision(revocations.find(caseId).orElseThrow(), orgName, causeLabel,
        partyComments, documentNumber, documentDate, baseUser, reviewerGroup).asAttachment();
    mails.revoked(baseUser, reviewerGroup, orgName, causeLabel, documentNumber, documentDate, decision);
  }
}
