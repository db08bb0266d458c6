package cn.shaoxing.pilotbase.forms;

import java.util.Map;

/**
 * Runs when a user task with a form is completed (Tasklist, REST {@code submit-form} or
 * {@code complete}, the Java API) and the submission has passed every check, inside the same engine
 * command (a later failure rolls its work back too). Register an implementation as a Spring bean; it applies to
 * the form whose id {@link #formId()} returns. Used to seal the evidence of a step when the step is
 * completed (docs/evidence.md).
 */
public interface SubmissionListener {

  String formId();

  /** The variables as they will be after the submission (the task's, with the submitted ones). */
  void submitted(Map<String, Object> variables);

  /** A listener from a form id and an action. */
  static SubmissionListener of(String formId, java.util.function.Consumer<Map<String, Object>> action) {
    return new SubmissionListener() {
      @Override
      public String formId() {
        return formId;
      }

      @Override
      public void submitted(Map<String, Object> variables) {
        action.accept(variables);
      }
    };
  }
}
