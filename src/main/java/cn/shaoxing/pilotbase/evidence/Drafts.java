package cn.shaoxing.pilotbase.evidence;

import cn.shaoxing.pilotbase.identity.Role;
import java.util.List;
import java.util.Optional;

/**
 * Files uploaded on a start form before the case exists ({@code draft/{purpose}}): owned by the
 * uploader, stored as {@code draft/{purpose}/{userId}}, moved to the new case (and sealed) when the
 * start form is submitted ({@link EvidenceService#attachDrafts}).
 */
public final class Drafts {

  public static final String APPLICATION = "application";
  public static final String OBJECTION = "objection";
  public static final String REVOCATION = "revocation";

  public static final String OBJECTION_EVIDENCE = "objectionEvidence";
  public static final String CONSULT_EVIDENCE = "consultEvidence";
  public static final String REVOCATION_EVIDENCE = "revocationEvidence";
  public static final String STATEMENT_EVIDENCE = "statementEvidence";

  private Drafts() {}

  /** Who may fill the start form of a purpose: applicants file applications, the bureau the rest. */
  static Optional<Role> uploader(String purpose) {
    return switch (purpose) {
      case APPLICATION -> Optional.of(Role.APPLICANT);
      case OBJECTION, REVOCATION -> Optional.of(Role.BUREAU);
      default -> Optional.empty();
    };
  }

  static String title(String purpose) {
    return switch (purpose) {
      case APPLICATION -> "申报材料（提交申报前上传）";
      case OBJECTION -> "异议材料（登记异议前上传）";
      case REVOCATION -> "撤销依据材料（启动撤销前上传）";
      default -> purpose;
    };
  }

  static List<Slot> fixedSlots(String purpose) {
    return switch (purpose) {
      case OBJECTION -> List.of(Slot.optional(OBJECTION_EVIDENCE, "异议材料"));
      case REVOCATION -> List.of(Slot.optional(REVOCATION_EVIDENCE, "撤销依据材料"));
      default -> List.of();
    };
  }

  /** The stored case ref of a user's draft. */
  public static String ref(String purpose, String userId) {
    return "draft/" + purpose + "/" + userId;
  }
}
