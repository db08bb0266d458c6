package cn.shaoxing.pilotbase.register;

import java.time.Instant;
import java.time.LocalDate;

/** One entry in a base's history (designated, evaluated, revoked, ...). */
public record BaseEvent(
    String id,
    String baseId,
    String eventType,
    LocalDate eventDate,
    String documentNumber,
    String note,
    Instant recordedAt) {}
