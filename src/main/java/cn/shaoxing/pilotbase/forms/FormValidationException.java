package cn.shaoxing.pilotbase.forms;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Thrown inside the engine command (REST answers 400) when a submission fails validation, so the whole command
 * (task completion or process start) rolls back. The message is Chinese and shown in Tasklist.
 */
public class FormValidationException extends BadUserRequestException {

  private final transient ValidationErrors errors;

  public FormValidationException(ValidationErrors errors) {
    super(errors.summary());
    this.errors = errors;
  }

  public ValidationErrors errors() {
    return errors;
  }
}
