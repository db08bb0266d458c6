package cn.shaoxing.pilotbase.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's migration failures as Chinese sentences naming the activities (plain rules, no engine). */
class MigrationMessagesTest {

  final MigrationMessages messages = new MigrationMessages(Map.of(
      "Task_DistrictReview", "区县科技部门审核推荐", "Task_Review", "审核", "Timer_End", "公示期满")::get);

  @Test
  void anUnmappedWaitingActivityIsNamedInChinese() {
    assertThat(messages.activityInstance("pi-1", "Task_DistrictReview",
        "There is no migration instruction for this instance's activity"))
        .startsWith("环节“区县科技部门审核推荐”(Task_DistrictReview) 在新版本中没有对应环节")
        .contains("pi-1").contains("旧id=新id");
  }

  @Test
  void planFailuresSayWhichSideOfTheMappingIsWrong() {
    assertThat(messages.instruction("Task_DistrictReview", "Task_Nope", "Target activity 'Task_Nope' does not exist"))
        .contains("新版本中没有环节 Task_Nope").contains("区县科技部门审核推荐");
    assertThat(messages.instruction("Task_Gone", null, "Source activity 'Task_Gone' does not exist"))
        .contains("环节 Task_Gone 在旧版本中不存在");
    assertThat(messages.instruction("Task_Review", "Task_Review",
        "There are multiple mappings for source activity id 'Task_Review'"))
        .isEqualTo("环节“审核”(Task_Review) 被映射到多个新环节，每个旧环节只能映射一次");
    assertThat(messages.instruction("Task_Review", "Timer_End",
        "Activities have incompatible types (UserTaskActivityBehavior is not compatible with IntermediateConditionalEventBehavior)"))
        .contains("类型不同");
  }

  @Test
  void anUnknownFailureKeepsTheEnginesWordsBehindAChineseLead() {
    assertThat(messages.activityInstance("pi-2", "Task_X", "Something new"))
        .isEqualTo("流程实例 pi-2 停在环节 Task_X：引擎校验未通过（原文：Something new）");
  }

  @Test
  void mappingLinesAreOldEqualsNew() {
    MigrationRequest.Parsed parsed = new MigrationRequest("revocation", List.of(), null,
        "Task_A=Task_B\n\n Task_C = Task_D ；Task_E\nTask_A=Task_F", List.of()).parsedMappings();
    assertThat(parsed.mappings()).containsExactly(Map.entry("Task_A", "Task_B"), Map.entry("Task_C", "Task_D"));
    assertThat(parsed.problems()).containsExactly("第 3 条映射“Task_E”格式不对：应为 旧环节id=新环节id",
        "环节 Task_A 映射了两次（第 4 条）");
  }
}
