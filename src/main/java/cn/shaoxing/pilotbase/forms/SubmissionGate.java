package cn.shaoxing.pilotbase.forms;

import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a form submission may carry at all, before its values are checked: only the keys of the
 * form's editable fields (so nobody can set a variable the process owns, such as the applicant's
 * account or the expert's name), only plain value types (no byte arrays, files or serialized
 * objects) and no huge JSON. Text lengths are checked with the form's rules, capped at
 * {@link #MAX_TEXT} ({@link FormSchemaCheck}).
 */
public final class SubmissionGate {

  /** ACT_RU_VARIABLE.TEXT_ is varchar(4000) on PostgreSQL: a longer String fails the transaction. */
  public static final int MAX_TEXT = 4000;
  /**
   * The longest JSON value a form may submit (a list chosen in a checklist or taglist): the bureau's
   * proposed list of a round of 1,000 applications is about 40,000 characters (docs/performance.md);
   * JSON values are stored as byte arrays, not in the 4,000-character string column.
   */
  public static final int MAX_JSON = 500_000;

  private static final Set<String> PLAIN_TYPES = Set.of(
      ValueType.STRING.getName(), ValueType.BOOLEAN.getName(), ValueType.INTEGER.getName(),
      ValueType.LONG.getName(), ValueType.SHORT.getName(), ValueType.DOUBLE.getName(),
      ValueType.NUMBER.getName(), ValueType.DATE.getName(), ValueType.NULL.getName(), "json");

  private SubmissionGate() {}

  public static void check(FormSchema schema, VariableMap submitted, ValidationErrors errors) {
    Set<String> allowed = schema.keys();
    for (String key : submitted.keySet()) {
      if (!allowed.contains(key)) {
        errors.add(key, "表单「" + schema.id() + "」中没有可填写的字段“" + abbreviate(key) + "”，不能提交该数据");
        continue;
      }
      TypedValue value = submitted.getValueTyped(key);
      String type = value == null || value.getType() == null ? ValueType.NULL.getName() : value.getType().getName();
      if (!PLAIN_TYPES.contains(type)) {
        errors.add(key, "字段“" + key + "”的数据类型（" + type + "）不允许提交");
      } else if ("json".equals(type) && String.valueOf(value.getValue()).length() > MAX_JSON) {
        errors.add(key, "字段“" + key + "”内容过长（超过" + MAX_JSON + "个字符）");
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
