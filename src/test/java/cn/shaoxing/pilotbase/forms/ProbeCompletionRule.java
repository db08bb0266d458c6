package cn.shaoxing.pilotbase.forms;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Test-only domain rule for the validation probe form: the organisation name may not be "测试". */
@Component
class ProbeCompletionRule implements CompletionRule {

  @Override
  public String formId() {
    return "test-validation-probe";
  }

  @Override
  public void check(Map<String, Object> variables, ValidationErrors errors) {
    if ("测试".equals(variables.get("orgName"))) {
      errors.add("orgName", "「单位名称」不能为“测试”");
    }
  }
}
