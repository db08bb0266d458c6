package cn.shaoxing.pilotbase.designation;

import java.time.Instant;
import java.time.LocalDate;

/** One annual designation round. */
public record Round(
    int year,
    String processInstanceId,
    LocalDate applicationDeadline,
    RoundStatus status,
    int panelSize,
    Instant publicityStart,
    Instant publicityEnd,
    String objectionContact,
    String documentNumber,
    LocalDate documentDate) {}
