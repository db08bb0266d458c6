package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.notification.NotificationService;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The outcome e-mails of the designation (task-created mails are sent by the foundation). */
@Component
public class OutcomeMails {

  private final NotificationService notifications;

  public OutcomeMails(NotificationService notifications) {
    this.notifications = notifications;
  }

  public void roundOpened(int year, LocalDate deadline, String notice) {
    String subject = year + "年度绍兴市科技成果转化中试基地评选通知";
    String body = "市科技局已启动" + year + "年度绍兴市科技成果转化中试基地评选，申报截止日期为"
        + deadline + "。请有意向的单位登录平台提交申报，并由所在区、县（市）科技部门或市级归口管理单位审核推荐。"
        + (notice == null ? "" : "\n\n" + notice);
    notifications.notifyGroup(Role.APPLICANT.groupId(), subject, body);
    for (Role r : Role.reviewers()) {
      notifications.notifyGroup(r.groupId(), subject, body);
    }
  }

  public void districtRejected(Application a, String reason) {
    notifications.notifyUser(a.applicantUserId(), "中试基地申报未获推荐",
        a.orgName() + "：您单位的" + a.roundYear() + "年度中试基地申报经"
            + reviewerName(a.reviewerGroup()) + "审核，未予推荐。理由：" + reason);
  }

  public void formalFailed(Application a, String reason) {
    notifications.notifyUser(a.applicantUserId(), "中试基地申报形式审查未通过",
        a.orgName() + "：您单位的" + a.roundYear() + "年度中试基地申报未通过形式审查。理由：" + reason);
  }

  public void designated(Application a, String documentNumber, LocalDate documentDate) {
    notifications.notifyUser(a.applicantUserId(),
        "评定结果：" + RegisterService.UNIFIED_NAME,
        a.orgName() + "：经评审、市科技局党组会议审议和公示，您单位已被评定为“"
            + RegisterService.UNIFIED_NAME + "”（" + a.roundYear() + "年度，文号：" + documentNumber
            + "，发文日期：" + documentDate + "）。");
  }

  public void notDesignated(Application a, String documentNumber) {
    String reason = a.outcomeReason() == null ? a.status().chineseName() : a.outcomeReason();
    notifications.notifyUser(a.applicantUserId(),
        a.roundYear() + "年度中试基地评选结果通知",
        a.orgName() + "：" + a.roundYear() + "年度绍兴市科技成果转化中试基地评选结果已发文公布（文号："
            + documentNumber + "），您单位未获评定。原因：" + reason);
  }

  static String reviewerName(String groupId) {
    return Role.byGroupId(groupId).map(Role::chineseName).orElse(groupId);
  }
}
