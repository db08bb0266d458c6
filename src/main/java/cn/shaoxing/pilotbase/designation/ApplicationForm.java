package cn.shaoxing.pilotbase.designation;

import java.util.List;

/**
 * Field keys of the application form (start form and correction form share them), declared once.
 */
public final class ApplicationForm {

  public static final String START_FORM_ID = "designation-application-start";
  public static final String CORRECTION_FORM_ID = "designation-application-correction";

  public static final String ORG_NAME = "orgName";
  public static final String CREDIT_CODE = "creditCode";
  public static final String INDEPENDENT_LEGAL_PERSON = "independentLegalPerson";
  public static final String REGISTRATION_DATE = "registrationDate";
  public static final String REVIEWER_GROUP = "reviewerGroup";
  public static final String INDUSTRY_CHAIN = "industryChain";
  public static final String HOSTED_UNIT = "hostedUnit";
  public static final String INDEPENDENT_ACCOUNTS = "independentAccounts";
  public static final String CONTACT_NAME = "contactName";
  public static final String CONTACT_PHONE = "contactPhone";
  public static final String CONTACT_EMAIL = "contactEmail";
  public static final String DECLARATION_TRUTHFUL = "declarationTruthful";

  /** Declarations on the six conditions of §三 (true = the applicant declares it holds). */
  public static final List<String> DECLARATIONS = List.of(
      INDEPENDENT_LEGAL_PERSON, "noSeriousDishonesty", HOSTED_UNIT, INDEPENDENT_ACCOUNTS,
      "hasPilotFacilities", "hasPilotTeam", "hasManagementRules", "hasServiceRecord",
      "noMajorAccident", "meetsSafetyEnvironment");

  /** Free-text descriptions backing the declarations, and the evidence references. */
  public static final List<String> DESCRIPTIONS = List.of(
      "facilitiesDescription", "teamDescription", "managementDescription", "serviceDescription",
      "safetyDescription", "qualificationsNote", "socialBenefitNote", "evidenceRefs");

  /** Indicator figures (附表) with their unit and an upper bound beyond which a figure is absurd. */
  public record Figure(String key, String name, String unit, long max, boolean integer) {}

  public static final List<Figure> FIGURES = List.of(
      new Figure("siteArea", "中试场地面积", "平方米", 5_000_000L, false),
      new Figure("equipmentValue", "中试仪器设备原值", "万元", 10_000_000L, false),
      new Figure("bachelorStaff", "本科及以上中试人才总数", "人", 100_000L, true),
      new Figure("rdExpense", "中试基地研发费用", "万元", 10_000_000L, false),
      new Figure("serviceProjects", "中试服务成果（项目）数", "项", 100_000L, true),
      new Figure("serviceIncome", "中试服务收入", "万元", 10_000_000L, false),
      new Figure("landedProjects", "中试服务成果（项目）落地数", "项", 100_000L, true),
      new Figure("landedBenefit", "中试落地成果（项目）经济效益", "万元", 100_000_000L, false));

  /** Every key copied into the filing snapshot that experts and reviewers see. */
  public static List<String> allKeys() {
    List<String> keys = new java.util.ArrayList<>(List.of(ORG_NAME, CREDIT_CODE, REGISTRATION_DATE,
        REVIEWER_GROUP, INDUSTRY_CHAIN, CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL));
    keys.addAll(DECLARATIONS);
    keys.addAll(DESCRIPTIONS);
    FIGURES.forEach(f -> keys.add(f.key()));
    return keys;
  }

  public static final int MAX_TEXT = 2000;

  private ApplicationForm() {}
}
