package cn.shaoxing.pilotbase.evaluation;

/** Where one base stands in one cycle. */
public enum ParticipationStatus {
  INVITED("待自评"),
  SUBMITTED("已提交自评"),
  RETURNED("退回修改"),
  AUDITED("审核通过"),
  SCORED("评分完成"),
  ABSENT("未参加");

  private final String chineseName;

  ParticipationStatus(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
