package cn.shaoxing.pilotbase.forms;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** What the task and start form wrappers share: the engine's own handler and the form they check. */
abstract class ValidatingFormHandler<H extends FormHandler> implements FormHandler {

  protected final H delegate;
  protected final String formId;
  protected final FormSubmissionValidator validator;

  ValidatingFormHandler(H delegate, String formId, FormSubmissionValidator validator) {
    this.delegate = delegate;
    this.formId = formId;
    this.validator = validator;
  }

  @Override
  public void parseConfiguration(
      Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition, BpmnParse parse) {
    delegate.parseConfiguration(element, deployment, definition, parse);
  }
}
