package cn.shaoxing.pilotbase.scoring;

/** Input or configuration rejected by the scoring rules; the message is Chinese and shown to users. */
public class ScoringValidationException extends IllegalArgumentException {

  public ScoringValidationException(String chineseMessage) {
    super(chineseMessage);
  }
}
