package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.notification.MailTemplate;
import cn.shaoxing.pilotbase.notification.NotificationService;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outcome e-mails of the designation (task-created mails are sent by the foundation). The texts
 * are templates in {@code mails/} next to this class ({@link MailTemplate}).
 */
@Component
public class OutcomeMails {

  private final NotificationService notifications;

  public OutcomeMails(NotificationService notifications) {
    this.notifications = notifications;
  }

  public void roundOpened(int year, LocalDate deadline, String notice) {
    MailTemplate mail = MailTemplate.render(OutcomeMails.class, "round-opened", Map.of(
        "year", year, "deadline", deadline, "notice", notice == null ? "" : "\n\n" + notice));
    notifications.notifyGroup(Role.APPLICANT.groupId(), mail);
    for (Role r : Role.reviewers()) {
      notifications.notifyGroup(r.groupId(), mail);
    }
  }

  public void districtRejected(Application a, String reason) {
    toApplicant(a, "district-rejected", Map.of("reviewerName", reviewerName(a.reviewerGroup()),
        "reason", String.valueOf(reason)));
  }

  public void formalFailed(Application a, String reason) {
    toApplicant(a, "formal-failed", Map.of("reason", String.valueOf(reason)));
  }

  public void designated(Application a, String documentNumber, LocalDate documentDate) {
    toApplicant(a, "designated", Map.of("unifiedName", RegisterService.UNIFIED_NAME,
        "documentNumber", String.valueOf(documentNumber), "documentDate", String.valueOf(documentDate)));
  }

  public void notDesignated(Application a, String documentNumber) {
    String reason = a.outcomeReason() == null ? a.status().chineseName() : a.outcomeReason();
    toApplicant(a, "not-designated", Map.of("documentNumber", String.valueOf(documentNumber),
        "reason", reason));
  }

  /** A mail to the applicant of {@code a}; every template names the organisation and the year. */
  private void toApplicant(Application a, String template, Map<String, Object> values) {
    Map<String, Object> all = new java.util.HashMap<>(values);
    all.put("orgName", a.orgName());
    all.put("year", a.roundYear());
    notifications.notifyUser(a.applicantUserId(), MailTemplate.render(OutcomeMails.class, template, all));
  }

  static String reviewerName(String groupId) {
    return Role.byGroupId(groupId).map(Role::chineseName).orElse(groupId);
  }
}
