package cn.shaoxing.pilotbase.forms;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds server-side form validation to every diagram at parse time, so no diagram (including one
 * changed in the Modeler by an administrator) can forget it: every user task with a
 * {@code camunda:formRef} is validated on completion, and every process start event with one is
 * validated when the instance starts.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

  private final FormSubmissionValidator validator;
  private final SealedSubmissions sealed;

  public FormValidationPlugin(FormSubmissionValidator validator, SealedSubmissions sealed) {
    this.validator = validator;
    this.sealed = sealed;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new ParseListener());
  }

  private static String formRef(Element element) {
    String ref = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    return ref == null || ref.isBlank() || ref.contains("${") || ref.contains("#{") ? null : ref;
  }

  private final class ParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = formRef(element);
      if (formId != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
        // Form submissions are checked before they are stored (REST answers 400) ...
        var definition = b.getTaskDefinition();
        definition.setTaskFormHandler(
            new ValidatingTaskFormHandler(definition.getTaskFormHandler(), formId, validator, sealed));
        // ... and every completion, including plain "complete" calls, once more as a safety net.
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> {
          ProcessDefinitionEntity def = ((TaskEntity) task).getProcessDefinition();
          Map<String, Object> after = sealed.reveal(task);
          validator.validate(def.getDeploymentId(), formId, after);
          // the step is complete: its listeners run in the same command (evidence sealing)
          validator.submitted(formId, after);
        });
      }
    }

    /** At the end of a process's parse, when its start form handler exists. */
    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
      for (Element start : processElement.elements("startEvent")) {
        String formId = formRef(start);
        if (formId != null && definition.getStartFormHandler() != null
            && !(definition.getStartFormHandler() instanceof ValidatingStartFormHandler)) {
          definition.setStartFormHandler(
              new ValidatingStartFormHandler(definition.getStartFormHandler(), formId, validator));
        }
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      String formId = formRef(element);
      if (formId != null && scope instanceof ProcessDefinitionEntity) {
        // Only the start form's keys may be submitted (see parseProcess) and the values are
        // checked when the instance starts.
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, execution -> {
          ProcessDefinitionEntity def = (ProcessDefinitionEntity) ((ExecutionEntity) execution).getProcessDefinition();
          validator.validate(def.getDeploymentId(), formId, execution.getVariables());
        });
      }
    }
  }
}
