package cn.shaoxing.pilotbase.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Queues e-mails in the outbox table. Call it inside the engine transaction (a delegate, a
 * listener): the mail exists only if that transaction commits, and is sent afterwards by
 * {@link MailDispatcher}, which retries until the SMTP server accepts it.
 */
@Service
public class NotificationService {

  enum RecipientKind { USER, GROUP, ADDRESS }

  private final JdbcTemplate jdbc;

  public NotificationService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Mail to one platform user (the address in the user's profile). */
  public void notifyUser(String userId, String subject, String body) {
    enqueue(RecipientKind.USER, userId, subject, body, null);
  }

  /** Mail to every member of a group (e.g. a district's reviewers). */
  public void notifyUser(String userId, MailTemplate mail) {
    notifyUser(userId, mail.subject(), mail.body());
  }

  public void notifyGroup(String groupId, MailTemplate mail) {
    notifyGroup(groupId, mail.subject(), mail.body());
  }

  /**
   * Mail to one platform user with stored documents attached (by reference, read when it is sent); the
   * body gets one line naming each attachment.
   */
  public void notifyUser(String userId, MailTemplate mail, List<MailAttachment> attachments) {
    attach(enqueue(RecipientKind.USER, userId, mail.subject(), withAttachmentLine(mail.body(), attachments),
        null), attachments);
  }

  /** Mail to every member of a group with stored documents attached. */
  public void notifyGroup(String groupId, MailTemplate mail, List<MailAttachment> attachments) {
    attach(enqueue(RecipientKind.GROUP, groupId, mail.subject(), withAttachmentLine(mail.body(), attachments),
        null), attachments);
  }

  public void notifyGroup(String groupId, String subject, String body) {
    enqueue(RecipientKind.GROUP, groupId, subject, body, null);
  }

  /** Mail to an address that is not a platform user (e.g. an objector's contact). */
  public void notifyAddress(String email, String subject, String body) {
    enqueue(RecipientKind.ADDRESS, email, subject, body, null);
  }

  /** Queues one mail; returns its outbox id. */
  String enqueue(RecipientKind kind, String recipient, String subject, String body, String taskId) {
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("邮件收件人不能为空");
    }
    Timestamp now = Timestamp.from(Instant.now());
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO notif_outbox (id, recipient_kind, recipient, subject, body, task_id, status, attempts,"
            + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
        id, kind.name(), recipient, cut(subject, 300), cut(body, 10000), taskId, now, now);
    return id;
  }

  private void attach(String outboxId, List<MailAttachment> attachments) {
    int seq = 0;
    for (MailAttachment a : attachments) {
      jdbc.update("INSERT INTO notif_attachment (outbox_id, seq, document_id) VALUES (?, ?, ?)",
          outboxId, seq++, a.documentId());
    }
  }

  static String withAttachmentLine(String body, List<MailAttachment> attachments) {
    if (attachments.isEmpty()) {
      return body;
    }
    StringBuilder sb = new StringBuilder(body).append("\n\n附件：");
    for (int i = 0; i < attachments.size(); i++) {
      sb.append(i == 0 ? "" : "、").append('《').append(attachments.get(i).title()).append("》（PDF）");
    }
    return sb.toString();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
