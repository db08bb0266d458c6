package cn.shaoxing.pilotbase.forms;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Wraps a user task's form handler so that a form submission (Tasklist's "完成", REST
 * {@code submit-form}) is validated before anything is stored. Failing here raises Camunda's
 * form-field validation exception unwrapped, so REST callers get 400 with the Chinese message.
 */
final class ValidatingTaskFormHandler implements TaskFormHandler {

  private final TaskFormHandler delegate;
  private final String formId;
  private final FormSubmissionValidator validator;

  ValidatingTaskFormHandler(TaskFormHandler delegate, String formId, FormSubmissionValidator validator) {
    this.delegate = delegate;
    this.formId = formId;
    this.validator = validator;
  }

  @Override
  public TaskFormData createTaskForm(TaskEntity task) {
    return delegate.createTaskForm(task);
  }

  @Override
  public void parseConfiguration(
      Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition, BpmnParse parse) {
    delegate.parseConfiguration(element, deployment, definition, parse);
  }

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope scope) {
    if (scope instanceof TaskEntity task && task.getProcessDefinition() != null) {
      Map<String, Object> after = new HashMap<>(task.getVariables());
      after.putAll(properties);
      validator.validate(task.getProcessDefinition().getDeploymentId(), formId, after);
    }
    delegate.submitFormVariables(properties, scope);
  }
}
