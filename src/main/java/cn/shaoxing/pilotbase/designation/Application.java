package cn.shaoxing.pilotbase.designation;

import java.math.BigDecimal;

/**
 * One application of a round, as kept in {@code dsg_application}; {@code finalScore} and {@code
 * tableVersion} (the indicator table version it was scored with) are set when the round scores.
 */
public record Application(
    String id,
    int roundYear,
    String processInstanceId,
    String applicantUserId,
    String orgName,
    String creditCode,
    String reviewerGroup,
    String industryChain,
    String contactEmail,
    ApplicationStatus status,
    Integer districtRank,
    BigDecimal finalScore,
    String onsiteFindings,
    String outcomeReason,
    Long tableVersion) {}
