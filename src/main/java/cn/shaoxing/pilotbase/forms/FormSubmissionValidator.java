package cn.shaoxing.pilotbase.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of every form submission: the form's own rules (from the deployed .form
 * file of the same deployment), then the domain {@link CompletionRule}s for that form. Called from
 * inside the engine command, so a rejection rolls the whole command back.
 */
@Component
public class FormSubmissionValidator {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmissionValidator.class);

  private final ObjectMapper mapper = new ObjectMapper();
  private final ObjectProvider<CompletionRule> rules;
  private final ObjectProvider<SubmissionListener> listeners;
  /** deploymentId → (form id → schema); deployments never change, so entries never go stale. */
  private final Map<String, Map<String, FormSchema>> cache = new ConcurrentHashMap<>();

  public FormSubmissionValidator(ObjectProvider<CompletionRule> rules, ObjectProvider<SubmissionListener> listeners) {
    this.rules = rules;
    this.listeners = listeners;
  }

  /** Validates the variables submitted with form {@code formId} of deployment {@code deploymentId}. */
  public void validate(String deploymentId, String formId, Map<String, Object> variables) {
    Optional<FormSchema> schema = schema(deploymentId, formId);
    if (schema.isEmpty()) {
      LOG.warn("表单 {} 不在部署 {} 中，只执行业务规则校验", formId, deploymentId);
    }
    validate(schema, formId, variables);
  }

  /**
   * Stages 2 and 3 on a form already read: its schema checks, then (only if they passed) the
   * {@link CompletionRule}s of {@code formId}. Rule tests call it with the .form file as deployed.
   */
  public void validate(Optional<FormSchema> schema, String formId, Map<String, Object> variables) {
    Map<String, Object> values = plain(variables);
    ValidationErrors errors = new ValidationErrors();
    schema.ifPresent(s -> FormSchemaCheck.check(s, values, errors));
    if (errors.isEmpty()) {
      rules.orderedStream().filter(r -> r.formId().equals(formId)).forEach(r -> r.check(values, errors));
    }
    if (!errors.isEmpty()) {
      LOG.info("拒绝表单 {} 的提交：{}", formId, errors.summary());
      throw new FormValidationException(errors);
    }
  }

  /** Tells the {@link SubmissionListener}s of {@code formId} that a submission passed every check. */
  public void submitted(String formId, Map<String, Object> variables) {
    Map<String, Object> values = plain(variables);
    listeners.orderedStream().filter(l -> l.formId().equals(formId)).forEach(l -> l.submitted(values));
  }

  /**
   * Refuses a submission that carries keys the form does not declare as editable fields, values
   * of types a form cannot produce, or texts too long to store ({@link SubmissionGate}).
   */
  public void gate(String deploymentId, String formId, org.camunda.bpm.engine.variable.VariableMap submitted) {
    ValidationErrors errors = new ValidationErrors();
    Optional<FormSchema> schema = schema(deploymentId, formId);
    if (schema.isEmpty()) {
      if (!submitted.isEmpty()) {
        errors.add(formId, "找不到表单「" + formId + "」的定义，不能接收提交的数据");
      }
    } else {
      SubmissionGate.check(schema.get(), submitted, errors);
    }
    if (!errors.isEmpty()) {
      LOG.info("拒绝表单 {} 的提交（未声明或不允许的数据）：{}", formId, errors.summary());
      throw new FormValidationException(errors);
    }
  }

  Optional<FormSchema> schema(String deploymentId, String formId) {
    Map<String, FormSchema> forms = cache.computeIfAbsent(deploymentId, this::loadForms);
    return Optional.ofNullable(forms.get(formId));
  }

  /** Reads the deployment's .form resources directly (no authorization check: it is engine-internal). */
  private Map<String, FormSchema> loadForms(String deploymentId) {
    Map<String, FormSchema> forms = new HashMap<>();
    List<ResourceEntity> resources =
        Context.getCommandContext().getResourceManager().findResourcesByDeploymentId(deploymentId);
    for (ResourceEntity r : resources) {
      if (r.getName().endsWith(".form")) {
        try {
          JsonNode root = mapper.readTree(new String(r.getBytes(), StandardCharsets.UTF_8));
          FormSchema schema = FormSchema.parse(root);
          if (schema.id() != null) {
            forms.put(schema.id(), schema);
          }
        } catch (IOException e) {
          LOG.error("无法解析表单 {}", r.getName(), e);
        }
      }
    }
    return forms;
  }

  /** Spin JSON values (how Tasklist stores lists and objects) become plain Java maps and lists. */
  Map<String, Object> plain(Map<String, Object> variables) {
    Map<String, Object> out = new HashMap<>();
    variables.forEach((k, v) -> out.put(k, plainValue(v)));
    return out;
  }

  private Object plainValue(Object v) {
    if (v instanceof SpinJsonNode spin) {
      try {
        return mapper.readValue(spin.toString(), Object.class);
      } catch (IOException e) {
        return v;
      }
    }
    return v;
  }
}
