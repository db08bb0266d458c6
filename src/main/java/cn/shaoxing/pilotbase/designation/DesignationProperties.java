package cn.shaoxing.pilotbase.designation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the designation round ({@code pilotbase.designation.*}).
 *
 * @param defaultPanelSize experts per panel when the round does not say otherwise (issue 3: 5)
 * @param aggregation how expert totals combine into the final score
 * @param trimmedMinExperts from how many submitted reviews the trimmed mean drops highest and lowest
 * @param publicityDays length of publicity in working days (§四.（四）: 5)
 * @param defaultCorrectionDays working days the applicant gets to correct after formal review
 */
@ConfigurationProperties("pilotbase.designation")
public record DesignationProperties(
    @DefaultValue("5") int defaultPanelSize,
    @DefaultValue("TRIMMED_MEAN") ScoreAggregation.Rule aggregation,
    @DefaultValue("5") int trimmedMinExperts,
    @DefaultValue("5") int publicityDays,
    @DefaultValue("5") int defaultCorrectionDays) {}
