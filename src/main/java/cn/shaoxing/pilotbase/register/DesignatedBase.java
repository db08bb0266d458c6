package cn.shaoxing.pilotbase.register;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the register of designated pilot bases. */
public record DesignatedBase(
    String id,
    String baseName,
    String orgName,
    String creditCode,
    String industryChain,
    String reviewerGroup,
    int designationYear,
    String documentNumber,
    LocalDate documentDate,
    BaseStatus status,
    String sourceApplication,
    Instant designatedAt,
    Instant revokedAt,
    String revocationReason) {}
