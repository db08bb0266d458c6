package cn.shaoxing.pilotbase.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects Chinese validation messages for one submission. */
public final class ValidationErrors {

  /** One problem with one field. */
  public record FieldError(String field, String message) {}

  private final List<FieldError> errors = new ArrayList<>();

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<FieldError> all() {
    return Collections.unmodifiableList(errors);
  }

  /** "表单校验未通过：字段A：原因；字段B：原因" */
  public String summary() {
    StringBuilder sb = new StringBuilder("表单校验未通过：");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        sb.append('；');
      }
      sb.append(errors.get(i).message());
    }
    return sb.toString();
  }
}
