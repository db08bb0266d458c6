package cn.shaoxing.pilotbase.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A rule test's view of a submission: the real {@link FormSubmissionValidator} on the .form file
 * as it is deployed (classpath {@code forms/}), with the given rules, answering the Chinese
 * messages a user sees — the form's own checks first, the Java rules only when those passed.
 */
public final class DeployedForm {

  private DeployedForm() {}

  public static FormSchema schema(String formId) {
    try (InputStream in = DeployedForm.class.getResourceAsStream("/forms/" + formId + ".form")) {
      if (in == null) {
        throw new IllegalArgumentException("no deployed form " + formId);
      }
      return FormSchema.parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The messages refusing {@code values} submitted with form {@code formId}; empty when accepted. */
  public static List<String> messages(String formId, Map<String, Object> values, CompletionRule... rules) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    for (int i = 0; i < rules.length; i++) {
      beans.addBean("rule" + i, rules[i]);
    }
    FormSubmissionValidator validator = new FormSubmissionValidator(beans.getBeanProvider(CompletionRule.class),
        beans.getBeanProvider(SubmissionListener.class));
    try {
      validator.validate(Optional.of(schema(formId)), formId, values);
      return List.of();
    } catch (FormValidationException e) {
      return e.errors().all().stream().map(ValidationErrors.FieldError::message).toList();
    }
  }
}
