package cn.shaoxing.pilotbase.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the biennial evaluation ({@code pilotbase.evaluation.*}).
 *
 * @param timerCycle ISO 8601 repeating interval of the timer start: first cycle and period
 * @param minYearsDesignated a base takes part when designated at least this many years earlier
 * @param selfEvaluationDays working days for the self-evaluation
 * @param reminderDaysBefore working days before the deadline the base is reminded
 * @param correctionDays working days a base gets after the district returns its filing
 * @param panelSize experts per base
 * @param scoringMode experts or thirdParty, for cycles started by the timer
 * @param publicityDays working days of publicity
 */
@ConfigurationProperties("pilotbase.evaluation")
public record EvaluationProperties(
    @DefaultValue("R/2026-03-02T09:00:00+08:00/P2Y") String timerCycle,
    @DefaultValue("1") int minYearsDesignated,
    @DefaultValue("20") int selfEvaluationDays,
    @DefaultValue("3") int reminderDaysBefore,
    @DefaultValue("5") int correctionDays,
    @DefaultValue("3") int panelSize,
    @DefaultValue("experts") String scoringMode,
    @DefaultValue("5") int publicityDays) {}
