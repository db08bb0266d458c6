package cn.shaoxing.pilotbase.experts;

/** Why an expert declined a case. A conflict is also recorded as a declared conflict of interest. */
public enum DeclineKind {
  CONFLICT,
  UNAVAILABLE
}
