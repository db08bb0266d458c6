package cn.shaoxing.pilotbase.notification;

import java.sql.Timestamp;
import java.time.Instant;
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

  public void notifyGroup(String groupId, String subject, String body) {
    enqueue(RecipientKind.GROUP, groupId, subject, body, null);
  }

  /** Mail to an address that is not a platform user (e.g. an objector's contact). */
  public void notifyAddress(String email, String subject, String body) {
    enqueue(RecipientKind.ADDRESS, email, subject, body, null);
  }

  void enqueue(RecipientKind kind, String recipient, String subject, String body, String taskId) {
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("邮件收件人不能为空");
    }
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "INSERT INTO notif_outbox (id, recipient_kind, recipient, subject, body, task_id, status, attempts,"
            + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
        UUID.randomUUID().toString(), kind.name(), recipient, cut(subject, 300), cut(body, 10000), taskId, now, now);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
