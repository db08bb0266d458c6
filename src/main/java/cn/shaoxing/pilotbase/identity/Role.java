package cn.shaoxing.pilotbase.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every role of REQUIREMENTS.md §2 as a Camunda group. Ids avoid hyphens so they pass Camunda's
 * default resource whitelist pattern (see docs/adr/0003-roles-as-groups.md).
 */
public enum Role {
  BUREAU("bureau", "市科技局（成果转化处）", Kind.BUREAU),
  PARTY_COMMITTEE("partyCommittee", "市科技局党组", Kind.PARTY_COMMITTEE),
  THIRD_PARTY("thirdParty", "第三方机构", Kind.THIRD_PARTY),
  EXPERT("expert", "评审专家", Kind.EXPERT),
  APPLICANT("applicant", "参评主体/依托单位", Kind.APPLICANT),
  DISTRICT_YUECHENG("districtYuecheng", "越城区科技局", Kind.DISTRICT),
  DISTRICT_KEQIAO("districtKeqiao", "柯桥区科技局", Kind.DISTRICT),
  DISTRICT_SHANGYU("districtShangyu", "上虞区科技局", Kind.DISTRICT),
  DISTRICT_ZHUJI("districtZhuji", "诸暨市科技局", Kind.DISTRICT),
  DISTRICT_SHENGZHOU("districtShengzhou", "嵊州市科技局", Kind.DISTRICT),
  DISTRICT_XINCHANG("districtXinchang", "新昌县科技局", Kind.DISTRICT),
  DISTRICT_BINHAI("districtBinhai", "滨海新区科技局", Kind.DISTRICT),
  UNIT_EDUCATION("unitEducation", "市教育局（市级归口管理单位）", Kind.COMPETENT_UNIT),
  UNIT_ECONOMY("unitEconomy", "市经信局（市级归口管理单位）", Kind.COMPETENT_UNIT),
  ADMIN("camunda-admin", "系统管理员", Kind.ADMIN);

  /** What kind of actor a group stands for. */
  public enum Kind {
    BUREAU, PARTY_COMMITTEE, THIRD_PARTY, EXPERT, APPLICANT, DISTRICT, COMPETENT_UNIT, ADMIN
  }

  private final String groupId;
  private final String chineseName;
  private final Kind kind;

  Role(String groupId, String chineseName, Kind kind) {
    this.groupId = groupId;
    this.chineseName = chineseName;
    this.kind = kind;
  }

  public String groupId() {
    return groupId;
  }

  public String chineseName() {
    return chineseName;
  }

  public Kind kind() {
    return kind;
  }

  /** District groups and municipal competent units: the reviewers an applicant files through. */
  public boolean isReviewer() {
    return kind == Kind.DISTRICT || kind == Kind.COMPETENT_UNIT;
  }

  public static Optional<Role> byGroupId(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }

  public static List<Role> reviewers() {
    return Arrays.stream(values()).filter(Role::isReviewer).toList();
  }
}
