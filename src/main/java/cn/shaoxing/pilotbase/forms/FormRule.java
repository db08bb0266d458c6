package cn.shaoxing.pilotbase.forms;

import java.util.Map;
import java.util.function.BiConsumer;

/** A {@link CompletionRule} made of a form id and a check function. */
public record FormRule(String formId, BiConsumer<Map<String, Object>, ValidationErrors> checker)
    implements CompletionRule {

  @Override
  public void check(Map<String, Object> variables, ValidationErrors errors) {
    checker.accept(variables, errors);
  }
}
