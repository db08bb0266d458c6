package cn.shaoxing.pilotbase.forms;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Thrown inside the engine command when a submission fails validation, so the whole command
 * (task completion or process start) rolls back. The message is Chinese and shown in Tasklist; it
 * extends Camunda's form-field validation exception so the REST API answers 400, not 500.
 */
public class FormValidationException extends FormFieldValidationException {

  private final transient ValidationErrors errors;

  public FormValidationException(ValidationErrors errors) {
    super(errors.all().isEmpty() ? null : errors.all().get(0).field(), errors.summary());
    this.errors = errors;
  }

  public ValidationErrors errors() {
    return errors;
  }
}
