package cn.shaoxing.pilotbase.notification;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.notification.NotificationService.RecipientKind;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about new work: when a user task is created, its assignee (or else the members of
 * its candidate groups and the candidate users) get a Chinese e-mail with a link into Tasklist; when
 * someone assigns a task to another person, that person gets one. Runs inside the engine transaction
 * via Camunda's Spring event bridge ({@code camunda.bpm.eventing.task}) and only writes the outbox.
 */
@Component
public class TaskMailListener {

  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(AppClock.ZONE);

  private final NotificationService outbox;
  private final String baseUrl;

  public TaskMailListener(NotificationService outbox, @Value("${pilotbase.base-url}") String baseUrl) {
    this.outbox = outbox;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onCreate(DelegateTask task) {
    String subject = "【中试基地平台】新的待办任务：" + task.getName();
    if (task.getAssignee() != null) {
      outbox.enqueue(RecipientKind.USER, task.getAssignee(), subject,
          body(task, followsCases(task, task.getAssignee())), task.getId());
      return;
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getGroupId() != null) {
          outbox.enqueue(RecipientKind.GROUP, link.getGroupId(), subject,
              body(task, followsCases(link.getGroupId())), task.getId());
        } else if (link.getUserId() != null) {
          outbox.enqueue(RecipientKind.USER, link.getUserId(), subject,
              body(task, followsCases(task, link.getUserId())), task.getId());
        }
      }
    }
  }

  @EventListener(condition = "#task.eventName == 'assignment'")
  public void onAssignment(DelegateTask task) {
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = current == null ? null : current.getUserId();
    // Claiming a task oneself needs no mail; being given one by somebody else does.
    if (task.getAssignee() != null && !Objects.equals(actor, task.getAssignee())) {
      outbox.enqueue(RecipientKind.USER, task.getAssignee(),
          "【中试基地平台】任务已分派给您：" + task.getName(),
          body(task, followsCases(task, task.getAssignee())), task.getId());
    }
  }

  /**
   * Whether mails to this group point to 办理进度 (/my/cases): applicants (and bases) and the district
   * or competent unit their cases go through; experts, third party and the bureau work from Tasklist.
   */
  static boolean followsCases(String groupId) {
    return Role.APPLICANT.groupId().equals(groupId) || Role.byGroupId(groupId).map(Role::isReviewer).orElse(false);
  }

  /** The same for a person, by its groups (read by the platform, not with the acting user's grants). */
  private static boolean followsCases(DelegateTask task, String userId) {
    var groups = task.getProcessEngineServices().getIdentityService().createGroupQuery().groupMember(userId);
    var context = Context.getCommandContext();
    var list = context == null ? groups.list() : context.runWithoutAuthorization(groups::list);
    return list.stream().anyMatch(g -> followsCases(g.getId()));
  }

  String body(DelegateTask task, boolean progressLink) {
    StringBuilder sb = new StringBuilder();
    sb.append("您好！\n\n您在绍兴市科技成果转化中试基地管理平台有一项待办任务：\n\n");
    sb.append("任务名称：").append(task.getName()).append('\n');
    Object business = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (business != null) {
      sb.append("业务编号：").append(business).append('\n');
    }
    if (task.getDueDate() != null) {
      sb.append("办理期限：").append(DUE.format(task.getDueDate().toInstant())).append('\n');
    }
    if (task.getDescription() != null && !task.getDescription().isBlank()) {
      sb.append("说明：").append(task.getDescription()).append('\n');
    }
    sb.append("\n请登录任务列表办理：").append(taskLink(task.getId())).append('\n');
    if (progressLink) {
      sb.append("办理进度：").append(baseUrl).append("/my/cases\n");
    }
    sb.append("查看本人已办事项：").append(baseUrl).append("/my/done\n\n");
    sb.append("（本邮件由系统自动发送，请勿直接回复。）\n绍兴市科学技术局");
    return sb.toString();
  }

  String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
