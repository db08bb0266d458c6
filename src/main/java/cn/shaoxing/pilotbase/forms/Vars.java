package cn.shaoxing.pilotbase.forms;

import cn.shaoxing.pilotbase.platform.AppClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads submitted values whatever shape they arrive in (Tasklist sends numbers as Long or Double,
 * dates as "yyyy-MM-dd" strings, lists as Spin JSON; the REST API may send anything).
 */
public final class Vars {

  private Vars() {}

  public static String str(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    String s = o.toString().trim();
    return s.isEmpty() ? null : s;
  }

  public static Boolean bool(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o instanceof Boolean b) {
      return b;
    }
    if (o instanceof String s && ("true".equals(s) || "false".equals(s))) {
      return Boolean.valueOf(s);
    }
    return null;
  }

  public static boolean isTrue(Map<String, Object> v, String key) {
    return Boolean.TRUE.equals(bool(v, key));
  }

  /** A number, or null when missing or not a number. */
  public static BigDecimal num(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (o instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public static boolean present(Map<String, Object> v, String key) {
    Object o = v.get(key);
    return o != null && !(o instanceof String s && s.isBlank());
  }

  /** A date given as LocalDate, java.util.Date or ISO string ("2025-03-01" or with a time). */
  public static LocalDate date(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o instanceof LocalDate d) {
      return d;
    }
    if (o instanceof Date d) {
      return d.toInstant().atZone(AppClock.ZONE).toLocalDate();
    }
    if (o instanceof String s && s.length() >= 10) {
      try {
        return LocalDate.parse(s.substring(0, 10));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /** A list of strings from a Java collection, Spin JSON array or comma-separated string. */
  public static List<String> strings(Map<String, Object> v, String key) {
    Object o = v.get(key);
    List<String> out = new ArrayList<>();
    if (o instanceof Collection<?> c) {
      c.forEach(x -> out.add(String.valueOf(x)));
    } else if (o instanceof SpinJsonNode n && n.isArray()) {
      n.elements().forEach(x -> out.add(x.isString() ? x.stringValue() : x.toString()));
    } else if (o instanceof String s && !s.isBlank()) {
      if (s.trim().startsWith("[")) {
        org.camunda.spin.Spin.JSON(s).elements()
            .forEach(x -> out.add(x.isString() ? x.stringValue() : x.toString()));
      } else {
        for (String p : s.split(",")) {
          if (!p.isBlank()) {
            out.add(p.trim());
          }
        }
      }
    }
    return out;
  }
}
