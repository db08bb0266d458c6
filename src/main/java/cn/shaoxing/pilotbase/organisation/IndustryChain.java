package cn.shaoxing.pilotbase.organisation;

import java.util.Arrays;
import java.util.Optional;

/** Industry chains an applicant may serve (§一.（三） names the first three as targets). */
public enum IndustryChain {
  INTEGRATED_CIRCUITS("integratedCircuits", "集成电路"),
  BIOMEDICINE("biomedicine", "生物医药"),
  NEW_MATERIALS("newMaterials", "新材料"),
  HIGH_END_EQUIPMENT("highEndEquipment", "高端装备"),
  MODERN_TEXTILES("modernTextiles", "现代纺织"),
  GREEN_CHEMICALS("greenChemicals", "绿色化工"),
  NEW_ENERGY("newEnergy", "新能源"),
  OTHER("other", "其他");

  private final String id;
  private final String chineseName;

  IndustryChain(String id, String chineseName) {
    this.id = id;
    this.chineseName = chineseName;
  }

  public String id() {
    return id;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<IndustryChain> byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  public static String label(String id) {
    return byId(id).map(IndustryChain::chineseName).orElse(id);
  }
}
