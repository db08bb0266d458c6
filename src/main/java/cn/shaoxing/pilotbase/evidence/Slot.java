package cn.shaoxing.pilotbase.evidence;

/** A place for files in a case: an eligibility condition, an indicator, or a purpose (docs/evidence.md). */
public record Slot(String slot, String label, boolean required) {

  public static Slot required(String slot, String label) {
    return new Slot(slot, label, true);
  }

  public static Slot optional(String slot, String label) {
    return new Slot(slot, label, false);
  }
}
