package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What one base reports for the period (the self-evaluation figures, after the district's audit):
 * indicator id → figure in the indicator's unit. Qualitative indicators have no figure.
 */
public record BaseFigures(String baseId, String baseName, Map<String, BigDecimal> figures) {

  public BaseFigures {
    // HashMap copy: Map.copyOf rejects null values, which we want to report in Chinese instead
    figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new HashMap<>(figures));
  }
}
