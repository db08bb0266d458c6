package cn.shaoxing.pilotbase.designation;

/** Stage of an annual round; kept in {@code dsg_round.status}. */
public enum RoundStatus {
  OPEN,
  REVIEW,
  PARTY_REVIEW,
  PUBLICITY,
  PUBLISHED,
  CLOSED
}
