package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** Which failures are a person's refused input (one line) and which are faults (ERROR), ADR 0015. */
class CommandFailureClassificationTest {

  @Test
  void validationAuthorizationRacesAndChineseRuleRefusalsAreRefusals() {
    var validation = new FormFieldValidationException("orgName", "表单校验未通过：「单位名称」为必填项");
    assertThat(CommandFailureLog.refusal(validation)).isSameAs(validation);
    assertThat(CommandFailureLog.refusal(new AuthorizationException("no TASK_WORK"))).isNotNull();
    assertThat(CommandFailureLog.refusal(new OptimisticLockingException("ENGINE-03005 concurrently"))).isNotNull();
    var rule = new ProcessEngineException("当前没有开放申报的年度评选，或申报已截止");
    assertThat(CommandFailureLog.refusal(rule)).isSameAs(rule);
  }

  @Test
  void theRefusalInsideAnEngineWrapperIsTheOneReported() {
    var validation = new FormFieldValidationException("orgName", "表单校验未通过：「单位名称」为必填项");
    var wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the listener: "
        + validation.getMessage(), validation);
    assertThat(CommandFailureLog.refusal(wrapped)).isSameAs(validation);
    var rule = new ProcessEngineException("公示异议须通过“登记公示异议”启动");
    assertThat(CommandFailureLog.refusal(new ProcessEngineException(rule))).isSameAs(rule);
  }

  @Test
  void everythingElseIsAFault() {
    assertThat(CommandFailureLog.refusal(new NullPointerException())).isNull();
    assertThat(CommandFailureLog.refusal(new ProcessEngineException("ENGINE-03083 SQL failed",
        new SQLException("value too long for type character varying(4000)")))).isNull();
    assertThat(CommandFailureLog.refusal(new IllegalStateException("中文的程序错误"))).isNull();
    assertThat(CommandFailureLog.refusal(new ProcessEngineException("ENGINE-03051 listener: 中文",
        new IllegalStateException("中文")))).isNull();
  }

  @Test
  void messagesBecomeOneLine() {
    assertThat(CommandFailureLog.oneLine("表单校验未通过：\n「单位名称」为必填项\r\n「邮箱」无效")).doesNotContain("\n")
        .isEqualTo("表单校验未通过： / 「单位名称」为必填项 / 「邮箱」无效");
  }
}
