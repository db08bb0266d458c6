package cn.shaoxing.pilotbase.scoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * The grades the bureau forms for one cycle: ranking, DMN grade, quota applied, and — when bases
 * tie on the cut-off score of the 优秀 quota — the tie group the bureau must decide. Serialisable
 * to JSON (records only), so a process can keep it as a Spin variable.
 *
 * @param evaluatedCount bases graded by score (absent bases excluded)
 * @param excellentQuota round-half-up(quotaPercent % × evaluatedCount)
 * @param bases every base, graded ones by rank, then absent ones
 * @param tie the tie at the cut-off awaiting the bureau, or null
 * @param tieDecision the bureau's decision on it, once applied, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradingProposal(
    int evaluatedCount,
    BigDecimal quotaPercent,
    int excellentQuota,
    List<GradedBase> bases,
    TieGroup tie,
    TieDecision tieDecision) {

  public GradingProposal {
    bases = List.copyOf(bases);
  }

  /** True when every base has a grade (no tie awaiting the bureau). */
  public boolean isComplete() {
    return bases.stream().allMatch(b -> b.grade() != null);
  }

  public boolean awaitsTieDecision() {
    return tie != null && tieDecision == null;
  }

  public GradedBase base(String baseId) {
    return bases.stream().filter(b -> b.baseId().equals(baseId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("不在本次评定名单中：" + baseId));
  }

  public long count(Grade grade) {
    return bases.stream().filter(b -> b.grade() == grade).count();
  }

  /**
   * One base of the proposal.
   *
   * @param total total score (null for an absent base)
   * @param rank competition rank by total, equal totals share a rank (null when absent)
   * @param gradeByScore what the DMN decision gives for the total (ABSENT when absent)
   * @param grade final grade after quota and tie decision; null while the tie is pending
   * @param note why the grade differs from the grade by score, in Chinese (empty otherwise)
   */
  public record GradedBase(
      String baseId,
      String baseName,
      BigDecimal total,
      Integer rank,
      Grade gradeByScore,
      Grade grade,
      String note) {}

  /**
   * Bases sharing the cut-off score: {@code seats} of 优秀 remain for {@code baseIds.size()} bases.
   */
  public record TieGroup(BigDecimal score, int seats, List<String> baseIds, String description) {
    public TieGroup {
      baseIds = List.copyOf(baseIds);
    }
  }

  /** The bureau's decision: which tied bases get 优秀 (at most the seats), why, and who decided. */
  public record TieDecision(List<String> excellentBaseIds, String reason, String decidedBy) {
    public TieDecision {
      excellentBaseIds = excellentBaseIds == null ? List.of() : List.copyOf(excellentBaseIds);
    }
  }
}
