package cn.shaoxing.pilotbase.forms;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Wraps a process's start form handler: a start form submission may carry only the start form's
 * editable keys ({@link SubmissionGate}). This matters most for the initiator variable (e.g.
 * {@code applicantUserId}): the engine sets it from the signed-in user first and would let a
 * submitted value overwrite it. The values themselves are checked by the start listener.
 */
final class ValidatingStartFormHandler implements StartFormHandler {

  private final StartFormHandler delegate;
  private final String formId;
  private final FormSubmissionValidator validator;

  ValidatingStartFormHandler(StartFormHandler delegate, String formId, FormSubmissionValidator validator) {
    this.delegate = delegate;
    this.formId = formId;
    this.validator = validator;
  }

  @Override
  public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
    return delegate.createStartFormData(definition);
  }

  @Override
  public void parseConfiguration(
      Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition, BpmnParse parse) {
    delegate.parseConfiguration(element, deployment, definition, parse);
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
