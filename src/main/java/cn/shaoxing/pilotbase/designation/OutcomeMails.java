package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.notification.MailAttachment;
import cn.shaoxing.pilotbase.notification.MailTemplate;
import cn.shaoxing.pilotbase.notification.NotificationService;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import java.util.List;
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

  public void districtRejected(Application a, String reason, MailAttachment letter) {
    toApplicant(a, letter, "district-rejected", Map.of("reviewerName", reviewerName(a.reviewerGroup()),
        "reason", String.valueOf(reason)));
  }

  public void formalFailed(Application a, String reason) {
    toApplicant(a, "formal-failed", Map.of("reason", String.valueOf(reason)));
  }

  public void designated(Application a, String documentNumber, LocalDate documentDate,
      MailAttachment notice) {
    toApplicant(a, notice, "designated", Map.of("unifiedName", RegisterService.UNIFIED_NAME,
        "documentNumber", String.valueOf(documentNumber), "documentDate", String.valueOf(documentDate)));
  }

  public void notDesignated(Application a, String documentNumber, MailAttachment letter) {
    String reason = a.outcomeReason() == null ? a.status().chineseName() : a.outcomeReason();
    toApplicant(a, letter, "not-designated", Map.of("documentNumber", String.valueOf(documentNumber),
        "reason", reason));
  }

  /** A mail to the applicant of {@code a}; every template names the organisation and the year. */
  private void toApplicant(Application a, String template, Map<String, Object> values) {
    notifications.notifyUser(a.applicantUserId(), render(a, template, values));
  }

  /** The same, with an official document attached (ADR 0032). */
  private void toApplicant(Application a, MailAttachment attachment, String template, Map<String, Object> values) {
    notifications.notifyUser(a.applicantUserId(), render(a, template, values), List.of(attachment));
  }

  private static MailTemplate render(Application a, String template, Map<String, Object> values) {
    Map<String, Object> all = new java.util.HashMap<>(values);
    all.put("orgName", a.orgName());
    all.put("year", a.roundYear());
    return MailTemplate.render(OutcomeMails.class, template, all);
  }

  static String reviewerName(String groupId) {
    return Role.byGroupId(groupId).map(Role::chineseName).orElse(groupId);
  }
}
