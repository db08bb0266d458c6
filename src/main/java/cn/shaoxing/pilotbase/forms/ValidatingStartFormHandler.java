package cn.shaoxing.pilotbase.forms;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Wraps a process's start form handler: a start form submission may carry only the start form's
 * editable keys ({@link SubmissionGate}). This matters most for the initiator variable (e.g.
 * {@code applicantUserId}): the engine sets it from the signed-in user first and would let a
 * submitted value overwrite it. The values themselves are checked by the start listener.
 */
final class ValidatingStartFormHandler extends ValidatingFormHandler<StartFormHandler> implements StartFormHandler {

  ValidatingStartFormHandler(StartFormHandler delegate, String formId, FormSubmissionValidator validator) {
    super(delegate, formId, validator);
  }

  @Override
  public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
    return delegate.createStartFormData(definition);
  }

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope scope) {
    if (scope instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity e
        && e.getProcessDefinition() != null) {
      validator.gate(e.getProcessDefinition().getDeploymentId(), formId, properties);
    }
    delegate.submitFormVariables(properties, scope);
  }
}
