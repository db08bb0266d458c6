package cn.shaoxing.pilotbase.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/** One evaluation cycle. */
public record Cycle(String id, String name, int year, CycleStatus status, String scoringMode,
    String processInstanceId, Instant publicityStart, Instant publicityEnd, String documentNumber,
    LocalDate documentDate) {}
