package cn.shaoxing.pilotbase.scoring;

import static cn.shaoxing.pilotbase.scoring.Numbers.plain;
import static cn.shaoxing.pilotbase.scoring.Numbers.points;
import static cn.shaoxing.pilotbase.scoring.Numbers.pts;

import cn.shaoxing.pilotbase.scoring.GradingProposal.GradedBase;
import cn.shaoxing.pilotbase.scoring.GradingProposal.TieDecision;
import cn.shaoxing.pilotbase.scoring.GradingProposal.TieGroup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Forms the grades of a cycle (§五.（三）, annex §二.（三）): DMN grade per total, then the 优秀 quota
 * — at most round-half-up(30% × bases evaluated) bases get 优秀, by rank; bases graded 优秀 by score
 * beyond the quota get 良好. Bases tying on the cut-off score are NOT separated by the code: they
 * form a {@link TieGroup} for the bureau, which decides with a reason through {@link
 * #applyTieDecision}. Absent bases (未参加) are listed but not graded by score and do not count in
 * the quota. Pure apart from the {@link GradeDecision} it is given.
 */
public class GradingService {

  /** A base to grade: its total (from {@link BaseScore#total()}). */
  public record Candidate(String baseId, String baseName, BigDecimal total) {
    public static Candidate of(BaseScore score) {
      return new Candidate(score.baseId(), score.baseName(), score.total());
    }
  }

  /** A base recorded 未参加 for the cycle. */
  public record Absent(String baseId, String baseName) {}

  private final GradeDecision gradeDecision;

  public GradingService(GradeDecision gradeDecision) {
    this.gradeDecision = gradeDecision;
  }

  /** round-half-up(percent % × evaluated): 12 → 4, 7 → 2, 5 → 2 (1.5 rounds up), 1 → 0. */
  public static int excellentQuota(int evaluated, BigDecimal percent) {
    return new BigDecimal(evaluated).multiply(percent)
        .divide(new BigDecimal("100"), 0, RoundingMode.HALF_UP).intValueExact();
  }

  public GradingProposal formGrades(List<Candidate> candidates, List<Absent> absent,
      BigDecimal quotaPercent) {
    List<Absent> absents = absent == null ? List.of() : absent;
    Set<String> ids = new HashSet<>();
    for (Candidate c : candidates) {
      if (c.total() == null || c.total().signum() < 0 || c.total().compareTo(new BigDecimal("110")) > 0) {
        throw new ScoringValidationException(
            "基地“" + c.baseName() + "”的总分须在0～110分之间：" + c.total());
      }
      if (!ids.add(c.baseId())) {
        throw new ScoringValidationException("基地在评定名单中重复：" + c.baseName());
      }
    }
    for (Absent a : absents) {
      if (!ids.add(a.baseId())) {
        throw new ScoringValidationException("基地不能既参加评分又记为未参加：" + a.baseName());
      }
    }
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.sort(Comparator.comparing((Candidate c) -> points(c.total())).reversed());
    int n = ranked.size();
    int quota = excellentQuota(n, quotaPercent);

    List<Grade> byScore = ranked.stream().map(c -> gradeDecision.gradeFor(points(c.total()))).toList();
    List<Integer> excellentIdx = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (byScore.get(i) == Grade.EXCELLENT) {
        excellentIdx.add(i);
      }
    }
    // ranked is sorted by total, so excellentIdx are the first k positions
    BigDecimal cutOff = null;
    int seats = 0;
    List<String> tied = new ArrayList<>();
    if (excellentIdx.size() > quota) {
      BigDecimal lastIn = quota > 0 ? points(ranked.get(quota - 1).total()) : null;
      BigDecimal firstOut = points(ranked.get(quota).total());
      if (lastIn != null && lastIn.compareTo(firstOut) == 0) {
        cutOff = lastIn;
        int above = 0;
        for (int i : excellentIdx) {
          int cmp = points(ranked.get(i).total()).compareTo(cutOff);
          if (cmp > 0) {
            above++;
          } else if (cmp == 0) {
            tied.add(ranked.get(i).baseId());
          }
        }
        seats = quota - above;
      }
    }

    List<GradedBase> bases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Candidate c = ranked.get(i);
      BigDecimal total = points(c.total());
      int rank = 1 + (int) ranked.stream().filter(o -> points(o.total()).compareTo(total) > 0).count();
      Grade dmn = byScore.get(i);
      Grade grade = dmn;
      String note = "";
      if (dmn == Grade.EXCELLENT && excellentIdx.size() > quota) {
        if (tied.contains(c.baseId())) {
          grade = null;
          note = "与其他" + (tied.size() - 1) + "家基地并列于优秀名额分界分数" + pts(cutOff)
              + "分，" + tied.size() + "家争" + seats + "个优秀名额，待市科技局决定";
        } else if (i >= quota) {
          grade = Grade.GOOD;
          note = "总分" + pts(total) + "分列第" + rank + "名，超出优秀名额" + quota + "家（"
              + plain(quotaPercent) + "%×" + n + "家，四舍五入），按比例调整为良好";
        }
      }
      bases.add(new GradedBase(c.baseId(), c.baseName(), total, rank, dmn, grade, note));
    }
    for (Absent a : absents) {
      bases.add(new GradedBase(a.baseId(), a.baseName(), null, null, Grade.ABSENT, Grade.ABSENT,
          "未参加本次绩效评价，不按分数评定档次"));
    }
    TieGroup tie = tied.isEmpty() ? null : new TieGroup(cutOff, seats, tied,
        tied.size() + "家基地并列" + pts(cutOff) + "分，位于优秀名额分界处（优秀名额" + quota + "家，其中"
            + (quota - seats) + "家分数更高已确定），剩余" + seats + "个优秀名额由市科技局决定并说明理由");
    return new GradingProposal(n, quotaPercent, quota, bases, tie, null);
  }

  /**
   * Applies the bureau's decision on the tie: the chosen bases (at most the remaining seats) get
   * 优秀, the other tied bases 良好; the reason is mandatory and recorded on every tied base.
   */
  public GradingProposal applyTieDecision(GradingProposal proposal, TieDecision decision) {
    if (!proposal.awaitsTieDecision()) {
      throw new ScoringValidationException("本次评定没有待决定的并列情形");
    }
    if (decision == null || decision.reason() == null || decision.reason().isBlank()) {
      throw new ScoringValidationException("决定并列基地的档次须说明理由");
    }
    if (decision.decidedBy() == null || decision.decidedBy().isBlank()) {
      throw new ScoringValidationException("须记录作出决定的人员");
    }
    TieGroup tie = proposal.tie();
    Set<String> chosen = new HashSet<>();
    for (String id : decision.excellentBaseIds()) {
      if (!tie.baseIds().contains(id)) {
        throw new ScoringValidationException("基地" + id + "不在并列名单中，不能由本决定评为优秀");
      }
      if (!chosen.add(id)) {
        throw new ScoringValidationException("基地" + id + "在决定中重复出现");
      }
    }
    if (chosen.size() > tie.seats()) {
      throw new ScoringValidationException("并列基地中最多只能确定" + tie.seats() + "家为优秀，决定中为"
          + chosen.size() + "家");
    }
    String reason = decision.reason().trim();
    List<GradedBase> bases = proposal.bases().stream().map(b -> {
      if (!tie.baseIds().contains(b.baseId())) {
        return b;
      }
      boolean excellent = chosen.contains(b.baseId());
      return new GradedBase(b.baseId(), b.baseName(), b.total(), b.rank(), b.gradeByScore(),
          excellent ? Grade.EXCELLENT : Grade.GOOD,
          "并列于优秀名额分界分数" + pts(tie.score()) + "分，经市科技局决定为"
              + (excellent ? "优秀" : "良好") + "。理由：" + reason);
    }).toList();
    return new GradingProposal(proposal.evaluatedCount(), proposal.quotaPercent(),
        proposal.excellentQuota(), bases, tie,
        new TieDecision(decision.excellentBaseIds(), reason, decision.decidedBy()));
  }
}
