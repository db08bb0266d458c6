package cn.shaoxing.pilotbase.organisation;

/** Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters with a check digit. */
public final class CreditCode {

  private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CHARS.indexOf(code.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == CHARS.charAt(check);
  }

  /** Completes a 17-character prefix with its check character (used by tests and demo data). */
  public static String withCheckDigit(String prefix17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARS.indexOf(prefix17.charAt(i)) * WEIGHTS[i];
    }
    return prefix17 + CHARS.charAt((31 - sum % 31) % 31);
  }
}
