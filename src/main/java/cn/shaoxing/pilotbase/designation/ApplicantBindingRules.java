package cn.shaoxing.pilotbase.designation;

import static cn.shaoxing.pilotbase.designation.DesignationVariables.APPLICANT_USER_ID;

import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.forms.ValidationErrors;
import cn.shaoxing.pilotbase.organisation.ApplicantAccount;
import cn.shaoxing.pilotbase.organisation.ApplicantAccountService;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An applicant account files only for the organisation it is bound to (org_account): the credit
 * code of the start form and of the correction form must be the account's. Without this, any
 * applicant could file for any organisation and the real one would then be refused as a duplicate.
 */
@Configuration(proxyBeanMethods = false)
public class ApplicantBindingRules {

  private final ApplicantAccountService accounts;
  private final IdentityService identity;

  public ApplicantBindingRules(ApplicantAccountService accounts, IdentityService identity) {
    this.accounts = accounts;
    this.identity = identity;
  }

  @Bean
  public CompletionRule applicationStartBindingRule() {
    return new FormRule(ApplicationForm.START_FORM_ID, (v, e) -> {
      String user = currentUser();
      if (user == null) {
        e.add(ApplicationForm.CREDIT_CODE, "无法确认提交申报的账号，请登录后再申报");
        return;
      }
      String initiator = APPLICANT_USER_ID.of(v);
      if (initiator != null && !initiator.equals(user)) {
        e.add(APPLICANT_USER_ID.name(), "不能以其他账号的名义提交申报");
        return;
      }
      checkBinding(user, v, e);
    });
  }

  @Bean
  public CompletionRule applicationCorrectionBindingRule() {
    return new FormRule(ApplicationForm.CORRECTION_FORM_ID, (v, e) -> {
      // The signed-in applicant; an engine-internal completion (no user) stands for the application's own account.
      String user = currentUser();
      checkBinding(user != null ? user : APPLICANT_USER_ID.of(v), v, e);
    });
  }

  private void checkBinding(String user, Map<String, Object> v, ValidationErrors e) {
    Optional<ApplicantAccount> account = accounts.findByUser(user);
    if (account.isEmpty()) {
      e.add(ApplicationForm.CREDIT_CODE, "本账号尚未绑定参评单位，不能提交申报。请联系所在区、县（市）科技部门"
          + "或市级归口管理单位，为本账号登记单位名称和统一社会信用代码");
      return;
    }
    String code = DesignationVariables.CREDIT_CODE.of(v);
    ApplicantAccount a = account.get();
    if (code != null && !a.creditCode().equals(code)) {
      e.add(ApplicationForm.CREDIT_CODE, "统一社会信用代码与本账号绑定的单位不一致：本账号只能为“" + a.orgName()
          + "”（统一社会信用代码 " + a.creditCode() + "）申报。如单位信息有误，请联系" + a.reviewerName());
    }
  }

  private String currentUser() {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
