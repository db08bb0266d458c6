package cn.shaoxing.pilotbase.scoring;

import java.time.LocalDateTime;

/** One logged change of the scoring configuration; {@code changeId} is the table version after it. */
public record RuleChange(
    long changeId, LocalDateTime changedAt, String changedBy, String target, String oldValue,
    String newValue, String reason) {}
