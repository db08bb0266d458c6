package cn.shaoxing.pilotbase.register;

import java.time.LocalDate;

/** What is needed to enter a base into the register (发文公布). */
public record Designation(
    String orgName,
    String creditCode,
    String industryChain,
    String reviewerGroup,
    int designationYear,
    String documentNumber,
    LocalDate documentDate,
    String sourceApplication) {}
