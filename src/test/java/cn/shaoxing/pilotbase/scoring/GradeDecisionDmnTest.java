package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grade thresholds through the real processes/evaluation-grade.dmn (§五.（三）: four classes). */
class GradeDecisionDmnTest {

  static final GradeDecision DMN = new DmnFileGradeDecision();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "110,EXCELLENT", "100,EXCELLENT", "85,EXCELLENT", "85.00,EXCELLENT",
    "84.99,GOOD", "80,GOOD", "75,GOOD",
    "74.99,PASS", "60,PASS",
    "59.99,FAIL", "30,FAIL", "0,FAIL"
  })
  void thresholds(String total, Grade expected) {
    assertThat(DMN.gradeFor(new BigDecimal(total))).isEqualTo(expected);
  }

  @Test
  void chineseNames() {
    assertThat(Grade.EXCELLENT.chineseName()).isEqualTo("优秀");
    assertThat(Grade.fromChinese("不合格")).isEqualTo(Grade.FAIL);
  }
}
