package cn.shaoxing.pilotbase.forms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Wraps a user task's form handler so that a form submission (Tasklist's "完成", REST
 * {@code submit-form}, and {@code complete}, which the REST firewall sends here too) is checked
 * before anything is stored: only the form's own editable keys ({@link SubmissionGate}), then the
 * form's rules and the domain rules. A sealed form's values go to {@link SealedSubmissions}; only
 * its released keys become variables. Failing here raises Camunda's form-field validation
 * exception unwrapped, so REST callers get 400 with the Chinese message.
 */
final class ValidatingTaskFormHandler extends ValidatingFormHandler<TaskFormHandler> implements TaskFormHandler {

  private final SealedSubmissions sealed;

  ValidatingTaskFormHandler(TaskFormHandler delegate, String formId, FormSubmissionValidator validator,
      SealedSubmissions sealed) {
    super(delegate, formId, validator);
    this.sealed = sealed;
  }

  @Override
  public TaskFormData createTaskForm(TaskEntity task) {
    return delegate.createTaskForm(task);
  }

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope scope) {
    if (!(scope instanceof TaskEntity task) || task.getProcessDefinition() == null) {
      delegate.submitFormVariables(properties, scope);
      return;
    }
    String deploymentId = task.getProcessDefinition().getDeploymentId();
    validator.gate(deploymentId, formId, properties);
    Map<String, Object> after = new HashMap<>(task.getVariables());
    after.putAll(properties);
    validator.validate(deploymentId, formId, after);
    Optional<SealedForm> seal = sealed.sealedForm(formId);
    if (seal.isEmpty()) {
      delegate.submitFormVariables(properties, scope);
      return;
    }
    String ref = sealed.seal(formId, task.getId(), task.getProcessInstanceId(), task.getAssignee(),
        validator.plain(properties));
    VariableMap released = Variables.createVariables();
    for (String key : seal.get().releasedKeys()) {
      if (properties.containsKey(key)) {
        released.putValueTyped(key, properties.getValueTyped(key));
      }
    }
    if (task.getExecution() == null) {
      // completed by a concurrent submission (another browser tab) after this one loaded the task
      throw new OptimisticLockingException("该任务已经办理完毕（OptimisticLocking）：" + task.getId());
    }
    task.getExecution().setVariableLocal(SealedSubmissions.REFERENCE, ref);
    delegate.submitFormVariables(released, scope);
  }
}
