package cn.shaoxing.pilotbase.forms;

import java.util.Map;

/**
 * A domain check that runs on the server when a form is submitted (task completion or process
 * start), after the generic checks derived from the form schema. Register an implementation as a
 * Spring bean; it applies to the form whose id {@link #formId()} returns. Report problems with
 * {@link ValidationErrors#add(String, String)} in Chinese; the submission is then rejected and
 * nothing changes.
 */
public interface CompletionRule {

  /** Id of the Camunda Form ("id" in the .form JSON) this rule applies to. */
  String formId();

  /** Checks the variables as they will be after the submission. */
  void check(Map<String, Object> variables, ValidationErrors errors);
}
