package cn.shaoxing.pilotbase.designation;

import java.util.List;

/**
 * Field keys of the application form (start form and correction form share them), declared once.
 * They are the form's keys, not a second declaration of process variables: the typed variables the
 * Java reads are {@link DesignationVariables}' constants built from these names (orgName and
 * reviewerGroup: {@code objection.ObjectionVariables}).
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
      new Figure("graduateStaff", "本科及以上中试人才总数", "人", 100_000L, true),
      new Figure("rdSpend", "中试基地研发费用", "万元", 10_000_000L, false),
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

  private static final java.util.Map<String, String> LABELS = java.util.Map.of(
      INDEPENDENT_LEGAL_PERSON, "具有独立法人资格，注册并正常经营满一年",
      "noSeriousDishonesty", "未发生严重违法失信行为",
      HOSTED_UNIT, "以依托单位参评",
      INDEPENDENT_ACCOUNTS, "财务收支独立核算",
      "hasPilotFacilities", "具有中试设备和场地",
      "hasPilotTeam", "拥有相适应的人才团队",
      "hasManagementRules", "内部管理规范",
      "hasServiceRecord", "成果转化服务业绩明显",
      "noMajorAccident", "近一年内未发生重大事故或严重环境违法",
      "meetsSafetyEnvironment", "符合安全、环保要求");

  /** Chinese label of a declaration key. */
  public static String label(String key) {
    return LABELS.getOrDefault(key, key);
  }

  private ApplicationForm() {}
}
