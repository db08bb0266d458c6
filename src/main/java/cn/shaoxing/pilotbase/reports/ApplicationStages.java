package cn.shaoxing.pilotbase.reports;

import cn.shaoxing.pilotbase.designation.ApplicationStatus;

/**
 * What the district and the formal review concluded, read from where an application stands: each
 * status after a step implies that step's outcome (a formal review is only reached when the district
 * recommended; expert review only after the formal review passed).
 */
final class ApplicationStages {

  private ApplicationStages() {}

  /** 区县审核结论. */
  static String district(ApplicationStatus status, Integer rank) {
    return switch (status) {
      case SUBMITTED, IN_DISTRICT_REVIEW -> "待审核";
      case RETURNED -> "退回补正";
      case INELIGIBLE, ABANDONED, WITHDRAWN -> "未审核";
      case DISTRICT_REJECTED -> "不予推荐";
      case RECOMMENDED, FORMAL_REVIEW, FORMAL_RETURNED, FORMAL_FAILED, EXPERT_REVIEW, EVALUATED, PROPOSED,
          NOT_CHOSEN, OBJECTION_UPHELD, DESIGNATED -> rank == null ? "推荐" : "推荐（第" + rank + "名）";
    };
  }

  /** 形式审查结果. */
  static String formalReview(ApplicationStatus status) {
    return switch (status) {
      case SUBMITTED, IN_DISTRICT_REVIEW, RETURNED, INELIGIBLE, ABANDONED, WITHDRAWN, DISTRICT_REJECTED -> "";
      case RECOMMENDED -> "待审查";
      case FORMAL_REVIEW -> "审查中";
      case FORMAL_RETURNED -> "退回补正";
      case FORMAL_FAILED -> "不通过";
      case EXPERT_REVIEW, EVALUATED, PROPOSED, NOT_CHOSEN, OBJECTION_UPHELD, DESIGNATED -> "通过";
    };
  }
}
