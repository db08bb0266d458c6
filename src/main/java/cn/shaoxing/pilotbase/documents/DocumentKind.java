package cn.shaoxing.pilotbase.documents;

/**
 * The official documents (公文) the platform issues. Public kinds are published by the bureau and may
 * be read by anyone, also without signing in; the others go to the case's applicant or base and its
 * district or competent unit (and the bureau, party committee and administrators).
 */
public enum DocumentKind {
  ROUND_PUBLICITY("拟评定名单公示", true),
  DESIGNATION_NOTICE("认定文件", true),
  EVALUATION_PUBLICITY("评价结果公示", true),
  EVALUATION_RESULT("评价结果通知", true),
  REVOCATION_DECISION("撤销决定", false),
  OUTCOME_LETTER("结果告知书", false);

  private final String chineseName;
  private final boolean publicDocument;

  DocumentKind(String chineseName, boolean publicDocument) {
    this.chineseName = chineseName;
    this.publicDocument = publicDocument;
  }

  public String chineseName() {
    return chineseName;
  }

  public boolean isPublic() {
    return publicDocument;
  }
}
