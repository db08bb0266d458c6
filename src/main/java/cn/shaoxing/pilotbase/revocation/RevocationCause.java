package cn.shaoxing.pilotbase.revocation;

import cn.shaoxing.pilotbase.forms.Variable;
import java.util.Arrays;
import java.util.Optional;

/** The causes of annex §三 (绩效评价规则 三、监督管理); the option values of cause on revocation-start. */
public enum RevocationCause implements Variable.Choice {
  accident("发生严重质量事故、安全事故或环保事故（附件第三条第（一）项）"),
  falseMaterials("提供虚假材料或数据等严重失信行为（附件第三条第（二）项）"),
  failedTwice("连续两次绩效评价“不合格”（附件第三条第（三）项）"),
  absent("无故不参加绩效评价（附件第三条第（三）项）"),
  noCapacity("已不再具备对外开展中试服务能力（附件第三条第（四）项）"),
  other("其他需要撤销评定的情形（附件第三条第（五）项）");

  private final String chineseName;

  RevocationCause(String chineseName) {
    this.chineseName = chineseName;
  }

  @Override
  public String value() {
    return name();
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<RevocationCause> of(String s) {
    return Arrays.stream(values()).filter(c -> c.name().equals(s)).findFirst();
  }

  /** Whether district reviewers must be warned when the organisation applies again. */
  public boolean flagsReapplication() {
    return this == falseMaterials;
  }
}
