package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.notification.MailAttachment;
import cn.shaoxing.pilotbase.notification.MailTemplate;
import cn.shaoxing.pilotbase.notification.NotificationService;
import cn.shaoxing.pilotbase.register.DesignatedBase;
import cn.shaoxing.pilotbase.scoring.Grade;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The e-mails of the evaluation (task-created mails are sent by the foundation); the texts are
 * templates under {@code evaluation/mails/}.
 */
@Component
public class EvaluationMails {

  private final NotificationService notifications;

  public EvaluationMails(NotificationService notifications) {
    this.notifications = notifications;
  }

  /** To the districts and competent units of the cohort: organise the self-evaluations. */
  public void cycleOpened(String cycleName, Collection<String> reviewerGroups) {
    MailTemplate mail = render("cycle-opened", Map.of("cycleName", cycleName));
    reviewerGroups.forEach(g -> notifications.notifyGroup(g, mail));
  }

  /** A base's grade after publication: to its account (with the scoring working) and its reviewer. */
  public void result(Optional<String> baseUser, DesignatedBase b, String cycleName, Grade grade,
      String documentNumber, String working, MailAttachment notice) {
    Map<String, Object> values = Map.of("cycleName", cycleName, "orgName", b.orgName(),
        "grade", grade.chineseName(), "documentNumber", documentNumber,
        "working", working == null ? "" : "\n评分明细：\n" + working);
    baseUser.ifPresent(u -> notifications.notifyUser(u, render("result", values), List.of(notice)));
    notifications.notifyGroup(b.reviewerGroup(), render("result-to-reviewer", values), List.of(notice));
  }

  public void selfEvaluationReminder(String baseUser, String cycleName, String orgName,
      LocalDate deadline) {
    notifications.notifyUser(baseUser, render("self-evaluation-reminder",
        Map.of("cycleName", cycleName, "orgName", orgName, "deadline", deadline)));
  }

  public void extensionGranted(String baseUser, int days) {
    notifications.notifyUser(baseUser, render("extension-granted", Map.of("days", days)));
  }

  /** Recorded as 未参加; without an accepted reason the base is told it will be revoked. */
  public void absent(String baseUser, String cycleName, String orgName, boolean excused) {
    notifications.notifyUser(baseUser, render(excused ? "absent-excused" : "absent",
        Map.of("cycleName", cycleName, "orgName", orgName)));
  }

  private static MailTemplate render(String name, Map<String, ?> values) {
    return MailTemplate.render(EvaluationMails.class, name, values);
  }
}
