package cn.shaoxing.pilotbase.designation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the designation round ({@code pilotbase.designation.*}). How expert marks combine
 * is not one of them: it is the bureau's scoring setting ({@code aggregation.*}, docs/scoring.md),
 * the same for the designation and the evaluation.
 *
 * @param defaultPanelSize experts per panel when the round does not say otherwise (issue 3: 5)
 * @param publicityDays length of publicity in working days (§四.（四）: 5)
 * @param defaultCorrectionDays working days the applicant gets to correct after formal review
 */
@ConfigurationProperties("pilotbase.designation")
public record DesignationProperties(
    @DefaultValue("5") int defaultPanelSize,
    @DefaultValue("5") int publicityDays,
    @DefaultValue("5") int defaultCorrectionDays) {}
