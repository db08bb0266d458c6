package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.scoring.GradingProposal.GradedBase;
import cn.shaoxing.pilotbase.scoring.GradingProposal.TieDecision;
import cn.shaoxing.pilotbase.scoring.GradingService.Absent;
import cn.shaoxing.pilotbase.scoring.GradingService.Candidate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 优秀 quota (§五.（三） "优秀比例控制在30%左右"), ties at the cut-off, absent bases. */
class GradingServiceTest {

  static final BigDecimal THIRTY = new BigDecimal("30");
  final GradingService grading = new GradingService(new DmnFileGradeDecision());

  static List<Candidate> bases(String... totals) {
    List<Candidate> list = new ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      list.add(new Candidate("b" + (i + 1), "基地" + (i + 1), new BigDecimal(totals[i])));
    }
    return list;
  }

  @ParameterizedTest(name = "{0} bases → {1} 优秀")
  @CsvSource({"12,4", "7,2", "5,2", "10,3", "20,6", "1,0", "2,1", "3,1", "4,1", "0,0"})
  void quotaRoundsHalfUp(int evaluated, int quota) {
    // 12×30% = 3.6 → 4; 7×30% = 2.1 → 2; 5×30% = 1.5 → 2 (half up)
    assertThat(GradingService.excellentQuota(evaluated, THIRTY)).isEqualTo(quota);
  }

  @Test
  void twelveBasesAllAbove85OnlyFourExcellentByRank() {
    var p = grading.formGrades(
        bases("99", "98", "97", "96", "95", "94", "93", "92", "91", "90", "89", "88"), List.of(), THIRTY);
    assertThat(p.excellentQuota()).isEqualTo(4);
    assertThat(p.isComplete()).isTrue();
    assertThat(p.tie()).isNull();
    assertThat(p.bases().subList(0, 4)).extracting(GradedBase::grade).containsOnly(Grade.EXCELLENT);
    assertThat(p.bases().subList(4, 12)).extracting(GradedBase::grade).containsOnly(Grade.GOOD);
    GradedBase fifth = p.base("b5");
    assertThat(fifth.gradeByScore()).isEqualTo(Grade.EXCELLENT);
    assertThat(fifth.rank()).isEqualTo(5);
    assertThat(fifth.note()).isEqualTo("总分95.00分列第5名，超出优秀名额4家（30%×12家，四舍五入），按比例调整为良好");
  }

  @Test
  void fewerExcellentByScoreThanQuotaKeepTheirGrades() {
    var p = grading.formGrades(bases("90", "80", "70", "50", "86", "76", "61"), List.of(), THIRTY);
    assertThat(p.excellentQuota()).isEqualTo(2);
    assertThat(p.base("b1").grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(p.base("b5").grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(p.base("b2").grade()).isEqualTo(Grade.GOOD);
    assertThat(p.base("b6").grade()).isEqualTo(Grade.GOOD);
    assertThat(p.base("b3").grade()).isEqualTo(Grade.PASS);
    assertThat(p.base("b7").grade()).isEqualTo(Grade.PASS);
    assertThat(p.base("b4").grade()).isEqualTo(Grade.FAIL);
    assertThat(p.bases()).extracting(GradedBase::baseId).containsExactly("b1", "b5", "b2", "b6", "b3", "b7", "b4");
  }

  @Test
  void fiveBasesGiveTwoExcellent() {
    var p = grading.formGrades(bases("95", "92", "90", "88", "70"), List.of(), THIRTY);
    assertThat(p.excellentQuota()).isEqualTo(2);
    assertThat(p.count(Grade.EXCELLENT)).isEqualTo(2);
    assertThat(p.base("b3").grade()).isEqualTo(Grade.GOOD);
  }

  @Test
  void tieStraddlingTheCutOffGoesToTheBureau() throws Exception {
    // 7 bases → quota 2; b1 is clearly in, b2 and b3 tie at 88 for the last seat
    var p = grading.formGrades(bases("95", "88", "88", "86", "80", "70", "65"), List.of(), THIRTY);
    assertThat(p.excellentQuota()).isEqualTo(2);
    assertThat(p.isComplete()).isFalse();
    assertThat(p.awaitsTieDecision()).isTrue();
    assertThat(p.tie().baseIds()).containsExactly("b2", "b3");
    assertThat(p.tie().seats()).isEqualTo(1);
    assertThat(p.tie().score()).isEqualByComparingTo("88");
    assertThat(p.base("b1").grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(p.base("b2").grade()).isNull();
    assertThat(p.base("b3").grade()).isNull();
    assertThat(p.base("b2").rank()).isEqualTo(2);
    assertThat(p.base("b3").rank()).isEqualTo(2);
    assertThat(p.base("b4").grade()).isEqualTo(Grade.GOOD);
    assertThat(p.base("b4").rank()).isEqualTo(4);
    assertThat(p.base("b2").note()).contains("待市科技局决定");

    var decided = grading.applyTieDecision(p, new TieDecision(List.of("b3"), "b3落地项目经济效益更为显著", "bureau1"));
    assertThat(decided.isComplete()).isTrue();
    assertThat(decided.base("b3").grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(decided.base("b2").grade()).isEqualTo(Grade.GOOD);
    assertThat(decided.base("b2").note()).isEqualTo("并列于优秀名额分界分数88.00分，经市科技局决定为良好。理由：b3落地项目经济效益更为显著");
    assertThat(decided.count(Grade.EXCELLENT)).isEqualTo(2);
    assertThat(decided.tieDecision().decidedBy()).isEqualTo("bureau1");

    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(json.readValue(json.writeValueAsString(p), GradingProposal.class)).isEqualTo(p);
    assertThat(json.readValue(json.writeValueAsString(decided), GradingProposal.class)).isEqualTo(decided);
  }

  @Test
  void tieDecisionRejectedWithoutReasonOrBeyondSeatsOrOutsideTheGroup() {
    var p = grading.formGrades(bases("95", "88", "88", "86", "80", "70", "65"), List.of(), THIRTY);
    assertThatThrownBy(() -> grading.applyTieDecision(p, new TieDecision(List.of("b2"), " ", "bureau1")))
        .isInstanceOf(ScoringValidationException.class).hasMessage("决定并列基地的档次须说明理由");
    assertThatThrownBy(() -> grading.applyTieDecision(p, new TieDecision(List.of("b2", "b3"), "都好", "bureau1")))
        .hasMessage("并列基地中最多只能确定1家为优秀，决定中为2家");
    assertThatThrownBy(() -> grading.applyTieDecision(p, new TieDecision(List.of("b4"), "理由", "bureau1")))
        .hasMessage("基地b4不在并列名单中，不能由本决定评为优秀");
    var done = grading.applyTieDecision(p, new TieDecision(List.of(), "两家均未达到优秀要求", "bureau1"));
    assertThat(done.count(Grade.EXCELLENT)).isEqualTo(1);
    assertThatThrownBy(() -> grading.applyTieDecision(done, new TieDecision(List.of(), "再次", "bureau1")))
        .hasMessage("本次评定没有待决定的并列情形");
  }

  @Test
  void tieAboveTheCutOffIsNotATie() {
    // 12 bases → 4 seats; b1,b2 tie at 96 well inside the quota; b3,b4 tie at 90 inside too
    var p = grading.formGrades(
        bases("96", "96", "90", "90", "87", "80", "80", "75", "70", "70", "60", "50"), List.of(), THIRTY);
    assertThat(p.tie()).isNull();
    assertThat(p.isComplete()).isTrue();
    assertThat(p.count(Grade.EXCELLENT)).isEqualTo(4);
    assertThat(p.base("b5").grade()).isEqualTo(Grade.GOOD);
  }

  @Test
  void tieBelowTheCutOffIsNotATie() {
    // 7 bases → 2 seats; b3,b4 tie at 86 just outside the quota: both fall to 良好, nothing to decide
    var p = grading.formGrades(bases("95", "90", "86", "86", "80", "70", "65"), List.of(), THIRTY);
    assertThat(p.tie()).isNull();
    assertThat(p.base("b3").grade()).isEqualTo(Grade.GOOD);
    assertThat(p.base("b4").grade()).isEqualTo(Grade.GOOD);
    // tie among bases not 优秀 by score is irrelevant to the quota
    var q = grading.formGrades(bases("95", "80", "80", "80", "70", "70", "65"), List.of(), THIRTY);
    assertThat(q.tie()).isNull();
  }

  @Test
  void tieOfThreeForTwoSeatsAfterOneClearWinner() {
    // 10 bases → 3 seats; b1 in; b2,b3,b4 at 89.5 share the remaining 2
    var p = grading.formGrades(
        bases("97", "89.5", "89.50", "89.5", "85", "80", "70", "65", "60", "40"), List.of(), THIRTY);
    assertThat(p.tie().baseIds()).containsExactly("b2", "b3", "b4");
    assertThat(p.tie().seats()).isEqualTo(2);
    assertThat(p.base("b5").grade()).isEqualTo(Grade.GOOD);
  }

  @Test
  void absentBasesAreNotGradedByScoreNorCounted() {
    var p = grading.formGrades(bases("95", "90", "88", "70", "50"),
        List.of(new Absent("x1", "缺席基地"), new Absent("x2", "另一缺席基地")), THIRTY);
    assertThat(p.evaluatedCount()).isEqualTo(5);
    assertThat(p.excellentQuota()).isEqualTo(2);
    assertThat(p.base("x1").grade()).isEqualTo(Grade.ABSENT);
    assertThat(p.base("x1").total()).isNull();
    assertThat(p.base("x1").rank()).isNull();
    assertThat(p.base("x1").note()).isEqualTo("未参加本次绩效评价，不按分数评定档次");
    assertThat(p.bases()).hasSize(7);
  }

  @Test
  void invalidInputRejected() {
    assertThatThrownBy(() -> grading.formGrades(bases("111"), List.of(), THIRTY))
        .hasMessage("基地“基地1”的总分须在0～110分之间：111");
    assertThatThrownBy(() -> grading.formGrades(bases("80"), List.of(new Absent("b1", "基地1")), THIRTY))
        .hasMessage("基地不能既参加评分又记为未参加：基地1");
  }
}
