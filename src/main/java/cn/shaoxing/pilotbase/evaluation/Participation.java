package cn.shaoxing.pilotbase.evaluation;

import java.math.BigDecimal;

/** One base in one cycle, with its result once graded. */
public record Participation(String id, String cycleId, String baseId, ParticipationStatus status,
    String figuresJson, String districtOpinion, String onsiteFindings, Boolean absenceExcused,
    String absenceReason, BigDecimal total, Integer rank, String grade, String gradeNote,
    String working) {}
