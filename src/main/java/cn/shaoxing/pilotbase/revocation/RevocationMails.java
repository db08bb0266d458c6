package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.notification.MailAttachment;
import cn.shaoxing.pilotbase.notification.MailTemplate;
import cn.shaoxing.pilotbase.notification.NotificationService;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The e-mails of the revocation (task-created mails are sent by the foundation); the texts are
 * templates under {@code revocation/mails/}.
 */
@Component
public class RevocationMails {

  private final NotificationService notifications;

  public RevocationMails(NotificationService notifications) {
    this.notifications = notifications;
  }

  /** The base is told of the intended revocation and may state its case within the days given. */
  public void intended(String baseUser, String orgName, RevocationCause cause, String causeDetails,
      int statementDays) {
    notifications.notifyUser(baseUser, render("revocation-notice", Map.of("orgName", orgName,
        "cause", cause.chineseName(), "unifiedName", RegisterService.UNIFIED_NAME,
        "causeDetails", causeDetails == null ? "" : causeDetails, "statementDays", statementDays)));
  }

  /** The case ends without revocation, for the reason in {@code note}. */
  public void closed(String baseUser, String orgName, String note) {
    notifications.notifyUser(baseUser, render("closed", Map.of("orgName", orgName, "note", note)));
  }

  /** The published revocation: to the base and to its reviewer. */
  public void revoked(String baseUser, String reviewerGroup, String orgName, String causeLabel,
      String documentNumber, LocalDate documentDate, MailAttachment decision) {
    Map<String, Object> values = Map.of("orgName", orgName, "unifiedName",
        RegisterService.UNIFIED_NAME, "documentNumber", documentNumber, "documentDate", documentDate,
        "causeLabel", causeLabel);
    notifications.notifyUser(baseUser, render("revoked", values), List.of(decision));
    notifications.notifyGroup(reviewerGroup, render("revoked-to-reviewer", values), List.of(decision));
  }

  private static MailTemplate render(String name, Map<String, ?> values) {
    return MailTemplate.render(RevocationMails.class, name, values);
  }
}
