package cn.shaoxing.pilotbase.identity;

import java.util.List;

/** The demo profile's users, one or more per role (README "Demo users"). Password: {@value #PASSWORD}. */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  /** A demo account. */
  public record DemoUser(String id, String lastName, String firstName, Role role) {
    public String email() {
      return id + "@pilotbase.example.cn";
    }
  }

  public static final List<DemoUser> ALL =
      List.of(
          new DemoUser("admin", "管理员", "系统", Role.ADMIN),
          new DemoUser("bureau1", "张", "成果转化处经办人", Role.BUREAU),
          new DemoUser("bureau2", "李", "成果转化处处长", Role.BUREAU),
          new DemoUser("party1", "王", "党组秘书", Role.PARTY_COMMITTEE),
          new DemoUser("third1", "赵", "第三方机构审查员", Role.THIRD_PARTY),
          new DemoUser("expert1", "钱", "专家（集成电路）", Role.EXPERT),
          new DemoUser("expert2", "孙", "专家（生物医药）", Role.EXPERT),
          new DemoUser("expert3", "周", "专家（新材料）", Role.EXPERT),
          new DemoUser("expert4", "吴", "专家（高端装备）", Role.EXPERT),
          new DemoUser("expert5", "郑", "专家（现代纺织）", Role.EXPERT),
          new DemoUser("expert6", "冯", "专家（绿色化工）", Role.EXPERT),
          new DemoUser("applicant1", "陈", "申报单位联系人一", Role.APPLICANT),
          new DemoUser("applicant2", "褚", "申报单位联系人二", Role.APPLICANT),
          new DemoUser("applicant3", "卫", "申报单位联系人三", Role.APPLICANT),
          new DemoUser("yuecheng1", "蒋", "越城区科技局审核员", Role.DISTRICT_YUECHENG),
          new DemoUser("keqiao1", "沈", "柯桥区科技局审核员", Role.DISTRICT_KEQIAO),
          new DemoUser("shangyu1", "韩", "上虞区科技局审核员", Role.DISTRICT_SHANGYU),
          new DemoUser("zhuji1", "杨", "诸暨市科技局审核员", Role.DISTRICT_ZHUJI),
          new DemoUser("shengzhou1", "朱", "嵊州市科技局审核员", Role.DISTRICT_SHENGZHOU),
          new DemoUser("xinchang1", "秦", "新昌县科技局审核员", Role.DISTRICT_XINCHANG),
          new DemoUser("binhai1", "尤", "滨海新区科技局审核员", Role.DISTRICT_BINHAI),
          new DemoUser("edu1", "许", "市教育局审核员", Role.UNIT_EDUCATION),
          new DemoUser("econ1", "何", "市经信局审核员", Role.UNIT_ECONOMY));

  private DemoUsers() {}
}
