package cn.shaoxing.pilotbase.designation;

/** Where an application stands; kept in {@code dsg_application.status}. */
public enum ApplicationStatus {
  SUBMITTED("已提交"),
  INELIGIBLE("不符合参评条件"),
  ABANDONED("放弃申报"),
  RETURNED("退回补正"),
  IN_DISTRICT_REVIEW("区县审核中"),
  WITHDRAWN("已撤回"),
  DISTRICT_REJECTED("区县未推荐"),
  RECOMMENDED("已推荐"),
  FORMAL_REVIEW("形式审查中"),
  FORMAL_RETURNED("形式审查退回补正"),
  FORMAL_FAILED("形式审查未通过"),
  EXPERT_REVIEW("专家评审中"),
  EVALUATED("评审完成"),
  PROPOSED("列入拟评定名单"),
  NOT_CHOSEN("未列入拟评定名单"),
  OBJECTION_UPHELD("异议成立"),
  DESIGNATED("已评定");

  private final String chineseName;

  ApplicationStatus(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Still before the district's decision: the round cannot collect recommendations yet. */
  public boolean beforeDistrictDecision() {
    return this == SUBMITTED || this == INELIGIBLE || this == RETURNED || this == IN_DISTRICT_REVIEW;
  }
}
