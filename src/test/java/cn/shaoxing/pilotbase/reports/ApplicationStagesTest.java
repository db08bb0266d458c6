package cn.shaoxing.pilotbase.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.designation.ApplicationStatus;
import org.junit.jupiter.api.Test;

/** The district's and the formal review's conclusions as read from an application's status. */
class ApplicationStagesTest {

  @Test
  void laterStatusesImplyTheEarlierStepsOutcome() {
    assertThat(ApplicationStages.district(ApplicationStatus.IN_DISTRICT_REVIEW, null)).isEqualTo("待审核");
    assertThat(ApplicationStages.district(ApplicationStatus.DISTRICT_REJECTED, null)).isEqualTo("不予推荐");
    assertThat(ApplicationStages.district(ApplicationStatus.WITHDRAWN, null)).isEqualTo("未审核");
    assertThat(ApplicationStages.district(ApplicationStatus.RECOMMENDED, null)).isEqualTo("推荐");
    assertThat(ApplicationStages.district(ApplicationStatus.DESIGNATED, 2)).isEqualTo("推荐（第2名）");

    assertThat(ApplicationStages.formalReview(ApplicationStatus.DISTRICT_REJECTED)).isEmpty();
    assertThat(ApplicationStages.formalReview(ApplicationStatus.RECOMMENDED)).isEqualTo("待审查");
    assertThat(ApplicationStages.formalReview(ApplicationStatus.FORMAL_FAILED)).isEqualTo("不通过");
    assertThat(ApplicationStages.formalReview(ApplicationStatus.NOT_CHOSEN)).isEqualTo("通过");
    for (ApplicationStatus s : ApplicationStatus.values()) {
      assertThat(ApplicationStages.district(s, 1)).as(s.name()).isNotBlank();
    }
  }
}
