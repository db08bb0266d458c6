package cn.shaoxing.pilotbase.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Building blocks of {@link CompletionRule}s: a check reports a Chinese message in the same words
 * as {@link FormSchemaCheck} (「字段名」为必填项, 「字段名」不得超过N字（当前M字）, …), so a refusal reads
 * alike whether the form's schema or a Java rule found it.
 */
public final class Checks {

  private final Map<String, Object> v;
  private final ValidationErrors errors;

  public Checks(Map<String, Object> v, ValidationErrors errors) {
    this.v = v;
    this.errors = errors;
  }

  /** The field name as messages show it: 「label」. */
  static String name(String label) {
    return "「" + label + "」";
  }

  public boolean required(String key, String label) {
    if (!Vars.present(v, key)) {
      errors.add(key, name(label) + "为必填项");
      return false;
    }
    return true;
  }

  /** At most {@code max} characters, counted as code points like {@link FormSchemaCheck}. */
  public void maxLength(String key, String label, int max) {
    String s = Vars.str(v, key);
    if (s == null) {
      return;
    }
    int len = s.codePointCount(0, s.length());
    if (len > max) {
      errors.add(key, name(label) + "不得超过" + max + "字（当前" + len + "字）");
    }
  }

  public void requiredText(String key, String label, int max) {
    if (required(key, label)) {
      maxLength(key, label, max);
    }
  }

  public boolean oneOf(String key, String label, Set<String> allowed) {
    String s = Vars.str(v, key);
    if (s == null) {
      errors.add(key, name(label) + "为必填项");
      return false;
    }
    if (!allowed.contains(s)) {
      errors.add(key, name(label) + "的取值“" + s + "”不在可选项中");
      return false;
    }
    return true;
  }

  public boolean bool(String key, String label) {
    if (Vars.bool(v, key) == null) {
      errors.add(key, name(label) + (Vars.present(v, key) ? "必须为是/否" : "为必填项"));
      return false;
    }
    return true;
  }

  public void mustBeTrue(String key, String message) {
    if (!Vars.isTrue(v, key)) {
      errors.add(key, message);
    }
  }

  /** A number within [min, max]; integer when asked. Returns it, or null after reporting. */
  public BigDecimal number(String key, String label, BigDecimal min, BigDecimal max,
      boolean integer) {
    if (!Vars.present(v, key)) {
      errors.add(key, name(label) + "为必填项");
      return null;
    }
    BigDecimal n = Vars.num(v, key);
    if (n == null) {
      errors.add(key, name(label) + "必须为数字");
      return null;
    }
    if (integer && n.stripTrailingZeros().scale() > 0) {
      errors.add(key, name(label) + "必须为整数");
      return null;
    }
    if (n.compareTo(min) < 0) {
      errors.add(key, name(label) + "不能小于" + min.toPlainString());
      return null;
    }
    if (n.compareTo(max) > 0) {
      errors.add(key, name(label) + "不能大于" + max.toPlainString());
      return null;
    }
    return n;
  }

  public BigDecimal number(String key, String label, long min, long max, boolean integer) {
    return number(key, label, BigDecimal.valueOf(min), BigDecimal.valueOf(max), integer);
  }

  public LocalDate date(String key, String label) {
    if (!required(key, label)) {
      return null;
    }
    LocalDate d = Vars.date(v, key);
    if (d == null) {
      errors.add(key, name(label) + "不是有效的日期（格式：yyyy-MM-dd）");
    }
    return d;
  }

  public void add(String key, String message) {
    errors.add(key, message);
  }
}
