package cn.shaoxing.pilotbase.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Rounding and formatting of points and figures, one convention for the whole capability. */
final class Numbers {

  /** Intermediate precision: 16 significant digits. */
  static final MathContext MC = MathContext.DECIMAL64;

  /** Points are kept to 2 decimals, half up. */
  static final int POINT_SCALE = 2;

  /** Sanity bound for any figure (m², 万元, persons, items): larger is a typing error. */
  static final BigDecimal MAX_FIGURE = new BigDecimal("100000000");

  private Numbers() {}

  /** Canonical form of a configured number (300.0000 → 300), so equal rules compare equal. */
  static BigDecimal normalize(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static BigDecimal points(BigDecimal value) {
    return value.setScale(POINT_SCALE, RoundingMode.HALF_UP);
  }

  /** "1500", "12.5", "0.3" — no trailing zeros, never scientific notation. */
  static String plain(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }

  /** Points shown with two decimals: "3.50". */
  static String pts(BigDecimal value) {
    return points(value).toPlainString();
  }

  /** A figure with its unit: "1500平方米", "12项"; unit "/" is omitted. */
  static String withUnit(BigDecimal value, String unit) {
    return plain(value) + ("/".equals(unit) || unit == null ? "" : unit);
  }
}
