package cn.shaoxing.pilotbase.scoring;

/** A user outside the bureau tried to change the scoring configuration (HTTP 403). */
public class ScoringAccessDeniedException extends RuntimeException {

  public ScoringAccessDeniedException(String chineseMessage) {
    super(chineseMessage);
  }
}
