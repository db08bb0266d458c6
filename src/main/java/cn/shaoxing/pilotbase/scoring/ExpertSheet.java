package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One expert's (or the commissioned third party's) marks for one base.
 *
 * <p>For a qualitative indicator (rule EXPERT) the expert must give points within [0, full
 * points]; for the bonus a missing mark counts as 0. For a quantitative indicator a mark is
 * optional: without one the expert accepts the computed points; with one whose points differ from
 * the computed points, it is an adjustment (e.g. evidence does not support the figure) and the
 * reason is mandatory.
 */
public record ExpertSheet(String expertId, String expertName, List<Mark> marks) {

  public ExpertSheet {
    marks = marks == null ? List.of() : List.copyOf(marks);
  }

  /** Points the expert gives to one indicator, with the reason. */
  public record Mark(String indicatorId, BigDecimal points, String reason) {}
}
