package cn.shaoxing.pilotbase.documents;

/** How documents name the case they belong to ({@code doc_document.case_ref}). */
public final class CaseRefs {

  private CaseRefs() {}

  public static String round(int year) {
    return "round/" + year;
  }

  public static String cycle(String cycleId) {
    return "cycle/" + cycleId;
  }

  public static String application(String applicationId) {
    return "application/" + applicationId;
  }

  public static String revocation(String caseId) {
    return "revocation/" + caseId;
  }
}
