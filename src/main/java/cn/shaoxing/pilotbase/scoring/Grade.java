package cn.shaoxing.pilotbase.scoring;

import java.util.Arrays;

/**
 * Evaluation result classes (§五.（三）): 优秀 / 良好 / 合格 / 不合格, plus 未参加 for a base that did
 * not take part (not a grade by score; annex §三.（三） may lead to revocation).
 */
public enum Grade {
  EXCELLENT("优秀"),
  GOOD("良好"),
  PASS("合格"),
  FAIL("不合格"),
  ABSENT("未参加");

  private final String chineseName;

  Grade(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The grade whose Chinese name the DMN decision returned. */
  public static Grade fromChinese(String name) {
    return Arrays.stream(values())
        .filter(g -> g.chineseName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("评价档次决策返回了未知档次：" + name));
  }
}
