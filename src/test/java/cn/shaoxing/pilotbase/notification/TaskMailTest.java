package cn.shaoxing.pilotbase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** Task notifications through a real SMTP server (GreenMail), including an SMTP outage. */
class TaskMailTest extends IntegrationTest {

  @Autowired MailDispatcher dispatcher;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectProvider<JavaMailSender> sender;
  @Autowired ObjectProvider<AttachmentSource> attachmentSource;

  private Deployment probe;

  @BeforeEach
  void deployProbe() {
    TestInfrastructure.startSmtp();
    probe = engine.getRepositoryService().createDeployment()
        .addClasspathResource("bpmn/case-visibility-probe.bpmn").deploy();
  }

  @AfterEach
  void removeProbe() {
    engine.getIdentityService().clearAuthentication();
    TestInfrastructure.startSmtp();
    engine.getRepositoryService().deleteDeployment(probe.getId(), true);
  }

  private Task startCaseFor(Role district, String businessKey) {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(
        "Process_TestCaseVisibility", businessKey, Map.of("reviewerGroup", district.groupId()));
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private List<MimeMessage> mailsAbout(String taskId) throws Exception {
    return Arrays.stream(TestInfrastructure.smtp().getReceivedMessages())
        .filter(m -> {
          try {
            return m.getContent().toString().contains(taskId);
          } catch (Exception e) {
            return false;
          }
        })
        .toList();
  }

  private String status(String taskId) {
    return jdbc.queryForObject("SELECT status FROM notif_outbox WHERE task_id = ?", String.class, taskId);
  }

  @Test
  void newGroupTaskMailsTheGroupInChineseWithATasklistLink() throws Exception {
    Task task = startCaseFor(Role.DISTRICT_SHANGYU, "SY-MAIL-1");
    assertThat(status(task.getId())).isEqualTo("PENDING");

    dispatcher.dispatchDue(Instant.now());

    List<MimeMessage> mails = mailsAbout(task.getId());
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("【中试基地平台】新的待办任务：测试审核");
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
        .containsExactly("shangyu1@pilotbase.example.cn");
    String body = mail.getContent().toString();
    assertThat(body).contains("业务编号：SY-MAIL-1").contains("办理期限：")
        .contains("http://pilotbase.test/camunda/app/tasklist/default/#/?task=" + task.getId());
    assertThat(status(task.getId())).isEqualTo("SENT");

    dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(1)));
    assertThat(mailsAbout(task.getId())).as("sent exactly once").hasSize(1);
  }

  @Test
  void smtpDownKeepsTheTaskAndTheMailAndSendsItWhenSmtpIsBack() throws Exception {
    TestInfrastructure.stopSmtp();
    Task task = startCaseFor(Role.DISTRICT_ZHUJI, "ZJ-MAIL-1");

    dispatcher.dispatchDue(Instant.now());
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task survives").isEqualTo(1);
    assertThat(status(task.getId())).isEqualTo("PENDING");
    assertThat(jdbc.queryForObject("SELECT attempts FROM notif_outbox WHERE task_id = ?", Integer.class, task.getId()))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT last_error FROM notif_outbox WHERE task_id = ?", String.class, task.getId()))
        .isNotBlank();

    // Still down on the next try: back-off grows, nothing lost.
    dispatcher.dispatchDue(Instant.now().plus(Duration.ofMinutes(1)));
    assertThat(jdbc.queryForObject("SELECT attempts FROM notif_outbox WHERE task_id = ?", Integer.class, task.getId()))
        .isEqualTo(2);

    TestInfrastructure.startSmtp();
    dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(1)));
    assertThat(status(task.getId())).isEqualTo("SENT");
    assertThat(mailsAbout(task.getId())).hasSize(1);
    assertThat(mailsAbout(task.getId()).get(0).getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("zhuji1@pilotbase.example.cn");
  }

  @Test
  void rolledBackTransactionLeavesNeitherTaskNorMail() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM notif_outbox", Integer.class);
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      startCaseFor(Role.DISTRICT_XINCHANG, "XC-ROLLBACK");
      throw new IllegalStateException("后续步骤失败");
    })).hasMessage("后续步骤失败");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("XC-ROLLBACK").count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notif_outbox", Integer.class)).isEqualTo(before);
  }

  @Test
  void assigningATaskToSomeoneElseMailsThatPersonButClaimingDoesNot() throws Exception {
    Task task = startCaseFor(Role.DISTRICT_KEQIAO, "KQ-MAIL-2");
    engine.getIdentityService().setAuthentication("keqiao1", List.of(Role.DISTRICT_KEQIAO.groupId()));
    engine.getTaskService().claim(task.getId(), "keqiao1");
    engine.getIdentityService().clearAuthentication();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notif_outbox WHERE task_id = ?", Integer.class, task.getId()))
        .isEqualTo(1);

    // reassigning is an administrator's operation (docs/adr/0030-need-to-know.md)
    engine.getIdentityService().setAuthentication("admin", List.of(Role.ADMIN.groupId()));
    engine.getTaskService().setAssignee(task.getId(), "bureau2");
    engine.getIdentityService().clearAuthentication();
    assertThat(jdbc.queryForList("SELECT subject FROM notif_outbox WHERE task_id = ? AND recipient = 'bureau2'",
        String.class, task.getId())).containsExactly("【中试基地平台】任务已分派给您：测试审核");
  }

  @Test
  void withoutSmtpHostMailIsLoggedNotSent() {
    Task task = startCaseFor(Role.DISTRICT_BINHAI, "BH-LOG-1");
    MailDispatcher noSmtp = new MailDispatcher(jdbc, engine.getIdentityService(), sender, attachmentSource, "", "noreply@test", 3,
        java.time.Duration.ofMinutes(5));
    noSmtp.dispatchDue(Instant.now());
    assertThat(status(task.getId())).isEqualTo("LOGGED");
  }

  @Test
  void groupNoticeIsOneMessagePerMemberEachAddressedToThatMemberOnly() throws Exception {
    String subject = "【中试基地平台】分组通知：" + UUID.randomUUID();
    notifications.notifyGroup(Role.BUREAU.groupId(), subject, "市科技局全体成员的测试通知");
    List<String> members = engine.getIdentityService().createUserQuery().memberOfGroup(Role.BUREAU.groupId()).list()
        .stream().map(User::getEmail).toList();
    assertThat(members).hasSizeGreaterThanOrEqualTo(2);

    dispatcher.dispatchDue(Instant.now());

    List<MimeMessage> mails = mailsWithSubject(subject);
    assertThat(mails).as("one message per member").hasSameSizeAs(members);
    for (MimeMessage mail : mails) {
      assertThat(mail.getRecipients(Message.RecipientType.TO)).hasSize(1);
      assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
      assertThat(mail.getRecipients(Message.RecipientType.BCC)).isNull();
      assertThat(mail.getHeader("To")).as("the To header names one member, no one else")
          .singleElement().satisfies(to -> assertThat(members.stream().filter(to::contains)).hasSize(1));
    }
    assertThat(mails.stream().map(m -> to(m))).containsExactlyInAnyOrderElementsOf(members);
  }

  @Test
  void aRecipientThatFailsIsRetriedAloneTheOthersAreNotMailedTwice() throws Exception {
    IdentityService identity = engine.getIdentityService();
    String group = "mailtestgroup";
    identity.saveGroup(identity.newGroup(group));
    List<String> users = List.of("mailtest1", "mailtest2", "mailtest3");
    try {
      for (String id : users) {
        User u = identity.newUser(id);
        u.setFirstName(id);
        u.setLastName("测试");
        // mailtest3's address was mistyped with two addresses in one field: its message cannot be built.
        u.setEmail(id.equals("mailtest3") ? "mailtest3@pilotbase.example.cn,x@pilotbase.example.cn" : id + "@pilotbase.example.cn");
        identity.saveUser(u);
        identity.createMembership(id, group);
      }
      String subject = "【中试基地平台】部分失败重试：" + UUID.randomUUID();
      notifications.notifyGroup(group, subject, "测试正文");

      dispatcher.dispatchDue(Instant.now());
      assertThat(mailsWithSubject(subject).stream().map(m -> to(m)))
          .containsExactlyInAnyOrder("mailtest1@pilotbase.example.cn", "mailtest2@pilotbase.example.cn");
      Map<String, Object> row = jdbc.queryForMap("SELECT status, attempts, last_error FROM notif_outbox WHERE subject = ?", subject);
      assertThat(row.get("status")).isEqualTo("PENDING");
      assertThat(row.get("attempts")).isEqualTo(1);
      assertThat((String) row.get("last_error")).contains("mailtest3@pilotbase.example.cn");

      User fixed = identity.createUserQuery().userId("mailtest3").singleResult();
      fixed.setEmail("mailtest3@pilotbase.example.cn");
      identity.saveUser(fixed);
      dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(1)));

      assertThat(mailsWithSubject(subject).stream().map(m -> to(m))).as("each member exactly once")
          .containsExactlyInAnyOrder("mailtest1@pilotbase.example.cn", "mailtest2@pilotbase.example.cn",
              "mailtest3@pilotbase.example.cn");
      assertThat(jdbc.queryForObject("SELECT status FROM notif_outbox WHERE subject = ?", String.class, subject))
          .isEqualTo("SENT");
    } finally {
      users.forEach(identity::deleteUser);
      identity.deleteGroup(group);
    }
  }

  private static List<MimeMessage> mailsWithSubject(String subject) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : TestInfrastructure.smtp().getReceivedMessages()) {
      if (subject.equals(m.getSubject())) {
        out.add(m);
      }
    }
    return out;
  }

  private static String to(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void backoffGrowsAndIsCapped() {
    assertThat(MailDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(MailDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(MailDispatcher.backoff(30)).isEqualTo(Duration.ofMinutes(30));
  }
}
