package cn.shaoxing.pilotbase.experts;

/**
 * What an expert panel is drawn for: a case reference (e.g. an application id), the organisation
 * under review (name and unified social credit code) and its industry chain, used to prefer
 * experts of that speciality.
 */
public record DrawCase(
    String caseRef, String orgName, String orgCreditCode, String industryChain) {}
