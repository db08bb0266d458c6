package cn.shaoxing.pilotbase.forms;

import cn.shaoxing.pilotbase.forms.FormSchema.Field;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Re-checks submitted values against a form's own validation settings, as the browser did: the
 * server must not trust the browser (anything can be posted to the REST API). Texts without an
 * explicit maximum are still capped so nobody can store megabytes in a variable.
 */
public final class FormSchemaCheck {

  static final int DEFAULT_MAX_TEXTFIELD = 500;
  static final int DEFAULT_MAX_TEXTAREA = SubmissionGate.MAX_TEXT;
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9\\- ]{5,19}$");

  private FormSchemaCheck() {}

  /** Whether the text is an e-mail address by the forms' rule (also for our API's inputs). */
  public static boolean isEmail(String text) {
    return text != null && EMAIL.matcher(text).matches();
  }

  public static void check(FormSchema schema, Map<String, Object> values, ValidationErrors errors) {
    for (Field f : schema.fields()) {
      checkField(f, values.get(f.key()), errors);
    }
  }

  @SuppressWarnings("unchecked")
  static void checkField(Field f, Object value, ValidationErrors errors) {
    String name = Checks.name(f.label());
    if (isEmpty(value)) {
      if (f.required() && !f.conditional()) {
        errors.add(f.key(), name + "为必填项");
      }
      return;
    }
    switch (f.type()) {
      case "number" -> checkNumber(f, name, value, errors);
      case "textfield", "textarea" -> checkText(f, name, value, errors);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          errors.add(f.key(), name + "必须为是/否");
        }
      }
      case "select", "radio" -> {
        if (!f.options().isEmpty() && !f.options().contains(String.valueOf(value))) {
          errors.add(f.key(), name + "的取值“" + abbreviate(value) + "”不在可选项中");
        }
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> list)) {
          errors.add(f.key(), name + "必须为列表");
        } else if (!f.options().isEmpty()) {
          for (Object item : list) {
            if (!f.options().contains(String.valueOf(item))) {
              errors.add(f.key(), name + "包含不在可选项中的取值“" + abbreviate(item) + "”");
            }
          }
        }
      }
      case "datetime" -> checkDate(f, name, value, errors);
      case "dynamiclist" -> {
        if (!(value instanceof Collection<?> rows)) {
          errors.add(f.key(), name + "必须为列表");
        } else {
          int i = 0;
          for (Object row : rows) {
            i++;
            if (!(row instanceof Map<?, ?> map)) {
              errors.add(f.key(), name + "第" + i + "行格式错误");
              continue;
            }
            for (Field child : f.children()) {
              checkField(child, ((Map<String, Object>) map).get(child.key()), errors);
            }
          }
        }
      }
      default -> { }
    }
  }

  private static void checkNumber(Field f, String name, Object value, ValidationErrors errors) {
    Double n = toNumber(value);
    if (n == null || n.isNaN() || n.isInfinite()) {
      errors.add(f.key(), name + "必须为数字");
      return;
    }
    if (f.decimalDigits() != null && f.decimalDigits() >= 0 && decimals(value) > f.decimalDigits()) {
      errors.add(f.key(), name + (f.decimalDigits() == 0 ? "必须为整数" : "最多保留" + f.decimalDigits() + "位小数"));
    }
    if (f.min() != null && n < f.min()) {
      errors.add(f.key(), name + "不能小于" + plain(f.min()));
    }
    if (f.max() != null && n > f.max()) {
      errors.add(f.key(), name + "不能大于" + plain(f.max()));
    }
  }

  private static void checkText(Field f, String name, Object value, ValidationErrors errors) {
    if (!(value instanceof String s)) {
      errors.add(f.key(), name + "必须为文本");
      return;
    }
    // never more than a process variable can hold on PostgreSQL, whatever the form says
    int max = Math.min(SubmissionGate.MAX_TEXT, f.maxLength() != null ? f.maxLength()
        : "textarea".equals(f.type()) ? DEFAULT_MAX_TEXTAREA : DEFAULT_MAX_TEXTFIELD);
    int len = s.codePointCount(0, s.length());
    if (len > max) {
      errors.add(f.key(), name + "不得超过" + max + "字（当前" + len + "字）");
    }
    if (f.minLength() != null && len < f.minLength()) {
      errors.add(f.key(), name + "不得少于" + f.minLength() + "字");
    }
    if (f.pattern() != null) {
      try {
        if (!Pattern.compile(f.pattern()).matcher(s).find()) {
          errors.add(f.key(), name + "格式不正确");
        }
      } catch (PatternSyntaxException e) {
        errors.add(f.key(), name + "的校验规则配置错误，请联系管理员");
      }
    }
    if ("email".equals(f.validationType()) && !EMAIL.matcher(s).matches()) {
      errors.add(f.key(), name + "不是有效的电子邮箱地址");
    }
    if ("phone".equals(f.validationType()) && !PHONE.matcher(s).matches()) {
      errors.add(f.key(), name + "不是有效的电话号码");
    }
  }

  private static void checkDate(Field f, String name, Object value, ValidationErrors errors) {
    if (value instanceof java.util.Date) {
      return;
    }
    String s = String.valueOf(value);
    try {
      if ("date".equals(f.dateSubtype())) {
        LocalDate.parse(s);
      } else if (s.length() > 10) {
        OffsetDateTime.parse(s);
      } else {
        LocalDate.parse(s);
      }
    } catch (DateTimeParseException e) {
      errors.add(f.key(), name + "不是有效的日期（格式：yyyy-MM-dd）");
    }
  }

  /** Digits after the decimal point, as written (trailing zeros do not count). */
  private static int decimals(Object value) {
    try {
      return Math.max(0, new java.math.BigDecimal(String.valueOf(value).trim()).stripTrailingZeros().scale());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Double toNumber(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || value instanceof String s && s.isBlank()
        || value instanceof Collection<?> c && c.isEmpty();
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
