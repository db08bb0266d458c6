package cn.shaoxing.pilotbase.designation;

import cn.shaoxing.pilotbase.forms.ValidationErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** Small domain checks shared by the designation's completion rules; messages are Chinese. */
final class Checks {

  private final Map<String, Object> v;
  private final ValidationErrors errors;

  Checks(Map<String, Object> v, ValidationErrors errors) {
    this.v = v;
    this.errors = errors;
  }

  boolean required(String key, String label) {
    if (!Vars.present(v, key)) {
      errors.add(key, "“" + label + "”为必填项");
      return false;
    }
    return true;
  }

  void maxLength(String key, String label, int max) {
    String s = Vars.str(v, key);
    if (s != null && s.length() > max) {
      errors.add(key, "“" + label + "”不能超过" + max + "个字（当前" + s.length() + "个字）");
    }
  }

  void requiredText(String key, String label, int max) {
    if (required(key, label)) {
      maxLength(key, label, max);
    }
  }

  boolean oneOf(String key, String label, Set<String> allowed) {
    String s = Vars.str(v, key);
    if (s == null) {
      errors.add(key, "请选择“" + label + "”");
      return false;
    }
    if (!allowed.contains(s)) {
      errors.add(key, "“" + label + "”的取值“" + s + "”无效");
      return false;
    }
    return true;
  }

  boolean bool(String key, String label) {
    if (Vars.bool(v, key) == null) {
      errors.add(key, "请确认“" + label + "”");
      return false;
    }
    return true;
  }

  void mustBeTrue(String key, String message) {
    if (!Vars.isTrue(v, key)) {
      errors.add(key, message);
    }
  }

  /** A number within [min, max]; integer when asked. Returns it, or null after reporting. */
  BigDecimal number(String key, String label, BigDecimal min, BigDecimal max, boolean integer) {
    if (!Vars.present(v, key)) {
      errors.add(key, "“" + label + "”为必填项");
      return null;
    }
    BigDecimal n = Vars.num(v, key);
    if (n == null) {
      errors.add(key, "“" + label + "”必须是数字");
      return null;
    }
    if (integer && n.stripTrailingZeros().scale() > 0) {
      errors.add(key, "“" + label + "”必须是整数");
      return null;
    }
    if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
      errors.add(key, "“" + label + "”应在" + min.toPlainString() + "至" + max.toPlainString()
          + "之间（当前" + n.toPlainString() + "）");
      return null;
    }
    return n;
  }

  BigDecimal number(String key, String label, long min, long max, boolean integer) {
    return number(key, label, BigDecimal.valueOf(min), BigDecimal.valueOf(max), integer);
  }

  LocalDate date(String key, String label) {
    if (!required(key, label)) {
      return null;
    }
    LocalDate d = Vars.date(v, key);
    if (d == null) {
      errors.add(key, "“" + label + "”不是有效日期");
    }
    return d;
  }

  void add(String key, String message) {
    errors.add(key, message);
  }
}
