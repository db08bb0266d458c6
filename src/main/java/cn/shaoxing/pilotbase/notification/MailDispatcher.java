package cn.shaoxing.pilotbase.notification;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox, outside any engine transaction. A row is leased before sending (so two nodes
 * do not send it twice), then marked SENT; when SMTP fails it goes back to PENDING with an
 * exponential back-off, and after {@code pilotbase.mail.max-attempts} it is kept as FAILED for an
 * administrator to look at. Without a configured SMTP host the mail is written to the log (LOGGED).
 *
 * <p>A row is one logical notice; its recipients (a user, a group's members, an address) are resolved
 * at send time and each gets a message of its own, so a group notice discloses nobody's address.
 * Every address served is recorded in {@code notif_delivery}: after a partial failure the retry
 * sends only to the others.
 */
@Component
public class MailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final ObjectProvider<JavaMailSender> sender;
  private final ObjectProvider<AttachmentSource> attachmentSource;
  private final String smtpHost;
  private final String from;
  private final int maxAttempts;
  private final Duration lease;

  public MailDispatcher(
      JdbcTemplate jdbc,
      IdentityService identity,
      ObjectProvider<JavaMailSender> sender,
      ObjectProvider<AttachmentSource> attachmentSource,
      @Value("${spring.mail.host:}") String smtpHost,
      @Value("${pilotbase.mail.from}") String from,
      @Value("${pilotbase.mail.max-attempts:20}") int maxAttempts,
      @Value("${pilotbase.mail.lease:5m}") Duration lease) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.sender = sender;
    this.attachmentSource = attachmentSource;
    this.smtpHost = smtpHost;
    this.from = from;
    this.maxAttempts = maxAttempts;
    this.lease = lease;
  }

  /** One pending mail as read from the outbox. */
  record Pending(String id, String kind, String recipient, String subject, String body, int attempts) {}

  @Scheduled(fixedDelayString = "${pilotbase.mail.dispatch-interval-ms:5000}", initialDelay = 5000)
  public void dispatchScheduled() {
    dispatchDue(Instant.now());
  }

  /** Sends every mail due at {@code now}; returns how many were sent or logged. */
  public int dispatchDue(Instant now) {
    List<Pending> due = jdbc.query(
        "SELECT id, recipient_kind, recipient, subject, body, attempts FROM notif_outbox"
            + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY created_at",
        (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6)),
        Timestamp.from(now));
    int done = 0;
    for (Pending p : due) {
      if (lease(p, now) && deliver(p, now)) {
        done++;
      }
    }
    return done;
  }

  /**
   * Claims a row for this node: one conditional UPDATE, committed at once (no surrounding transaction).
   * On PostgreSQL a second node's UPDATE of the same row waits for the first to commit, re-reads the
   * row and finds {@code next_attempt_at} moved past {@code now}: 0 rows, so it skips the mail. Only one
   * node sends a row; if that node dies while sending, the lease ({@code pilotbase.mail.lease}, 5 min)
   * expires and another node sends to the addresses not yet recorded in {@code notif_delivery}. The
   * nodes' clocks must agree (NTP) to well within the lease.
   */
  private boolean lease(Pending p, Instant now) {
    return jdbc.update(
        "UPDATE notif_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?",
        Timestamp.from(now.plus(lease)), p.id(), Timestamp.from(now)) == 1;
  }

  private boolean deliver(Pending p, Instant now) {
    List<String> addresses = addresses(p);
    if (addresses.isEmpty()) {
      LOG.warn("邮件无可用收件地址（{} {}），未发送：{}", p.kind(), p.recipient(), p.subject());
      finish(p, "NOBODY", now, null, "收件人没有登记电子邮箱");
      return false;
    }
    if (smtpHost == null || smtpHost.isBlank()) {
      LOG.info("未配置SMTP服务器，邮件仅记录日志。收件人：{}；主题：{}；正文：{}", addresses, p.subject(), p.body());
      finish(p, "LOGGED", now, addresses, null);
      return true;
    }
    Set<String> served = served(p.id());
    List<String> due = addresses.stream().filter(a -> !served.contains(a)).toList();
    Map<String, Exception> failed = send(p, due);
    for (String address : due) {
      if (!failed.containsKey(address)) {
        jdbc.update("INSERT INTO notif_delivery (outbox_id, address, sent_at) VALUES (?, ?, ?)",
            p.id(), address, Timestamp.from(now));
      }
    }
    if (failed.isEmpty()) {
      finish(p, "SENT", now, addresses, null);
      LOG.info("邮件已发送（每位收件人单独一封）：{} → {}", p.subject(), due);
      return true;
    }
    int attempts = p.attempts() + 1;
    Map.Entry<String, Exception> first = failed.entrySet().iterator().next();
    String error = failed.size() + "个地址发送失败，如 " + first.getKey() + "："
        + first.getValue().getClass().getSimpleName() + ": " + first.getValue().getMessage();
    if (attempts >= maxAttempts) {
      LOG.error("邮件发送失败{}次，已停止重试（保留在发件箱，状态FAILED）：{}", attempts, p.subject(), first.getValue());
      jdbc.update("UPDATE notif_outbox SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
          attempts, cut(error), p.id());
    } else {
      Duration backoff = backoff(attempts);
      LOG.warn("邮件发送失败（第{}次，已送达{}人），{}秒后只向未送达的{}人重试：{}（{}）", attempts,
          addresses.size() - failed.size(), backoff.toSeconds(), failed.size(), p.subject(), error);
      jdbc.update(
          "UPDATE notif_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
          attempts, cut(error), Timestamp.from(now.plus(backoff)), p.id());
    }
    return false;
  }

  /**
   * One message per address, each with only that address in To (no Cc/Bcc): members of a group do
   * not learn who else got the notice. Sent over one SMTP connection; returns the addresses that failed.
   */
  private Map<String, Exception> send(Pending p, List<String> addresses) {
    Map<String, Exception> failed = new LinkedHashMap<>();
    if (addresses.isEmpty()) {
      return failed;
    }
    Map<MimeMessage, String> messages = new IdentityHashMap<>();
    JavaMailSender mail;
    List<AttachmentSource.Attachment> attachments;
    try {
      mail = sender.getObject();
      attachments = attachments(p.id());
    } catch (Exception e) {
      addresses.forEach(a -> failed.put(a, e));
      return failed;
    }
    for (String address : addresses) {
      try {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
        helper.setFrom(from);
        helper.setTo(address);
        helper.setSubject(p.subject());
        helper.setText(p.body(), false);
        for (AttachmentSource.Attachment a : attachments) {
          helper.addAttachment(a.fileName(), new ByteArrayResource(a.bytes()), a.contentType());
        }
        messages.put(message, address);
      } catch (Exception e) {
        failed.put(address, e);
      }
    }
    if (messages.isEmpty()) {
      return failed;
    }
    try {
      mail.send(messages.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      Map<Object, Exception> perMessage = e.getFailedMessages();
      if (perMessage.isEmpty()) {
        messages.values().forEach(a -> failed.put(a, e));
      } else {
        perMessage.forEach((m, ex) -> failed.put(messages.getOrDefault(m, String.valueOf(m)), ex));
      }
    } catch (Exception e) {
      messages.values().forEach(a -> failed.put(a, e));
    }
    return failed;
  }

  /**
   * The documents attached to a row, read now (not when it was queued): a document that cannot be read
   * fails the attempt like an SMTP error, and the row is retried, never sent without its attachment.
   */
  private List<AttachmentSource.Attachment> attachments(String outboxId) {
    List<String> ids = jdbc.queryForList(
        "SELECT document_id FROM notif_attachment WHERE outbox_id = ? ORDER BY seq", String.class, outboxId);
    if (ids.isEmpty()) {
      return List.of();
    }
    AttachmentSource source = attachmentSource.getIfAvailable();
    List<AttachmentSource.Attachment> out = new ArrayList<>();
    for (String id : ids) {
      if (source == null) {
        throw new IllegalStateException("附件无法读取：没有附件来源");
      }
      out.add(source.attachment(id).orElseThrow(() -> new IllegalStateException("附件无法读取：" + id)));
    }
    return out;
  }

  private Set<String> served(String outboxId) {
    return new HashSet<>(jdbc.queryForList(
        "SELECT address FROM notif_delivery WHERE outbox_id = ?", String.class, outboxId));
  }

  static Duration backoff(int attempts) {
    long seconds = 10L << Math.min(attempts - 1, 20);
    return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
  }

  private void finish(Pending p, String status, Instant now, List<String> addresses, String error) {
    jdbc.update(
        "UPDATE notif_outbox SET status = ?, attempts = ?, sent_at = ?, addresses = ?, last_error = ? WHERE id = ?",
        status, p.attempts() + 1, Timestamp.from(now),
        addresses == null ? null : cut(String.join(",", addresses)), error, p.id());
  }

  /** Resolved at send time, so a user's current address is used. No authentication is set here. */
  private List<String> addresses(Pending p) {
    Set<String> out = new LinkedHashSet<>();
    switch (p.kind()) {
      case "ADDRESS" -> out.add(p.recipient());
      case "USER" -> {
        User u = identity.createUserQuery().userId(p.recipient()).singleResult();
        if (u != null && u.getEmail() != null && !u.getEmail().isBlank()) {
          out.add(u.getEmail());
        }
      }
      case "GROUP" -> identity.createUserQuery().memberOfGroup(p.recipient()).list().stream()
          .map(User::getEmail)
          .filter(e -> e != null && !e.isBlank())
          .forEach(out::add);
      default -> { }
    }
    return new ArrayList<>(out);
  }

  private static String cut(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 999);
  }
}
