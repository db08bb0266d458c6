package cn.shaoxing.pilotbase.evaluation;

/** Where an evaluation cycle stands. */
public enum CycleStatus {
  SELF_EVALUATION,
  GRADING,
  PARTY_REVIEW,
  PUBLICITY,
  PUBLISHED,
  EMPTY
}
